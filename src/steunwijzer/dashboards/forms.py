from django import forms

from steunwijzer.core.forms import ButtonField

from .scenarios import read_inputs

INPUT_FIELDS = ("name", "unit", "basis", "total", "fixed_base")


class AllocationForm(forms.Form):
    """What to divide and how (posted, or in a link's query); `read_inputs` checks it, with a
    message per field. "Bereken" (preview) only computes, the other button saves too."""

    preview = ButtonField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in INPUT_FIELDS:
            self.fields[name] = forms.CharField(required=False, strip=False)

    def clean(self):
        cleaned = super().clean()
        # An input left out (a link with only the total) takes `read_inputs`' default.
        given = {
            name: cleaned[name]
            for name in INPUT_FIELDS
            if name in cleaned
            and not self[name].field.widget.value_omitted_from_data(
                self.data, self.files, self.add_prefix(name)
            )
        }
        inputs, errors = read_inputs(given)
        for name, message in errors.items():
            self.add_error(name, message)
        cleaned["inputs"] = inputs
        return cleaned

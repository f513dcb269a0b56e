from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from steunwijzer.core.forms import ButtonField
from steunwijzer.profiles.models import Profile

from .labels import FACTOR_FIELDS
from .overview import RECEIVABLE_STATE
from .scenarios import read_inputs

INPUT_FIELDS = ("name", "unit", "basis", "total", "fixed_base", *FACTOR_FIELDS)


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


NO_RECEIPT_CHOSEN = gettext_lazy("Choose one or more delivered SOPs to confirm receipt of.")


class AcknowledgeForm(forms.Form):
    """Which of the partnership's SOPs to confirm receipt of, on which day, and the overview's
    query to go back to. Every chosen SOP must be delivered: otherwise nothing is confirmed,
    and the message names each one that is not."""

    profiles = forms.ModelMultipleChoiceField(
        queryset=Profile.objects.none(),
        error_messages={
            "required": NO_RECEIPT_CHOSEN,
            "invalid_choice": NO_RECEIPT_CHOSEN,
            "invalid_pk_value": NO_RECEIPT_CHOSEN,
        },
    )
    # Checked by the route's payload rules (a date, not in the future); empty is today.
    received_on = forms.CharField(required=False, strip=True)
    terug = forms.CharField(required=False)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profiles"].queryset = (
            Profile.objects.filter(school__board__partnership=partnership)
            .select_related("school")
            .only("pk", "state", "school_year", "school__name")
            .order_by("school__name", "school_year")
        )

    def clean_profiles(self):
        chosen = list(self.cleaned_data["profiles"])
        waiting = [p for p in chosen if p.state != RECEIVABLE_STATE]
        if waiting:
            schools = ", ".join(
                _("%(school)s (now: %(state)s)")
                % {"school": p.school.name, "state": p.get_state_display()}
                for p in waiting
            )
            raise forms.ValidationError(
                ngettext(
                    "Nothing has been confirmed: the SOP of %(schools)s has not been delivered, "
                    "so its receipt cannot be confirmed.",
                    "Nothing has been confirmed: the SOPs of %(schools)s have not been "
                    "delivered, so their receipt cannot be confirmed.",
                    len(waiting),
                )
                % {"schools": schools}
            )
        return chosen

    def back_query(self) -> str:
        """The overview's query as it was, rebuilt so that only a query string comes back."""
        return QueryDict(self.cleaned_data.get("terug", "")).urlencode()

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Delivery

NO_SUCH_CHOICE = _("Choose at once, in the daily summary or no e-mail.")


class SettingsForm(forms.Form):
    """Per kind of notification: e-mail at once, in the daily summary, or not at all."""

    def __init__(self, *args, current: dict, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        for kind in kinds:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=current[kind],
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": NO_SUCH_CHOICE, "required": NO_SUCH_CHOICE},
            )

    def deliveries(self) -> dict:
        return {kind: self.cleaned_data[kind.value] for kind in self.kinds}

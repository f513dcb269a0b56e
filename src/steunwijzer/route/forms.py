from django import forms
from django.utils.translation import gettext_lazy as _

from steunwijzer.core.forms import UploadField
from steunwijzer.organisations.forms import UtrechtFormMixin

from .deadlines import following_school_year


class DeadlineForm(UtrechtFormMixin, forms.Form):
    school_year = forms.ChoiceField(label=_("School year"))
    due_on = forms.DateField(
        label=_("Due at the board on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("A date in the chosen school year (1 August up to and including 31 July)."),
    )

    def __init__(self, *args, school_year: str, **kwargs):
        super().__init__(*args, **kwargs)
        # This year and the next: deadlines are set ahead for the coming school year.
        years = [school_year, following_school_year(school_year)]
        self.fields["school_year"].choices = [(y, y) for y in years]
        self.fields["school_year"].initial = school_year


# What a step may record (`payloads.clean_payload` checks it per action).
PAYLOAD_FIELDS = (
    "advice",
    "decision",
    "motivation",
    "date",
    "remarks",
    "reason",
    "reasons",
    "established_on",
    "received_on",
    "heard_on",
    "method",
    "views",
    "response",
    "note",
    "meeting_on",
    "chair_name",
    "secretary_name",
)


NOT_CONFIRMED = _("Tick the box to confirm that you establish this version.")


class TransitionForm(forms.Form):
    """A step on the route: its record as typed and the MR's signed statement; the service
    checks both per action, so every field is optional here."""

    statement = UploadField(required=False)
    # Establishing is the board's legal act: the page asks to confirm it (the API does not).
    confirmed = forms.BooleanField(required=False)

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        for name in PAYLOAD_FIELDS:
            self.fields[name] = forms.CharField(required=False, strip=False)

    def clean(self):
        cleaned = super().clean()
        if self.action == "establish" and not cleaned.get("confirmed"):
            self.add_error("confirmed", NOT_CONFIRMED)
        return cleaned

    def payload(self) -> dict:
        """The record's fields that were posted (an absent one is not an empty one)."""
        return {
            name: self.cleaned_data[name]
            for name in PAYLOAD_FIELDS
            if not self[name].field.widget.value_omitted_from_data(
                self.data, self.files, self.add_prefix(name)
            )
        }


NO_PROFILES_CHOSEN = _("Choose one or more established SOPs to deliver.")


class DeliverForm(forms.Form):
    """Which of the board's established SOPs to deliver, and a note with them."""

    profiles = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={"required": NO_PROFILES_CHOSEN, "invalid_choice": NO_PROFILES_CHOSEN},
    )
    note = forms.CharField(required=False, strip=False)

    def __init__(self, *args, ready, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profiles"].choices = [(p.pk, p.pk) for p in ready]

"""Forms for starting a profile, saving a chapter, the own-model document, the documents
beside the chapters and the evaluation.

The services check everything again; these forms give each problem a place on the page.
The chapter's answers themselves are read by `editor_form` (one input per field of the model).
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from steunwijzer.core.stored_file import check_document
from steunwijzer.core.uploads import DOCX, PDF
from steunwijzer.organisations.forms import UtrechtFormMixin

from .editor_form import pending_from_json
from .evaluation import Evaluation, years_later
from .models import Profile
from .own_document import LOCATION_MAX_LENGTH, mandatory_parts

ACCEPT_DOCUMENTS = f".pdf,.docx,{PDF},{DOCX}"


class NewProfileForm(forms.Form):
    """Which model the new profile follows; without a choice the regional one."""

    kind = forms.ChoiceField(
        choices=Profile.Kind.choices,
        required=False,
        error_messages={"invalid_choice": "Kies het regionale model of een eigen model."},
    )

    def clean_kind(self):
        return self.cleaned_data["kind"] or Profile.Kind.REGIONAL


class ChapterSaveForm(forms.Form):
    """The version the editor started from and its editing session, posted with a chapter."""

    base_version = forms.IntegerField(
        error_messages={
            "required": "Het formulier mist de versie. Laad de pagina opnieuw.",
            "invalid": "Het formulier mist de versie. Laad de pagina opnieuw.",
        }
    )
    edit_session = forms.CharField(required=False, strip=False)

    def clean_edit_session(self):
        return self.cleaned_data["edit_session"][:32]


class ConflictChoiceForm(forms.Form):
    """After a conflict: the editor's own changes (`pending`, as JSON) and per field whether to
    keep their own text ("mine", chosen unless told otherwise) or the colleague's."""

    base_version = forms.IntegerField(required=False)
    pending = forms.CharField(required=False, strip=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in pending_from_json(self.data.get("pending")):
            self.fields[f"choice-{key}"] = forms.ChoiceField(
                choices=[("mine", "mine"), ("theirs", "theirs")], required=False
            )

    def clean_base_version(self):
        value = self.cleaned_data["base_version"]
        return -1 if value is None else value

    def clean_pending(self):
        return pending_from_json(self.cleaned_data["pending"])

    def kept_changes(self) -> dict:
        """The pending changes the editor keeps as their own."""
        return {
            key: value
            for key, value in self.cleaned_data["pending"].items()
            if self.cleaned_data[f"choice-{key}"] in ("", "mine")
        }


class OwnDocumentUploadForm(UtrechtFormMixin, forms.Form):
    document = forms.FileField(
        label="Eigen SOP-document",
        help_text="PDF of Word (.docx), hoogstens 15 MB. Een nieuw bestand vervangt het huidige.",
        widget=forms.FileInput(attrs={"accept": ACCEPT_DOCUMENTS}),
        error_messages={"required": "Kies het bestand met uw SOP."},
    )


class LocationsForm(UtrechtFormMixin, forms.Form):
    """One field per mandatory part: where in the document it is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for part in mandatory_parts():
            self.fields[part.key] = forms.CharField(
                label=part.label,
                max_length=LOCATION_MAX_LENGTH,
                help_text="Bijvoorbeeld: blz. 4, of: Hoofdstuk 2 Basisondersteuning.",
                error_messages={"required": f"Geef aan waar “{part.label}” in het document staat."},
            )


class SupportingDocumentForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label="Titel", max_length=200)
    kind = forms.ChoiceField(label="Soort document")
    file = forms.FileField(
        label="Bestand",
        required=False,
        help_text="PDF of Word (.docx), hoogstens 15 MB. Of geef hieronder een webadres.",
        widget=forms.FileInput(attrs={"accept": ACCEPT_DOCUMENTS}),
    )
    url = forms.URLField(
        label="Webadres",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Een link die begint met https://, bijvoorbeeld naar het schoolplan op de "
        "website van de school.",
    )
    chapter_keys = forms.MultipleChoiceField(
        label="Bij welke hoofdstukken hoort dit document?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Niets aangevinkt: de gebruikelijke hoofdstukken voor deze soort document.",
    )

    def __init__(self, *args, kinds, chapters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.value, k.label.capitalize()) for k in kinds]
        self.fields["chapter_keys"].choices = [(c.key, c.heading) for c in chapters]
        self.fields["chapter_keys"].widget.attrs["class"] = (
            "utrecht-checkbox utrecht-checkbox--html-input"
        )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        return check_document(upload) if upload else None

    def clean_url(self):
        url = self.cleaned_data.get("url", "")
        if url and not url.lower().startswith("https://"):
            raise ValidationError("Gebruik een beveiligd webadres dat begint met https://.")
        return url

    def clean(self):
        cleaned = super().clean()
        has_file = bool(cleaned.get("file")) or bool(self.errors.get("file"))
        has_url = bool(cleaned.get("url")) or bool(self.errors.get("url"))
        if has_file and has_url:
            raise ValidationError("Voeg een bestand toe óf geef een webadres, niet allebei.")
        if not has_file and not has_url:
            raise ValidationError("Voeg een bestand toe of geef een webadres.")
        return cleaned


class EvaluationForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["evaluated_on", "evaluated_by", "what_changed", "why", "next_evaluation"]
        labels = {
            "evaluated_on": "Datum van de evaluatie",
            "evaluated_by": "Wie heeft geëvalueerd?",
            "what_changed": "Wat is er veranderd ten opzichte van vorig jaar?",
            "why": "Waarom?",
            "next_evaluation": "Datum van de volgende evaluatie",
        }
        help_texts = {
            "evaluated_by": "Namen of functies, bijvoorbeeld: directeur en IB'er met het team.",
            "what_changed": "Bijvoorbeeld: nieuwe expertise in het team, een andere grens.",
        }
        widgets = {
            "evaluated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "next_evaluation": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "what_changed": forms.Textarea(attrs={"rows": 5}),
            "why": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, today: date, **kwargs):
        kwargs.setdefault(
            "initial", {"evaluated_on": today, "next_evaluation": years_later(today, 1)}
        )
        super().__init__(*args, **kwargs)
        for name in ("what_changed", "why"):
            self.fields[name].widget.attrs["class"] = "utrecht-textarea"

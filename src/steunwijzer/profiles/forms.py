"""Forms for starting a profile, saving a chapter, the own-model document, the documents
beside the chapters and the evaluation.

The services check everything again; these forms give each problem a place on the page.
The chapter's answers themselves are read by `editor_form` (one input per field of the model).
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.core.forms import FlagField
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
        error_messages={
            "invalid_choice": gettext_lazy("Choose the regional model or an own model.")
        },
    )

    def clean_kind(self):
        return self.cleaned_data["kind"] or Profile.Kind.REGIONAL


class ChapterSaveForm(forms.Form):
    """The version the editor started from and its editing session, posted with a chapter."""

    base_version = forms.IntegerField(
        error_messages={
            "required": gettext_lazy("The form lacks the version. Reload the page."),
            "invalid": gettext_lazy("The form lacks the version. Reload the page."),
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
        label=gettext_lazy("Own SOP document"),
        help_text=gettext_lazy(
            "PDF or Word (.docx), at most 15 MB. A new file replaces the current one."
        ),
        widget=forms.FileInput(attrs={"accept": ACCEPT_DOCUMENTS}),
        error_messages={"required": gettext_lazy("Choose the file with your SOP.")},
    )


class LocationsForm(UtrechtFormMixin, forms.Form):
    """One field per mandatory part: where in the document it is."""

    def __init__(self, *args, sop_format, **kwargs):
        super().__init__(*args, **kwargs)
        for part in mandatory_parts(sop_format):
            self.fields[part.key] = forms.CharField(
                label=part.label,
                max_length=LOCATION_MAX_LENGTH,
                help_text=_("For example: blz. 4, or: Hoofdstuk 2 Basisondersteuning."),
                error_messages={
                    "required": _("Say where “%(part)s” is in the document.") % {"part": part.label}
                },
            )


class SupportingDocumentForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Kind of document"))
    file = forms.FileField(
        label=gettext_lazy("File"),
        required=False,
        help_text=gettext_lazy("PDF or Word (.docx), at most 15 MB. Or give a web address below."),
        widget=forms.FileInput(attrs={"accept": ACCEPT_DOCUMENTS}),
    )
    url = forms.URLField(
        label=gettext_lazy("Web address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy(
            "A link that starts with https://, for example to the school plan on the school's "
            "website."
        ),
    )
    chapter_keys = forms.MultipleChoiceField(
        label=gettext_lazy("Which chapters does this document belong to?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Nothing ticked: the usual chapters for this kind of document."),
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
            raise ValidationError(_("Use a secure web address that starts with https://."))
        return url

    def clean(self):
        cleaned = super().clean()
        has_file = bool(cleaned.get("file")) or bool(self.errors.get("file"))
        has_url = bool(cleaned.get("url")) or bool(self.errors.get("url"))
        if has_file and has_url:
            raise ValidationError(_("Add a file or give a web address, not both."))
        if not has_file and not has_url:
            raise ValidationError(_("Add a file or give a web address."))
        return cleaned


class EvaluationForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["evaluated_on", "evaluated_by", "what_changed", "why", "next_evaluation"]
        labels = {
            "evaluated_on": gettext_lazy("Date of the evaluation"),
            "evaluated_by": gettext_lazy("Who evaluated?"),
            "what_changed": gettext_lazy("What changed compared with last year?"),
            "why": gettext_lazy("Why?"),
            "next_evaluation": gettext_lazy("Date of the next evaluation"),
        }
        help_texts = {
            "evaluated_by": gettext_lazy(
                "Names or roles, for example: head teacher and IB'er with the team."
            ),
            "what_changed": gettext_lazy(
                "For example: new expertise in the team, a different limit."
            ),
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


class OldSopUploadForm(UtrechtFormMixin, forms.Form):
    """Last year's SOP as a Word file, to be read into the fields (`word_import`)."""

    file = forms.FileField(
        label=gettext_lazy("Last year's SOP"),
        help_text=gettext_lazy("Word (.docx), at most 10 MB. Nothing is saved before you confirm."),
        widget=forms.FileInput(attrs={"accept": f".docx,{DOCX}"}),
        error_messages={
            "required": gettext_lazy("Choose the Word file with your old SOP."),
            "empty": gettext_lazy("The file is empty."),
        },
    )


class OldSopApiForm(OldSopUploadForm):
    """The API's import: without confirm=true only the preview."""

    confirm = FlagField(on="true")


class OldSopConfirmForm(forms.Form):
    """Per long-text field of the model: whether to take the old text (`take_<key>`), the
    text as the school adjusted it (`text_<key>`) and, to show the preview again when the
    confirmation is refused, the old text, its heading and the reason; the version the
    preview was made on."""

    base_version = forms.IntegerField(
        error_messages={
            "required": gettext_lazy("The form lacks the version. Reload the page."),
            "invalid": gettext_lazy("The form lacks the version. Reload the page."),
        }
    )

    def __init__(self, *args, field_keys, **kwargs):
        super().__init__(*args, **kwargs)
        self.field_keys = list(field_keys)
        for key in self.field_keys:
            self.fields[f"take_{key}"] = forms.BooleanField(required=False)
            for name in ("text", "old", "heading", "reason"):
                self.fields[f"{name}_{key}"] = forms.CharField(required=False, strip=False)

    def changes(self) -> dict:
        """The texts the school chose to take, field key → text."""
        data = self.cleaned_data
        return {key: data[f"text_{key}"] for key in self.field_keys if data.get(f"take_{key}")}

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.changes():
            raise ValidationError(_("Tick at least one field to take the old text into."))
        return cleaned

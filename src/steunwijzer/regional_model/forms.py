from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.core.forms import UploadField
from steunwijzer.organisations.forms import UtrechtFormMixin

from .loader import MAX_SOURCE_BYTES


class FormatUploadForm(forms.Form):
    """A new version of the SOP model: only checked, or checked and imported ("import")."""

    model = UploadField(
        error_messages={"required": gettext_lazy("Choose a YAML file with the SOP model.")}
    )
    action = forms.CharField(required=False, strip=False)

    def clean_model(self):
        upload = self.cleaned_data["model"]
        if upload.size > MAX_SOURCE_BYTES:
            raise ValidationError(_("This file is larger than 1 MB; an SOP model is much smaller."))
        return upload

    def imports(self) -> bool:
        return self.cleaned_data["action"] == "import"


SUMMARY_MAX_LENGTH = 1000


class FixedTextSummariesForm(UtrechtFormMixin, forms.Form):
    """A plain-language summary for each fixed text of the model; empty: no summary."""

    def __init__(self, *args, fixed_texts, summaries: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_texts = list(fixed_texts)
        for item in self.fixed_texts:
            self.fields[item.key] = forms.CharField(
                label=item.title or item.key,
                required=False,
                max_length=SUMMARY_MAX_LENGTH,
                initial=summaries.get(item.key, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def pairs(self):
        """Each fixed text with the field for its summary."""
        return [(item, self[item.key]) for item in self.fixed_texts]


class FormatSourceForm(forms.Form):
    """The model's YAML as edited in the browser: checked, or published ("publish")."""

    source = forms.CharField(
        strip=False,
        max_length=MAX_SOURCE_BYTES,
        error_messages={
            "required": gettext_lazy("The model is empty; write or paste its YAML."),
            "max_length": gettext_lazy(
                "This model is larger than 1 MB; an SOP model is much smaller."
            ),
        },
    )
    action = forms.CharField(required=False, strip=False)
    # The form editor's draft token when the page was shown (services.format_draft_of), so
    # taking this model into the form editor never replaces a draft nobody here has seen.
    draft = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def publishes(self) -> bool:
        return self.cleaned_data["action"] == "publish"

    def to_outline(self) -> bool:
        """Taken into the form editor as its draft ("outline")."""
        return self.cleaned_data["action"] == "outline"


class FormatCompareForm(forms.Form):
    """Two versions of the partnership's model to compare."""

    a = forms.ModelChoiceField(queryset=None, label=gettext_lazy("First version"))
    b = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Second version"))

    def __init__(self, *args, versions, choose=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("a", "b"):
            self.fields[name].queryset = versions
            self.fields[name].error_messages["invalid_choice"] = choose or _choose_version
            self.fields[name].error_messages["required"] = choose or _choose_version


_choose_version = gettext_lazy("Choose a version of this partnership's model.")


class DefinitionUploadForm(forms.Form):
    """A new version of the Verscheidenheidsindex scheme or the IJK catalogue, to preview."""

    file = UploadField(error_messages={"required": gettext_lazy("Choose a YAML file.")})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_SOURCE_BYTES:
            raise ValidationError(
                _("This file is larger than 1 MB, far larger than a scheme or catalogue is.")
            )
        return upload

    def filename(self) -> str:
        """The file's own name, without folders: only said back in messages."""
        return PurePath(self.cleaned_data["file"].name.replace("\\", "/")).name[:200]


class DefinitionPublishForm(forms.Form):
    """The previewed text, carried in the preview page, to publish as a new version."""

    source = forms.CharField(
        strip=False,
        max_length=MAX_SOURCE_BYTES,
        widget=forms.HiddenInput,
        error_messages={
            "required": gettext_lazy("The file to publish is missing; upload it again."),
            "max_length": gettext_lazy(
                "This file is larger than 1 MB, far larger than a scheme or catalogue is."
            ),
        },
    )
    filename = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)

    def clean_source(self):
        # The browser sends line breaks as CR LF; the file had them as it had them.
        return self.cleaned_data["source"].replace("\r\n", "\n")

    def clean_filename(self):
        return self.cleaned_data["filename"] or "upload.yaml"

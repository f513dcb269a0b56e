from django import forms
from django.core.exceptions import ValidationError

from steunwijzer.core.forms import UploadField

from .loader import MAX_SOURCE_BYTES


class FormatUploadForm(forms.Form):
    """A new version of the SOP model: only checked, or checked and imported ("import")."""

    model = UploadField(error_messages={"required": "Kies een YAML-bestand met het SOP-model."})
    action = forms.CharField(required=False, strip=False)

    def clean_model(self):
        upload = self.cleaned_data["model"]
        if upload.size > MAX_SOURCE_BYTES:
            raise ValidationError("Dit bestand is groter dan 1 MB; een SOP-model is veel kleiner.")
        return upload

    def imports(self) -> bool:
        return self.cleaned_data["action"] == "import"

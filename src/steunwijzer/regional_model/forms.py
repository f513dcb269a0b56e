from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.core.forms import UploadField

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

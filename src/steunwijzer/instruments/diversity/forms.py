"""What the Invulschema pages and the import API read from a form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from steunwijzer.core.forms import ButtonField, FlagField, UploadField

from .grid import grid_from_post
from .pupil_file import MAX_IMPORT_BYTES, too_large_message

TOO_LARGE = "too_large"


class UpdatePupilCountForm(forms.Form):
    """Whether the school's number of pupils becomes the total counted (a checkbox)."""

    update_pupil_count = FlagField(on="1")


class GridForm(UpdatePupilCountForm):
    """The hand-filled grid: its rows are numbered and its columns come from the scheme
    ("group-<row>", "c-<row>-<category>", "d-<row>-<domain>"), so `grid_from_post` reads
    them; `problems` names each refused cell."""

    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        self.problems = []

    def clean(self):
        cleaned = super().clean()
        counts, domain_counts, self.problems = grid_from_post(self.data, self.scheme)
        if self.problems:
            raise ValidationError([p.message for p in self.problems])
        cleaned["counts"], cleaned["domain_counts"] = counts, domain_counts
        return cleaned


class ImportConfirmForm(UpdatePupilCountForm):
    """Store the counts of the file read before, or stop (the "cancel" button)."""

    cancel = ButtonField()


class PupilFileForm(forms.Form):
    """A pupil export (CSV or xlsx) to count; `read_pupil_file` checks what is in it."""

    file = UploadField(error_messages={"required": _("Choose a file to import.")})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(too_large_message(upload.size), code=TOO_LARGE)
        return upload

    def too_large(self) -> bool:
        return self.has_error("file", TOO_LARGE)


class PupilFileApiForm(PupilFileForm):
    """The API's import: without confirm=true only the preview; its flags are "true"."""

    confirm = FlagField(on="true")
    update_pupil_count = FlagField(on="true")

"""Documents kept in the database: the own SOP document and the documents beside the chapters.

Both take a PDF or Word (.docx) of at most 15 MB, checked by content (core.uploads), and
store it in the same four fields.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from steunwijzer.core.uploads import (
    EMPTY,
    MACROS,
    NOT_ALLOWED,
    TOO_LARGE,
    TYPE_NAMES,
    CheckedFile,
    check_upload,
)

MAX_DOCUMENT_BYTES = 15 * 1024 * 1024
DOCUMENT_KINDS = ("pdf", "docx")
DOCUMENT_MESSAGES = {
    TOO_LARGE: _("This file is too large: a document may be at most 15 MB."),
    NOT_ALLOWED: _("This is not a PDF or Word file (.docx). Save the document as PDF or .docx."),
    MACROS: _(
        "This Word file contains macros and is therefore not saved. Save it as a plain "
        "Word document (.docx) or as PDF."
    ),
    EMPTY: _("This file is empty."),
}


def check_document(upload) -> CheckedFile:
    """A PDF or .docx of at most 15 MB; UploadRefused with a Dutch sentence otherwise."""
    return check_upload(
        upload, allowed=DOCUMENT_KINDS, max_bytes=MAX_DOCUMENT_BYTES, messages=DOCUMENT_MESSAGES
    )


class StoredFileQuerySet(models.QuerySet):
    def without_content(self):
        # The file can be 15 MB; only the download needs it.
        return self.defer("content")


class StoredFile(models.Model):
    """The bytes of a checked upload, kept in the database so no media server is needed."""

    content = models.BinaryField("bestand", default=b"")
    filename = models.CharField("bestandsnaam", max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField("grootte", default=0)

    class Meta:
        abstract = True

    @property
    def has_file(self) -> bool:
        return bool(self.filename)

    @property
    def type_name(self) -> str:
        return TYPE_NAMES.get(self.content_type, "")

    def set_file(self, checked: CheckedFile) -> None:
        self.content = checked.data
        self.filename = checked.filename
        self.content_type = checked.content_type
        self.size = checked.size

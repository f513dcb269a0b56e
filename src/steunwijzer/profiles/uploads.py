"""Checking uploaded documents (PDF, Word .docx) by their content, never by name or type header.

The bytes are kept in the database (no media server), so what is stored here is later
served to every reader of the profile: a renamed program, a macro-enabled Word file or any
other zip must never get in.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.http import content_disposition_header

MAX_DOCUMENT_BYTES = 15 * 1024 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx"}
TYPE_NAMES = {PDF: "PDF", DOCX: "Word"}

# Word files may hide macros in these parts; a .docm or a .docx with a macro part is refused.
_MACRO_PARTS = ("word/vbaProject.bin", "word/vbaData.xml")
_CONTENT_TYPES_MAX = 256 * 1024

TOO_LARGE = "Dit bestand is te groot: een document mag hoogstens 15 MB zijn."
NOT_A_DOCUMENT = "Dit is geen PDF- of Word-bestand (.docx). Sla het document op als PDF of .docx."
MACROS = (
    "Dit Word-bestand bevat macro's en wordt daarom niet opgeslagen. Sla het op als gewoon "
    "Word-document (.docx) of als PDF."
)
EMPTY = "Dit bestand is leeg."


@dataclass(frozen=True)
class CheckedDocument:
    content: bytes
    content_type: str
    filename: str

    @property
    def size(self) -> int:
        return len(self.content)


def check_document(upload) -> CheckedDocument:
    """The upload's bytes and real type; ValidationError with a Dutch message otherwise."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    content = upload.read(MAX_DOCUMENT_BYTES + 1)
    if len(content) > MAX_DOCUMENT_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    if not content:
        raise ValidationError(EMPTY, code="empty")
    content_type = document_type(content)
    return CheckedDocument(content, content_type, clean_filename(upload.name, content_type))


def document_type(content: bytes) -> str:
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"PK\x03\x04"):
        return _docx_type(content)
    raise ValidationError(NOT_A_DOCUMENT, code="not_a_document")


def _docx_type(content: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise ValidationError(NOT_A_DOCUMENT, code="not_a_document")
            if names.intersection(_MACRO_PARTS):
                raise ValidationError(MACROS, code="macros")
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > _CONTENT_TYPES_MAX:
                raise ValidationError(NOT_A_DOCUMENT, code="not_a_document")
            types = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError):
        raise ValidationError(NOT_A_DOCUMENT, code="not_a_document") from None
    if b"macroEnabled" in types:
        raise ValidationError(MACROS, code="macros")
    if b"wordprocessingml.document.main+xml" not in types:
        # A template (.dotx) or another Office file that merely has a word/ folder.
        raise ValidationError(NOT_A_DOCUMENT, code="not_a_document")
    return DOCX


def clean_filename(name: str, content_type: str) -> str:
    """The name people gave the file, without folders, with the extension its content has."""
    stem = PurePath((name or "").replace("\\", "/")).stem.strip(" .") or "document"
    stem = "".join(ch for ch in stem if ch.isprintable() and ch not in '"<>|:*?')
    return f"{stem[:150] or 'document'}{EXTENSIONS[content_type]}"


def attachment_response(content, content_type: str, filename: str) -> HttpResponse:
    """Always a download, never shown inline: the browser must not render what people upload."""
    response = HttpResponse(bytes(content), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

"""Checking uploaded files by their content, never by name or type header, and serving them.

Uploads are kept in the database (no media server), so what is stored is later served to
every reader: a renamed program, an SVG with script, a macro-enabled Word file or any other
zip must never get in. Every upload (own SOP document, supporting documents, the MR's signed
statement, the partnership's logo) goes through `check_upload`; every stored file goes out
through `attachment_response`.
"""

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from .numbers import dutch_number

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PNG = "image/png"
JPEG = "image/jpeg"

# kind → (content type, extension, name people know it by)
KINDS = {
    "pdf": (PDF, ".pdf", "PDF"),
    "docx": (DOCX, ".docx", "Word"),
    "png": (PNG, ".png", "PNG"),
    "jpeg": (JPEG, ".jpg", "JPEG"),
}
CONTENT_TYPES = {kind: content_type for kind, (content_type, _, _) in KINDS.items()}
EXTENSIONS = {content_type: ext for content_type, ext, _ in KINDS.values()}
TYPE_NAMES = {content_type: name for content_type, _, name in KINDS.values()}

_SIGNATURES = {"pdf": b"%PDF-", "png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff"}
_ZIP = b"PK\x03\x04"
# Word files may hide macros in these parts; a .docm or a .docx with a macro part is refused.
_MACRO_PARTS = ("word/vbaProject.bin", "word/vbaData.xml")
_CONTENT_TYPES_MAX = 256 * 1024
FILENAME_MAX_LENGTH = 200
_STEM_MAX_LENGTH = 150

# The reasons an upload is refused; callers may word each one their own way (`messages`).
TOO_LARGE, NOT_ALLOWED, MACROS, EMPTY = "too_large", "not_allowed", "macros", "empty"


class UploadRefused(ValidationError):
    """An upload that is not stored, with a Dutch message for the person who sent it.

    A ValidationError, so a form's clean_<field> can let it through to the field."""

    def __init__(self, message: str, code: str):
        super().__init__(message, code=code)


@dataclass(frozen=True)
class CheckedFile:
    data: bytes
    content_type: str
    filename: str

    @property
    def size(self) -> int:
        return len(self.data)


def check_upload(
    upload,
    *,
    allowed: tuple[str, ...],
    max_bytes: int,
    messages: Mapping[str, str] | None = None,
) -> CheckedFile:
    """The upload's bytes and real type, when its content is one of the `allowed` kinds
    ("pdf", "docx", "png", "jpeg") and it is at most `max_bytes`; UploadRefused otherwise.

    `messages` replaces the default message for a reason (TOO_LARGE, NOT_ALLOWED, MACROS,
    EMPTY)."""
    unknown = set(allowed) - KINDS.keys()
    if not allowed or unknown:
        raise ValueError(f"unknown upload kinds: {sorted(unknown) or 'none'}")
    texts = default_messages(allowed, max_bytes) | dict(messages or {})

    def refuse(reason: str):
        return UploadRefused(texts[reason], code=reason)

    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise refuse(TOO_LARGE)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise refuse(TOO_LARGE)
    if not data:
        raise refuse(EMPTY)
    kind = _kind_of(data, allowed, refuse)
    content_type = CONTENT_TYPES[kind]
    return CheckedFile(data, content_type, clean_filename(getattr(upload, "name", ""), kind))


def default_messages(allowed: tuple[str, ...], max_bytes: int) -> dict[str, str]:
    names = [KINDS[kind][2] for kind in allowed]
    kinds = names[0] if len(names) == 1 else f"{'-, '.join(names[:-1])}- of {names[-1]}"
    return {
        TOO_LARGE: _("the file is larger than %(size)s") % {"size": size_text(max_bytes)},
        NOT_ALLOWED: _("only a %(kinds)s file is possible") % {"kinds": kinds},
        MACROS: _("the Word file contains macros; save it as a plain Word document or as PDF"),
        EMPTY: _("the file is empty"),
    }


def size_text(n_bytes: int) -> str:
    """10485760 → "10 MB", 512000 → "500 kB", 1572864 → "1,5 MB", 4294967296 → "4 GB"."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024 * 1024), ("kB", 1024)):
        if n_bytes >= factor:
            return f"{dutch_number(round(n_bytes / factor, 1))} {unit}"
    return f"{n_bytes} bytes"


def _pdf_whole(data: bytes) -> bool:
    # A version after the magic, and the end-of-file marker near the end (incremental saves
    # and trailing whitespace allowed): HTML or a program merely starting with %PDF- fails.
    return data[5:6].isdigit() and b"%%EOF" in data[-2048:]


def _png_whole(data: bytes) -> bool:
    # The header chunk must come first, with its fixed length of 13, and the end chunk last.
    return data[8:16] == b"\x00\x00\x00\x0dIHDR" and b"IEND" in data[-64:]


def _jpeg_whole(data: bytes) -> bool:
    # After the start-of-image a marker segment follows, and the image ends with EOI.
    return data[3:4] >= b"\xc0" and b"\xff\xd9" in data[-1024:]


# Beyond the first bytes: the file must have the structure of its kind, start to end.
_WHOLE = {"pdf": _pdf_whole, "png": _png_whole, "jpeg": _jpeg_whole}


def _kind_of(data: bytes, allowed: tuple[str, ...], refuse) -> str:
    for kind in allowed:
        signature = _SIGNATURES.get(kind)
        if signature and data.startswith(signature):
            if not _WHOLE[kind](data):
                raise refuse(NOT_ALLOWED)
            return kind
    if "docx" in allowed and data.startswith(_ZIP):
        _check_docx(data, refuse)
        return "docx"
    raise refuse(NOT_ALLOWED)


def _check_docx(data: bytes, refuse) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise refuse(NOT_ALLOWED)
            if names.intersection(_MACRO_PARTS):
                raise refuse(MACROS)
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > _CONTENT_TYPES_MAX:
                raise refuse(NOT_ALLOWED)
            types = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError):
        raise refuse(NOT_ALLOWED) from None
    if b"macroEnabled" in types:
        raise refuse(MACROS)
    if b"wordprocessingml.document.main+xml" not in types:
        # A template (.dotx) or another Office file that merely has a word/ folder.
        raise refuse(NOT_ALLOWED)


def clean_filename(name: str, kind: str) -> str:
    """The name people gave the file, without folders or control characters, with the
    extension its content has; at most FILENAME_MAX_LENGTH characters."""
    stem = PurePath((name or "").replace("\\", "/")).stem.strip(" .") or "document"
    stem = "".join(ch for ch in stem if ch.isprintable() and ch not in '"<>|:*?')
    return f"{stem[:_STEM_MAX_LENGTH] or 'document'}{KINDS[kind][1]}"


def attachment_response(data, content_type: str, filename: str) -> HttpResponse:
    """Always a download, never shown inline: the browser must not render what people upload."""
    body = data.encode() if isinstance(data, str) else bytes(data)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

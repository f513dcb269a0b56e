"""Small upload files for the document tests: real PDF/.docx shapes and the lookalikes refused."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from steunwijzer.core.stored_file import MAX_DOCUMENT_BYTES

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def _zip(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _content_types(main: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Override PartName="/word/document.xml" '
        f'ContentType="{main}"/></Types>'
    )


DOCX = _zip(
    {
        "[Content_Types].xml": _content_types(DOCX_MAIN),
        "word/document.xml": "<w:document><w:body><w:p>SOP</w:p></w:body></w:document>",
    }
)
DOCM = _zip(
    {
        "[Content_Types].xml": _content_types(DOCM_MAIN),
        "word/document.xml": "<w:document/>",
        "word/vbaProject.bin": b"\x00macro",
    }
)
ZIP_WITHOUT_WORD = _zip({"readme.txt": "geen Word"})
# The smallest shapes the upload check accepts: a PNG header and end chunk, a JPEG with a
# marker segment and its end-of-image marker.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 16 + b"\xff\xd9"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def pdf(name="sop.pdf"):
    return upload(name, PDF)


def docx(name="sop.docx"):
    return upload(name, DOCX)


# (name, upload, the Dutch message shown): each must be refused with nothing stored.
REFUSED = {
    "fake_pdf": (lambda: upload("sop.pdf", b"Dit is gewoon tekst."), "geen PDF- of Word-bestand"),
    "renamed_exe": (lambda: upload("sop.pdf", EXE), "geen PDF- of Word-bestand"),
    "zip_without_word": (lambda: upload("sop.docx", ZIP_WITHOUT_WORD), "geen PDF- of Word"),
    "macro_word": (lambda: upload("sop.docx", DOCM), "bevat macro"),
    "too_large": (
        lambda: upload("sop.pdf", PDF + b"\x00" * MAX_DOCUMENT_BYTES),
        "te groot: een document mag hoogstens 15 MB zijn",
    ),
}

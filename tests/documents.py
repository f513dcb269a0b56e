"""Small upload files for the document tests: real PDF/.docx shapes and the lookalikes refused."""

import io
import textwrap
import zipfile

import docx as python_docx
from django.core.files.uploadedfile import SimpleUploadedFile

from steunwijzer.core.stored_file import MAX_DOCUMENT_BYTES
from steunwijzer.profiles.own_document import required_fixed_texts
from steunwijzer.profiles.richtext import markup_to_plain
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format

# The fixed texts an own document must hold under the shipped model (the tests' model).
FIXED_TEXTS = [
    markup_to_plain(required.fixed.text)
    for required in required_fixed_texts(parse_format(DEFAULT_FORMAT_PATH.read_text())[0])
]
# An own SOP as a school writes it: the four parts under their headings, the fixed texts in
# the chapter on the duty of care.
SOP_PARTS = [
    ("1. Onze visie op passend onderwijs", ["Wij geven elk kind onderwijs dat bij hem past."]),
    ("2. Basisondersteuning", ["Alle leerkrachten werken handelingsgericht."]),
    ("3. Extra ondersteuning", ["Een remedial teacher helpt twee ochtenden per week."]),
    ("4. Zorgplicht", FIXED_TEXTS),
]


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold these lines in Helvetica: small, made by hand so its bytes are
    the same every run (WeasyPrint's carry the time they were made)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for lines in pages:
        stream = "BT /F1 10 Tf 50 800 Td 12 TL\n" + "".join(
            "({}) '\n".format(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
            for line in lines
        )
        data = (stream + "ET").encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
        kids.append(len(objects) + 1)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> "
            b">> >> /Contents %d 0 R >>" % (len(objects) - 0)
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def sop_lines(parts=SOP_PARTS, width=80) -> list[str]:
    """The parts as the lines of a page: headings alone, paragraphs wrapped."""
    return [
        line
        for heading, paragraphs in parts
        for line in [heading, *(w for p in paragraphs for w in textwrap.wrap(p, width))]
    ]


def sop_docx(parts=SOP_PARTS, heading_style="Heading 1") -> bytes:
    document = python_docx.Document()
    for heading, paragraphs in parts:
        document.add_paragraph(heading, style=heading_style)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# An own SOP that holds the region's fixed texts, as PDF and as Word.
PDF = text_pdf([sop_lines()])
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


DOCX = sop_docx()
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

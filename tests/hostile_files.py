"""A corpus of hostile and broken pupil exports, built by code (nothing committed as a blob).

Used by tests/test_hostile_uploads.py and by benchmarks/hostile_uploads.py, which sends them
to the real gunicorn server in CI. Each builder returns the file's bytes; the big ones are
made once per process.
"""

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from functools import cache

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Groep</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Categorie</t></is></c></row>'
)


def xlsx_package(
    sheet_xml: str | bytes | Iterable[bytes],
    shared_xml: str | bytes = "",
    *,
    sheet_path: str = "worksheets/sheet1.xml",
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A workbook with every part a spreadsheet program writes, around the given sheet (which
    may come in chunks, so a bomb is never whole in memory)."""
    overrides = [
        ("/xl/workbook.xml", "sheet.main+xml"),
        (f"/xl/{sheet_path}", "worksheet+xml"),
    ]
    if shared_xml:
        overrides.append(("/xl/sharedStrings.xml", "sharedStrings+xml"))
    types = "".join(
        f'<Override PartName="{part}" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.{kind}"/>'
        for part, kind in overrides
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            f'ContentType="application/xml"/>{types}</Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
            f'Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{_DOC_RELS}"><sheets>'
            '<sheet name="Export" sheetId="1" r:id="rId7"/></sheets></workbook>',
        )
        shared_rel = (
            f'<Relationship Id="rId8" Type="{_DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
            if shared_xml
            else ""
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{_RELS}"><Relationship Id="rId7" '
            f'Type="{_DOC_RELS}/worksheet" Target="{sheet_path}"/>{shared_rel}</Relationships>',
        )
        if isinstance(sheet_xml, str | bytes):
            archive.writestr(f"xl/{sheet_path}", sheet_xml)
        else:
            with archive.open(f"xl/{sheet_path}", "w", force_zip64=True) as member:
                for chunk in sheet_xml:
                    member.write(chunk)
        if shared_xml:
            archive.writestr("xl/sharedStrings.xml", shared_xml)
    return buffer.getvalue()


_SHEET_START = f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>{HEADER_ROW}'
_SHEET_END = "</sheetData></worksheet>"


def _sheet(rows_xml: str) -> str:
    return _SHEET_START + rows_xml + _SHEET_END


@cache
def zip_bomb() -> bytes:
    """A sheet that unpacks from about half a megabyte to 512 MB of rows, and says so in its
    directory."""
    row = (
        b'<row><c t="inlineStr"><is><t>6</t></is></c>'
        b'<c t="inlineStr"><is><t>geen</t></is></c></row>'
    )
    block = row * (1024 * 1024 // len(row))

    def chunks():
        yield _SHEET_START.encode()
        for _ in range(512):
            yield block
        yield _SHEET_END.encode()

    return xlsx_package(chunks())


@cache
def lying_zip_bomb() -> bytes:
    """The same bomb with its directory claiming a few kB: only the memory limit stops it."""
    data = bytearray(zip_bomb())
    sheet = b"xl/worksheets/sheet1.xml"
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = 0
        while (at := data.find(signature, at)) != -1:
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(sheet)] == sheet:
                struct.pack_into("<I", data, at + offset, 4096)
            at += 4
    return bytes(data)


@cache
def row_without_end() -> bytes:
    """One cell whose text runs on for 60 MB without ever closing (the old reader's stall)."""
    start = (_SHEET_START + '<row r="2"><c r="A2" t="inlineStr"><is><t>').encode()
    return xlsx_package([start, *[b"A" * (1024 * 1024)] * 60])


def entity_expansion() -> bytes:
    """'Billion laughs': ten levels of entities that each repeat the one below ten times."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns="{MAIN}">'
        f'<sheetData>{HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c>'
        "</row></sheetData></worksheet>"
    )
    return xlsx_package(sheet)


def many_columns(columns: int = 10_000) -> bytes:
    cells = "".join(f'<c t="inlineStr"><is><t>k{i}</t></is></c>' for i in range(columns))
    return xlsx_package(_sheet(f"<row>{cells}</row>"))


def far_cell() -> bytes:
    """Two cells, A1 and the last cell of a sheet: a dense reader allocates 17 billion cells."""
    return xlsx_package(_sheet('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))


@cache
def huge_shared_strings() -> bytes:
    """A shared-strings table of 1.4 million distinct strings (about 30 MB unpacked)."""
    strings = b"".join(b"<si><t>s%07d</t></si>" % i for i in range(1_400_000))
    shared = f'<?xml version="1.0"?><sst xmlns="{MAIN}">'.encode() + strings + b"</sst>"
    return xlsx_package(_sheet('<row><c t="s"><v>0</v></c></row>'), shared)


@cache
def csv_one_line(size: int = 100 * 1024 * 1024) -> bytes:
    """A CSV whose first and only line is `size` bytes long."""
    return b"Groep;Categorie;" + b"x" * (size - 16)


def csv_utf16() -> bytes:
    return "Groep;Categorie\r\n6;geen\r\n".encode("utf-16")


def binary_junk() -> bytes:
    """Bytes that are no table at all, to be sent under an .xlsx name."""
    return bytes(range(256)) * 64


def encrypted_workbook() -> bytes:
    """What Excel saves with a password: an OLE compound file with an EncryptionInfo stream
    (the directory entry is enough for any reader to see it)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff"
    entry = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\x00")
    return header.ljust(512, b"\x00") + entry.ljust(128, b"\x00") + zlib.compress(b"x" * 4096)


# Every hostile file with the name it is uploaded under, for the tests and the CI check.
CORPUS = {
    "zip_bomb": ("bom.xlsx", zip_bomb),
    "lying_zip_bomb": ("bom2.xlsx", lying_zip_bomb),
    "row_without_end": ("rij.xlsx", row_without_end),
    "entity_expansion": ("lol.xlsx", entity_expansion),
    "many_columns": ("kolommen.xlsx", many_columns),
    "far_cell": ("ver.xlsx", far_cell),
    "huge_shared_strings": ("teksten.xlsx", huge_shared_strings),
    "csv_one_line_19mb": ("regel.csv", lambda: csv_one_line(19 * 1024 * 1024)),
    "csv_utf16": ("utf16.csv", csv_utf16),
    "binary_junk": ("rommel.xlsx", binary_junk),
    "encrypted_workbook": ("geheim.xlsx", encrypted_workbook),
}

"""Rows of the first worksheet of an XLSX file, streamed. Pure Python, no Django.

openpyxl's read-only mode needs about ten seconds for a 100,000-row export on our machines
(docs/benchmarks.md); the target is two. This reader decompresses the sheet in chunks and
picks the cells out of each complete `<row>` with regular expressions: the sheet XML that
spreadsheet programs and pupil administrations write is regular enough for that, and memory
stays bounded by the chunk size. Shared strings, inline strings, numbers, booleans and
formula results are read; styles and everything else are ignored. A sheet that decompresses
to more than `MAX_UNPACKED` bytes is refused (a zip bomb must not fill the memory).
"""

import re
import zipfile
from collections.abc import Iterator
from html import unescape

CHUNK = 1 << 20
MAX_UNPACKED = 400 * 1024 * 1024

_SHEET_RE = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\br:id=\"([^\"]+)\"")
_REL_RE = re.compile(rb"<Relationship\b[^>]*?>")
_VALUE_RE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_TEXT_RE = re.compile(rb"<(?:\w+:)?t(?:\s[^>]*)?>(.*?)</(?:\w+:)?t>", re.S)
_SI_RE = re.compile(rb"<(?:\w+:)?si>(.*?)</(?:\w+:)?si>", re.S)


class XlsxError(Exception):
    """The file is a zip but not a readable workbook; the message is Dutch."""


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8")
    return unescape(text) if "&" in text else text


def _chunks(archive: zipfile.ZipFile, name: str, end_tag: bytes) -> Iterator[bytes]:
    """The member in pieces that each end just after an `end_tag`, size-capped."""
    unpacked = 0
    rest = b""
    with archive.open(name) as member:
        while block := member.read(CHUNK):
            unpacked += len(block)
            if unpacked > MAX_UNPACKED:
                raise XlsxError("Het Excelbestand is uitgepakt te groot om in te lezen.")
            rest += block
            cut = rest.rfind(end_tag)
            if cut != -1:
                cut += len(end_tag)
                yield rest[:cut]
                rest = rest[cut:]
    if rest:
        yield rest


def _first_sheet(archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        workbook = rels = b""
    match = _SHEET_RE.search(workbook)
    if match:
        for rel in _REL_RE.findall(rels):
            if f'Id="{match[1].decode()}"'.encode() in rel:
                target = re.search(rb"Target=\"([^\"]+)\"", rel)[1].decode()
                path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                if path in names:
                    return path
    if "xl/worksheets/sheet1.xml" in names:
        return "xl/worksheets/sheet1.xml"
    raise XlsxError("Dit Excelbestand heeft geen werkblad.")


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings = []
    for chunk in _chunks(archive, "xl/sharedStrings.xml", b"</si>"):
        for item in _SI_RE.findall(chunk):
            strings.append("".join(_text(t) for t in _TEXT_RE.findall(item)))
    return strings


def _number(raw: str) -> str:
    try:
        value = float(raw)
    except ValueError:
        return raw
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else raw


# A row start, or a cell with content: (row, column letters when `r` comes first, the other
# attributes, content). Cells written as <c .../> are empty and only matched to be skipped.
_TOKEN_RE = re.compile(
    rb"(<(?:\w+:)?row)\b[^>]*>|<(?:\w+:)?c\b[^>]*/>"
    rb"|<(?:\w+:)?c\b(?: r=\"([A-Z]+)\d+\")?([^>]*)>(.*?)</(?:\w+:)?c>",
    re.S,
)
_R_RE = re.compile(rb"\br=\"([A-Z]+)")


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number - 1


def xlsx_rows(archive: zipfile.ZipFile) -> Iterator[list[str]]:
    """Every row of the first sheet as a list of texts ("" for an empty cell)."""
    sheet = _first_sheet(archive)
    strings = _shared_strings(archive)
    # A pupil export repeats a few values in a few columns: work each cell out once.
    cells: dict[tuple[bytes, bytes, bytes], tuple[int, str]] = {}
    row: list[str] | None = None
    for chunk in _chunks(archive, sheet, b"</row>"):
        for row_start, letters, attrs, content in _TOKEN_RE.findall(chunk):
            if row_start:
                if row is not None:
                    yield row
                row = []
                continue
            key = (letters, attrs, content)
            cell = cells.get(key)
            if cell is None:
                cell = cells[key] = _cell(letters, attrs, content, strings)
            position, value = cell
            if row is None or (position < 0 and not value):
                continue
            if position < 0 or position == len(row):
                row.append(value)
            elif position > len(row):
                row.extend([""] * (position - len(row)))
                row.append(value)
            else:
                row[position] = value
    if row is not None:
        yield row


def _cell(letters: bytes, attrs: bytes, content: bytes, strings: list[str]) -> tuple[int, str]:
    """(column index or -1 when the cell has no reference, text)."""
    if not letters:
        found = _R_RE.search(attrs)
        letters = found[1] if found else b""
    return (_column(letters) if letters else -1), _cell_value(attrs, content, strings)


def _cell_value(attrs: bytes, content: bytes, strings: list[str]) -> str:
    if b't="inlineStr"' in attrs:
        if content.startswith(b"<is><t>") and content.endswith(b"</t></is>"):
            return _text(content[7:-9])
        return "".join(_text(t) for t in _TEXT_RE.findall(content))
    if content.startswith(b"<v>") and content.endswith(b"</v>"):
        raw = _text(content[3:-4])
    else:
        found = _VALUE_RE.search(content)
        raw = _text(found[1]) if found else ""
    if b't="s"' in attrs and raw:
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            raise XlsxError("Dit Excelbestand verwijst naar tekst die er niet in staat.") from None
    if raw and (b't="' not in attrs or b't="n"' in attrs):
        return _number(raw)
    return raw

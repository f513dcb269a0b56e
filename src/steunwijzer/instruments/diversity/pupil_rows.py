"""The rows of a pupil export, CSV or XLSX, read within fixed bounds. Pure Python, no Django.

XLSX is read by calamine (python-calamine, the Rust reader pandas uses), CSV by the standard
library. Both run inside the bounded child process of `read_pupil_file`, which holds memory
and time; the bounds here turn what a real export never does into a clear Dutch message
before the work grows: the unpacked size of the workbook, the number of rows and columns,
the length of a cell and of a row. Every refusal is a `RowsError`, its message a `Text`
(`wording`): translated when it is shown, so the child process needs no Django.
"""

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from steunwijzer.instruments.wording import Text, _

# A school has at most a few thousand pupils; a board's export of 100,000 rows must still go.
MAX_ROWS = 150_000
MAX_COLUMNS = 100
MAX_CELL_CHARS = 500
MAX_ROW_CHARS = 5_000
# MAX_ROWS as Dutch readers write it; this module has no Django to format it (a test checks).
MAX_ROWS_TEXT = "150.000"
# What a workbook may unpack to, over all its parts: a 150,000-row sheet is about 15 MB.
MAX_UNPACKED = 100 * 1024 * 1024
MAX_ZIP_MEMBERS = 1_000
# A pupil export repeats a few dozen texts; its shared-strings part is a few kilobytes.
MAX_SHARED_STRINGS = 10 * 1024 * 1024

_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"MZ", b"\x7fELF")
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")

UNREADABLE_XLSX = _(
    "This file looks like an Excel file, but cannot be read. Save it again as xlsx or as CSV."
)
NOT_A_TABLE = _(
    "This is not a CSV or Excel file (xlsx). Export the pupil data from the pupil "
    "administration as CSV or xlsx."
)
_NO_SHEET = _("This Excel file has no worksheet.")
_TOO_MANY_ROWS = _(
    "The file has more than %(max)s lines. Export only the columns group, category and possibly "
    "domain, per school.",
    max=MAX_ROWS_TEXT,
)


class RowsError(Exception):
    """The file is not read further; `row` is the line it stopped at, when there is one."""

    def __init__(self, message: Text, row: int | None = None):
        self.message = message
        self.row = row
        super().__init__(str(message))


def read_rows(data: bytes) -> Iterator[list[str]]:
    """Every row as a list of texts, header first; RowsError once a bound is passed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RowsError(
            _("The file has been saved as UTF-16. Save it as 'CSV UTF-8' or as ordinary CSV.")
        )
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            raise RowsError(
                _(
                    "This Excel file is protected with a password. Remove the protection "
                    "(Bestand > Info > Werkmap beveiligen) or save it as CSV."
                )
            )
        raise RowsError(
            _("This is an Excel file in the old format (xls). Save it as xlsx or as CSV.")
        )
    if data.startswith(_XLSX_MAGIC):
        return _bounded(_xlsx_rows(data))
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise RowsError(NOT_A_TABLE)
    return _bounded(_csv_rows(_decode(data)))


def _bounded(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS + 1:  # the header, then at most MAX_ROWS pupils
            raise RowsError(_TOO_MANY_ROWS, number)
        if len(row) > MAX_COLUMNS:
            raise RowsError(
                _(
                    "This line has %(columns)s columns; the limit is %(max)s. Export only the "
                    "columns group, category and possibly domain.",
                    columns=len(row),
                    max=MAX_COLUMNS,
                ),
                number,
            )
        if sum(map(len, row)) > MAX_ROW_CHARS or any(len(cell) > MAX_CELL_CHARS for cell in row):
            raise RowsError(
                _(
                    "This line is too long: a cell may have %(cell)s characters, a line "
                    "%(line)s. Export only the columns group, category and possibly domain.",
                    cell=MAX_CELL_CHARS,
                    line=MAX_ROW_CHARS,
                ),
                number,
            )
        yield row


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise RowsError(
            _(
                "The file is neither UTF-8 nor Windows-1252 text (character %(character)s). "
                "Save it as 'CSV UTF-8'.",
                character=f"0x{data[exc.start]:02x}",
            ),
            data[: exc.start].count(b"\n") + 1,
        ) from None


def _csv_rows(text: str) -> Iterator[list[str]]:
    first_line = text[: MAX_ROW_CHARS + 1].split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    # The field limit stops a line without end at the first over-long cell, not at 20 MB.
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise RowsError(_csv_message(exc), reader.line_num or 1) from None
            yield row
    finally:
        csv.field_size_limit(limit)


def _csv_message(exc: csv.Error) -> Text:
    if "field larger than field limit" in str(exc):
        return _(
            "A cell is longer than %(max)s characters, or a quotation mark is missing. Export "
            "only the columns group, category and possibly domain.",
            max=MAX_CELL_CHARS,
        )
    return _("The file is not valid CSV (%(error)s).", error=str(exc))


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    from python_calamine import CalamineWorkbook, PasswordError

    _check_archive(data)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not workbook.sheet_names:
            raise RowsError(_NO_SHEET)
        sheet = workbook.get_sheet_by_index(0)
    except PasswordError:
        raise RowsError(
            _(
                "This Excel file is protected with a password. Save it without a password, or "
                "as CSV."
            )
        ) from None
    except RowsError:
        raise
    except Exception:
        # calamine's errors (zip, XML, a missing part) all mean the same to the school.
        raise RowsError(UNREADABLE_XLSX) from None
    if sheet.width > MAX_COLUMNS:
        raise RowsError(
            _(
                "The worksheet has %(columns)s columns; the limit is %(max)s. Export only the "
                "columns group, category and possibly domain.",
                columns=sheet.width,
                max=MAX_COLUMNS,
            ),
            1,
        )
    if sheet.height > MAX_ROWS + 1:
        raise RowsError(
            _(
                "The worksheet has more than %(max)s lines. Export only the columns group, "
                "category and possibly domain, per school.",
                max=MAX_ROWS_TEXT,
            ),
            MAX_ROWS + 1,
        )
    for row in sheet.iter_rows():
        yield [_text(value) for value in row]


def _check_archive(data: bytes) -> None:
    """What the zip says of itself, before anything is unpacked: a bomb declares its size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise RowsError(UNREADABLE_XLSX) from None
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise RowsError(
            _(
                "Unpacked, the Excel file is larger than %(max)s MB. Export only the columns "
                "group, category and possibly domain, or save it as CSV.",
                max=MAX_UNPACKED // 1024 // 1024,
            )
        )
    names = {m.filename: m.file_size for m in members}
    if not any(name.startswith("xl/worksheets/") for name in names):
        raise RowsError(_NO_SHEET)
    if names.get("xl/sharedStrings.xml", 0) > MAX_SHARED_STRINGS:
        raise RowsError(
            _(
                "The Excel file holds more than %(max)s MB of different texts. Export only the "
                "columns group, category and possibly domain, or save it as CSV.",
                max=MAX_SHARED_STRINGS // 1024 // 1024,
            )
        )


def _text(value) -> str:
    """A cell as the text a person sees: 6.0 is "6", a date is "12-03-2016"."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else str(value)
    if isinstance(value, datetime | date):
        return f"{value.day:02d}-{value.month:02d}-{value.year}"
    if isinstance(value, time | timedelta):
        return str(value)
    return "" if value is None else str(value)

"""The rows of a pupil export, CSV or XLSX, read within fixed bounds. Pure Python, no Django.

XLSX is read by calamine (python-calamine, the Rust reader pandas uses), CSV by the standard
library. Both run inside the bounded child process of `read_pupil_file`, which holds memory
and time; the bounds here turn what a real export never does into a clear Dutch message
before the work grows: the unpacked size of the workbook, the number of rows and columns,
the length of a cell and of a row. Every refusal is a `RowsError`.
"""

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

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
_ADVICE = "Exporteer alleen de kolommen groep, categorie en eventueel domein"

UNREADABLE_XLSX = (
    "Dit bestand lijkt een Excelbestand, maar kan niet gelezen worden. Sla het opnieuw op als "
    "xlsx of als CSV."
)
NOT_A_TABLE = (
    "Dit is geen CSV- of Excelbestand (xlsx). Exporteer de leerlinggegevens uit de "
    "leerlingadministratie als CSV of xlsx."
)


class RowsError(Exception):
    """The file is not read further; `row` is the line it stopped at, when there is one."""

    def __init__(self, message: str, row: int | None = None):
        self.row = row
        super().__init__(message)


def read_rows(data: bytes) -> Iterator[list[str]]:
    """Every row as a list of texts, header first; RowsError once a bound is passed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RowsError(
            "Het bestand is opgeslagen als UTF-16. Sla het op als 'CSV UTF-8' of als gewone CSV."
        )
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            raise RowsError(
                "Dit Excelbestand is met een wachtwoord beveiligd. Haal de beveiliging eraf "
                "(Bestand > Info > Werkmap beveiligen) of sla het op als CSV."
            )
        raise RowsError(
            "Dit is een Excelbestand in het oude formaat (xls). Sla het op als xlsx of als CSV."
        )
    if data.startswith(_XLSX_MAGIC):
        return _bounded(_xlsx_rows(data))
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise RowsError(NOT_A_TABLE)
    return _bounded(_csv_rows(_decode(data)))


def _bounded(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS + 1:  # the header, then at most MAX_ROWS pupils
            raise RowsError(
                f"Het bestand heeft meer dan {MAX_ROWS_TEXT} regels. {_ADVICE}, per school.",
                number,
            )
        if len(row) > MAX_COLUMNS:
            raise RowsError(
                f"Deze regel heeft {len(row)} kolommen; de grens is {MAX_COLUMNS}. {_ADVICE}.",
                number,
            )
        if sum(map(len, row)) > MAX_ROW_CHARS or any(len(cell) > MAX_CELL_CHARS for cell in row):
            raise RowsError(
                f"Deze regel is te lang: een cel mag {MAX_CELL_CHARS} tekens hebben, een regel "
                f"{MAX_ROW_CHARS}. {_ADVICE}.",
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
            f"Het bestand is geen UTF-8- en geen Windows-1252-tekst (teken 0x{data[exc.start]:02x}"
            "). Sla het op als 'CSV UTF-8'.",
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


def _csv_message(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return (
            f"Een cel is langer dan {MAX_CELL_CHARS} tekens, of er ontbreekt een "
            f"aanhalingsteken. {_ADVICE}."
        )
    return f"Het bestand is geen geldige CSV ({exc})."


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    from python_calamine import CalamineWorkbook, PasswordError

    _check_archive(data)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not workbook.sheet_names:
            raise RowsError("Dit Excelbestand heeft geen werkblad.")
        sheet = workbook.get_sheet_by_index(0)
    except PasswordError:
        raise RowsError(
            "Dit Excelbestand is met een wachtwoord beveiligd. Sla het zonder wachtwoord op, "
            "of als CSV."
        ) from None
    except RowsError:
        raise
    except Exception:
        # calamine's errors (zip, XML, a missing part) all mean the same to the school.
        raise RowsError(UNREADABLE_XLSX) from None
    if sheet.width > MAX_COLUMNS:
        raise RowsError(
            f"Het werkblad heeft {sheet.width} kolommen; de grens is {MAX_COLUMNS}. {_ADVICE}.", 1
        )
    if sheet.height > MAX_ROWS + 1:
        raise RowsError(
            f"Het werkblad heeft meer dan {MAX_ROWS_TEXT} regels. {_ADVICE}, per school.",
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
            f"Het Excelbestand is uitgepakt groter dan {MAX_UNPACKED // 1024 // 1024} MB. "
            f"{_ADVICE}, of sla het op als CSV."
        )
    names = {m.filename: m.file_size for m in members}
    if not any(name.startswith("xl/worksheets/") for name in names):
        raise RowsError("Dit Excelbestand heeft geen werkblad.")
    if names.get("xl/sharedStrings.xml", 0) > MAX_SHARED_STRINGS:
        raise RowsError(
            f"Het Excelbestand bevat meer dan {MAX_SHARED_STRINGS // 1024 // 1024} MB aan "
            f"verschillende teksten. {_ADVICE}, of sla het op als CSV."
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

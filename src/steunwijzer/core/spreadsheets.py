"""Every CSV and XLSX file the application writes is written here, one way.

Text from people (a school's name, a scenario's name, an answer) must never reach a spreadsheet
as something it runs. Excel and LibreOffice read a CSV cell that starts with `=`, `+`, `-` or
`@` as a formula (`=HYPERLINK(...)` sends data away on a click, `+cmd|' /C calc'!A0` started
programs through DDE), and a leading tab or carriage return can hide one. So:

- CSV: text starting with one of those gets a leading `'`, as OWASP advises against CSV
  injection; spreadsheets show such a cell as text. Numbers, dates and booleans are the
  application's own and are written as they are, so "-2,5" stays a number.
- XLSX: every text is a string cell, never a formula (openpyxl would store "=..." as a formula
  and "#N/A" as an error value), and one starting with a trigger keeps Excel's quote prefix, so
  editing the cell does not turn it into a formula either. A cell holds a formula only when the
  caller wrote a `Formula`.

The Dutch convention of the downloads: semicolons, a byte order mark and decimal commas in a
CSV (as Dutch Excel opens it), ISO dates there and date cells shown as 29-11-2026 in XLSX,
booleans as "ja"/"nee".

A base module: plain Python and openpyxl, no Django and nothing else of the application, so
every layer may import it.
"""

import csv
import io
import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import cache

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection").
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "d-m-yyyy"
NUMBERS = int | float | Decimal
# What openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE refuses: control characters but tab and newlines.
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


class Formula(str):
    """A formula the application wrote itself, such as `=SUM(C9:C20)`: the only text an XLSX
    cell holds as a formula."""

    __slots__ = ()

    def __new__(cls, text: str):
        if not text.startswith("="):
            raise ValueError(f"A formula starts with '=': {text!r}")
        return super().__new__(cls, text)


def neutralised(value):
    """Text that a spreadsheet reads as text: a leading `'` before a trigger. Anything else,
    numbers included, comes back as it is."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def csv_cell(value) -> str:
    """A value as a CSV cell: decimal commas, ISO dates, "ja"/"nee", and any text, a
    `Formula` too, neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    # Dutch Excel, which reads the semicolons, takes "3.5" for a date or text; "3,5" is a number.
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return neutralised(str(value))


def csv_bytes(rows: Iterable[Iterable]) -> bytes:
    """The rows semicolon-separated, with a byte order mark so Excel reads the accents right."""
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([csv_cell(v) for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


class Book:
    """An XLSX workbook written row by row.

    openpyxl's write-only mode sends each row to the file as it comes, so the time and memory
    grow with the number of rows and nothing is read back: asking a normal sheet for its last
    row (`max_row`) on every row made a 3,000-school overview take seconds.
    """

    def __init__(self):
        from openpyxl import Workbook

        self._book = Workbook(write_only=True)
        self._titles: set[str] = set()

    def sheet(self, title: str, widths: Iterable[float] = ()) -> "BookSheet":
        """A new sheet; `widths` are the column widths from A on, in characters."""
        from openpyxl.utils import get_column_letter

        ws = self._book.create_sheet(_sheet_title(title, self._titles))
        # Write-only sheets take their column widths before the first row.
        for column, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(column)].width = width
        return BookSheet(ws)

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self._book.save(out)
        return out.getvalue()


class BookSheet:
    """One sheet of a `Book`, written a row at a time."""

    def __init__(self, ws):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import column_index_from_string

        self._ws = ws
        self._new_cell = WriteOnlyCell
        self._column_index = column_index_from_string

    def append(
        self,
        values: Iterable,
        *,
        bold: bool = False,
        size: float | None = None,
        formats: Mapping[str, str] | None = None,
    ):
        """Write one row. `formats` maps a column letter to the number format of that column's
        cell (a date gets `DATE_FORMAT` without one)."""
        font = _font(bold, size) if bold or size else None
        by_column = {self._column_index(k): v for k, v in (formats or {}).items()}
        self._ws.append(
            [
                self._cell(value, font, by_column.get(column))
                for column, value in enumerate(values, start=1)
            ]
        )

    def _cell(self, value, font, number_format):
        if value is None:
            return None
        if isinstance(value, bool):
            value = "ja" if value else "nee"
        elif isinstance(value, NUMBERS) and font is None and number_format is None:
            return value  # a plain number needs no cell of its own
        elif isinstance(value, date):
            number_format = number_format or DATE_FORMAT
        elif not isinstance(value, NUMBERS | str):
            value = str(value)
        if isinstance(value, str) and not isinstance(value, Formula):
            # The XML of a sheet cannot hold control characters; openpyxl would refuse the whole
            # download for one pasted into a name.
            value = _ILLEGAL.sub("", value)
        cell = self._new_cell(self._ws, value)
        if isinstance(value, str) and not isinstance(value, Formula):
            cell.data_type = "s"
            if value.startswith(TRIGGERS):
                # As Excel marks text typed after a quote: editing the cell keeps it text.
                cell.quotePrefix = True
        if font is not None:
            cell.font = font
        if number_format is not None:
            cell.number_format = number_format
        return cell


@cache
def _font(bold: bool, size: float | None):
    from openpyxl.styles import Font

    return Font(bold=bold, size=size)


def _sheet_title(title: str, used: set) -> str:
    # Excel allows 31 characters, none of []:*?/\ and no quote at either end in a sheet name;
    # a tab or line break from a name becomes a space on the tab's label.
    kept = "".join(" " if c < " " else c for c in title if c not in "[]:*?/\\")
    clean = kept.strip("'") or "Blad"
    if len(clean) > 31:
        # Cut at a word, marked, rather than mid-word ("Bestuursoverzicht Stichting Haa").
        clean = clean[:30].rsplit(" ", 1)[0] + "\N{HORIZONTAL ELLIPSIS}"
    name, n = clean, 2
    while name in used:
        name = f"{clean[:28]} {n}"
        n += 1
    used.add(name)
    return name

"""Tables as CSV and XLSX downloads: what a page shows, in a form a spreadsheet opens.

The files themselves are written by `core.spreadsheets`, which keeps people's text from
running as a formula; this module lays the sheets out and answers the request.
"""

from dataclasses import dataclass, field

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from steunwijzer.core import spreadsheets
from steunwijzer.core.spreadsheets import XLSX_TYPE
from steunwijzer.core.uploads import attachment_response

FORMATS = ("csv", "xlsx")


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    # Lines shown above the table: the inputs, how it was computed.
    notes: list[str] = field(default_factory=list)


def csv_bytes(sheets: list[Sheet]) -> bytes:
    """The sheets one after another in one CSV, each under its title and notes."""
    rows: list[list] = []
    for index, sheet in enumerate(sheets):
        if index:
            rows.append([])
        rows += [[sheet.title], *([note] for note in sheet.notes), sheet.headers, *sheet.rows]
    return spreadsheets.csv_bytes(rows)


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    """A tab per sheet: the title in large print, the notes, the bold headers, the rows."""
    book = spreadsheets.Book()
    for sheet in sheets:
        ws = book.sheet(sheet.title, [max(12, min(40, len(h) + 4)) for h in sheet.headers])
        ws.append([sheet.title], bold=True, size=13)
        for note in sheet.notes:
            ws.append([note])
        ws.append(sheet.headers, bold=True)
        for row in sheet.rows:
            ws.append(row)
    return book.bytes()


def download(filename: str, fmt: str, sheets: list[Sheet]) -> HttpResponse:
    """The sheets as `<filename>.csv` or `.xlsx`; any other format is a 404."""
    if fmt == "csv":
        return attachment_response(csv_bytes(sheets), "text/csv; charset=utf-8", f"{filename}.csv")
    if fmt == "xlsx":
        return attachment_response(xlsx_bytes(sheets), XLSX_TYPE, f"{filename}.xlsx")
    raise Http404(_("Choose csv or xlsx."))

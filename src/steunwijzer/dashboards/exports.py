"""Tables as CSV and XLSX downloads: what a page shows, in a form a spreadsheet opens."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.http import Http404, HttpResponse

from steunwijzer.core.uploads import attachment_response

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    # Lines shown above the table: the inputs, how it was computed.
    notes: list[str] = field(default_factory=list)


def csv_bytes(sheets: list[Sheet]) -> bytes:
    """Semicolon-separated with a byte order mark and decimal commas, as Dutch Excel opens it;
    sheets one after another, each under its title."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for index, sheet in enumerate(sheets):
        if index:
            writer.writerow([])
        writer.writerow([sheet.title])
        for note in sheet.notes:
            writer.writerow([note])
        writer.writerow(sheet.headers)
        writer.writerows([_csv_cell(v) for v in row] for row in sheet.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value):
    # Dutch Excel, which reads the semicolons, takes "3.5" for a date or text; "3,5" is a number.
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    if isinstance(value, date):
        return value.isoformat()
    return _plain(value)


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return value


def _sheet_title(title: str, used: set) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet name.
    clean = "".join(c for c in title if c not in "[]:*?/\\") or "Blad"
    if len(clean) > 31:
        # Cut at a word, marked, rather than mid-word ("Bestuursoverzicht Stichting Haa").
        clean = clean[:30].rsplit(" ", 1)[0] + "\N{HORIZONTAL ELLIPSIS}"
    name, n = clean, 2
    while name in used:
        name = f"{clean[:28]} {n}"
        n += 1
    used.add(name)
    return name


def workbook(sheets: list[Sheet]):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used: set = set()
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(sheet.title, used))
        ws.append([sheet.title])
        ws["A1"].font = Font(bold=True, size=13)
        for note in sheet.notes:
            ws.append([note])
        ws.append(sheet.headers)
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            ws.append([_plain(v) for v in row])
            # Real date cells, so a spreadsheet sorts and filters them as dates.
            for column, value in enumerate(row, start=1):
                if isinstance(value, date):
                    ws.cell(row=ws.max_row, column=column).number_format = "d-m-yyyy"
        for column, header in zip(ws.columns, sheet.headers, strict=False):
            ws.column_dimensions[column[0].column_letter].width = max(12, min(40, len(header) + 4))
    return book


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    out = io.BytesIO()
    workbook(sheets).save(out)
    return out.getvalue()


def book_bytes(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(filename: str, fmt: str, sheets: list[Sheet]) -> HttpResponse:
    """The sheets as `<filename>.csv` or `.xlsx`; any other format is a 404."""
    if fmt == "csv":
        return attachment_response(csv_bytes(sheets), "text/csv; charset=utf-8", f"{filename}.csv")
    if fmt == "xlsx":
        return attachment_response(xlsx_bytes(sheets), XLSX_TYPE, f"{filename}.xlsx")
    raise Http404("Kies csv of xlsx.")

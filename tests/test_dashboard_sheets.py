"""The overviews' CSV and XLSX files: how Dutch spreadsheets read their numbers, dates and tabs."""

import csv
import io
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from openpyxl import load_workbook

from steunwijzer.dashboards.exports import Sheet, csv_bytes, xlsx_bytes
from steunwijzer.dashboards.tables import analysis_sheets


def _sheet():
    return Sheet(
        "Bestuursoverzicht Stichting Haagse Kansrijke Scholen 2026-2027",
        ["School", "Index", "Aandeel", "Aangeleverd op"],
        [["De Eik", 1.25, Decimal("2500.50"), date(2026, 11, 24)], ["De Wilg", None, 3, None]],
    )


def test_the_csv_writes_decimal_commas_and_iso_dates():
    text = csv_bytes([_sheet()]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[2] == ["De Eik", "1,25", "2500,50", "2026-11-24"]
    assert rows[3] == ["De Wilg", "", "3", ""]


def test_the_xlsx_keeps_numbers_and_dates_as_such():
    ws = load_workbook(io.BytesIO(xlsx_bytes([_sheet()]))).worksheets[0]
    eik = ws[3]
    assert (eik[1].value, eik[2].value) == (1.25, 2500.5)
    assert eik[3].is_date and eik[3].value.date() == date(2026, 11, 24)


def test_a_long_title_is_cut_at_a_word_for_the_tab():
    book = load_workbook(io.BytesIO(xlsx_bytes([_sheet(), _sheet()])))
    assert book.sheetnames == ["Bestuursoverzicht Stichting…", "Bestuursoverzicht Stichting… 2"]
    # The sheet's first row keeps the whole title.
    assert book.worksheets[0]["A1"].value == _sheet().title


def test_the_ijk_sheet_rounds_to_two_decimals_like_the_page():
    school = SimpleNamespace(name="De Eik")
    data = {
        "ijk": {
            "standards": ["OP1", "OP2"],
            "schools": [(school, [11 / 3, None])],
            "board": [3.67, None],
            "region": [3.5, None],
        },
        "diversity": {"rows": []},
        "choices": {},
    }
    sheet = analysis_sheets(data)[0]
    assert sheet.rows[0] == ["De Eik", 3.67, None]

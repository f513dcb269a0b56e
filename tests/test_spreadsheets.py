"""The one writer of CSV and XLSX files (`core.spreadsheets`): people's text never becomes a
formula, the application's numbers stay numbers, and nothing else writes a spreadsheet."""

import ast
import csv
import io
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

import steunwijzer
from steunwijzer.core.spreadsheets import (
    TRIGGERS,
    Book,
    Formula,
    csv_bytes,
    csv_cell,
    neutralised,
)
from steunwijzer.dashboards.exports import Sheet
from steunwijzer.dashboards.exports import csv_bytes as sheets_csv
from steunwijzer.dashboards.exports import xlsx_bytes as sheets_xlsx
from tests.export_helpers import PAYLOADS

SRC = Path(steunwijzer.__file__).parent
WRITER = SRC / "core" / "spreadsheets.py"


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def _read(data: bytes):
    return load_workbook(io.BytesIO(data)).worksheets[0]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_it_puts_a_quote_before_each_trigger(payload):
    assert neutralised(payload) == "'" + payload
    assert csv_cell(payload) == "'" + payload
    assert _csv_rows(csv_bytes([[payload, "De Eik"]])) == [["'" + payload, "De Eik"]]


@pytest.mark.parametrize("text", ["De Eik", "'t Kofschip", "12AB", "", "Sociaal-emotioneel"])
def test_it_leaves_other_text_alone(text):
    assert csv_cell(text) == text


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (Decimal("-2.5"), "-2,5"),
        (-3, "-3"),
        (-0.25, "-0,25"),
        (Decimal("2500.50"), "2500,50"),
        (date(2026, 11, 24), "2026-11-24"),
        (True, "ja"),
        (None, ""),
    ],
)
def test_numbers_dates_and_booleans_are_written_as_they_are(value, cell):
    assert neutralised(value) is value
    assert csv_cell(value) == cell


def test_a_csv_never_holds_a_formula_not_even_ours():
    assert csv_cell(Formula("=SUM(A1:A2)")) == "'=SUM(A1:A2)"


def test_a_formula_starts_with_an_equals_sign():
    with pytest.raises(ValueError):
        Formula("SUM(A1:A2)")


@given(st.text())
def test_no_csv_cell_starts_with_a_trigger(text):
    [[cell]] = _csv_rows(csv_bytes([[text]]))
    assert not cell.startswith(TRIGGERS)
    # Only the quote is added, and only before a trigger.
    assert cell == ("'" + text if text.startswith(TRIGGERS) else text)


def test_xlsx_text_is_a_string_cell_and_only_a_formula_is_a_formula():
    book = Book()
    sheet = book.sheet("Blad")
    sheet.append([*PAYLOADS, "#N/A", Decimal("-2.5"), -3, date(2026, 11, 24), Formula("=1+1")])
    row = _read(book.bytes())[1]
    texts, numbers, day, formula = row[:7], row[7:9], row[9], row[10]
    assert [(c.value, c.data_type) for c in texts] == [(p, "s") for p in [*PAYLOADS, "#N/A"]]
    # Excel's mark for text typed after a quote: editing the cell keeps it text.
    assert all(c.quotePrefix for c in texts[:6]) and not texts[6].quotePrefix
    assert [(c.value, c.data_type) for c in numbers] == [(-2.5, "n"), (-3, "n")]
    assert day.is_date and day.number_format == "d-m-yyyy"
    assert (formula.value, formula.data_type) == ("=1+1", "f")


@settings(max_examples=50)
@given(st.text().map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)).filter(bool))
def test_any_xlsx_text_is_a_string_cell(text):
    book = Book()
    book.sheet("Blad").append([text])
    assert _read(book.bytes())["A1"].data_type == "s"


@settings(max_examples=50)
@given(st.text())
def test_any_text_can_be_written_control_characters_dropped(text):
    book = Book()
    book.sheet("Blad").append(["x" + text])
    assert _read(book.bytes())["A1"].value == "x" + ILLEGAL_CHARACTERS_RE.sub("", text)


def test_the_writer_drops_what_openpyxl_refuses():
    from steunwijzer.core.spreadsheets import _ILLEGAL

    assert _ILLEGAL.pattern == ILLEGAL_CHARACTERS_RE.pattern


def test_the_overview_sheets_keep_negative_numbers_as_numbers():
    sheet = Sheet("Overzicht", ["School", "Verschil", "Aantal"], [["-2+3", Decimal("-2.5"), -3]])
    assert _csv_rows(sheets_csv([sheet]))[2] == ["'-2+3", "-2,5", "-3"]
    row = _read(sheets_xlsx([sheet]))[3]
    assert [(c.value, c.data_type) for c in row] == [("-2+3", "s"), (-2.5, "n"), (-3, "n")]


def test_a_sheet_name_keeps_to_excels_rules():
    book = Book()
    for title in ["'t Kofschip'", "\t=1 [bestuur]", "?"]:
        book.sheet(title).append([title])
    assert load_workbook(io.BytesIO(book.bytes())).sheetnames == [
        "t Kofschip",
        " =1 bestuur",
        "Blad",
    ]


# What writes a spreadsheet: a module's import of it, or its use as `csv.writer`.
SPREADSHEET_WRITERS = {
    "csv": {"writer", "DictWriter"},
    "openpyxl": {"Workbook"},
    "openpyxl.workbook": {"Workbook"},
    "openpyxl.cell": {"Cell", "WriteOnlyCell"},
    "openpyxl.cell.cell": {"Cell", "WriteOnlyCell"},
}


def _writers_used(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in SPREADSHEET_WRITERS:
            names = SPREADSHEET_WRITERS[node.module]
            found += [f"{node.module}.{a.name}" for a in node.names if a.name in names]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.attr in SPREADSHEET_WRITERS.get(node.value.id, ())
        ):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_the_check_below_finds_a_writer():
    assert _writers_used("import csv\ncsv.writer(out)") == ["csv.writer"]
    assert _writers_used("from openpyxl import Workbook") == ["openpyxl.Workbook"]
    assert _writers_used("import csv\ncsv.reader(data)") == []
    assert "csv.writer" in _writers_used(WRITER.read_text(encoding="utf-8"))


def test_no_module_but_the_writer_writes_a_spreadsheet():
    offenders = {
        str(path.relative_to(SRC)): used
        for path in sorted(SRC.rglob("*.py"))
        if path != WRITER and (used := _writers_used(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "write CSV and XLSX with steunwijzer.core.spreadsheets"


def test_the_writer_imports_only_the_standard_library_and_openpyxl():
    imported = set()
    for node in ast.walk(ast.parse(WRITER.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or ".").split(".")[0] if not node.level else ".")
    assert imported - set(sys.stdlib_module_names) == {"openpyxl"}

"""Exports never carry a live formula: each payload is planted in every free text that reaches
a CSV or XLSX download, then every such download is read back.

What reaches a download (the rest is planted too, to show it stays out of them): the names of
the school, its board and the partnership, the school's municipality and district, the names
of the people reminded, a label of the partnership's model, a partner the SOP names, the
scenario's name and an offer asked for in the address. The MR's motivation, a comment and the
SOP's other answers are planted too; of those only the comments' count and the advice's label
reach a download.
"""

import csv
import io
import json
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from steunwijzer.core.spreadsheets import TRIGGERS
from steunwijzer.dashboards.models import AllocationScenario
from steunwijzer.organisations.models import Board, Partnership, School
from steunwijzer.profiles.services import profile_update
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
from steunwijzer.regional_model.services import format_import
from steunwijzer.review.services import comment_create
from steunwijzer.route.models import ReminderSent
from tests.deadline_helpers import set_today
from tests.export_helpers import PAYLOADS, body
from tests.route_helpers import fill, step

YEAR = "2026-2027"
ZIP_INDEX = "overzicht.csv in partnership_publications_zip"
MODEL_LABEL = "label: Motoriek}"


@pytest.fixture(autouse=True)
def _setup(monkeypatch, settings, tmp_path):
    set_today(monkeypatch, date(2026, 11, 22))
    # The zip renders the PDF into the export cache: a folder of this test's own.
    settings.DATA_DIR = tmp_path


@pytest.fixture
def payload():
    """The one that looks most like a number; the first test below tries every payload."""
    return "-2+3"


def planted(payload: str, source: str) -> str:
    """The payload at the start of a source's text, and the source named after it."""
    return f"{payload} {source}"


@pytest.fixture
def format_version(partnership, payload):
    """The partnership's model with a label of the dekkend aanbod starting with the payload."""
    text = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")
    assert MODEL_LABEL in text
    label = json.dumps(planted(payload, "model"))  # JSON is YAML: the tab and return escaped
    text = text.replace(MODEL_LABEL, f"label: {label}}}")
    return format_import(partnership=partnership, text=text, filename=DEFAULT_FORMAT_PATH.name)


@pytest.fixture
def world(
    payload,
    partnership,
    board,
    school,
    other_profile,
    profile,
    editor,
    other_editor,
    mr_member,
    officer,
    staff,
    client,
):
    """Every free text of the region starts with the payload; De Regenboog's SOP published
    with a partner and an MR motivation, De Vlieger's with a comment; a reminder sent; a
    saved allocation scenario."""
    Partnership.objects.filter(pk=partnership.pk).update(
        name=planted(payload, "swv"), short_name=planted(payload, "kort")
    )
    Board.objects.filter(pk=board.pk).update(name=planted(payload, "bestuur"))
    # The school's name is the bare payload: "-2+3" alone is what a spreadsheet would compute.
    School.objects.filter(pk=school.pk).update(
        name=payload,
        municipality=planted(payload, "gemeente"),
        district=planted(payload, "wijk"),
    )
    for user in (editor, other_editor, mr_member, officer, staff):
        user.first_name, user.last_name = planted(payload, "voornaam"), "Achternaam"
        user.save(update_fields=["first_name", "last_name"])
    fill(profile, editor)
    profile.refresh_from_db()
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=profile.version,
        changes={
            "externe_partners": [
                {
                    "organisatie": planted(payload, "partner"),
                    "wat_doen_zij": planted(payload, "wat"),
                }
            ]
        },
    )
    step(profile, editor, "request_advice")
    step(
        profile,
        mr_member,
        "give_advice",
        advice="positief_met_opmerkingen",
        motivation=planted(payload, "motivatie"),
    )
    for user, action in [
        (editor, "submit_to_board"),
        (officer, "establish"),
        (officer, "deliver"),
        (staff, "acknowledge"),
        (editor, "publish"),
    ]:
        step(profile, user, action)
    comment_create(
        profile=other_profile,
        user=other_editor,
        chapter_key="visie",
        body=planted(payload, "opmerking"),
    )
    ReminderSent.objects.create(school=school, school_year=YEAR, kind="late", recipient=editor)
    client.force_login(officer)
    response = client.post(
        reverse("board_allocation", args=[board.pk]),
        {
            "name": planted(payload, "verdeling"),
            "total": "100000",
            "unit": "euro",
            "basis": "leerlingen",
            "fixed_base": "5000",
        },
    )
    assert response.status_code == 302
    client.logout()
    return AllocationScenario.objects.get()


def _get(client, user, name, args, fmt, query=None) -> bytes:
    client.force_login(user)
    response = client.get(reverse(name, args=[*args, fmt]), query or {})
    assert response.status_code == 200, (name, fmt)
    return response.content


def _downloads(client, officer, staff, board, partnership, scenario, payload):
    """Every CSV and XLSX the application offers to download: (view, format) → bytes."""
    slug = partnership.slug
    found = {}
    for user, name, args, query in [
        (officer, "board_overview_export", [board.pk], {}),
        (officer, "board_analysis_export", [board.pk], {}),
        (officer, "allocation_scenario_export", [scenario.pk], {}),
        (staff, "partnership_overview_export", [slug], {}),
        (staff, "coverage_export", [slug], {"aanbod": planted(payload, "adres")}),
        (staff, "partnership_analysis_export", [slug], {}),
    ]:
        for fmt in ("csv", "xlsx"):
            found[name, fmt] = _get(client, user, name, args, fmt, query)
    client.force_login(staff)
    url = reverse("partnership_publications_zip", kwargs={"slug": slug, "schooljaar": YEAR})
    archive = zipfile.ZipFile(io.BytesIO(body(client.get(url))))
    found[ZIP_INDEX, "csv"] = archive.read("overzicht.csv")
    return found


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def _csv_cells(data: bytes) -> list[str]:
    return [cell for row in _csv_rows(data) for cell in row]


# The allocation workbook's own formulas: the leftover units (B6) and the columns that
# recompute the shares, on the schools' rows and the totals below them.
FIRST_SCHOOL_ROW = 9


def _ours(sheet: str, cell) -> bool:
    if sheet == "Verdeling":
        return cell.coordinate == "B6" or (
            cell.column_letter in "CDEFGHIJ" and cell.row >= FIRST_SCHOOL_ROW
        )
    return sheet == "Per groep" and cell.column_letter in "EFGHIJKL" and cell.row >= 2


def _xlsx_cells(data: bytes) -> list[tuple[str, object]]:
    # Not data_only: a formula reads back as its text with data type "f".
    book = load_workbook(io.BytesIO(data))
    return [(ws.title, cell) for ws in book.worksheets for row in ws.iter_rows() for cell in row]


# Where each planted text must show up, so the checks below are not vacuous.
REACHES = {
    "board_overview_export": {"bestuur", "gemeente", "wijk"},
    "board_analysis_export": {"model", "partner", "gemeente", "wijk"},
    "allocation_scenario_export": {"verdeling"},
    "partnership_overview_export": {"bestuur", "gemeente", "wijk", "voornaam"},
    "coverage_export": {"model", "partner", "gemeente", "wijk", "adres"},
    "partnership_analysis_export": {"bestuur", "gemeente", "wijk"},
    ZIP_INDEX: set(),
}


@pytest.mark.parametrize(
    "payload", PAYLOADS, ids=["hyperlink", "dde", "at", "minus", "tab", "return"]
)
def test_it_plants_a_payload_in_every_free_text_and_no_download_runs_it(
    client, world, payload, officer, staff, board, partnership
):
    downloads = _downloads(client, officer, staff, board, partnership, world, payload)
    assert len(downloads) == 13
    for name, data in downloads.items():
        export, fmt = name
        # Some inputs are stripped on the way in (a scenario's name, the model's labels): a
        # tab's or return's payload arrives as "=1 ...", a trigger still.
        texts = [planted(payload, source).strip() for source in REACHES[export]]
        if fmt == "csv":
            cells = _csv_cells(data)
            assert not [c for c in cells if c.startswith(TRIGGERS)], name
            # The school's name, quoted: shown as the text it is.
            assert "'" + payload in cells, name
            for text in texts:
                assert any(text in c for c in cells), (name, text)
            continue
        cells = _xlsx_cells(data)
        formulas = [(sheet, c) for sheet, c in cells if c.data_type == "f"]
        assert all(_ours(sheet, c) for sheet, c in formulas), (name, formulas)
        assert not any(payload in c.value for _, c in formulas), name
        strings = [c.value for _, c in cells if c.data_type == "s"]
        assert payload in strings, name
        for text in texts:
            assert any(text in s for s in strings), (name, text)


def test_the_allocation_workbook_keeps_its_own_formulas(client, world, payload, officer):
    data = _get(client, officer, "allocation_scenario_export", [world.pk], "xlsx")
    ws = load_workbook(io.BytesIO(data))["Verdeling"]
    assert ws["A1"].data_type == "s" and ws["A1"].value.startswith(planted(payload, "verdeling"))
    assert ws["B6"].data_type == "f"
    school_rows = range(FIRST_SCHOOL_ROW, FIRST_SCHOOL_ROW + len(world.result["schools"]))
    for row in school_rows:
        types = [ws.cell(row, column).data_type for column in range(1, 11)]
        assert types == ["s", "s", "n", *["f"] * 6, "n"]


def test_numbers_stay_numbers(client, world, payload, officer, staff, partnership):
    # De Vlieger's open comment: a count, a number cell in XLSX and unquoted in CSV.
    overview = ("partnership_overview_export", [partnership.slug])
    rows = _csv_rows(_get(client, staff, *overview, "csv"))
    header = rows[1]
    vlieger = dict(zip(header, next(r for r in rows if r[:1] == ["De Vlieger"]), strict=True))
    assert vlieger["Open opmerkingen"] == "1"
    ws = load_workbook(io.BytesIO(_get(client, staff, *overview, "xlsx"))).worksheets[0]
    row = next(r for r in ws.iter_rows() if r[0].value == "De Vlieger")
    cell = row[header.index("Open opmerkingen")]
    assert (cell.value, cell.data_type) == (1, "n")
    # The shares of the allocation: decimal commas in CSV, number cells in XLSX.
    allocation = ("allocation_scenario_export", [world.pk])
    rows = _csv_rows(_get(client, officer, *allocation, "csv"))
    # School, BRIN, school type, own weight, factor, weight, exact, floor, remainder, rank,
    # extra, share.
    shares = [r[-1] for r in rows if len(r) == 12 and r[1].endswith("00")]
    assert sum(Decimal(s.replace(",", ".")) for s in shares) == 100000
    ws = load_workbook(io.BytesIO(_get(client, officer, *allocation, "xlsx")))["Verdeling"]
    shown = [ws.cell(row, 10) for row in range(FIRST_SCHOOL_ROW, FIRST_SCHOOL_ROW + len(shares))]
    assert [c.data_type for c in shown] == ["n"] * len(shares)

"""Allocation scenarios on the pages: computed, saved, compared, and exported so that the
sheet recomputes to the shares shown."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from steunwijzer.core.numbers import dutch_number
from steunwijzer.dashboards.models import AllocationScenario
from tests.allocation_helpers import recompute
from tests.conftest import make_school
from tests.deadline_helpers import set_today

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, TODAY)


@pytest.fixture
def schools(board):
    return [
        make_school(board, "11AA", "De Eik", pupil_count=101),
        make_school(board, "22BB", "De Linde", pupil_count=250),
        make_school(board, "33CC", "De Wilg", pupil_count=77),
    ]


def _post(client, board, **data):
    values = {
        "name": "Arrangementen",
        "total": "100000",
        "unit": "euro",
        "basis": "leerlingen",
        "fixed_base": "5000",
    }
    values.update(data)
    return client.post(reverse("board_allocation", args=[board.pk]), values)


def test_it_saves_a_dated_scenario_and_shows_the_steps(client, officer, board, schools):
    client.force_login(officer)
    response = _post(client, board)
    scenario = AllocationScenario.objects.get()
    assert response.status_code == 302
    assert (scenario.board, scenario.school_year, scenario.created_on) == (
        board,
        "2026-2027",
        TODAY,
    )
    amounts = [Decimal(s["amount"]) for s in scenario.result["schools"]]
    assert sum(amounts) == Decimal(100000)
    page = client.get(response["Location"]).content.decode()
    assert "Variabel deel: 100.000 - 15.000 = 85.000 euro." in page
    assert "per leerling:" in page


def test_it_computes_without_saving_on_get(client, officer, board, schools):
    client.force_login(officer)
    response = client.get(
        reverse("board_allocation", args=[board.pk]),
        {"total": "1,00", "unit": "fte", "basis": "leerlingen"},
    )
    assert response.status_code == 200
    assert "Aandeel per school, stap voor stap" in response.content.decode()
    assert not AllocationScenario.objects.exists()


def test_bereken_computes_without_saving_and_keeps_the_token_out_of_the_address(
    client, officer, board, schools
):
    client.force_login(officer)
    response = _post(client, board, preview="1")
    assert response.status_code == 200
    assert "Aandeel per school, stap voor stap" in response.content.decode()
    assert 'formmethod="get"' not in response.content.decode()
    assert not AllocationScenario.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"total": "veel"}, "Totaal: vul een getal in, zoals 125.000 of 12,5."),
        ({"total": ""}, "Totaal: vul in hoeveel er te verdelen is (meer dan 0)."),
        ({"total": "0"}, "Totaal: vul in hoeveel er te verdelen is (meer dan 0)."),
        ({"total": "1e400"}, "Totaal: vul een getal in"),
        ({"total": "1" * 25}, "Totaal: hoogstens 999.999.999.999."),
        ({"fixed_base": "1e400"}, "Vast deel per school: vul een getal in"),
        ({"total": "100000,50"}, "Totaal: vul hele euro&#x27;s in, zonder centen."),
        ({"name": "x" * 201}, "Naam van de verdeling: hoogstens 200 tekens."),
        (
            {"fixed_base": "50000"},
            "Vast deel per school: 3 \N{MULTIPLICATION SIGN} 50.000 = 150.000 is meer dan het "
            "totaal",
        ),
        ({"unit": "gulden"}, "Kies euro, fte of uren."),
        ({"basis": "punten"}, "Geen school heeft punten"),
    ],
)
def test_it_rejects_bad_input_in_dutch_and_saves_nothing(
    client, officer, board, schools, data, message
):
    client.force_login(officer)
    response = _post(client, board, **data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not AllocationScenario.objects.exists()


def test_it_compares_with_last_years_scenario(client, officer, board, schools):
    client.force_login(officer)
    _post(client, board, total="90000")
    last = AllocationScenario.objects.get()
    last.school_year = "2025-2026"
    last.save()
    _post(client, board)
    scenario = AllocationScenario.objects.get(school_year="2026-2027")
    page = client.get(reverse("allocation_scenario", args=[scenario.pk])).content.decode()
    assert "Vergeleken met vorig jaar" in page and "2025-2026" in page
    assert "+" in page


def _last_year(scenario):
    scenario.school_year = "2025-2026"
    scenario.save()
    return scenario


def test_it_compares_only_with_last_years_scenario_in_the_same_unit(
    client, officer, board, schools
):
    client.force_login(officer)
    _post(client, board, total="3,50", unit="fte", fixed_base="0")
    _last_year(AllocationScenario.objects.get())
    _post(client, board)
    scenario = AllocationScenario.objects.get(school_year="2026-2027")
    page = client.get(reverse("allocation_scenario", args=[scenario.pk])).content.decode()
    assert "Er is geen verdeling van vorig schooljaar in euro om mee te vergelijken." in page


def test_it_compares_with_last_years_scenario_of_the_same_name_first(
    client, officer, board, schools
):
    client.force_login(officer)
    _post(client, board, name="Arrangementen", total="90000")
    same_name = _last_year(AllocationScenario.objects.get())
    _post(client, board, name="Iets anders", total="80000")
    _last_year(AllocationScenario.objects.exclude(pk=same_name.pk).get())
    _post(client, board, name="Arrangementen")
    scenario = AllocationScenario.objects.get(school_year="2026-2027")
    page = client.get(reverse("allocation_scenario", args=[scenario.pk])).content.decode()
    assert "naast Arrangementen (2025-2026)" in page


def test_it_deletes_a_scenario_after_asking(client, officer, board, schools):
    client.force_login(officer)
    _post(client, board)
    scenario = AllocationScenario.objects.get()
    url = reverse("allocation_scenario_delete", args=[scenario.pk])
    assert "Weet u zeker" in client.get(url).content.decode()
    assert AllocationScenario.objects.exists()
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("board_allocation", args=[board.pk])
    assert "De verdeling “Arrangementen” is verwijderd." in response.content.decode()
    assert not AllocationScenario.objects.exists()


def test_a_scenario_without_a_name_is_named_after_its_day_and_its_file_after_it(
    client, officer, board, schools
):
    client.force_login(officer)
    _post(client, board, name="")
    scenario = AllocationScenario.objects.get()
    assert scenario.name == "Verdeling van 22 november 2026"
    response = client.get(reverse("allocation_scenario_export", args=[scenario.pk, "csv"]))
    expected = f"verdeling-{scenario.pk}-verdeling-van-22-november-2026-2026-2027.csv"
    assert f'filename="{expected}"' in response["Content-Disposition"]


def test_the_partnership_deletes_its_own_scenario(client, staff, partnership, schools):
    client.force_login(staff)
    client.post(
        reverse("partnership_allocation", args=[partnership.slug]),
        {"total": "4000", "unit": "uren", "basis": "leerlingen"},
    )
    scenario = AllocationScenario.objects.get()
    response = client.post(reverse("allocation_scenario_delete", args=[scenario.pk]))
    assert response["Location"] == reverse("partnership_allocation", args=[partnership.slug])
    assert not AllocationScenario.objects.exists()


@pytest.mark.parametrize("unit", ["euro", "fte"])
def test_the_xlsx_export_recomputes_to_the_shares_shown(client, officer, board, schools, unit):
    client.force_login(officer)
    total = "100001" if unit == "euro" else "3.17"
    base = "5000" if unit == "euro" else "0.10"
    _post(client, board, total=total, unit=unit, fixed_base=base)
    scenario = AllocationScenario.objects.get()
    response = client.get(reverse("allocation_scenario_export", args=[scenario.pk, "xlsx"]))
    ws = load_workbook(io.BytesIO(response.content))["Verdeling"]
    read = lambda ref: Decimal(str(ws[ref].value))  # noqa: E731
    total, quantum, base, n = read("B2"), read("B3"), read("B4"), int(ws["B5"].value)
    rows = list(ws.iter_rows(min_row=9, max_row=8 + n, values_only=True))
    weights = [Decimal(str(r[2])) for r in rows]
    shown = [Decimal(str(r[9])).quantize(quantum) for r in rows]
    assert recompute(total, quantum, base, weights) == shown
    assert sum(shown) == total
    # The formula column is there for the spreadsheet to recompute the same thing.
    assert rows[0][8] == "=E9+H9"
    # Shown with thousands grouped and the unit's decimals.
    assert ws["J9"].number_format == ("#,##0" if unit == "euro" else "#,##0.00")
    assert ws["D9"].number_format == "#,##0.0000"
    page = client.get(reverse("allocation_scenario", args=[scenario.pk])).content.decode()
    for amount in shown:
        assert f"<strong>{dutch_number(amount, grouping=True)}</strong>" in page


def test_the_csv_export_holds_the_inputs_and_the_shares(client, officer, board, schools):
    client.force_login(officer)
    _post(client, board)
    scenario = AllocationScenario.objects.get()
    response = client.get(reverse("allocation_scenario_export", args=[scenario.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert ["Totaal: 100.000 euro"] in rows
    shares = [r[-1] for r in rows if r and r[0].startswith("De ")]
    # Decimal commas, as Dutch Excel reads numbers from a semicolon file.
    assert sum(Decimal(v.replace(",", ".")) for v in shares) == 100000


def test_the_partnership_divides_over_all_its_schools(
    client, staff, partnership, schools, single_school
):
    client.force_login(staff)
    response = client.post(
        reverse("partnership_allocation", args=[partnership.slug]),
        {"total": "4000", "unit": "uren", "basis": "leerlingen"},
    )
    scenario = AllocationScenario.objects.get()
    assert response.status_code == 302 and scenario.board is None
    assert len(scenario.result["schools"]) == 4


@pytest.mark.parametrize(("unit", "basis"), [("euro", "leerlingen"), ("fte", "leerlingen")])
def test_the_sheets_formulas_evaluate_to_the_shares_shown(
    client, officer, board, schools, unit, basis, tmp_path
):
    """Evaluated formula by formula (pycel), as a spreadsheet would: the sheet stands alone."""
    from pycel import ExcelCompiler

    client.force_login(officer)
    total, base = ("100001", "5000") if unit == "euro" else ("3,17", "0,10")
    _post(client, board, total=total, unit=unit, basis=basis, fixed_base=base)
    scenario = AllocationScenario.objects.get()
    path = tmp_path / "verdeling.xlsx"
    path.write_bytes(
        client.get(reverse("allocation_scenario_export", args=[scenario.pk, "xlsx"])).content
    )
    sheet = ExcelCompiler(filename=str(path))
    shown = load_workbook(path)["Verdeling"]
    for row in range(9, 9 + len(schools)):
        assert sheet.evaluate(f"Verdeling!I{row}") == pytest.approx(shown[f"J{row}"].value)
    whole = float(total.replace(",", "."))
    assert sheet.evaluate(f"Verdeling!I{9 + len(schools)}") == pytest.approx(whole)

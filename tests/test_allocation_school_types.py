"""The allocation weighs school types apart: a factor per type (bao, sbo, so) multiplies a
school's points or pupils; all factors 1, the default, leaves the division as it was."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from steunwijzer.dashboards.allocation import (
    SCHOOL_TYPES,
    UNITS,
    AllocationError,
    Part,
    divide,
    divide_by_type,
    parse_factor,
)
from steunwijzer.dashboards.calculation import error_message
from steunwijzer.dashboards.models import AllocationScenario
from tests.allocation_helpers import recompute
from tests.conftest import make_school
from tests.deadline_helpers import set_today
from tests.test_allocation import cases, refusal

factors = st.fixed_dictionaries(
    {t: st.decimals(min_value=0, max_value=10, places=2) for t in SCHOOL_TYPES}
)


def _parts(values):
    return [Part(str(i), f"School {i}", Decimal(v)) for i, v in enumerate(values)]


def _types(data, count):
    return data.draw(st.lists(st.sampled_from(SCHOOL_TYPES), min_size=count, max_size=count))


@settings(max_examples=200)
@given(cases(), st.data())
def test_factors_of_one_divide_exactly_as_before(case, data):
    unit, values, total, base = case
    types = _types(data, len(values))
    ones = {t: Decimal(1) for t in SCHOOL_TYPES}
    before = divide(total, _parts(values), unit=unit, fixed_base=base)
    assert divide_by_type(total, _parts(values), types, ones, unit=unit, fixed_base=base) == before


@settings(max_examples=200)
@given(cases(), factors, st.data())
def test_weighed_shares_still_add_up_to_the_whole(case, chosen, data):
    unit, values, total, base = case
    types = _types(data, len(values))
    try:
        result = divide_by_type(total, _parts(values), types, chosen, unit=unit, fixed_base=base)
    except AllocationError as error:
        # Only when the factors leave no weight while there is something to divide by weight.
        assert error.code == "no_weight_by_type"
        assert total > base * len(values)
        return
    assert sum(s.amount for s in result.shares) == total
    assert all(s.amount >= base and s.amount % UNITS[unit] == 0 for s in result.shares)


@settings(max_examples=200)
@given(cases(), st.data())
def test_a_type_with_factor_zero_gets_only_the_fixed_part(case, data):
    unit, values, total, base = case
    types = _types(data, len(values))
    zero = data.draw(st.sampled_from(SCHOOL_TYPES))
    chosen = {t: Decimal(0 if t == zero else 1) for t in SCHOOL_TYPES}
    try:
        result = divide_by_type(total, _parts(values), types, chosen, unit=unit, fixed_base=base)
    except AllocationError as error:
        assert error.code == "no_weight_by_type"
        return
    for share, school_type in zip(result.shares, types, strict=True):
        if school_type == zero:
            assert share.amount == base


def test_a_factor_of_two_counts_a_school_twice():
    result = divide_by_type(
        Decimal(300), _parts([100, 100]), ["bao", "so"], {"bao": Decimal(1), "so": Decimal(2)}
    )
    assert [s.amount for s in result.shares] == [Decimal(100), Decimal(200)]
    assert [s.weight for s in result.shares] == [Decimal(100), Decimal(200)]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "Factor so: mag niet negatief zijn."),
        ("veel", "Factor so: vul een getal in, zoals 125.000 of 12,5."),
        ("NaN", "Factor so: vul een getal in, zoals 125.000 of 12,5."),
        ("101", "Factor so: hoogstens 100."),
    ],
)
def test_a_bad_factor_is_refused_in_dutch(value, message):
    assert refusal(parse_factor, value, "Factor so") == message


@pytest.mark.parametrize(("value", "expected"), [("1,5", "1.5"), ("0", "0"), ("2", "2")])
def test_a_factor_reads_as_dutch_writes_it(value, expected):
    assert parse_factor(value, "Factor") == Decimal(expected)


def test_factors_that_take_all_weight_away_say_so():
    with pytest.raises(AllocationError) as caught:
        divide_by_type(Decimal(10), _parts([5]), ["sbo"], {"sbo": Decimal(0)})
    assert error_message(caught.value).startswith(
        "Elke school met punten of leerlingen heeft factor 0 voor haar schoolsoort"
    )


# --- On the pages and in the exports ------------------------------------------------------------

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, TODAY)


@pytest.fixture
def schools(board):
    return [
        make_school(board, "11AA", "De Eik", pupil_count=101),
        make_school(board, "22BB", "De Wissel", pupil_count=80, school_type="sbo"),
        make_school(board, "33CC", "De Ster", pupil_count=40, school_type="so"),
    ]


def _post(client, board, **data):
    values = {"name": "Arrangementen", "total": "100001", "unit": "euro", "basis": "leerlingen"}
    values.update(data)
    return client.post(reverse("board_allocation", args=[board.pk]), values)


def _amounts(scenario):
    return [Decimal(s["amount"]) for s in scenario.result["schools"]]


def test_without_factors_the_result_is_todays(client, officer, board, schools):
    client.force_login(officer)
    _post(client, board, fixed_base="1000")
    scenario = AllocationScenario.objects.get()
    # The schools in the order of their names: De Eik, De Ster, De Wissel.
    plain = divide(Decimal(100001), _parts([101, 40, 80]), fixed_base=Decimal(1000))
    assert _amounts(scenario) == [s.amount for s in plain.shares]
    assert not any("Factor per schoolsoort" in step for step in scenario.result["steps"])
    assert scenario.result["factors"] == {"bao": "1", "sbo": "1", "so": "1"}


def test_the_form_offers_a_factor_per_type_explained_in_one_line(client, officer, board, schools):
    client.force_login(officer)
    page = client.get(reverse("board_allocation", args=[board.pk])).content.decode()
    assert "de punten of leerlingen van een school tellen maal de factor van haar soort" in page
    for label in ("basisonderwijs", "speciaal basisonderwijs", "speciaal onderwijs"):
        assert f"Factor {label}</label>" in page
    assert 'name="factor_so" inputmode="decimal" aria-describedby="factor-help" value="1"' in page


def test_the_partnership_weighs_so_double_and_the_exports_show_it(client, officer, board, schools):
    client.force_login(officer)
    response = _post(client, board, factor_sbo="1,5", factor_so="2")
    assert response.status_code == 302
    scenario = AllocationScenario.objects.get()
    weights = [Decimal(s["weight"]) for s in scenario.result["schools"]]
    assert weights == [Decimal(101), Decimal(80), Decimal(120)]
    assert _amounts(scenario) == recompute(Decimal(100001), Decimal(1), Decimal(0), weights)
    line = (
        "Factor per schoolsoort: basisonderwijs 1, speciaal basisonderwijs 1,5, speciaal "
        "onderwijs 2; het gewicht van een school is haar punten of leerlingen maal de factor "
        "van haar soort."
    )
    assert line in client.get(response["Location"]).content.decode()
    text = client.get(reverse("allocation_scenario_export", args=[scenario.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(text.content.decode("utf-8-sig")), delimiter=";"))
    assert [line] in rows
    header = next(r for r in rows if r and r[0] == "School")
    assert header[2:6] == [
        "Schoolsoort",
        "Eigen punten of leerlingen",
        "Factor van de schoolsoort",
        "Gewicht",
    ]
    wissel = next(r for r in rows if r and r[0] == "De Wissel")
    assert wissel[2:6] == ["speciaal basisonderwijs", "80", "1,5", "120,0"]
    book = client.get(reverse("allocation_scenario_export", args=[scenario.pk, "xlsx"]))
    ws = load_workbook(io.BytesIO(book.content))["Verdeling"]
    assert ws["A7"].value == line
    assert [ws[f"{c}8"].value for c in "KLM"] == [
        "Schoolsoort",
        "Eigen punten of leerlingen",
        "Factor van de schoolsoort",
    ]
    assert [ws[f"{c}11"].value for c in "KLM"] == ["speciaal basisonderwijs", 80, 1.5]
    assert ws["C11"].value == 120


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"factor_so": "-1"}, "Factor speciaal onderwijs: mag niet negatief zijn."),
        ({"factor_sbo": "twee"}, "Factor speciaal basisonderwijs: vul een getal in"),
        ({"factor_bao": "1000"}, "Factor basisonderwijs: hoogstens 100."),
        (
            {"factor_bao": "0", "factor_sbo": "0", "factor_so": "0"},
            "Elke school met punten of leerlingen heeft factor 0",
        ),
    ],
)
def test_a_bad_factor_on_the_page_saves_nothing(client, officer, board, schools, data, message):
    client.force_login(officer)
    response = _post(client, board, **data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not AllocationScenario.objects.exists()


def test_a_scenario_saved_before_factors_still_exports(client, officer, board, schools):
    client.force_login(officer)
    _post(client, board)
    scenario = AllocationScenario.objects.get()
    for school in scenario.result["schools"]:
        for key in ("school_type", "own_weight", "factor"):
            del school[key]
    del scenario.result["factors"]
    scenario.save()
    text = client.get(reverse("allocation_scenario_export", args=[scenario.pk, "csv"]))
    assert "basisonderwijs 1, speciaal basisonderwijs 1, speciaal onderwijs 1" in (
        text.content.decode("utf-8-sig")
    )
    assert (
        client.get(reverse("allocation_scenario_export", args=[scenario.pk, "xlsx"])).status_code
        == 200
    )

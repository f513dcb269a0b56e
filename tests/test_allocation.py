"""The allocation arithmetic: shares add up to the whole, never negative, monotone in weight."""

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from steunwijzer.core.numbers import dutch_number
from steunwijzer.dashboards.allocation import (
    MAXIMUM,
    UNITS,
    AllocationError,
    Part,
    divide,
    parse_amount,
)
from steunwijzer.dashboards.calculation import check_fixed_base, error_message, steps

weights = st.lists(
    st.decimals(min_value=0, max_value=5000, places=1, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=25,
)
units = st.sampled_from(sorted(UNITS))


def _parts(values):
    return [Part(str(i), f"School {i}", Decimal(v)) for i, v in enumerate(values)]


def refusal(call, *args, **kwargs) -> str:
    """The message the user reads when the allocation refuses the input (`allocation` is
    pure and raises a code; `calculation.error_message` words it)."""
    with pytest.raises(AllocationError) as caught:
        call(*args, **kwargs)
    return error_message(caught.value)


@st.composite
def cases(draw):
    unit = draw(units)
    quantum = UNITS[unit]
    values = draw(weights)
    if not any(values):
        values[0] = Decimal(1)
    total = draw(st.integers(min_value=0, max_value=10_000_000)) * quantum
    max_base = int(total / quantum) // len(values)
    base = draw(st.integers(min_value=0, max_value=max_base)) * quantum
    return unit, values, total, base


@settings(max_examples=300)
@given(cases())
def test_shares_always_sum_to_the_whole_and_are_never_negative(case):
    unit, values, total, base = case
    result = divide(total, _parts(values), unit=unit, fixed_base=base)
    assert sum(s.amount for s in result.shares) == total
    assert all(s.amount >= 0 for s in result.shares)
    assert all(s.amount % UNITS[unit] == 0 for s in result.shares)
    # Rounding moves every share by less than one unit from its exact value.
    assert all(abs(s.amount - s.exact) < UNITS[unit] for s in result.shares)
    assert all(s.amount >= base for s in result.shares)


@settings(max_examples=300)
@given(cases(), st.data())
def test_a_school_with_more_weight_never_gets_less(case, data):
    unit, values, total, base = case
    index = data.draw(st.integers(min_value=0, max_value=len(values) - 1))
    extra = data.draw(st.decimals(min_value="0.1", max_value=1000, places=1))
    before = divide(total, _parts(values), unit=unit, fixed_base=base)
    more = list(values)
    more[index] = Decimal(more[index]) + extra
    after = divide(total, _parts(more), unit=unit, fixed_base=base)
    assert after.shares[index].amount >= before.shares[index].amount


def test_it_divides_a_worked_example_step_by_step():
    parts = [Part("a", "A", Decimal(100)), Part("b", "B", Decimal(50)), Part("c", "C", Decimal(50))]
    result = divide(Decimal(10001), parts, unit="euro", fixed_base=Decimal(1000))
    # 3 x 1000 fixed, 7001 by weight: 3500.5, 1750.25, 1750.25 → one euro left for A.
    assert [s.amount for s in result.shares] == [Decimal(4501), Decimal(2750), Decimal(2750)]
    assert result.leftover_units == 1
    assert "Variabel deel: 10.001 - 3.000 = 7.001 euro." in steps(result)
    assert "afgerond op hele euro's" in steps(result)[4]


def test_the_calculation_says_what_is_left_after_rounding():
    left = divide(Decimal(10001), _parts([100, 50, 50]), fixed_base=Decimal(1000))
    assert steps(left)[-1].startswith(
        "Na afronden blijven 1 \N{MULTIPLICATION SIGN} 1 euro over; die gaan één voor één"
    )
    even = divide(Decimal(100), _parts([1, 1]))
    assert steps(even)[-1] == (
        "Na afronden blijft niets over: de afgeronde delen zijn samen precies het totaal."
    )


def test_it_keeps_an_amount_in_the_units_precision():
    assert str(parse_amount("3,5", "fte")) == "3.50"
    assert str(parse_amount("100.000", "euro")) == "100000"


def test_the_calculation_names_the_weight_it_divides_by():
    result = divide(Decimal(100), _parts([1, 3]))
    assert "per leerling: 100 ÷ 4 = 25 euro." in steps(result, "leerling")[3]


def test_fte_is_rounded_to_hundredths():
    parts = [Part(str(i), str(i), Decimal(1)) for i in range(3)]
    result = divide(Decimal("1.00"), parts, unit="fte")
    assert sorted(s.amount for s in result.shares) == [
        Decimal("0.33"),
        Decimal("0.33"),
        Decimal("0.34"),
    ]


def test_it_rejects_a_fixed_base_larger_than_the_total():
    assert "Vast deel per school" in refusal(
        divide, Decimal(100), _parts([1, 1]), fixed_base=Decimal(60)
    )


def test_the_fixed_base_check_shows_the_sum():
    sum_shown = r"2 \N{MULTIPLICATION SIGN} 6\.000 = 12\.000 is meer dan het totaal 10\.000"
    assert re.search(sum_shown, refusal(check_fixed_base, Decimal(10000), Decimal(6000), 2))


def test_it_rejects_weights_that_are_all_zero():
    assert "Geen school heeft punten" in refusal(divide, Decimal(100), _parts([0, 0]))


def test_it_rejects_a_negative_weight_naming_the_school():
    assert "School 1" in refusal(divide, Decimal(100), _parts([1, -1]))


@pytest.mark.parametrize(
    ("value", "unit", "message"),
    [
        ("abc", "euro", "Bedrag: vul een getal in, zoals 125.000 of 12,5."),
        ("1e5", "euro", "vul een getal in"),
        ("1e400", "euro", "vul een getal in"),
        ("NaN", "euro", "vul een getal in"),
        ("12,5,0", "euro", "vul een getal in"),
        ("1.00.000", "euro", "vul een getal in"),
        ("-5", "euro", "Bedrag: mag niet negatief zijn."),
        ("1.5", "euro", "Bedrag: vul hele euro's in, zonder centen."),
        ("12,50", "uren", "Bedrag: vul hele uren in."),
        ("0.125", "fte", "Bedrag: vul fte in met hoogstens twee cijfers achter de komma."),
        ("1000000000000", "euro", "Bedrag: hoogstens 999.999.999.999."),
        ("1" * 30, "euro", "hoogstens"),
        ("1", "kilo", "Eenheid"),
    ],
)
def test_it_rejects_bad_amounts_in_dutch(value, unit, message):
    assert message in refusal(parse_amount, value, unit)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("12,50", "fte", "12.50"),
        ("12.5", "fte", "12.5"),
        ("0.25", "fte", "0.25"),
        ("100.000", "euro", "100000"),
        ("1.234.567,00", "euro", "1234567"),
        (" 100 000 ", "euro", "100000"),
        ("999999999999", "euro", "999999999999"),
    ],
)
def test_it_reads_dutch_numbers_and_the_decimal_point(value, unit, expected):
    assert parse_amount(value, unit) == Decimal(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("252000", "252.000"), ("252000.00", "252.000"), ("0.7202", "0,7202"), ("1234.5", "1.234,5")],
)
def test_it_writes_amounts_the_dutch_way(value, expected):
    assert dutch_number(Decimal(value), grouping=True) == expected


@given(st.decimals(min_value=0, max_value=MAXIMUM, places=2))
def test_what_the_page_writes_reads_back_as_the_same_amount(amount):
    assert parse_amount(dutch_number(amount, grouping=True), "fte") == amount


@pytest.mark.parametrize(
    ("total", "parts", "unit", "fixed_base", "message"),
    [
        ("1.5", [1], "euro", "0", "Bedrag: een niet-negatief veelvoud van 1 euro."),
        ("1", [1], "fte", "0.005", "Vast deel per school: een veelvoud van 0,01 fte."),
        ("10", [], "uren", "0", "Er zijn geen scholen om over te verdelen."),
        ("10", [1], "kilo", "0", "Eenheid: kies uit euro, fte, uren."),
    ],
)
def test_what_divide_refuses_reads_in_dutch(total, parts, unit, fixed_base, message):
    refused = refusal(
        divide, Decimal(total), _parts(parts), unit=unit, fixed_base=Decimal(fixed_base)
    )
    assert refused == message

"""Dutch numbers come from one helper (`core.numbers.dutch_number`) on Django's `nl` formats;
no module writes its own decimal comma or thousands point."""

import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from steunwijzer.core.numbers import dutch_number
from steunwijzer.instruments.diversity.pupil_rows import MAX_ROWS, MAX_ROWS_TEXT

SRC = Path(__file__).resolve().parent.parent / "src" / "steunwijzer"
HELPER = SRC / "core" / "numbers.py"

# A decimal comma by replacement, or a thousands separator from Python's format spec
# ("{:,}", "{:,f}", "{:,.2f}") that is then swapped into a point.
HAND_WRITTEN = (
    re.compile(r"""\.replace\(\s*(['"])\.\1\s*,\s*(['"]),\2\s*\)"""),
    re.compile(r"""\{[^{}:\[]+:[<>^=+\-#0-9]*,"""),
)

# Pure modules (no Django, see the import-linter contract) that still write a decimal comma
# themselves; each is to get its numbers from a presenter or a formatter passed in. The list
# only shrinks: a new module must use `dutch_number`.
STILL_BY_HAND = {
    "core/spreadsheets.py",  # csv_cell: the CSV export's decimal comma
    "instruments/diversity/public.py",  # _decimal(): the public index, which its leak check
    # compares as the reader sees it
}


@pytest.mark.parametrize(
    ("value", "places", "grouping", "expected"),
    [
        (12.5, None, False, "12,5"),
        (-12.5, None, False, "-12,5"),
        (0, None, False, "0"),
        (0.0, 2, False, "0,00"),
        (Decimal("3.50"), None, False, "3,50"),
        (Decimal("252000.00"), None, True, "252.000"),
        (Decimal("0.7202"), None, True, "0,7202"),
        (Decimal("1234567.891"), 2, True, "1.234.567,89"),
        (Decimal("-1234567.891"), 2, True, "-1.234.567,89"),
        (1234567, None, False, "1234567"),
        (1234567, None, True, "1.234.567"),
        (100000.0, None, False, "100000"),
        (Fraction(1, 3), 2, False, "0,33"),
        (Fraction(5, 2), None, False, "2,5"),
        (-2.675, 2, False, "-2,67"),
        (1.25, 1, False, "1,2"),
        (1.35, 1, False, "1,4"),
        (2.5, 0, False, "2"),
        (1e-7, None, False, "0,0000001"),
    ],
)
def test_it_writes_numbers_the_dutch_way(value, places, grouping, expected):
    assert dutch_number(value, places=places, grouping=grouping) == expected


def test_nothing_is_empty_text():
    assert dutch_number(None) == ""


def test_rounding_matches_pythons_own_formatting():
    for value in (0.125, 2.675, 1.005, 0.5, 1.5, -0.35, 123.456):
        assert dutch_number(value, places=2) == f"{value:.2f}".replace(".", ",")


def test_the_settings_keep_grouping_to_where_it_is_asked_for(settings):
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.USE_THOUSAND_SEPARATOR is False
    assert all(Path(p).is_dir() for p in getattr(settings, "LOCALE_PATHS", []))


def test_limits_written_out_in_pure_modules_match_their_numbers():
    assert dutch_number(MAX_ROWS, grouping=True) == MAX_ROWS_TEXT


def test_no_module_writes_its_own_decimal_comma_or_thousands_point():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path == HELPER or path.relative_to(SRC).as_posix() in STILL_BY_HAND:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(pattern.search(line) for pattern in HAND_WRITTEN):
                found.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert not found, "format numbers with core.numbers.dutch_number:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "line",
    ['text.replace(".", ",")', "f'{value:,f}'", 'f"{total:,.2f}"', 'f"{MAX_ROWS:,}"'],
)
def test_the_search_recognises_hand_written_numbers(line):
    assert any(pattern.search(line) for pattern in HAND_WRITTEN)


def test_a_converted_module_leaves_the_list():
    for name in STILL_BY_HAND:
        text = (SRC / name).read_text(encoding="utf-8")
        assert any(pattern.search(text) for pattern in HAND_WRITTEN), name

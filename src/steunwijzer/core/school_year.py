"""School years run from 1 August to 31 July and are written "2026-2027"."""

import re
from datetime import date

SCHOOL_YEAR_RE = re.compile(r"^(\d{4})-(\d{4})$")


def school_year_of(day: date) -> str:
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"


def is_valid_school_year(value: str) -> bool:
    match = SCHOOL_YEAR_RE.match(value)
    return bool(match) and int(match[2]) == int(match[1]) + 1


def previous_school_year(value: str) -> str:
    start = int(value[:4])
    return f"{start - 1}-{start}"


def school_year_plus(value: str, years: int) -> str:
    """The school year `years` after `value` (before it when negative)."""
    start = int(value[:4]) + years
    return f"{start}-{start + 1}"


def holds_until(school_year: str, cycle_years: int) -> str:
    """The last school year an SOP established for `school_year` holds in a cycle of
    `cycle_years` (1: only its own year)."""
    return school_year_plus(school_year, cycle_years - 1)


def holds_in(school_year: str, cycle_years: int, year: str) -> bool:
    """Whether an SOP of `school_year` still holds in `year`: no new SOP is due then."""
    return school_year <= year <= holds_until(school_year, cycle_years)

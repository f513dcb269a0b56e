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

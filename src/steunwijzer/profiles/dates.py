"""Dates as Dutch readers write them ("1 september 2026"), without depending on the locale.

Pure Python, no Django: a moment in time (an aware datetime) is turned into a day where the
time zone is known, in the template filter `dutch_date` (route's template tags)."""

from datetime import date, datetime

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def as_day(value) -> date | None:
    """A date, a datetime (its own day) or an ISO date string as a date; None for anything
    else (answers hold dates as ISO text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def dutch_date(value) -> str:
    """A date, a datetime or an ISO date string as Dutch text; anything else comes back as
    text."""
    day = as_day(value)
    if day is None:
        return "" if value is None else str(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

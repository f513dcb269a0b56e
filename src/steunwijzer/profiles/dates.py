"""Dates as Dutch readers write them ("1 september 2026"), without depending on the locale."""

from datetime import date

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


def dutch_date(value) -> str:
    """An ISO date as Dutch text; anything that is not a date comes back as text."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return "" if value is None else str(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

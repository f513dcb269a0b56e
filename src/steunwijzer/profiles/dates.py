"""Dates as Dutch readers write them ("1 september 2026"), without depending on the locale."""

from datetime import date, datetime

from django.utils import timezone

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
    """A date, a datetime (its day in local time) or an ISO date string as Dutch text;
    anything else comes back as text."""
    if isinstance(value, datetime):
        day = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(value)
        except (TypeError, ValueError):
            return "" if value is None else str(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

"""Dates in the reader's language through Django's localisation: Django's `DATE_FORMAT` of the
active language ("6 december 2026" for `nl`, whose format is "j F Y"; "Dec. 6, 2026" for `en`).

The one date helper, because dates reach the pages in three kinds that Django's `date` filter
does not all read: dates, moments in time (shown as their day in this time zone) and ISO date
text (answers and the route's steps keep their dates as text). Outputs that must stay Dutch
(the downloads, the SOP's own answers) name the language or render under
`translation.override("nl")`.
"""

from datetime import date, datetime

from django.utils import timezone, translation
from django.utils.formats import date_format


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


def date_text(value, language: str | None = None) -> str:
    """`value` as text in the active language (or `language`); a moment in time is first made
    this time zone's day. Anything that is not a date comes back as text, None as ""."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    day = as_day(value)
    if day is None:
        return "" if value is None else str(value)
    if language is None:
        return date_format(day, "DATE_FORMAT")
    with translation.override(language):
        return date_format(day, "DATE_FORMAT")

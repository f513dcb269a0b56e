"""Dates come from Django's localisation (`core.dates.date_text`, the `date_text` filter): the
`nl` DATE_FORMAT on Dutch pages, English on the public pages read in English; no module keeps
its own list of month names."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import Client
from django.utils import translation
from django.utils.formats import get_format

from steunwijzer.core.dates import as_day, date_text
from steunwijzer.profiles.templatetags.sop import render_answer
from steunwijzer.regional_model.sop_format import Field

SRC = Path(__file__).resolve().parent.parent / "src" / "steunwijzer"

# Reading dates as people type them in an uploaded pupil file is input, not output; the demo's
# fictional texts are data.
# Readers of free text that must recognise a date of birth as written, to refuse it.
MONTH_NAMES_ALLOWED = {"instruments/diversity/identity.py", "steunpunt/identity.py"}
MONTHS = "|".join(
    (
        "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
        "january|february|march|may|june|july|august|october",
    )
)
QUOTED_MONTH = re.compile(rf"""(['"])({MONTHS})\1""", re.IGNORECASE)


def months_in(text: str) -> set[str]:
    return {found[2].lower() for found in QUOTED_MONTH.finditer(text)}


@pytest.mark.parametrize(
    "value, text",
    [
        ("2026-09-01", "1 september 2026"),
        (date(2026, 9, 1), "1 september 2026"),
        (datetime(2026, 12, 31, 23, 30), "31 december 2026"),
        # Half past eleven at night in UTC is already the next day in Amsterdam.
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "1 januari 2027"),
        ("binnenkort", "binnenkort"),
        (None, ""),
    ],
)
def test_dates_are_dutch_by_default(settings, value, text):
    settings.TIME_ZONE = "Europe/Amsterdam"
    assert date_text(value) == text
    rendered = Template("{% load dates %}{{ value|date_text }}").render(Context({"value": value}))
    assert rendered == text


def test_the_dutch_format_is_djangos():
    with translation.override("nl"):
        assert get_format("DATE_FORMAT") == "j F Y"


def test_an_english_reader_gets_english_dates_unless_dutch_is_asked_for():
    with translation.override("en"):
        assert date_text(date(2026, 12, 6)) == "6 December 2026"
        assert date_text("2026-09-01") == "1 September 2026"
        assert date_text(date(2026, 12, 6), "nl") == "6 december 2026"
    assert translation.get_language() == settings.LANGUAGE_CODE


def test_a_day_is_a_datetimes_own_day():
    assert as_day(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == date(2026, 12, 31)
    assert as_day("2026-09-01") == date(2026, 9, 1)
    assert as_day("1 september") is None


def test_the_sops_own_answers_keep_their_dutch_dates_on_an_english_page():
    field = Field(key="evaluatie", type="date", label="Evaluatie")
    with translation.override("en"):
        html = render_answer(field, "2026-09-01")
    assert html == '<p class="utrecht-paragraph">1 september 2026</p>'


def test_the_school_page_shows_its_dates_in_the_readers_language(published):
    published_on = published.transitions.get(action="publish").created_at
    dutch = Client().get("/scholen/12AB/").content.decode()
    english_client = Client()
    english_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = english_client.get("/scholen/12AB/").content.decode()
    with translation.override("en"):
        in_english = date_text(published_on)
    assert f"<dd>{date_text(published_on, 'nl')}</dd>" in dutch
    assert f"<dd>{in_english}</dd>" in english
    assert f"<dd>{date_text(published_on, 'nl')}</dd>" not in english


def test_no_module_keeps_its_own_month_names():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name in MONTH_NAMES_ALLOWED or name.startswith("demo/"):
            continue
        months = months_in(path.read_text(encoding="utf-8"))
        if len(months) >= 2:
            found.append(f"{name}: {', '.join(sorted(months))}")
    assert not found, "format dates with core.dates.date_text or the date filter:\n" + "\n".join(
        found
    )


def test_the_search_recognises_a_list_of_months():
    text = 'MONTHS = ("januari", "februari", "maart")\nNAMES = [\'January\', \'February\']'
    assert months_in(text) == {"januari", "februari", "maart", "january", "february"}


def test_the_allowed_modules_still_need_it():
    for name in MONTH_NAMES_ALLOWED:
        text = (SRC / name).read_text(encoding="utf-8")
        assert len(months_in(text)) >= 2, name

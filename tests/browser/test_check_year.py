"""A check year of a four-yearly cycle in a real browser: the school's home page, its to-do
list and the partnership's overview say the yearly check is late, not the SOP."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.browser.layout import overlapping_or_clipped_text
from tests.deadline_helpers import set_cycle, set_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, date(2026, 11, 22))


@pytest.fixture
def check_year(partnership, last_years_sop):
    set_cycle(partnership, 4)


def _checked(page):
    assert_no_axe_violations(page)
    assert overlapping_or_clipped_text(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_school_and_the_partnership_see_the_yearly_check_late(
    page, partnership, check_year, width
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "editor")
    expect(page.get_by_text("Jaarlijkse controle uiterlijk: 1 september 2026")).to_be_visible()
    expect(page.get_by_text("controle te laat")).to_be_visible()
    _checked(page)
    page.goto(reverse("todo"))
    expect(page.get_by_text("controle te laat")).to_be_visible()
    _checked(page)
    page.context.clear_cookies()
    log_in(page, "swv")
    page.goto(reverse("partnership_overview", args=[partnership.slug]))
    expect(page.get_by_text("controle te laat")).to_be_visible()
    _checked(page)

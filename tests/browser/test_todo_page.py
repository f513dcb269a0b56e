"""The "Te doen" page and the deadline pages in a real browser, checked with axe-core."""

from datetime import date

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.deadline_helpers import set_deadline, set_today
from tests.route_helpers import to_state

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, date(2026, 11, 22))


def test_the_officer_sees_what_to_do(
    page, partnership, board, profile, other_school, editor, mr_member, officer
):
    to_state(profile, "bij_bestuur", editor=editor, mr=mr_member, officer=officer)
    set_deadline(partnership, date(2026, 12, 1))
    log_in(page, "kwaliteit")
    page.get_by_role("link", name="Te doen").click()
    first_row = page.locator("tbody tr").first
    assert "De Regenboog" in first_row.inner_text()  # the officer's own turn comes first
    assert "Vaststellen" in first_row.inner_text()
    assert "binnenkort" in page.locator("tbody tr").nth(1).inner_text()  # De Vlieger
    assert_no_axe_violations(page)

    page.get_by_label("Alleen waar ik aan zet ben").check()
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**/te-doen/?mijn=1")
    assert page.locator("tbody tr").count() == 1
    assert_no_axe_violations(page)


def test_the_deadline_pages_are_accessible(page, partnership, board, school, officer, staff):
    log_in(page, "kwaliteit")
    page.goto(reverse("board_deadlines", args=[board.pk]))
    page.get_by_label("Uiterlijk bij het bestuur op").fill("2027-09-01")  # outside the year
    page.get_by_role("button", name="Termijn opslaan").click()
    page.get_by_text("Kies een datum in schooljaar 2026-2027").wait_for()
    assert_no_axe_violations(page)
    page.get_by_label("Uiterlijk bij het bestuur op").fill("2026-12-01")
    page.get_by_role("button", name="Termijn opslaan").click()
    page.get_by_text("De termijn voor 2026-2027 is nu").wait_for()
    assert_no_axe_violations(page)

    page.context.clear_cookies()
    log_in(page, "swv")
    page.goto(reverse("partnership_deadlines", args=[partnership.slug]))
    page.get_by_text("1 december 2026").wait_for()  # the board's own date
    assert_no_axe_violations(page)

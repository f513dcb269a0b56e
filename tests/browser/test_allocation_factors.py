"""The allocation's factors per school type in a real browser: the partnership weighs SO
double and reads the factor line in the calculation, on a wide and a narrow screen."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.browser.layout import overlapping_or_clipped_text
from tests.conftest import make_school
from tests.deadline_helpers import set_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, date(2026, 11, 22))


@pytest.mark.parametrize("width", [1280, 390])
def test_staff_weigh_special_education_double(page, partnership, board, staff, width):
    make_school(board, "11AA", "De Eik", pupil_count=100)
    make_school(board, "22BB", "De Ster", pupil_count=50, school_type="so")
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "swv")
    page.goto(reverse("partnership_allocation", args=[partnership.slug]))
    expect(page.get_by_label("Factor speciaal onderwijs")).to_have_value("1")
    assert_no_axe_violations(page)
    assert overlapping_or_clipped_text(page) == []
    page.get_by_label("Totaal", exact=True).fill("1000")
    page.get_by_label("Grondslag").select_option("leerlingen")
    page.get_by_label("Factor speciaal onderwijs").fill("2")
    page.get_by_role("button", name="Bereken", exact=True).click()
    expect(page.get_by_text("Factor per schoolsoort: basisonderwijs 1")).to_be_visible()
    # 100 pupils, and 50 pupils times 2: the two schools share alike.
    expect(page.locator("tbody tr").filter(has_text="De Ster")).to_contain_text("500")
    assert_no_axe_violations(page)
    assert overlapping_or_clipped_text(page) == []

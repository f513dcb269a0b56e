"""The overviews in a real browser: a board officer finds the late school and opens it; staff
find a district where no school offers a kind of support and download the export."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from steunwijzer.organisations.models import Role
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.browser.layout import overlapping_or_clipped_text
from tests.conftest import grant, make_user
from tests.deadline_helpers import set_deadline, set_today
from tests.route_helpers import to_state

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, date(2026, 11, 22))


def assert_no_sideways_scroll(page, width=400):
    """At a phone's width the page itself never scrolls sideways; its wide tables do."""
    page.set_viewport_size({"width": width, "height": 800})
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= page.evaluate("window.innerWidth"), f"the page is {wide}px wide"
    page.set_viewport_size({"width": 1280, "height": 800})


def test_the_officer_sees_which_school_is_late_and_opens_it(
    page, partnership, board, profile, other_profile, other_editor, officer
):
    other_mr = make_user("mr_vlieger")
    grant(other_mr, Role.MR_MEMBER, school=other_profile.school)
    set_deadline(partnership, date(2026, 10, 1))
    to_state(other_profile, "bij_bestuur", editor=other_editor, mr=other_mr, officer=officer)
    log_in(page, "kwaliteit")
    page.get_by_role("link", name="Bestuursoverzicht").click()
    page.get_by_role("heading", name="Bestuursoverzicht Stichting Leerkracht").wait_for()
    assert_no_axe_violations(page)
    assert page.get_by_role("link", name="verklaring (PDF) van De Vlieger").count() == 1
    assert_no_sideways_scroll(page)
    page.get_by_label("Te laat").select_option("1")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**te_laat=1")
    rows = page.locator("table").first.locator("tbody tr")
    assert rows.count() == 1  # De Vlieger is at the board, on time
    assert "te laat" in rows.first.inner_text()
    rows.first.get_by_role("link", name="De Regenboog").click()
    page.wait_for_url(f"**{reverse('profile_route', args=[profile.pk])}")

    for name in ("board_analysis", "board_allocation"):
        page.goto(reverse(name, args=[board.pk]))
        assert_no_axe_violations(page)
    page.get_by_label("Totaal").fill("10000")
    page.get_by_label("Grondslag").select_option("leerlingen")
    page.get_by_role("button", name="Bereken en bewaar").click()
    page.get_by_text("Vergeleken met vorig jaar").wait_for()
    assert_no_axe_violations(page)


def test_staff_find_a_district_without_an_offer_and_download_it(
    page, partnership, board, profile, single_school, editor, mr_member, officer, staff
):
    to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)
    log_in(page, "swv")
    page.get_by_role("link", name="Overzicht, dekkend aanbod en analyse van SWV Test").click()
    assert_no_axe_violations(page)
    assert page.get_by_role("link", name="verklaring (PDF) van De Regenboog").count() == 1
    assert_no_sideways_scroll(page)
    page.get_by_role("link", name="Dekkend aanbod").click()
    page.get_by_label("Aanbod", exact=True).select_option(label="Autisme")
    page.get_by_role("button", name="Toon").click()
    # The matrix shows Escamp's gap in words: no school there offers autism support.
    escamp = page.locator("#matrix tr", has=page.locator("th", has_text="Escamp"))
    escamp.get_by_text("geen school").wait_for()
    assert_no_axe_violations(page)
    # On a narrow screen the wide tables scroll in their container, which keyboards reach.
    page.set_viewport_size({"width": 480, "height": 800})
    scrolling = page.locator(".utrecht-table-container[role=region][tabindex='0']")
    scrolling.first.wait_for()
    assert scrolling.first.get_attribute("aria-label")
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    # The school year of the test's day, 22 November 2026, and the chosen offer.
    assert download.value.suggested_filename == "dekkend-aanbod-testregio-2026-2027-autisme.xlsx"

    page.goto(reverse("partnership_analysis", args=[partnership.slug]))
    assert_no_axe_violations(page)
    # On a phone a chart keeps its size and scrolls in a region keyboards reach.
    page.set_viewport_size({"width": 400, "height": 800})
    chart = page.locator(".sw-chart__canvas[role=region][tabindex='0']").first
    chart.wait_for()
    assert chart.get_attribute("aria-label").startswith("Grafiek: SOP-check")
    assert_no_axe_violations(page)
    assert_no_sideways_scroll(page)
    page.goto(reverse("partnership_allocation", args=[partnership.slug]))
    assert_no_axe_violations(page)


def _filters_on_a_fresh_page(browser, live_server, width, *, javascript=True):
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": width, "height": 844},
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, "swv")
    page.goto(reverse("partnership_overview", args=["testregio"]))
    page.get_by_role("heading", name="Overzicht Samenwerkingsverband Testregio").wait_for()
    return context, page


def test_on_a_phone_the_overviews_filters_fold_and_the_table_comes_first(
    browser, live_server, partnership, board, profile, other_profile, single_school, staff
):
    context, page = _filters_on_a_fresh_page(browser, live_server, 390)
    expect(page.get_by_text("Filteren en sorteren")).to_be_visible()
    expect(page.get_by_label("Bestuur", exact=True)).to_be_hidden()
    table_top = page.locator("main table").first.bounding_box()["y"]
    assert table_top < 844, f"the table starts {table_top:.0f}px down, below the first screen"
    assert overlapping_or_clipped_text(page) == []
    assert_no_axe_violations(page)

    page.get_by_text("Filteren en sorteren").click()
    expect(page.get_by_label("Gemeente")).to_be_visible()
    page.get_by_label("Gemeente").select_option("Rijswijk")
    page.get_by_role("button", name="Filter", exact=True).click()
    page.wait_for_url("**gemeente=Rijswijk**")
    # The filters fold again; what was chosen stands above the table.
    expect(page.get_by_text("Gemeente: Rijswijk")).to_be_visible()
    expect(page.get_by_label("Gemeente")).to_be_hidden()
    expect(page.locator("main table").first.get_by_text("Het Baken")).to_be_visible()
    assert overlapping_or_clipped_text(page) == []
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Alle scholen tonen").click()
    expect(page.get_by_text("Gemeente: Rijswijk")).to_have_count(0)
    context.close()


@pytest.mark.parametrize(("width", "javascript"), [(1280, True), (390, False)])
def test_the_overviews_filters_are_open_on_a_wide_screen_and_without_javascript(
    browser, live_server, partnership, board, profile, staff, width, javascript
):
    context, page = _filters_on_a_fresh_page(browser, live_server, width, javascript=javascript)
    expect(page.get_by_label("Bestuur", exact=True)).to_be_visible()
    page.get_by_label("Te laat").select_option("1")
    page.get_by_role("button", name="Filter", exact=True).click()
    page.wait_for_url("**te_laat=1**")
    expect(page.locator(".sw-chosen").get_by_text("alleen te laat")).to_be_visible()
    if javascript:
        assert overlapping_or_clipped_text(page) == []
        assert_no_axe_violations(page)
    context.close()

"""A parent, without logging in: find schools in one district that offer support for
dyslexia, compare two, open one. axe-core on every public page; keyboard only; 320 px."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations
from tests.browser.layout import overlapping_or_clipped_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DYSLEXIA = "expertise_aanbod.dyslexie"


def _fits_the_width(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_a_parent_finds_compares_and_opens_a_school(page, two_published):
    page.goto("/scholen/")
    page.get_by_role("heading", name="Scholen zoeken op ondersteuning").wait_for()
    assert_no_axe_violations(page)

    page.get_by_label("Gemeente").select_option("Den Haag")
    page.get_by_label("Dyslexie", exact=True).check()
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("2 scholen gevonden").wait_for()
    assert page.get_by_text("biedt: Dyslexie").count() == 2
    assert_no_axe_violations(page)

    # Searched: the filters fold under their summary, which says how many were chosen.
    expect(page.get_by_label("Wijk of stadsdeel")).to_be_hidden()
    page.get_by_text("Waar zoekt u hulp bij? (2 gekozen)").click()
    page.get_by_label("Wijk of stadsdeel").select_option("Escamp")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("1 school gevonden").wait_for()
    page.get_by_text("Waar zoekt u hulp bij?").click()
    page.get_by_label("Wijk of stadsdeel").select_option("")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("2 scholen gevonden").wait_for()

    page.get_by_label("Vergelijk De Regenboog").check()
    page.get_by_label("Vergelijk De Vlieger").check()
    page.get_by_role("button", name="Vergelijk de gekozen scholen").click()
    page.get_by_role("heading", name="Scholen vergelijken").wait_for()
    assert page.get_by_role("columnheader", name="De Vlieger").count() >= 1
    assert_no_axe_violations(page)

    page.get_by_role("link", name="De Regenboog").first.click()
    page.get_by_role("heading", name="In het kort").wait_for()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_finders_checkboxes_are_a_comfortable_target(page, two_published, width):
    """WCAG 2.5.8: "Vergelijk" and the support filters are at least 24 px, not 13."""
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/scholen/?" + f"aanbod={DYSLEXIA}")
    expect(page.get_by_text("2 scholen gevonden")).to_be_visible()
    page.get_by_text("Waar zoekt u hulp bij?").click()
    expect(page.get_by_label("Dyslexie", exact=True)).to_be_visible()
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('main input[type=checkbox]')].map((box) => {
            const r = box.getBoundingClientRect();
            return [box.id, r.width, r.height];
        })"""
    )
    assert any(name.startswith("vergelijk-") for name, _w, _h in sizes)
    assert any(name.startswith("aanbod-") for name, _w, _h in sizes)
    assert [s for s in sizes if s[1] < 24 or s[2] < 24] == []
    assert overlapping_or_clipped_text(page) == []
    assert _fits_the_width(page)
    assert_no_axe_violations(page)
    page.get_by_label("Vergelijk De Regenboog").check()
    expect(page.get_by_label("Vergelijk De Regenboog")).to_be_checked()


def test_the_choice_of_locations_and_an_error_pass_axe(page, two_published, board):
    from tests.conftest import make_school

    make_school(board, "12AB", "De Regenboog, dependance", vestiging="01")
    page.goto("/scholen/12AB/")
    page.get_by_role("heading", name="Kies een vestiging").wait_for()
    assert_no_axe_violations(page)
    page.goto("/scholen/vergelijk/?s=12AB00")
    page.get_by_text("Kies twee of drie scholen").wait_for()
    assert_no_axe_violations(page)


def test_the_finder_works_with_the_keyboard_only(page, two_published):
    page.goto("/scholen/?" + f"aanbod={DYSLEXIA}")
    page.get_by_text("2 scholen gevonden").wait_for()
    page.locator("body").focus()
    for _ in range(80):  # tab to the first result's link, as a keyboard user would
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.textContent.trim()")
        if focused == "De Regenboog":
            break
    else:
        pytest.fail("The first result cannot be reached with Tab.")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="In het kort").wait_for()
    assert page.url.endswith("/scholen/12AB/")


def test_public_pages_reflow_at_320_pixels(browser, live_server, two_published):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    for url in (
        "/scholen/",
        f"/scholen/?aanbod={DYSLEXIA}&q=leerling",
        "/scholen/12AB/",
        "/scholen/vergelijk/?s=12AB00&s=34CD00",
    ):
        page.goto(url)
        assert _fits_the_width(page), f"horizontal scrolling at 320 px on {url}"
    context.close()


def test_the_school_page_has_print_styles(page, two_published):
    page.goto("/scholen/12AB/")
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Scholen zoeken")).to_be_hidden()
    expect(page.get_by_role("heading", name="In het kort")).to_be_visible()

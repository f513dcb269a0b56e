"""A parent reads the public pages in English: the switch in the header (keyboard only), the
finder and a school's page in English with the note that the SOP itself is Dutch, axe-core
clean, at a phone's and a desktop's width; then back to Dutch."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DUTCH_SOP_NOTE = "The school support profiles (SOPs) themselves are in Dutch"


def _language(page) -> str:
    return page.evaluate("() => document.documentElement.lang")


def _choose(page, language_name: str):
    """Tab to the switch's button and press Enter, as a keyboard user would."""
    button = page.get_by_role("button", name=language_name, exact=True)
    page.locator("body").focus()
    for _ in range(20):
        page.keyboard.press("Tab")
        if button.evaluate("(b) => b === document.activeElement"):
            break
    else:
        pytest.fail(f"The button for {language_name} cannot be reached with Tab.")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_parent_reads_the_public_pages_in_english_and_back(
    browser, live_server, two_published, width
):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)

    page.goto("/scholen/")
    page.get_by_role("heading", name="Scholen zoeken op ondersteuning").wait_for()
    assert _language(page) == "nl"
    assert page.get_by_text(DUTCH_SOP_NOTE).count() == 0
    english = page.get_by_role("button", name="English", exact=True)
    assert english.get_attribute("lang") == "en"

    _choose(page, "English")
    page.get_by_role("heading", name="Find schools by support").wait_for()
    assert _language(page) == "en"
    assert page.url.endswith("/scholen/")
    page.get_by_text(DUTCH_SOP_NOTE).wait_for()
    assert page.get_by_role("button", name="Nederlands", exact=True).get_attribute("lang") == "nl"
    assert_no_axe_violations(page)

    page.get_by_role("link", name="De Regenboog").first.click()
    page.get_by_role("heading", name="In short").wait_for()
    assert _language(page) == "en"
    page.get_by_text(DUTCH_SOP_NOTE).wait_for()
    page.get_by_role("link", name="Download as PDF").wait_for()
    assert_no_axe_violations(page)
    fits = page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert fits, f"horizontal scrolling at {width} px"

    _choose(page, "Nederlands")
    page.get_by_role("heading", name="In het kort").wait_for()
    assert _language(page) == "nl"
    assert page.url.endswith("/scholen/12AB/")
    assert page.get_by_text(DUTCH_SOP_NOTE).count() == 0
    context.close()

"""A school editor pastes a vague, jargon-heavy paragraph, sees the findings appear, fixes the
text and sees them go; asking the MR's advice with a mandatory chapter missing is stopped."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VAGUE = (
    "Indien mogelijk bieden wij waar nodig een arrangement aan. In principe wordt de "
    "onderwijsbehoefte in een handelingsplan beschreven."
)
CLEAR = "Een leerling met dyslexie krijgt elke week twee keer extra leesles."


def test_findings_appear_and_disappear_while_typing(page, profile, editor, mr_member):
    log_in(page, "editor")
    page.goto(reverse("profile_chapter", args=[profile.pk, "extra_ondersteuning"]))
    field = page.locator('[name="f-arrangementen"]')
    field.fill(VAGUE)
    findings = page.locator("#check-arrangementen")
    findings.get_by_text("Vage formulering: 'indien mogelijk'").wait_for()
    assert findings.get_by_text("Vakterm 'handelingsplan'").count() == 1
    # The chapter's panel opens on request; its one line sums it up.
    panel = page.locator("#check-panel")
    panel.get_by_text("punten om naar te kijken").wait_for()
    expect(panel.locator("table")).to_be_hidden()
    panel.locator("summary").click()
    expect(panel.locator("table")).to_be_visible()
    assert_no_axe_violations(page)
    field.fill(CLEAR)
    findings.get_by_text("Vage formulering").first.wait_for(state="detached")
    assert findings.locator("li").count() == 0

    page.goto(reverse("profile_route", args=[profile.pk]))
    # Not offered while mandatory items are open: held back, with a link to each item.
    page.locator(".sw-step--held").get_by_text("Nog niet mogelijk").wait_for()
    assert page.get_by_role("button", name="Advies vragen aan de MR").count() == 0
    assert page.locator(".sw-held-items a").count() > 0
    profile.refresh_from_db()
    assert profile.state == "concept"


def test_the_partnership_pages_are_accessible(page, partnership, profile, staff):
    log_in(page, "swv")
    for url in (
        reverse("partnership_checks", args=[partnership.slug]),
        reverse("check_settings", args=[partnership.slug]),
    ):
        assert page.goto(url).status == 200
        assert_no_axe_violations(page)

"""The lockout page and the two-step verification page once it is on: readable and accessible."""

import pytest
from playwright.sync_api import expect

from steunwijzer.organisations import two_factor
from tests.browser.conftest import assert_no_axe_violations
from tests.conftest import PASSWORD
from tests.two_factor_helpers import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_lockout_page_offers_a_new_password(page, editor):
    for _ in range(5):
        page.goto("/inloggen/")
        page.get_by_label("Gebruikersnaam").fill("editor")
        page.get_by_label("Wachtwoord").fill("niet-goed")
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Te veel mislukte pogingen")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Nieuw wachtwoord instellen").click()
    page.wait_for_url("**/wachtwoord-vergeten/")


def test_the_page_for_an_address_stopped_on_many_accounts_is_accessible(page, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    for username in ("a", "b", "c"):
        page.goto("/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill("niet-goed")
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Te veel mislukte pogingen")).to_be_visible()
    expect(page.get_by_text("ook niet met een nieuw wachtwoord")).to_be_visible()
    assert page.get_by_role("link", name="Nieuw wachtwoord instellen").count() == 0
    assert_no_axe_violations(page)


def test_the_page_to_manage_it_is_accessible(page, editor):
    device = two_factor.enrolment_device(editor)
    two_factor.two_factor_enable(user=editor, device=device, code=current_code(device))
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("editor")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(current_code(device, steps_ahead=1))
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url("**/")
    page.goto("/account/tweestapsverificatie/")
    expect(page.get_by_text("Tweestapsverificatie staat aan.")).to_be_visible()
    assert_no_axe_violations(page)

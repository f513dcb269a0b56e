"""Two-step verification end to end: set it up from Mijn account, sign out, sign in with a code
computed from the app's key; and an officer who is made to set it up first."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations
from tests.conftest import PASSWORD
from tests.two_factor_helpers import current_code, enrolling_device

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _required(settings):
    settings.STEUNWIJZER_REQUIRE_2FA = True


def enter_password(page, username):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_a_director_turns_it_on_and_signs_in_with_a_code(page, editor):
    enter_password(page, "editor")
    page.wait_for_url("**/")
    page.get_by_role("link", name="Mijn account").click()
    page.get_by_role("link", name="Tweestapsverificatie aanzetten").click()
    page.get_by_role("img", name="QR-code").wait_for()
    assert_no_axe_violations(page)

    typed_key = page.locator("#sleutel").inner_text()
    device = enrolling_device(editor, secret=typed_key)
    assert not TOTPDevice.objects.filter(user=editor).exists(), "showing the key stores nothing"
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Aanzetten").click()
    expect(page.get_by_text("Deze code klopt niet")).to_be_visible()
    page.wait_for_timeout(1100)  # django-otp waits a second after a wrong code

    page.get_by_label("Code").fill(current_code(device))
    page.get_by_role("button", name="Aanzetten").click()
    page.get_by_role("heading", name="Uw herstelcodes").wait_for()
    assert page.locator("#herstelcodes li").count() == 10

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/")
    enter_password(page, "editor")
    page.wait_for_url("**/inloggen/code/**")
    assert_no_axe_violations(page)
    assert "Demo: de code is" not in page.content()
    page.get_by_label("Code").fill(current_code(device, steps_ahead=1))
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url("**/")
    expect(page.get_by_role("link", name="Mijn account")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_an_officer_must_set_it_up_before_anything_else(page, officer):
    enter_password(page, "kwaliteit")
    page.wait_for_url("**/account/tweestapsverificatie/**")
    expect(page.get_by_text("is tweestapsverificatie verplicht").first).to_be_visible()
    page.goto("/te-doen/")
    page.wait_for_url("**/account/tweestapsverificatie/**")
    device = enrolling_device(officer, secret=page.locator("#sleutel").inner_text())
    page.get_by_label("Code").fill(current_code(device))
    page.get_by_role("button", name="Aanzetten").click()
    page.get_by_role("heading", name="Uw herstelcodes").wait_for()
    page.goto("/te-doen/")
    assert page.url.endswith("/te-doen/")

"""The administrator's inzage page works in a browser and is accessible."""

import pytest

from steunwijzer.organisations.models import Role
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.conftest import grant, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_administrator_downloads_a_school_inzage(page, school):
    grant(make_user("beheerder"), Role.PLATFORM_ADMIN)
    log_in(page, "beheerder")
    page.goto("/inzage/")
    assert_no_axe_violations(page)
    page.get_by_label("BRIN of gebruikersnaam").fill(school.brin)
    with page.expect_download() as download:
        page.get_by_role("button", name="Inzage downloaden").click()
    assert download.value.suggested_filename == f"inzage-school-{school.brin}.zip"
    page.get_by_label("BRIN of gebruikersnaam").fill("99ZZ")
    page.get_by_role("button", name="Inzage downloaden").click()
    page.get_by_text("Er is geen school met BRIN 99ZZ.").wait_for()
    assert_no_axe_violations(page)

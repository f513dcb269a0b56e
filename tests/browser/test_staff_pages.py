"""Pages for partnership staff and every signed-in person pass axe-core."""

import pytest

from tests.browser.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_pages_are_accessible(page, partnership, format_version, staff):
    log_in(page, "swv")
    for url in [
        "/",
        f"/samenwerkingsverband/{partnership.slug}/sop-model/",
        f"/samenwerkingsverband/{partnership.slug}/instellingen/",
        "/uitnodigen/",
        "/account/",
        "/account/wachtwoord/",
    ]:
        response = page.goto(url)
        assert response.status == 200, url
        assert_no_axe_violations(page)


def test_a_refused_page_is_accessible(page, profile, outsider):
    log_in(page, "buitenstaander")
    response = page.goto(f"/profielen/{profile.pk}/voorbeeld/")
    assert response.status == 403
    assert_no_axe_violations(page)


def test_password_reset_pages_are_accessible(page, db):
    page.goto("/wachtwoord-vergeten/")
    assert_no_axe_violations(page)

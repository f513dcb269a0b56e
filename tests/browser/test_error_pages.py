"""The pages for an unreachable database and a too large upload are calm and accessible."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.template import loader
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_database_down_page_is_accessible(page):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("connection refused"),
    ):
        response = page.goto("/te-doen/")
        assert response.status == 503
        expect(
            page.get_by_role("heading", name="Steunwijzer is even niet bereikbaar")
        ).to_be_visible()
        assert_no_axe_violations(page)


def test_the_too_large_page_is_accessible(page):
    page.goto("/healthz")
    page.set_content(loader.render_to_string("413.html", {"message": "Te groot."}))
    expect(page.get_by_role("heading", name="Dit bestand is te groot")).to_be_visible()
    assert_no_axe_violations(page)

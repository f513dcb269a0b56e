"""The database goes away: every page answers a calm Dutch 503, /healthz says so, and no
page touches the database or the session to say it."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db

CURSOR = "django.db.backends.utils.CursorWrapper.execute"


def _down(exc=None):
    return mock.patch(CURSOR, side_effect=exc or OperationalError("connection refused"))


def test_it_shows_a_friendly_page_to_a_signed_in_person(editor, profile):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    with _down():
        response = client.get(f"/profielen/{profile.pk}/voorbeeld/")
    assert response.status_code == 503
    assert "Steunwijzer is even niet bereikbaar" in response.content.decode()
    assert response["Retry-After"] == "60"


def test_it_shows_the_page_when_the_session_itself_cannot_be_read(editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    with _down(InterfaceError("connection already closed")):
        response = client.get("/")
    assert response.status_code == 503
    assert "niet verloren" in response.content.decode()


def test_it_shows_the_page_to_a_visitor_on_a_public_page():
    with _down():
        response = Client(raise_request_exception=False).get("/thema/testregio.css")
    assert response.status_code == 503


def test_it_answers_the_api_in_json(editor):
    from steunwijzer.api.models import ApiToken

    _token, raw = ApiToken.issue(editor, "test")
    with _down():
        response = Client(raise_request_exception=False).get(
            "/api/v1/profiles/", HTTP_AUTHORIZATION=f"Bearer {raw}"
        )
    assert response.status_code == 503
    assert "database" in response.json()["error"]


def test_it_leaves_other_errors_a_plain_500(editor, profile):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    with mock.patch("steunwijzer.profiles.views.render", side_effect=RuntimeError("a bug of ours")):
        response = client.get(f"/profielen/{profile.pk}/voorbeeld/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_healthz_reports_a_database_that_cannot_be_reached():
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError("could not connect to server"),
    ):
        response = Client(raise_request_exception=False).get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database onbereikbaar\n"

"""Sessions end after SESSION_IDLE_TIMEOUT without a request; autosaves count as activity."""

import time

import pytest
from django.urls import reverse

from steunwijzer.api.models import ApiToken
from steunwijzer.organisations.middleware import LAST_ACTIVITY_KEY

pytestmark = pytest.mark.django_db

MINUTE = 60


def idle_for(client, seconds):
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()


def autosave(client, profile):
    url = reverse("profile_autosave", args=[profile.pk, "schoolgegevens"])
    return client.post(url, {"base_version": 0, "f-aantal_groepen": "8"}, HTTP_HX_REQUEST="true")


def test_a_session_ends_after_thirty_idle_minutes(client, editor):
    client.force_login(editor)
    idle_for(client, 31 * MINUTE)
    response = client.get("/te-doen/")
    assert response.status_code == 302
    assert response.url == "/inloggen/?next=%2Fte-doen%2F"
    assert "_auth_user_id" not in client.session
    login_page = client.get(response.url).content.decode()
    assert "U was een tijd niet actief" in login_page


def test_a_request_within_the_limit_keeps_the_session(client, editor):
    client.force_login(editor)
    idle_for(client, 29 * MINUTE)
    assert client.get("/").status_code == 200
    assert time.time() - client.session[LAST_ACTIVITY_KEY] < MINUTE


def test_an_autosave_counts_as_activity(client, editor, profile):
    client.force_login(editor)
    idle_for(client, 29 * MINUTE)
    assert autosave(client, profile).status_code == 200
    idle_for_more = int(time.time()) - client.session[LAST_ACTIVITY_KEY]
    assert idle_for_more < MINUTE


def test_an_expired_autosave_gets_a_message_instead_of_the_login_page(client, editor, profile):
    client.force_login(editor)
    idle_for(client, 45 * MINUTE)
    response = autosave(client, profile)
    assert response.status_code == 401
    assert "niet actief" in response.content.decode()
    profile.refresh_from_db()
    assert profile.version == 0


def test_the_idle_limit_is_a_setting(client, editor, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * MINUTE
    client.force_login(editor)
    idle_for(client, 6 * MINUTE)
    assert client.get("/").status_code == 302


def test_api_tokens_have_no_idle_session(client, editor):
    _token, raw = ApiToken.issue(editor, "script")
    response = client.get("/api/v1/profiles/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert LAST_ACTIVITY_KEY not in client.session

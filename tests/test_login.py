import pytest

from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_it_shows_dutch_login_page(client):
    r = client.get("/inloggen/")
    assert r.status_code == 200
    assert "<h1" in r.content.decode() and r.content.decode().count("<h1") == 1
    assert "Wachtwoord vergeten?" in r.content.decode()
    assert 'href="/wachtwoord-vergeten/"' in r.content.decode()
    assert 'autocomplete="current-password"' in r.content.decode()
    assert 'for="id_username"' in r.content.decode()


def test_it_logs_in_with_username(client, editor):
    r = client.post("/inloggen/", {"username": "editor", "password": PASSWORD})
    assert r.status_code == 302
    assert r.url == "/"
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_it_logs_in_with_email_address(client, editor):
    r = client.post("/inloggen/", {"username": "Editor@Example.nl", "password": PASSWORD})
    assert r.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_it_logs_in_invited_user_with_mixed_case_email(client):
    user = make_user("juf@school.nl")
    r = client.post("/inloggen/", {"username": "Juf@School.nl", "password": PASSWORD})
    assert r.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_it_follows_next(client, editor):
    r = client.post("/inloggen/", {"username": "editor", "password": PASSWORD, "next": "/account/"})
    assert r.url == "/account/"


def test_it_rejects_wrong_password_in_dutch(client, editor):
    r = client.post("/inloggen/", {"username": "editor", "password": "verkeerd"})
    assert r.status_code == 200
    body = r.content.decode()
    assert 'role="alert"' in body
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in body
    assert "_auth_user_id" not in client.session


def test_it_logs_out_on_post(client, editor):
    client.force_login(editor)
    r = client.post("/uitloggen/")
    assert r.status_code == 302
    assert r.url == "/inloggen/"
    assert "_auth_user_id" not in client.session


def test_it_sends_signed_in_user_away_from_login(client, editor):
    client.force_login(editor)
    r = client.get("/inloggen/")
    assert r.status_code == 302

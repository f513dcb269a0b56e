import re

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "nieuw-lang-wachtwoord-42"


def test_it_mails_a_working_reset_link(client, editor, mailoutbox, settings):
    settings.SITE_URL = "https://steunwijzer.example"
    r = client.post("/wachtwoord-vergeten/", {"email": "editor@example.nl"})
    assert r.status_code == 302
    assert r.url == "/wachtwoord-vergeten/verstuurd/"

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["editor@example.nl"]
    assert mail.subject == "Nieuw wachtwoord voor Steunwijzer"
    match = re.search(r"https?://\S+(/wachtwoord-herstellen/\S+/\S+/)", mail.body)
    assert match, mail.body

    r = client.get(match.group(1), follow=True)
    assert r.status_code == 200
    assert "Nieuw wachtwoord kiezen" in r.content.decode()
    form_url = r.redirect_chain[-1][0]
    r = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert r.status_code == 302
    assert r.url == "/wachtwoord-herstellen/klaar/"

    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)


def test_it_builds_link_from_site_url_not_host_header(client, editor, mailoutbox, settings):
    settings.SITE_URL = "https://steunwijzer.example"
    settings.ALLOWED_HOSTS = ["*"]
    client.post("/wachtwoord-vergeten/", {"email": "editor@example.nl"}, HTTP_HOST="evil.example")
    assert "https://steunwijzer.example/wachtwoord-herstellen/" in mailoutbox[0].body
    assert "evil.example" not in mailoutbox[0].body


def test_it_shows_same_page_for_unknown_email(client, mailoutbox):
    r = client.post("/wachtwoord-vergeten/", {"email": "niemand@example.nl"}, follow=True)
    assert r.status_code == 200
    assert "Kijk in uw e-mail" in r.content.decode()
    assert mailoutbox == []


def test_it_refuses_a_tampered_link(client, editor):
    r = client.get("/wachtwoord-herstellen/MQ/abc-def/", follow=True)
    assert "Deze link werkt niet meer" in r.content.decode()


def test_it_refuses_short_new_password_in_dutch(client, editor, mailoutbox):
    client.post("/wachtwoord-vergeten/", {"email": "editor@example.nl"})
    path = re.search(r"(/wachtwoord-herstellen/\S+/\S+/)", mailoutbox[0].body).group(1)
    form_url = client.get(path, follow=True).redirect_chain[-1][0]
    r = client.post(form_url, {"new_password1": "kort", "new_password2": "kort"})
    assert r.status_code == 200
    assert "Dit wachtwoord is te kort" in r.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_it_changes_password_when_signed_in(client, editor):
    client.force_login(editor)
    r = client.post(
        "/account/wachtwoord/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert r.status_code == 302
    assert r.url == "/account/wachtwoord/gewijzigd/"
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)

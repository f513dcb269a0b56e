import pytest

from steunwijzer.api.models import ApiToken, hash_token

pytestmark = pytest.mark.django_db


def test_it_shows_account_details(client, editor, school):
    client.force_login(editor)
    r = client.get("/account/")
    assert r.status_code == 200
    body = r.content.decode()
    assert "editor@example.nl" in body
    assert 'value="Eva"' in body
    assert "Schoolredacteur (directeur of IB&#x27;er) — De Regenboog" in body
    assert 'href="/account/wachtwoord/"' in body


def test_it_requires_login(client):
    r = client.get("/account/")
    assert r.status_code == 302
    assert r.url.startswith("/inloggen/")


def test_it_edits_name(client, editor):
    client.force_login(editor)
    r = client.post("/account/", {"first_name": "Evelien", "last_name": "Jansen"})
    assert r.status_code == 302
    editor.refresh_from_db()
    assert (editor.first_name, editor.last_name) == ("Evelien", "Jansen")


def test_it_rejects_empty_name(client, editor):
    client.force_login(editor)
    r = client.post("/account/", {"first_name": "", "last_name": "Jansen"})
    assert r.status_code == 400
    assert 'id="id_first_name_error"' in r.content.decode()
    editor.refresh_from_db()
    assert editor.first_name == "Eva"


def test_it_shows_new_token_once(client, editor):
    client.force_login(editor)
    r = client.post("/account/tokens/nieuw/", {"name": "Rapportagescript"})
    assert r.status_code == 200
    assert "no-store" in r["Cache-Control"]
    body = r.content.decode()

    token = ApiToken.objects.get(user=editor)
    assert token.name == "Rapportagescript"
    raw = body.split('<code id="nieuwe-token">')[1].split("</code>")[0]
    assert raw.startswith("sw_")
    assert hash_token(raw) == token.token_hash
    assert "Authorization: Bearer &lt;token&gt;" in body
    assert "/api/v1/" in body

    again = client.get("/account/").content.decode()
    assert raw not in again
    assert token.hint in again


def test_it_uses_new_token_against_the_api(client, editor):
    client.force_login(editor)
    r = client.post("/account/tokens/nieuw/", {"name": "Script"})
    raw = r.content.decode().split('<code id="nieuwe-token">')[1].split("</code>")[0]
    assert ApiToken.objects.authenticate(raw).user == editor


def test_it_rejects_token_without_name(client, editor):
    client.force_login(editor)
    r = client.post("/account/tokens/nieuw/", {"name": ""})
    assert r.status_code == 400
    assert not ApiToken.objects.exists()


def test_it_lists_own_active_tokens_only(client, editor, officer):
    ApiToken.issue(editor, "Mijn token")
    revoked, _ = ApiToken.issue(editor, "Oude token")
    ApiToken.objects.filter(pk=revoked.pk).update(revoked_at="2026-01-01T00:00Z")
    ApiToken.issue(officer, "Token van bestuur")
    client.force_login(editor)
    body = client.get("/account/").content.decode()
    assert "Mijn token" in body
    assert "Oude token" not in body
    assert "Token van bestuur" not in body


def test_it_revokes_own_token(client, editor):
    token, raw = ApiToken.issue(editor, "Script")
    client.force_login(editor)
    r = client.post(f"/account/tokens/{token.pk}/intrekken/")
    assert r.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ApiToken.objects.authenticate(raw) is None


def test_it_refuses_to_revoke_someone_elses_token(client, editor, officer):
    token, _ = ApiToken.issue(officer, "Bestuursscript")
    client.force_login(editor)
    r = client.post(f"/account/tokens/{token.pk}/intrekken/")
    assert r.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_it_only_revokes_on_post(client, editor):
    token, _ = ApiToken.issue(editor, "Script")
    client.force_login(editor)
    assert client.get(f"/account/tokens/{token.pk}/intrekken/").status_code == 405

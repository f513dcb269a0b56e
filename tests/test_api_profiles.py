"""API v1: token sign-in, profiles_list, profile_get and profile_update."""

import json

import pytest
from django.core.management import call_command

from steunwijzer.api.models import ApiToken
from steunwijzer.api.v1 import openapi_document


def auth(user):
    _, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def patch(client, profile, headers, body):
    return client.patch(
        f"/api/v1/profiles/{profile.pk}/",
        json.dumps(body),
        content_type="application/json",
        **headers,
    )


def test_it_requires_a_token(client, profile, editor):
    client.force_login(editor)  # a session cookie alone is not enough
    response = client.get("/api/v1/profiles/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "API-token" in response.json()["error"]


def test_it_rejects_an_unknown_or_revoked_token(client, profile, editor):
    assert client.get("/api/v1/profiles/", HTTP_AUTHORIZATION="Bearer sw_nope").status_code == 401
    headers = auth(editor)
    ApiToken.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert client.get("/api/v1/profiles/", **headers).status_code == 401


def test_profiles_list_shows_only_visible_profiles(client, profile, other_profile, editor, officer):
    ids = [p["id"] for p in client.get("/api/v1/profiles/", **auth(editor)).json()["profiles"]]
    assert ids == [profile.pk]
    ids = {p["id"] for p in client.get("/api/v1/profiles/", **auth(officer)).json()["profiles"]}
    assert ids == {profile.pk, other_profile.pk}


def test_profiles_list_filters_by_year_and_brin(client, profile, other_profile, officer):
    headers = auth(officer)
    assert client.get("/api/v1/profiles/?school_year=2025-2026", **headers).json() == {
        "profiles": []
    }
    found = client.get("/api/v1/profiles/?brin=34cd", **headers).json()["profiles"]
    assert [p["id"] for p in found] == [other_profile.pk]


def test_profile_get_gives_format_answers_state_version_and_actions(client, profile, editor):
    data = client.get(f"/api/v1/profiles/{profile.pk}/", **auth(editor)).json()
    assert data["format"] == {
        "id": "haaglanden",
        "version": "2.0",
        "name": profile.format_version.name,
    }
    assert data["state"] == "concept" and data["version"] == 0 and data["answers"] == {}
    assert data["allowed_actions"] == ["update", "restore", "request_advice"]
    assert data["school"] == {"brin": "12AB", "vestiging": "00", "name": "De Regenboog"}


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "staff"])
def test_readers_get_the_profile_without_actions(request, client, profile, persona):
    data = client.get(f"/api/v1/profiles/{profile.pk}/", **auth(request.getfixturevalue(persona)))
    assert data.status_code == 200
    assert data.json()["allowed_actions"] == []


@pytest.mark.parametrize("persona", ["other_editor", "other_officer", "other_staff", "outsider"])
def test_profile_get_refuses_strangers(request, client, profile, persona):
    response = client.get(
        f"/api/v1/profiles/{profile.pk}/", **auth(request.getfixturevalue(persona))
    )
    assert response.status_code == 403
    assert response.json()["error"] == "U heeft geen toegang tot dit schoolondersteuningsprofiel."


def test_profile_get_answers_404_for_missing_profile(client, editor, profile):
    response = client.get("/api/v1/profiles/9999/", **auth(editor))
    assert response.status_code == 404
    assert response.json()["error"] == "Dit bestaat niet (meer)."


def test_profile_update_saves_and_returns_the_new_version(client, profile, editor):
    response = patch(
        client,
        profile,
        auth(editor),
        {
            "base_version": 0,
            "answers": {"aantal_groepen": 8, "visie_passend_onderwijs": "<p>Ja</p>"},
        },
    )
    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert response.json()["answers"] == {
        "aantal_groepen": 8,
        "visie_passend_onderwijs": "<p>Ja</p>",
    }
    assert profile.revisions.first().reason == "api"


def test_long_text_goes_in_and_out_as_html_and_is_stored_as_markup(client, profile, editor):
    sent = (
        '<p>Wij <strong>helpen</strong> <a href="https://x.example/a">hier</a>.<br>'
        "- geen opsomming</p><ul><li>een</li><li>twee</li></ul>"
        '<p onclick="x">Klik <a href="javascript:alert(1)">dit</a><script>alert(1)</script></p>'
    )
    response = patch(
        client,
        profile,
        auth(editor),
        {"base_version": 0, "answers": {"visie_passend_onderwijs": sent}},
    )
    assert response.status_code == 200
    returned = response.json()["answers"]["visie_passend_onderwijs"]
    assert returned == (
        '<p>Wij <strong>helpen</strong> <a href="https://x.example/a" rel="noopener noreferrer">'
        "hier</a>.<br>- geen opsomming</p><ul><li>een</li><li>twee</li></ul><p>Klik dit</p>"
    )
    profile.refresh_from_db()
    assert profile.answers["visie_passend_onderwijs"] == (
        "Wij **helpen** [hier](https://x.example/a).\n\\- geen opsomming\n\n- een\n- twee\n\n"
        "Klik dit"
    )
    fetched = client.get(f"/api/v1/profiles/{profile.pk}/", **auth(editor)).json()
    assert fetched["answers"]["visie_passend_onderwijs"] == returned


def test_profile_update_rejects_stale_version_with_current_one(client, profile, editor):
    headers = auth(editor)
    patch(client, profile, headers, {"base_version": 0, "answers": {"aantal_groepen": 8}})
    response = patch(
        client, profile, headers, {"base_version": 0, "answers": {"aantal_groepen": 9}}
    )
    assert response.status_code == 409
    body = response.json()
    assert body["current_version"] == 1
    assert body["profile"]["answers"] == {"aantal_groepen": 8}
    assert "huidige versie is 1" in body["error"]


def test_profile_update_names_the_invalid_field_path(client, profile, editor):
    response = patch(
        client,
        profile,
        auth(editor),
        {
            "base_version": 0,
            "answers": {
                "expertise_team": [{"expertise": "x", "uren_per_week": "veel"}],
                "aantal_groepen": 8,
            },
        },
    )
    assert response.status_code == 422
    assert response.json()["problems"] == [
        {"path": "answers.expertise_team[0].uren_per_week", "message": "verwacht een getal"}
    ]
    profile.refresh_from_db()
    assert profile.version == 0


@pytest.mark.parametrize("body", ["niet json", "[1]", '{"answers": {}}', '{"base_version": "1"}'])
def test_profile_update_rejects_malformed_bodies(client, profile, editor, body):
    response = client.patch(
        f"/api/v1/profiles/{profile.pk}/", body, content_type="application/json", **auth(editor)
    )
    assert response.status_code in (400, 422)
    assert response.json()["error"]


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "staff"])
def test_profile_update_is_forbidden_for_readers(request, client, profile, persona):
    response = patch(
        client,
        profile,
        auth(request.getfixturevalue(persona)),
        {"base_version": 0, "answers": {"aantal_groepen": 8}},
    )
    assert response.status_code == 403
    assert response.json()["error"] == "U mag dit profiel niet bewerken."


def test_openapi_lists_the_operations(client, db):
    doc = client.get("/api/v1/openapi.json").json()
    ops = {
        op["operationId"]
        for path in doc["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert {"profiles_list", "profile_get", "profile_update"} <= ops
    assert doc["openapi"].startswith("3.")
    assert doc == json.loads(json.dumps(openapi_document()))


def test_token_create_command_prints_a_working_token(client, profile, editor, capsys):
    call_command("token", "create", "editor")
    raw = capsys.readouterr().out.strip()
    response = client.get("/api/v1/profiles/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200


def test_token_create_command_refuses_unknown_user(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("token", "create", "niemand")

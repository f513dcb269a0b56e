"""API v1 profile_diff: the differences between two versions of a profile as JSON."""

import pytest

from steunwijzer.api.models import ApiToken
from steunwijzer.api.v1 import openapi_document
from steunwijzer.profiles.services import profile_update


def auth(user):
    _, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def edited(profile, editor):
    for version, changes in enumerate(
        [
            {"aantal_groepen": 8, "visie_passend_onderwijs": "Elk kind hoort erbij."},
            {"visie_passend_onderwijs": "Elk kind hoort er echt bij."},
        ]
    ):
        profile_update(profile_id=profile.pk, user=editor, base_version=version, changes=changes)
    profile.refresh_from_db()
    return profile


def get(client, profile, user, query):
    return client.get(f"/api/v1/profiles/{profile.pk}/diff/?{query}", **auth(user))


def test_it_returns_the_changed_fields_with_their_segments(client, edited, editor):
    response = get(client, edited, editor, "from=0&to=2")
    assert response.status_code == 200
    assert response.json() == {
        "from": 0,
        "to": 2,
        "fields": [
            {
                "chapter": "schoolgegevens",
                "field": "aantal_groepen",
                "label": edited.sop_format.field("aantal_groepen").label,
                "status": "added",
                "segments": [{"op": "insert", "text": "8"}],
            },
            {
                "chapter": "visie",
                "field": "visie_passend_onderwijs",
                "label": edited.sop_format.field("visie_passend_onderwijs").label,
                "status": "added",
                "segments": [{"op": "insert", "text": "Elk kind hoort er echt bij."}],
            },
        ],
    }


def test_it_compares_in_either_direction(client, edited, officer):
    fields = get(client, edited, officer, "from=2&to=1").json()["fields"]
    assert fields == [
        {
            "chapter": "visie",
            "field": "visie_passend_onderwijs",
            "label": edited.sop_format.field("visie_passend_onderwijs").label,
            "status": "changed",
            "segments": [
                {"op": "equal", "text": "Elk kind hoort "},
                {"op": "delete", "text": "er echt bij."},
                {"op": "insert", "text": "erbij."},
            ],
        }
    ]


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "staff"])
def test_it_serves_every_reader(request, client, edited, persona):
    response = get(client, edited, request.getfixturevalue(persona), "from=1&to=2")
    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["other_editor", "other_officer", "other_staff", "outsider"])
def test_it_refuses_strangers(request, client, edited, persona):
    response = get(client, edited, request.getfixturevalue(persona), "from=1&to=2")
    assert response.status_code == 403
    assert response.json()["error"] == "U heeft geen toegang tot dit schoolondersteuningsprofiel."


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=1&to=3", "Versie 3 bestaat niet bij dit profiel."),
        ("from=-1&to=2", "Versie -1 bestaat niet bij dit profiel."),
        ("from=een&to=2", "Versie een bestaat niet bij dit profiel."),
        ("to=2", "Geef twee versienummers op om te vergelijken."),
        ("from=1", "Geef twee versienummers op om te vergelijken."),
    ],
)
def test_it_rejects_unknown_or_missing_versions(client, edited, editor, query, message):
    response = get(client, edited, editor, query)
    assert response.status_code == 422
    assert response.json() == {"error": message}


def test_it_requires_a_token(client, edited, editor):
    client.force_login(editor)
    assert client.get(f"/api/v1/profiles/{edited.pk}/diff/?from=1&to=2").status_code == 401


def test_it_answers_404_for_a_missing_profile(client, editor, profile):
    response = client.get("/api/v1/profiles/9999/diff/?from=0&to=0", **auth(editor))
    assert response.status_code == 404


def test_it_is_documented_as_profile_diff():
    operation = openapi_document()["paths"]["/profiles/{id}/diff/"]["get"]
    assert operation["operationId"] == "profile_diff"
    assert {p["name"] for p in operation["parameters"] if p["in"] == "query"} == {"from", "to"}
    assert set(operation["responses"]) >= {"200", "401", "403", "404", "422"}


def test_a_version_number_beyond_any_column_is_unknown_not_an_error(client, profile, editor):
    from steunwijzer.api.models import ApiToken

    _token, raw = ApiToken.issue(editor, "test")
    response = client.get(
        f"/api/v1/profiles/{profile.pk}/diff/",
        {"from": 2**80, "to": -1},
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 422
    assert "bestaat niet" in response.json()["error"]

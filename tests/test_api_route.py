"""API: profile_transition and profile_history."""

import json

import pytest

from tests.route_helpers import fill
from tests.test_api_profiles import auth


def post(client, profile, headers, body):
    return client.post(
        f"/api/v1/profiles/{profile.pk}/transitions/",
        json.dumps(body),
        content_type="application/json",
        **headers,
    )


def test_it_takes_a_step(client, profile, editor, mr_member):
    fill(profile, editor)
    response = post(client, profile, auth(editor), {"action": "request_advice"})
    assert response.status_code == 200
    body = response.json()
    assert body["transition"]["to_state"] == "bij_mr"
    assert body["profile"]["state"] == "bij_mr"
    assert body["profile"]["allowed_actions"] == ["withdraw"]


def test_a_forbidden_action_is_403_in_dutch(client, profile, officer):
    response = post(client, profile, auth(officer), {"action": "request_advice"})
    assert response.status_code == 403
    assert "niet zetten" in response.json()["error"]


def test_a_wrong_state_is_409_in_dutch(client, profile, editor):
    response = post(client, profile, auth(editor), {"action": "publish"})
    assert response.status_code == 409
    assert "kan niet nu" in response.json()["error"]
    assert response.json()["state"] == "concept"


def test_a_missing_record_is_422_naming_the_field(client, profile, editor, mr_member):
    fill(profile, editor)
    post(client, profile, auth(editor), {"action": "request_advice"})
    response = post(
        client,
        profile,
        auth(mr_member),
        {"action": "give_advice", "payload": {"advice": "negatief"}},
    )
    assert response.status_code == 422
    assert {"path": "payload.motivation", "message": "is verplicht"} in response.json()["problems"]


@pytest.mark.parametrize("body", [{}, {"action": ""}, {"action": 3}])
def test_a_request_without_action_is_422(client, profile, editor, body):
    assert post(client, profile, auth(editor), body).status_code == 422


def test_strangers_get_403(client, profile, other_editor):
    assert (
        post(client, profile, auth(other_editor), {"action": "request_advice"}).status_code == 403
    )


def test_history_lists_steps_and_versions(client, profile, editor, mr_member):
    fill(profile, editor)
    headers = auth(editor)
    post(client, profile, headers, {"action": "request_advice"})
    data = client.get(f"/api/v1/profiles/{profile.pk}/history/", **headers).json()
    assert [t["action"] for t in data["transitions"]] == ["request_advice"]
    assert data["transitions"][0]["actor"] == "Eva de Directeur"
    assert [r["number"] for r in data["revisions"]] == [1, 0]


def test_history_is_refused_to_strangers(client, profile, other_staff):
    response = client.get(f"/api/v1/profiles/{profile.pk}/history/", **auth(other_staff))
    assert response.status_code == 403


def test_openapi_names_the_route_operations(client, db):
    doc = client.get("/api/v1/openapi.json").json()
    ops = {
        op["operationId"]
        for path in doc["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert {"profile_transition", "profile_history"} <= ops

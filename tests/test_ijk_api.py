"""API operations ijk_get and ijk_put."""

import json

import pytest

from steunwijzer.api.models import ApiToken
from steunwijzer.api.v1 import openapi_document
from steunwijzer.instruments.ijk.models import IndicatorScore
from tests.ijk_helpers import LAST_YEAR, YEAR, fill


def auth(user):
    _, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def path(school, year=YEAR):
    return f"/api/v1/schools/{school.brin_code}/years/{year}/ijk/"


def put(client, school, user, body, year=YEAR):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.put(path(school, year), data, content_type="application/json", **auth(user))


def test_the_operations_are_in_the_openapi_document():
    document = openapi_document()
    operations = document["paths"]["/schools/{brin_code}/years/{school_year}/ijk/"]
    assert operations["get"]["operationId"] == "ijk_get"
    assert operations["put"]["operationId"] == "ijk_put"
    assert {"Ijk", "IjkUpdate", "IjkScoreInput", "Error"} <= document["components"][
        "schemas"
    ].keys()


def test_it_requires_a_token(client, school):
    assert client.get(path(school)).status_code == 401


def test_get_gives_scores_averages_last_year_and_the_realism_check(client, school, editor):
    fill(school, editor, year=LAST_YEAR, score=2)
    fill(school, editor, OP1=4)
    body = client.get(path(school), **auth(editor)).json()
    assert body["school"] == {"brin": "12AB", "vestiging": "00", "name": "De Regenboog"}
    assert body["catalogue"]["scale"][0] == {"score": 1, "label": "onvoldoende"}
    assert body["progress"] == {"scored": 27, "total": 27}
    assert body["scores"]["OP1"]["score"] == 4 and body["scores"]["OP1"]["label"] == "goed"
    assert body["standards"]["OP1"] == 4.0
    assert body["previous_year"] == {
        "school_year": LAST_YEAR,
        "standards": pytest.approx(dict.fromkeys(body["standards"], 2.0)),
    }
    flags = {r["indicator"]: r["flag"] for r in body["realism"]}
    assert flags["OP1"] == "not_observed" and flags["KA3"] is None
    assert body["can_edit"] is True and "IJK-instrument" in body["summary"]


@pytest.mark.parametrize("persona", ["editor", "team_member", "mr_member", "officer", "staff"])
def test_readers_get(client, request, school, persona):
    assert client.get(path(school), **auth(request.getfixturevalue(persona))).status_code == 200


@pytest.mark.parametrize("persona", ["other_editor", "other_officer", "other_staff", "outsider"])
def test_others_do_not_get(client, request, school, persona):
    response = client.get(path(school), **auth(request.getfixturevalue(persona)))
    assert response.status_code == 403 and "error" in response.json()


def test_an_unknown_school_or_year_is_not_found(client, school, editor):
    assert (
        client.get("/api/v1/schools/99ZZ00/years/2026-2027/ijk/", **auth(editor)).status_code == 404
    )
    assert client.get(path(school, "2026"), **auth(editor)).status_code == 404
    assert put(client, school, editor, {"scores": {}}, year="26-27").status_code == 404


def test_put_saves_and_returns_the_whole_evaluation(client, school, editor):
    response = put(
        client,
        school,
        editor,
        {
            "scores": {
                "OP1": {"score": 4, "explanation": "Vernieuwd.", "evidence_url": "https://x.nl/r"},
                "IJK03": {"score": 2},
            }
        },
    )
    assert response.status_code == 200
    assert response.json()["progress"]["scored"] == 2
    assert IndicatorScore.objects.get(indicator="OP1").evidence_url == "https://x.nl/r"
    put(client, school, editor, {"scores": {"IJK03": {"score": 3}}})
    assert dict(IndicatorScore.objects.values_list("indicator", "score")) == {"OP1": 4, "IJK03": 3}


@pytest.mark.parametrize(
    "persona", ["team_member", "mr_member", "officer", "staff", "other_editor", "outsider"]
)
def test_only_school_editors_put(client, request, school, persona):
    response = put(
        client, school, request.getfixturevalue(persona), {"scores": {"OP1": {"score": 3}}}
    )
    assert response.status_code == 403
    assert not IndicatorScore.objects.exists()


@pytest.mark.parametrize(
    ("scores", "paths"),
    [
        ({"OP1": {"score": 5}}, ["scores.OP1.score"]),
        ({"OP1": {"score": "3"}}, ["scores.OP1.score"]),
        ({"OP1": {"score": 1}}, ["scores.OP1.explanation"]),
        ({"OP7": {"score": 3}}, ["scores.OP7"]),
        ({"OP1": 3}, ["scores.OP1"]),
        ({"OP1": {"score": 3, "evidence_url": "nee"}}, ["scores.OP1.evidence_url"]),
        ({"OP1": {"score": 3, "explanation": 7}}, ["scores.OP1.explanation"]),
        ({"OP1": {"score": 3, "kleur": "rood"}}, ["scores.OP1.kleur"]),
        ({"OP1": {"score": 3}, "OP2": {"score": 0}}, ["scores.OP2.score"]),
    ],
)
def test_put_refuses_bad_scores_naming_the_path_and_saves_nothing(
    client, school, editor, scores, paths
):
    response = put(client, school, editor, {"scores": scores})
    assert response.status_code == 422
    assert [p["path"] for p in response.json()["problems"]] == paths
    assert not IndicatorScore.objects.exists()


def test_put_refuses_bodies_of_the_wrong_shape(client, school, editor):
    assert put(client, school, editor, "{nee").status_code == 400
    assert put(client, school, editor, "[1]").status_code == 400
    response = put(client, school, editor, {"score": {}})
    assert response.status_code == 422
    assert [p["path"] for p in response.json()["problems"]] == ["score", "scores"]

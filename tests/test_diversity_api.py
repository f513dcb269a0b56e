"""API v1: diversity_get, diversity_put and diversity_import."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from steunwijzer.api.models import ApiToken
from steunwijzer.api.v1 import openapi_document
from steunwijzer.instruments.diversity.models import Invulschema
from tests.diversity_helpers import export, pupils, this_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def headers(editor):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(editor, 'test')[1]}"}


def path(school, step=""):
    return f"/api/v1/schools/{school.brin_code}/years/{this_year()}/diversity/{step}"


def put(client, school, headers, body):
    return client.put(path(school), json.dumps(body), content_type="application/json", **headers)


def test_the_operations_are_in_the_openapi_document():
    paths = openapi_document()["paths"]
    ops = {
        op["operationId"]
        for item in paths.values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert {"diversity_get", "diversity_put", "diversity_import"} <= ops
    schemas = openapi_document()["components"]["schemas"]
    assert {"Invulschema", "InvulschemaUpdate", "DiversityResult"} <= set(schemas)


def test_put_stores_counts_and_get_returns_index_and_signals(client, school, headers):
    assert client.get(path(school), **headers).status_code == 404
    counts = {"6": {"geen": 15, "basis": 7, "extra": 5, "tlv": 2}, "5": {"geen": 211}}
    response = put(client, school, headers, {"counts": counts})
    assert response.status_code == 200
    body = client.get(path(school), **headers).json()
    assert body["counts"] == counts and body["version"] == 1 and body["source"] == "api"
    assert body["result"]["pupils"] == 240
    six = next(g for g in body["result"]["groups"] if g["group"] == "6")
    assert six["index"] == round(43.5 / 29, 4)
    assert [s["signal"] for s in body["result"]["signals"]] == ["index", "zwaar"]


@pytest.mark.parametrize(
    ("body", "path_", "message"),
    [
        ({"counts": {"6": {"geen": -1}}}, "counts.6.geen", "negatief"),
        ({"counts": {"6": {"veel": 3}}}, "counts.6.veel", "onbekende categorie"),
        ({"counts": {"13": {"geen": 3}}}, "counts.13", "onbekende groep"),
        ({"counts": {"6": {"geen": "3"}}}, "counts.6.geen", "geheel getal"),
        ({"counts": {"6": {"geen": 30}}}, "total", "bij de school staan 240"),
        ({"counts": "x"}, "counts", "verwacht"),
    ],
)
def test_put_refuses_bad_counts_with_the_path(client, school, headers, body, path_, message):
    response = put(client, school, headers, body)
    assert response.status_code == 422
    problem = response.json()["problems"][0]
    assert problem["path"] == path_ and message in problem["message"]
    assert not Invulschema.objects.exists()


def test_put_may_update_the_pupil_count(client, school, headers):
    body = {"counts": {"6": {"geen": 30}}, "update_pupil_count": True}
    assert put(client, school, headers, body).status_code == 200
    school.refresh_from_db()
    assert school.pupil_count == 30


def test_import_previews_without_confirm_and_stores_with_it(client, school, headers):
    data = export(pupils("6", "geen", 200) + pupils("6", "tlv", 40))
    preview = client.post(
        path(school, "import/"), {"file": SimpleUploadedFile("e.csv", data)}, **headers
    )
    assert preview.status_code == 200
    assert preview.json()["confirmed"] is False and preview.json()["rows"] == 240
    assert preview.json()["counts"] == {"6": {"geen": 200, "tlv": 40}}
    assert not Invulschema.objects.exists()
    stored = client.post(
        path(school, "import/"),
        {"file": SimpleUploadedFile("e.csv", data), "confirm": "true"},
        **headers,
    )
    assert stored.status_code == 200 and stored.json()["confirmed"] is True
    assert Invulschema.objects.get().source == Invulschema.Source.IMPORT


def test_import_names_row_and_column_of_each_problem(client, school, headers):
    data = export([("6", "geen"), ("6", "?")])
    response = client.post(
        path(school, "import/"),
        {"file": SimpleUploadedFile("e.csv", data), "confirm": "true"},
        **headers,
    )
    assert response.status_code == 422
    (problem,) = response.json()["problems"]
    assert (problem["row"], problem["column"], problem["path"]) == (
        3,
        "Categorie",
        "rows[3].Categorie",
    )
    assert not Invulschema.objects.exists()


def test_import_without_a_file_or_too_large(client, school, headers):
    assert client.post(path(school, "import/"), {}, **headers).status_code == 422
    response = client.post(
        path(school, "import/"),
        data=b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
        **headers,
    )
    assert response.status_code == 413 and "20 MB" in response.json()["error"]

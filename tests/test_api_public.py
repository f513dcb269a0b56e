"""Open data: public_profiles_list and public_profile_get, without login, cacheable."""

import pytest

from steunwijzer.api.v1 import openapi_document
from tests.conftest import make_school
from tests.publication_helpers import start_new_draft


def test_the_list_needs_no_login_and_is_cacheable(client, published):
    response = client.get("/api/v1/public/profiles/")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1 and data["page"] == 1
    row = data["results"][0]
    assert row["brin_code"] == "12AB00"
    assert "expertise_aanbod.dyslexie" in row["offers"]
    assert "public" in response["Cache-Control"]
    assert (
        client.get("/api/v1/public/profiles/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code
        == 304
    )


def test_the_list_filters_like_the_finder(client, published):
    url = "/api/v1/public/profiles/"
    assert client.get(url, {"offer": "expertise_aanbod.motoriek"}).json()["count"] == 0
    assert client.get(url, {"offer": "expertise_aanbod.dyslexie"}).json()["count"] == 1
    assert client.get(url, {"district": "Loosduinen"}).json()["count"] == 0
    assert client.get(url, {"q": "zorg de hele dag"}).json()["count"] == 1
    assert client.get(url, {"partnership": "bestaat-niet"}).status_code == 404
    assert client.get(url, {"page": "x"}).status_code == 400


def test_one_profile_by_chapter_and_field_with_dates(client, published):
    response = client.get("/api/v1/public/profiles/12AB00/")
    assert response.status_code == 200
    data = response.json()
    assert data["school"]["brin_code"] == "12AB00"
    assert data["version"] == published.published_revision.number
    assert data["dates"]["established_on"] == published.established_on.isoformat()
    assert data["dates"]["published_at"]
    assert data["dates"]["next_evaluation"] == "2027-06-30"
    keys = [c["key"] for c in data["chapters"]]
    assert keys[0] == "schoolgegevens" and "extra_ondersteuning" in keys
    items = [i for c in data["chapters"] for s in c["sections"] for i in s["items"]]
    aanbod = next(i for i in items if i.get("key") == "expertise_aanbod")
    assert aanbod["label"] and aanbod["value_labels"] == ["Dyslexie", "Autisme"]
    assert any(i["kind"] == "fixed_text" for i in items)
    assert response["ETag"] and "public" in response["Cache-Control"]


def test_each_record_links_to_the_page_and_the_downloads(client, published, board):
    (summary,) = client.get("/api/v1/public/profiles/").json()["results"]
    assert summary["links"] == {
        "page": "/scholen/12AB/",
        "pdf": "/scholen/12AB/sop.pdf",
        "docx": "/scholen/12AB/sop.docx",
    }
    year = published.school_year
    links = client.get("/api/v1/public/profiles/12AB00/").json()["links"]
    assert links == {
        "page": f"/scholen/12AB/{year}/",
        "pdf": f"/scholen/12AB/{year}/sop.pdf",
        "docx": f"/scholen/12AB/{year}/sop.docx",
    }
    for url in (*summary["links"].values(), *links.values()):
        assert client.get(url).status_code == 200, url
    # A second location of the BRIN: the addresses name the vestiging.
    make_school(board, "12AB", "De Regenboog, dependance", vestiging="01")
    (summary,) = client.get("/api/v1/public/profiles/").json()["results"]
    assert summary["links"]["page"] == "/scholen/12AB/00/"


def test_it_never_gives_the_draft(client, published, editor):
    start_new_draft(published, editor, grenzen_niet_bieden="Geheim concept.")
    assert "Geheim concept" not in client.get("/api/v1/public/profiles/12AB00/").content.decode()


def test_404s_are_json_in_dutch(client, published, other_profile):
    for url in (
        "/api/v1/public/profiles/99ZZ00/",
        "/api/v1/public/profiles/bad/",
        "/api/v1/public/profiles/34CD00/",
        "/api/v1/public/profiles/12AB00/?school_year=2019-2020",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]


def test_the_openapi_document_describes_both_operations_without_login():
    document = openapi_document()
    operations = {
        op["operationId"]: op
        for path in document["paths"].values()
        for op in path.values()
        if isinstance(op, dict)
    }
    for name in ("public_profiles_list", "public_profile_get"):
        assert operations[name]["security"] == []
    assert "PublicProfile" in document["components"]["schemas"]
    assert "/public/profiles/{brin_code}/" in document["paths"]


@pytest.mark.parametrize("query", ["municipality=Den%00Haag", "offer=dyslexie&offer=a%00b"])
def test_a_nul_character_in_the_query_is_refused_in_dutch(client, db, query):
    response = client.get(f"/api/v1/public/profiles/?{query}")
    assert response.status_code == 400
    assert response.json() == {"error": "De zoekvraag bevat een teken dat niet kan (NUL)."}

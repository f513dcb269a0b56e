"""An own-model profile ("eigen model"): the school uploads its own SOP document and says
where the four mandatory parts are in it, instead of filling in the regional model."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from steunwijzer.core.uploads import DOCX as DOCX_TYPE
from steunwijzer.profiles.models import OwnDocument, Profile
from steunwijzer.profiles.own_document import MANDATORY_PART_LABELS
from steunwijzer.profiles.services import (
    own_document_set_locations,
    own_document_upload,
    profile_create,
)
from steunwijzer.regional_model.sop_format import MANDATORY_PARTS
from tests.documents import DOCX, PDF, REFUSED, docx, pdf
from tests.test_api_profiles import auth

LOCATIONS = {
    "visie": "blz. 2",
    "basisondersteuning": "Hoofdstuk 2 Basisondersteuning",
    "extra_ondersteuning": "blz. 6-7",
    "zorgplicht": "Bijlage 1",
}
READERS = ["editor", "team_member", "mr_member", "officer", "staff"]
STRANGERS = ["other_editor", "other_officer", "other_staff", "outsider"]
NON_EDITORS = ["team_member", "mr_member", "officer", "other_editor", "outsider"]


@pytest.fixture
def own_profile(school, format_version, editor):
    return profile_create(school=school, school_year="2026-2027", user=editor, kind="own")


@pytest.fixture
def filled(own_profile, editor):
    own_document_upload(profile=own_profile, user=editor, upload=pdf())
    own_document_set_locations(profile=own_profile, user=editor, locations=LOCATIONS)
    own_profile.refresh_from_db()
    return own_profile


def page_url(profile):
    return reverse("own_document", args=[profile.pk])


def upload_url(profile):
    return reverse("own_document_upload", args=[profile.pk])


def test_the_home_page_offers_the_regional_or_an_own_model(client, school, format_version, editor):
    client.force_login(editor)
    body = client.get(reverse("home")).content.decode()
    assert "Regionaal model" in body and "Eigen model (eigen document uploaden)" in body
    assert 'name="kind" value="regional" checked' in body


def test_it_starts_an_own_model_profile_and_opens_the_upload_page(
    client, school, format_version, editor
):
    client.force_login(editor)
    response = client.post(reverse("profile_new", args=[school.pk]), {"kind": "own"})
    profile = school.profiles.get()
    assert profile.kind == Profile.Kind.OWN
    detail = client.get(response.url)
    assert detail.url == page_url(profile)
    page = client.get(detail.url)
    assert page.status_code == 200
    assert "Waar staan de verplichte onderdelen?" in page.content.decode()


def test_it_rejects_an_unknown_kind(client, school, format_version, editor):
    client.force_login(editor)
    response = client.post(reverse("profile_new", args=[school.pk]), {"kind": "anders"})
    assert response.status_code == 400
    assert not school.profiles.exists()


def test_it_stores_an_uploaded_pdf_as_a_new_version(client, own_profile, editor):
    client.force_login(editor)
    response = client.post(upload_url(own_profile), {"document": pdf("Ons SOP 2026.pdf")})
    assert response.status_code == 302
    document = OwnDocument.objects.get(profile=own_profile)
    assert bytes(document.content) == PDF
    assert (document.filename, document.content_type) == ("Ons SOP 2026.pdf", "application/pdf")
    assert document.size == len(PDF) and document.uploaded_by == editor
    own_profile.refresh_from_db()
    assert own_profile.version == 1
    assert "eigen document geüpload: Ons SOP 2026.pdf" in own_profile.revisions.first().note


def test_it_stores_an_uploaded_docx_and_names_it_by_its_content(client, own_profile, editor):
    client.force_login(editor)
    client.post(upload_url(own_profile), {"document": docx("C:\\Users\\ib\\sop.bin")})
    document = OwnDocument.objects.get(profile=own_profile)
    assert bytes(document.content) == DOCX
    assert (document.filename, document.content_type) == ("sop.docx", DOCX_TYPE)


def test_a_new_upload_replaces_the_old_file(own_profile, editor):
    own_document_upload(profile=own_profile, user=editor, upload=pdf())
    own_document_upload(profile=own_profile, user=editor, upload=docx())
    document = OwnDocument.objects.get(profile=own_profile)
    assert (document.content_type, bytes(document.content)) == (DOCX_TYPE, DOCX)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_it_rejects_files_that_are_not_pdf_or_docx_by_content(client, own_profile, editor, case):
    make_upload, message = REFUSED[case]
    client.force_login(editor)
    response = client.post(upload_url(own_profile), {"document": make_upload()})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OwnDocument.objects.filter(profile=own_profile).exists()
    own_profile.refresh_from_db()
    assert own_profile.version == 0


def test_it_rejects_an_upload_without_a_file(client, own_profile, editor):
    client.force_login(editor)
    response = client.post(upload_url(own_profile), {})
    assert response.status_code == 400
    assert "Kies het bestand met uw SOP." in response.content.decode()


def test_it_saves_where_each_mandatory_part_is(client, own_profile, editor):
    client.force_login(editor)
    response = client.post(page_url(own_profile), LOCATIONS)
    assert response.status_code == 302
    assert OwnDocument.objects.get(profile=own_profile).locations == LOCATIONS
    own_profile.refresh_from_db()
    assert own_profile.version == 1
    # Saving the same places again is no new version.
    client.post(page_url(own_profile), LOCATIONS)
    own_profile.refresh_from_db()
    assert own_profile.version == 1


def test_it_rejects_a_missing_location(client, own_profile, editor):
    client.force_login(editor)
    response = client.post(page_url(own_profile), {**LOCATIONS, "zorgplicht": "  "})
    assert response.status_code == 400
    assert "Geef aan waar “Zorgplicht” in het document staat." in response.content.decode()
    assert not OwnDocument.objects.filter(profile=own_profile).exists()


def test_the_service_rejects_missing_and_too_long_locations(own_profile, editor):
    with pytest.raises(ValidationError) as caught:
        own_document_set_locations(
            profile=own_profile,
            user=editor,
            locations={"visie": "blz. 1", "basisondersteuning": "x" * 201},
        )
    errors = caught.value.message_dict
    assert set(errors) == {"basisondersteuning", "extra_ondersteuning", "zorgplicht"}
    assert "hoogstens 200 tekens" in errors["basisondersteuning"][0]


def test_missing_required_names_the_document_and_each_location(own_profile, editor):
    labels = [part.label for chapter, part in own_profile.missing_required()]
    assert labels == [
        "Het eigen document (PDF of Word)",
        "Visie op passend onderwijs",
        "Basisondersteuning",
        "Extra ondersteuning",
        "Zorgplicht",
    ]
    assert all(chapter is None for chapter, _ in own_profile.missing_required())
    own_document_upload(profile=own_profile, user=editor, upload=pdf())
    assert len(own_profile.missing_required()) == 4
    own_document_set_locations(profile=own_profile, user=editor, locations=LOCATIONS)
    assert own_profile.missing_required() == []
    assert own_profile.chapter_progress()[0] | {"missing": None} == {
        "chapter": None,
        "missing": None,
        "required": 5,
        "filled": 5,
    }


def test_the_preview_shows_the_download_and_the_locations(client, filled, team_member):
    client.force_login(team_member)
    body = client.get(reverse("profile_preview", args=[filled.pk])).content.decode()
    assert reverse("own_document_file", args=[filled.pk]) in body
    assert "Hoofdstuk 2 Basisondersteuning" in body and "Bijlage 1" in body
    assert "ontbreken" not in body and "ontbreekt" not in body


def test_the_preview_lists_what_is_still_missing(client, own_profile, editor):
    client.force_login(editor)
    body = client.get(reverse("profile_preview", args=[own_profile.pk])).content.decode()
    assert "Nog 5 onderdelen ontbreken" in body
    assert f"{page_url(own_profile)}#part-document" in body


def test_it_lets_the_editor_edit(client, own_profile, editor):
    client.force_login(editor)
    assert client.get(page_url(own_profile)).status_code == 200
    assert client.post(upload_url(own_profile), {"document": pdf()}).status_code == 302


@pytest.mark.parametrize("persona", NON_EDITORS)
def test_it_refuses_editing_to_everyone_but_the_schools_editors(
    request, client, own_profile, persona
):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.get(page_url(own_profile)).status_code == 403
    assert client.post(upload_url(own_profile), {"document": pdf()}).status_code == 403
    assert client.post(page_url(own_profile), LOCATIONS).status_code == 403
    with pytest.raises(PermissionDenied):
        own_document_upload(profile=own_profile, user=user, upload=pdf())
    with pytest.raises(PermissionDenied):
        own_document_set_locations(profile=own_profile, user=user, locations=LOCATIONS)
    assert not OwnDocument.objects.filter(profile=own_profile).exists()


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "staff"])
def test_it_sends_readers_to_the_preview(request, client, own_profile, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("profile_detail", args=[own_profile.pk]))
    assert response.url == reverse("profile_preview", args=[own_profile.pk])


@pytest.mark.parametrize("persona", READERS)
def test_it_lets_readers_download_the_document(request, client, filled, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("own_document_file", args=[filled.pk]))
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="sop.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("persona", STRANGERS)
def test_it_refuses_the_download_to_strangers(request, client, filled, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("own_document_file", args=[filled.pk]))
    assert response.status_code == 403
    assert PDF not in response.content


def test_the_download_is_404_before_anything_is_uploaded(client, own_profile, editor):
    client.force_login(editor)
    assert client.get(reverse("own_document_file", args=[own_profile.pk])).status_code == 404


def test_a_regional_profile_has_no_own_document_page(client, profile, editor):
    client.force_login(editor)
    assert client.get(page_url(profile)).status_code == 404
    assert client.post(upload_url(profile), {"document": pdf()}).status_code == 404


def test_the_api_shows_the_kind_and_the_document(client, filled, officer):
    data = client.get(f"/api/v1/profiles/{filled.pk}/", **auth(officer)).json()
    assert data["kind"] == "own"
    assert data["own_document"] == {
        "filename": "sop.pdf",
        "content_type": "application/pdf",
        "size": len(PDF),
        "locations": LOCATIONS,
    }


def test_the_api_shows_regional_profiles_without_a_document(client, profile, editor):
    data = client.get(f"/api/v1/profiles/{profile.pk}/", **auth(editor)).json()
    assert data["kind"] == "regional" and "own_document" not in data


def test_the_api_refuses_answers_for_an_own_model_profile(client, own_profile, editor):
    headers = auth(editor)
    data = client.get(f"/api/v1/profiles/{own_profile.pk}/", **headers).json()
    assert data["own_document"] is None and "update" not in data["allowed_actions"]
    response = client.patch(
        f"/api/v1/profiles/{own_profile.pk}/",
        json.dumps({"base_version": 0, "answers": {"aantal_groepen": 8}}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 403
    assert "eigen document" in response.json()["error"]


def test_the_openapi_document_describes_the_own_document(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert schemas["Profile"]["properties"]["kind"]["enum"] == ["regional", "own"]
    locations = schemas["OwnDocument"]["properties"]["locations"]["$ref"].rsplit("/", 1)[1]
    assert set(schemas[locations]["properties"]) == set(LOCATIONS)


def test_the_mandatory_parts_read_in_dutch_as_the_model_loader_names_them():
    with translation.override("nl"):
        labels = {key: str(label) for key, label in MANDATORY_PART_LABELS.items()}
    assert labels == MANDATORY_PARTS

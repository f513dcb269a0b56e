"""Downloads of an own-model SOP: the school's own PDF as it is, or a cover saying where the
four mandatory parts are."""

import pytest
from django.urls import reverse

from steunwijzer.profiles.services import (
    own_document_set_locations,
    own_document_upload,
    profile_create,
)
from tests.documents import PDF, docx, pdf
from tests.export_helpers import body, docx_text, pdf_text, republish
from tests.route_helpers import step
from tests.test_own_model import LOCATIONS


def _own_published(school, editor, upload, **people):
    profile = profile_create(school=school, school_year="2026-2027", user=editor, kind="own")
    own_document_upload(profile=profile, user=editor, upload=upload)
    own_document_set_locations(profile=profile, user=editor, locations=LOCATIONS)
    profile.refresh_from_db()
    return republish(profile, editor=editor, **people)


@pytest.fixture
def people(mr_member, officer, staff):
    return {"mr": mr_member, "officer": officer, "staff": staff}


def test_the_schools_own_pdf_is_served_as_it_is(client, school, format_version, editor, people):
    _own_published(school, editor, pdf(), **people)
    response = client.get(reverse("public_sop_pdf", kwargs={"brin": "12AB"}))
    assert response.status_code == 200
    assert body(response) == PDF
    assert 'filename="SOP-De-Regenboog-12AB00-2026-2027.pdf"' in response["Content-Disposition"]


def test_an_own_word_document_gets_a_pdf_cover_with_the_parts(
    client, school, format_version, editor, people
):
    _own_published(school, editor, docx(), **people)
    text = pdf_text(body(client.get(reverse("public_sop_pdf", kwargs={"brin": "12AB"}))))
    assert "eigen document" in text
    assert "Hoofdstuk 2 Basisondersteuning" in text
    assert "Bijlage 1" in text


def test_a_file_uploaded_after_publication_is_not_served(
    client, school, format_version, editor, people
):
    profile = _own_published(school, editor, pdf(), **people)

    step(profile, editor, "start_new_draft")
    own_document_upload(profile=profile, user=editor, upload=docx())
    # The new Word file belongs to the draft: the Word download is a cover, not that file.
    data = body(client.get(reverse("public_sop_docx", kwargs={"brin": "12AB"})))
    assert "eigen document" in docx_text(data)
    assert "Bijlage 1" in docx_text(data)


def test_the_schoolgids_chapter_of_an_own_model_points_to_the_document(
    client, school, format_version, editor, people
):
    _own_published(school, editor, pdf(), **people)
    text = docx_text(body(client.get(reverse("public_schoolgids_docx", kwargs={"brin": "12AB"}))))
    assert "In dit hoofdstuk leest u" in text
    assert "Zorgplicht" in text

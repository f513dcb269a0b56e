"""The schoolgids chapter (wet 36443) for the school's editors, from the route page."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.export_helpers import DRAFT_TEXT, body, docx_text, start_draft_with_new_text
from tests.route_helpers import to_state


@pytest.fixture
def established(profile, editor, mr_member, officer):
    return to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)


def _url(profile):
    return reverse("profile_schoolgids_docx", args=[profile.pk])


def _get(client, user, url):
    client.login(username=user.username, password=PASSWORD)
    return client.get(url)


def test_the_editor_downloads_the_established_version_before_it_is_published(
    client, established, editor
):
    response = _get(client, editor, _url(established))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="Schoolgids-hoofdstuk-De-Regenboog-12AB00-2026-2027.docx"'
    )
    assert "private" in response["Cache-Control"]
    assert "In dit hoofdstuk leest u" in docx_text(body(response))
    # Not public yet.
    assert client.get(reverse("public_schoolgids_docx", kwargs={"brin": "12AB"})).status_code == 404


def test_it_shows_the_established_version_not_a_later_draft(
    client, profile, editor, mr_member, officer, staff
):
    to_state(profile, "gepubliceerd", editor=editor, mr=mr_member, officer=officer, staff=staff)
    start_draft_with_new_text(profile, editor)
    text = docx_text(body(_get(client, editor, _url(profile))))
    assert "samenstelling van de groep telt" in text
    assert DRAFT_TEXT not in text


def test_a_profile_that_was_never_established_has_no_chapter(client, profile, editor):
    assert _get(client, editor, _url(profile)).status_code == 404


@pytest.mark.parametrize(
    "persona", ["team_member", "mr_member", "officer", "staff", "other_editor", "outsider"]
)
def test_only_the_schools_editors_may_download_it(client, established, persona, request):
    response = _get(client, request.getfixturevalue(persona), _url(established))
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, established):
    response = client.get(_url(established))
    assert response.status_code == 302


def test_the_route_page_links_to_it(client, established, editor):
    page = _get(client, editor, reverse("profile_route", args=[established.pk])).content.decode()
    assert _url(established) in page

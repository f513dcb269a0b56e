"""Who may open which profile page: the school's team, its MR, its board and partnership."""

import pytest
from django.urls import reverse

READERS = ["editor", "team_member", "mr_member", "officer", "staff"]
STRANGERS = ["other_editor", "other_officer", "other_staff", "outsider"]


def pages(profile):
    return [
        reverse("profile_preview", args=[profile.pk]),
        reverse("profile_revisions", args=[profile.pk]),
        reverse("profile_revision", args=[profile.pk, 0]),
    ]


@pytest.mark.parametrize("persona", READERS)
def test_it_shows_the_draft_to_its_readers(request, client, profile, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in pages(profile):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"De Regenboog" in response.content


@pytest.mark.parametrize("persona", STRANGERS)
def test_it_refuses_the_draft_to_everyone_else(request, client, profile, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in [
        *pages(profile),
        reverse("profile_detail", args=[profile.pk]),
        reverse("profile_chapter", args=[profile.pk, "visie"]),
    ]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Geen toegang" in response.content.decode()
        assert "De Regenboog" not in response.content.decode()


def test_it_sends_anonymous_visitors_to_login(client, profile):
    for url in pages(profile):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_it_opens_the_editor_for_school_editors(client, profile, editor):
    client.force_login(editor)
    response = client.get(reverse("profile_detail", args=[profile.pk]))
    assert response.url == reverse("profile_chapter", args=[profile.pk, "schoolgegevens"])


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "staff"])
def test_it_shows_readers_the_preview_instead_of_the_editor(request, client, profile, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("profile_detail", args=[profile.pk]))
    assert response.url == reverse("profile_preview", args=[profile.pk])
    chapter = client.get(reverse("profile_chapter", args=[profile.pk, "visie"]))
    assert chapter.status_code == 403


@pytest.mark.parametrize(
    "persona", ["team_member", "mr_member", "officer", "staff", "other_editor", "outsider"]
)
def test_it_refuses_saves_from_non_editors(request, client, profile, persona):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("profile_chapter", args=[profile.pk, "schoolgegevens"])
    response = client.post(url, {"base_version": 0, "f-aantal_groepen": "8"})
    assert response.status_code == 403
    profile.refresh_from_db()
    assert profile.version == 0


@pytest.mark.parametrize("persona", ["team_member", "officer", "other_editor"])
def test_it_refuses_restores_from_non_editors(request, client, profile, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("profile_revision_restore", args=[profile.pk, 0]))
    assert response.status_code == 403


def test_home_lists_only_visible_schools(client, profile, other_profile, officer, editor):
    client.force_login(editor)
    body = client.get(reverse("home")).content.decode()
    assert "De Regenboog" in body and "De Vlieger" not in body
    client.force_login(officer)
    body = client.get(reverse("home")).content.decode()
    assert "De Regenboog" in body and "De Vlieger" in body


def test_an_editor_starts_this_years_profile(client, school, format_version, editor):
    client.force_login(editor)
    response = client.post(reverse("profile_new", args=[school.pk]))
    profile = school.profiles.get()
    assert response.url == reverse("profile_detail", args=[profile.pk])
    assert profile.format_version == format_version
    # A second click opens the same profile instead of making another.
    client.post(reverse("profile_new", args=[school.pk]))
    assert school.profiles.count() == 1


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "other_editor"])
def test_only_the_schools_editor_starts_a_profile(request, client, school, format_version, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("profile_new", args=[school.pk]))
    assert response.status_code == 403
    assert not school.profiles.exists()


def test_starting_without_a_model_explains_why(client, school, editor):
    client.force_login(editor)
    response = client.post(reverse("profile_new", args=[school.pk]), follow=True)
    assert "heeft nog geen SOP-model ingelezen" in response.content.decode()
    assert not school.profiles.exists()

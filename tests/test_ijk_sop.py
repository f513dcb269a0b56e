"""The IJK in the SOP: the summary beside chapter 2, its take-over, the check on the route."""

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwijzer.core.school_year import school_year_of
from steunwijzer.profiles.models import Profile
from tests.ijk_helpers import fill

CHAPTER = "basisondersteuning"


def chapter_page(client, profile, chapter=CHAPTER):
    return client.get(reverse("profile_chapter", args=[profile.pk, chapter])).content.decode()


def test_chapter_two_shows_the_ijk_summary_and_other_chapters_do_not(
    client, editor, profile, school
):
    fill(school, editor, OP3=4)
    client.force_login(editor)
    page = chapter_page(client, profile)
    assert "Uit het IJK-instrument" in page
    assert "Sterk: didactisch handelen." in page
    assert "Tekst overnemen" in page
    assert "Uit het IJK-instrument" not in chapter_page(client, profile, "visie")


def test_without_scores_the_panel_says_so(client, editor, profile):
    client.force_login(editor)
    page = chapter_page(client, profile)
    assert "Nog geen IJK-scores voor 2026-2027" in page and "Tekst overnemen" not in page


def test_the_editor_takes_the_summary_over_into_a_field(client, editor, profile, school):
    fill(school, editor, OP3=4)
    client.force_login(editor)
    field = "planmatig_werken"
    response = client.post(reverse("ijk_summary_take_over", args=[profile.pk]), {"field": field})
    assert response.status_code == 302 and response["Location"].endswith(f"#field-{field}")
    profile.refresh_from_db()
    assert profile.answers[field].startswith("In schooljaar")
    assert "IJK-instrument" in profile.answers[field]
    # Again: a new paragraph under what the field says.
    first = profile.answers[field]
    client.post(reverse("ijk_summary_take_over", args=[profile.pk]), {"field": field})
    profile.refresh_from_db()
    assert profile.answers[field] == f"{first}\n\n{first}"


def test_take_over_refuses_a_field_outside_chapter_two(client, editor, profile, school):
    fill(school, editor)
    client.force_login(editor)
    version = profile.version
    client.post(reverse("ijk_summary_take_over", args=[profile.pk]), {"field": "onze_visie"})
    profile.refresh_from_db()
    assert profile.version == version


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "outsider"])
def test_only_editors_take_the_summary_over(client, request, profile, school, editor, persona):
    fill(school, editor)
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        reverse("ijk_summary_take_over", args=[profile.pk]), {"field": "planmatig_werken"}
    )
    assert response.status_code == 403


def test_the_route_page_shows_the_realism_check_before_the_board_step(
    client, editor, officer, profile, school
):
    fill(school, editor, OP3=4)
    client.force_login(officer)
    page = client.get(reverse("profile_route", args=[profile.pk])).content.decode()
    assert "Realiteitscheck" in page and "Hoge score zonder observatie" in page
    Profile.objects.filter(pk=profile.pk).update(state="bij_bestuur")
    page = client.get(reverse("profile_route", args=[profile.pk])).content.decode()
    assert "Realiteitscheck" not in page


def test_home_links_to_the_ijk_and_to_observing(client, editor, officer, school):
    year = school_year_of(timezone.localdate())
    client.force_login(editor)
    assert reverse("ijk_evaluation", args=[school.pk, year]) in client.get("/").content.decode()
    client.force_login(officer)
    assert "Kijkwijzer: waar u mag observeren" in client.get("/").content.decode()


def test_team_members_get_no_observer_link(client, team_member):
    client.force_login(team_member)
    assert "Kijkwijzer: waar u mag observeren" not in client.get("/").content.decode()

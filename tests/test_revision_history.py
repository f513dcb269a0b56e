"""The history page: a page of 25 versions at a time, saying who, when, what kind and what."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from steunwijzer.profiles.models import Revision
from steunwijzer.profiles.services import profile_restore, profile_update
from tests.route_helpers import fill, step

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def history(client, profile, **params):
    return client.get(reverse("profile_revisions", args=[profile.pk]), params)


def save(profile, user, reason=Revision.Reason.SAVE, session="", **changes):
    profile.refresh_from_db()
    return profile_update(
        profile_id=profile.pk,
        user=user,
        base_version=profile.version,
        changes=changes,
        reason=reason,
        edit_session=session,
    )


@pytest.fixture
def long_history(profile, editor):
    for n in range(30):  # with version 0: 31 versions, two pages
        save(profile, editor, aantal_groepen=n + 1)
    return profile


def version_numbers(html):
    return [int(n) for n in re.findall(r">Versie (\d+)</a>", html)]


def test_it_shows_25_versions_a_page_newest_first(client, editor, long_history):
    client.force_login(editor)
    first = history(client, long_history).content.decode()
    assert version_numbers(first) == list(range(30, 5, -1))
    assert "Pagina 1 van 2" in first
    assert "(versie 30 tot en met 6)" in first
    assert 'href="?pagina=2" rel="next">Oudere versies</a>' in first
    assert "Nieuwere versies" not in first

    second = history(client, long_history, pagina=2).content.decode()
    assert version_numbers(second) == [5, 4, 3, 2, 1, 0]
    assert "Pagina 2 van 2" in second
    assert 'href="?pagina=1" rel="prev">Nieuwere versies</a>' in second
    assert "Oudere versies" not in second


@pytest.mark.parametrize(("asked", "shown"), [("0", 2), ("abc", 1), ("99", 2), ("", 1)])
def test_a_page_number_that_is_no_page_still_shows_one(client, editor, long_history, asked, shown):
    client.force_login(editor)
    response = history(client, long_history, pagina=asked)
    assert response.status_code == 200
    assert response.context["page"].number == shown


def test_a_short_history_has_no_pager(client, editor, profile):
    client.force_login(editor)
    html = history(client, profile).content.decode()
    assert "sw-pagination" not in html
    assert version_numbers(html) == [0]


def test_the_history_counts_queries_not_versions(
    client, editor, long_history, django_assert_max_num_queries
):
    client.force_login(editor)
    history(client, long_history)  # the session's first request does extra work
    with django_assert_max_num_queries(12):
        history(client, long_history, pagina=2)


def test_it_says_who_when_and_what_kind_in_dutch(client, editor, second_editor, profile):
    save(profile, editor, reason=Revision.Reason.AUTOSAVE, session="a" * 32, aantal_groepen=8)
    save(profile, editor, reason=Revision.Reason.AUTOSAVE, session="a" * 32, aantal_groepen=9)
    save(profile, second_editor, gemiddelde_groepsgrootte=26)
    profile_restore(profile_id=profile.pk, user=editor, revision_number=0)
    start = datetime(2026, 11, 12, 14, 3, tzinfo=AMSTERDAM)
    profile.revisions.filter(number=2).update(
        started_at=start, created_at=start + timedelta(minutes=38)
    )
    client.force_login(editor)
    html = history(client, profile).content.decode()
    assert "donderdag 12 november 2026, 14:03 tot 14:41" in html
    assert "Automatisch bewaard (2 keer)" in html
    assert "Opgeslagen" in html
    assert "Teruggezet (versie 0 hersteld)" in html
    assert "Ilse Begeleider" in html  # second_editor's name
    assert '<span class="sw-badge">huidige versie</span>' in html


def test_it_links_each_version_to_the_one_before_it_even_across_folded_numbers(
    client, editor, profile
):
    save(profile, editor, aantal_groepen=7)
    save(profile, editor, reason=Revision.Reason.AUTOSAVE, session="a" * 32, aantal_groepen=8)
    save(profile, editor, reason=Revision.Reason.AUTOSAVE, session="a" * 32, aantal_groepen=9)
    client.force_login(editor)
    html = history(client, profile).content.decode()
    diff = reverse("profile_diff", args=[profile.pk])
    assert f'href="{diff}?van=1&amp;naar=3">vergelijk met vorige' in html
    assert f'href="{diff}?van=0&amp;naar=1">vergelijk met vorige' in html
    assert client.get(f"{diff}?van=1&naar=3").status_code == 200


def test_it_names_the_steps_taken_on_a_version(client, editor, mr_member, profile):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    client.force_login(editor)
    html = history(client, profile).content.decode()
    assert "Stap op de route: Advies vragen aan de MR, door Eva de Directeur" in html


def test_a_long_list_of_changed_fields_is_folded_away(client, editor, profile):
    fill(profile, editor)
    client.force_login(editor)
    html = history(client, profile).content.decode()
    assert re.search(r"<summary>en \d+ andere velden</summary>", html)


def test_a_folded_version_says_how_often_and_from_when_to_when(client, editor, profile):
    save(profile, editor, reason=Revision.Reason.AUTOSAVE, session="a" * 32, aantal_groepen=8)
    save(profile, editor, reason=Revision.Reason.AUTOSAVE, session="a" * 32, aantal_groepen=9)
    start = datetime(2026, 11, 12, 14, 3, tzinfo=AMSTERDAM)
    profile.revisions.filter(number=2).update(
        started_at=start, created_at=start + timedelta(minutes=38)
    )
    client.force_login(editor)
    html = client.get(reverse("profile_revision", args=[profile.pk, 2])).content.decode()
    assert (
        "automatisch bewaard (2 keer) van 12 november 2026 14:03 tot 12 november 2026 14:41" in html
    )

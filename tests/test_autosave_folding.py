"""Autosaves of one editing session fold into one revision; everything else starts a new one.

Every save still gets its own version number (the API's `base_version` and the conflict merge
depend on it); the history just shows one entry per editing session instead of one per pause
in typing.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwijzer.profiles.models import Revision
from steunwijzer.profiles.services import (
    ProfileConflict,
    StaleVersion,
    UnknownVersion,
    answers_at,
    profile_restore,
    profile_update,
)
from steunwijzer.review.services import comment_create
from tests.route_helpers import fill, step

PAGE = "a1" * 16
OTHER_PAGE = "b2" * 16
AUTOSAVE = Revision.Reason.AUTOSAVE


def autosave(profile, user, session=PAGE, base=None, **changes):
    profile.refresh_from_db()
    return profile_update(
        profile_id=profile.pk,
        user=user,
        base_version=profile.version if base is None else base,
        changes=changes,
        reason=AUTOSAVE,
        edit_session=session,
    )


def numbers(profile):
    return list(profile.revisions.order_by("number").values_list("number", "reason"))


def test_three_bursts_of_typing_make_one_revision(profile, editor):
    autosave(profile, editor, aantal_groepen=8)
    autosave(profile, editor, contactpersoon_ondersteuning="Ilse")
    autosave(profile, editor, contactpersoon_ondersteuning="Ilse Begeleider")
    profile.refresh_from_db()
    assert profile.version == 3  # every save is still a version
    assert numbers(profile) == [(0, "create"), (3, "autosave")]
    revision = profile.revisions.get(number=3)
    assert revision.answers == profile.answers
    assert revision.changed_fields == ["aantal_groepen", "contactpersoon_ondersteuning"]
    assert revision.saves == 3
    assert revision.started_at is not None and revision.started_at <= revision.created_at


def test_a_save_by_someone_else_in_between_starts_a_new_revision(profile, editor, second_editor):
    autosave(profile, editor, aantal_groepen=8)
    autosave(profile, second_editor, session=OTHER_PAGE, gemiddelde_groepsgrootte=26)
    autosave(profile, editor, aantal_groepen=9)
    profile.refresh_from_db()
    assert numbers(profile) == [(0, "create"), (1, AUTOSAVE), (2, AUTOSAVE), (3, AUTOSAVE)]
    assert [r.author for r in profile.revisions.order_by("number")][1:] == [
        editor,
        second_editor,
        editor,
    ]


def test_an_explicit_save_starts_a_new_revision_and_is_never_folded_into(profile, editor):
    autosave(profile, editor, aantal_groepen=8)
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=1,
        changes={"aantal_groepen": 9},
        edit_session=PAGE,
    )
    autosave(profile, editor, aantal_groepen=10)
    profile.refresh_from_db()
    assert numbers(profile) == [(0, "create"), (1, AUTOSAVE), (2, "save"), (3, AUTOSAVE)]


def test_another_page_or_a_long_pause_starts_a_new_revision(profile, editor):
    autosave(profile, editor, aantal_groepen=8)
    autosave(profile, editor, session=OTHER_PAGE, aantal_groepen=9)
    profile.revisions.filter(number=2).update(created_at=timezone.now() - timedelta(minutes=31))
    autosave(profile, editor, session=OTHER_PAGE, aantal_groepen=10)
    profile.refresh_from_db()
    assert [n for n, _ in numbers(profile)] == [0, 1, 2, 3]


def test_autosaves_without_a_page_token_are_not_folded(profile, editor):
    autosave(profile, editor, session="", aantal_groepen=8)
    autosave(profile, editor, session="", aantal_groepen=9)
    profile.refresh_from_db()
    assert [n for n, _ in numbers(profile)] == [0, 1, 2]


def test_a_restore_is_never_folded_into(profile, editor):
    autosave(profile, editor, aantal_groepen=8)
    profile_restore(profile_id=profile.pk, user=editor, revision_number=0)
    autosave(profile, editor, aantal_groepen=9)
    profile.refresh_from_db()
    assert numbers(profile) == [(0, "create"), (1, AUTOSAVE), (2, "restore"), (3, AUTOSAVE)]


def test_the_version_a_step_was_taken_on_is_never_changed(profile, editor, mr_member, school):
    fill(profile, editor)
    autosave(profile, editor, contactpersoon_ondersteuning="Ilse")
    profile.refresh_from_db()
    asked = profile.revisions.get(number=profile.version)
    step(profile, editor, "request_advice")
    step(profile, editor, "withdraw")
    autosave(profile, editor, contactpersoon_ondersteuning="Ilse Begeleider")
    frozen = Revision.objects.get(pk=asked.pk)
    assert (frozen.number, frozen.answers, frozen.saves) == (asked.number, asked.answers, 1)
    profile.refresh_from_db()
    assert profile.revisions.get(number=profile.version).pk != asked.pk


def test_the_version_a_comment_was_written_on_is_never_changed(profile, editor, officer):
    autosave(profile, editor, aantal_groepen=8)
    profile.refresh_from_db()
    comment_create(profile=profile, user=officer, chapter_key="schoolgegevens", body="Klopt dit?")
    autosave(profile, editor, aantal_groepen=9)
    profile.refresh_from_db()
    assert [n for n, _ in numbers(profile)] == [0, 1, 2]
    assert profile.revisions.get(number=1).answers["aantal_groepen"] == 8


@pytest.mark.parametrize("pointer", ["established_revision", "published_revision"])
def test_an_established_or_published_revision_is_never_changed(profile, editor, pointer):
    autosave(profile, editor, aantal_groepen=8)
    frozen = profile.revisions.get(number=1)
    # Normally a step sets these and the profile is no longer editable; even so, never fold.
    type(profile).objects.filter(pk=profile.pk).update(**{pointer: frozen})
    autosave(profile, editor, aantal_groepen=9)
    assert Revision.objects.get(pk=frozen.pk).number == 1
    assert Revision.objects.get(pk=frozen.pk).answers["aantal_groepen"] == 8


def test_the_api_update_keeps_its_version_check(profile, editor):
    autosave(profile, editor, aantal_groepen=8)
    autosave(profile, editor, aantal_groepen=9)
    with pytest.raises(StaleVersion):
        profile_update(
            profile_id=profile.pk,
            user=editor,
            base_version=1,
            changes={"aantal_groepen": 10},
            reason=Revision.Reason.API,
            allow_merge=False,
        )
    result = profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=2,
        changes={"aantal_groepen": 10},
        reason=Revision.Reason.API,
        allow_merge=False,
    )
    assert result.profile.version == 3
    assert numbers(profile) == [(0, "create"), (2, AUTOSAVE), (3, "api")]


def test_a_page_opened_during_someone_elses_burst_still_merges(profile, editor, second_editor):
    autosave(profile, editor, aantal_groepen=8)  # version 1: the other page opens here
    autosave(profile, editor, aantal_groepen=9)  # folds version 1 into 2
    result = autosave(
        profile, second_editor, session=OTHER_PAGE, base=1, gemiddelde_groepsgrootte=26
    )
    assert result.profile.answers == {"aantal_groepen": 9, "gemiddelde_groepsgrootte": 26}
    assert result.merged_from_others == ["aantal_groepen"]


def test_a_page_opened_during_a_burst_gets_a_conflict_rather_than_overwriting(
    profile, editor, second_editor
):
    autosave(profile, editor, contactpersoon_ondersteuning="Ilse")  # other page opens at 1
    autosave(profile, editor, contactpersoon_ondersteuning="Ilse Begeleider")
    with pytest.raises(ProfileConflict) as caught:
        autosave(
            profile, second_editor, session=OTHER_PAGE, base=1, contactpersoon_ondersteuning="Eva"
        )
    assert caught.value.conflicts[0].theirs == "Ilse Begeleider"
    assert caught.value.conflicts[0].theirs_by == "Eva de Directeur"


def test_the_page_passes_its_own_folded_autosaves(client, profile, editor):
    client.force_login(editor)
    url = reverse("profile_autosave", args=[profile.pk, "schoolgegevens"])
    page = {"base_version": 0, "edit_session": PAGE}
    assert client.post(url, {**page, "f-aantal_groepen": "8"}).status_code == 200
    assert client.post(url, {**page, "base_version": 1, "f-aantal_groepen": "9"}).status_code == 200
    # The explicit save still names version 1, which was folded into 2: no conflict.
    response = client.post(
        reverse("profile_chapter", args=[profile.pk, "schoolgegevens"]),
        {**page, "base_version": 1, "f-aantal_groepen": "10"},
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.answers["aantal_groepen"] == 10
    assert numbers(profile) == [(0, "create"), (2, AUTOSAVE), (3, "save")]


def test_an_old_version_that_never_existed_is_refused(client, profile, editor):
    client.force_login(editor)
    response = client.post(
        reverse("profile_autosave", args=[profile.pk, "schoolgegevens"]),
        {"base_version": 7, "edit_session": PAGE, "f-aantal_groepen": "8"},
    )
    assert response.status_code == 400
    assert "Deze versie bestaat niet" in response.content.decode()


def test_comparing_with_the_previous_version_skips_folded_numbers(client, profile, editor):
    autosave(profile, editor, aantal_groepen=8)
    autosave(profile, editor, aantal_groepen=9)
    client.force_login(editor)
    response = client.get(reverse("profile_diff", args=[profile.pk]))
    assert response.status_code == 200
    assert (response.context["old"], response.context["new"]) == (0, 2)
    assert ("t.o.v. vorige versie", 0) in response.context["presets"]


def test_a_copy_of_the_profile_older_than_its_own_autosave_still_finds_the_base(profile, editor):
    autosave(profile, editor, aantal_groepen=8)
    stale = type(profile).objects.get(pk=profile.pk)  # read at version 1, as a view does
    autosave(profile, editor, aantal_groepen=9)  # folds 1 into 2 meanwhile
    assert answers_at(stale, 2)["aantal_groepen"] == 9
    assert answers_at(stale, 1) == {"aantal_groepen": 8}  # the copy is that version
    assert answers_at(stale, 0) == {}
    for unknown in (3, -1):
        with pytest.raises(UnknownVersion):
            answers_at(stale, unknown)


def test_a_save_racing_its_own_autosave_is_no_conflict(profile, editor):
    """The explicit save was read before the page's in-flight autosave had committed.

    The view then names the page's old base; only under the lock can the service see that
    the newer version is the page's own, so that half-typed value is not taken for another's.
    """
    autosave(profile, editor, contactpersoon_ondersteuning="Ilse")
    autosave(profile, editor, contactpersoon_ondersteuning="Ilse Be")  # still in flight, below
    result = profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=1,
        changes={"contactpersoon_ondersteuning": "Ilse Begeleider", "aantal_groepen": 8},
        edit_session=PAGE,
    )
    assert result.saved_fields == ["aantal_groepen", "contactpersoon_ondersteuning"]
    profile.refresh_from_db()
    assert profile.answers["contactpersoon_ondersteuning"] == "Ilse Begeleider"

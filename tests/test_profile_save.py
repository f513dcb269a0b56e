"""Saving a profile: revisions, merging changes to different fields, conflicts on the same one."""

import pytest
from django.core.exceptions import PermissionDenied

from steunwijzer.profiles.answers import AnswerError
from steunwijzer.profiles.models import Revision
from steunwijzer.profiles.services import (
    ProfileConflict,
    StaleVersion,
    UnknownVersion,
    profile_restore,
    profile_update,
)


def save(profile, user, base, **changes):
    return profile_update(profile_id=profile.pk, user=user, base_version=base, changes=changes)


def test_it_records_a_revision_per_save(profile, editor):
    result = save(profile, editor, 0, visie_passend_onderwijs="Elk kind hoort erbij.")
    assert result.profile.version == 1
    revision = profile.revisions.get(number=1)
    assert revision.changed_fields == ["visie_passend_onderwijs"]
    assert revision.author == editor
    assert revision.author_name == "Eva de Directeur"
    assert revision.answers["visie_passend_onderwijs"] == "Elk kind hoort erbij."


def test_it_writes_nothing_when_nothing_changed(profile, editor):
    save(profile, editor, 0, aantal_groepen=8)
    result = save(profile, editor, 1, aantal_groepen=8)
    assert result.saved_fields == []
    assert profile.revisions.count() == 2  # create + first save


def test_it_merges_changes_to_different_fields(profile, editor, second_editor):
    save(profile, editor, 0, aantal_groepen=8)
    result = save(profile, second_editor, 0, gemiddelde_groepsgrootte=26)
    assert result.profile.version == 2
    assert result.profile.answers == {"aantal_groepen": 8, "gemiddelde_groepsgrootte": 26}
    assert result.merged_from_others == ["aantal_groepen"]


def test_it_rejects_a_conflicting_change_to_the_same_field(profile, editor, second_editor):
    save(profile, editor, 0, contactpersoon_ondersteuning="Ilse Begeleider")
    with pytest.raises(ProfileConflict) as caught:
        save(
            profile,
            second_editor,
            0,
            contactpersoon_ondersteuning="Eva de Directeur",
            aantal_groepen=9,
        )
    conflict = caught.value.conflicts[0]
    assert conflict.key == "contactpersoon_ondersteuning"
    assert conflict.mine == "Eva de Directeur"
    assert conflict.theirs == "Ilse Begeleider"
    assert conflict.theirs_by == "Eva de Directeur"
    profile.refresh_from_db()
    assert profile.version == 1
    assert "aantal_groepen" not in profile.answers  # nothing half-written


def test_it_accepts_the_same_value_from_two_editors(profile, editor, second_editor):
    save(profile, editor, 0, aantal_groepen=8)
    result = save(profile, second_editor, 0, aantal_groepen=8)
    assert result.saved_fields == []


def test_it_rejects_stale_version_when_merging_is_off(profile, editor):
    save(profile, editor, 0, aantal_groepen=8)
    with pytest.raises(StaleVersion):
        profile_update(
            profile_id=profile.pk,
            user=editor,
            base_version=0,
            changes={"gemiddelde_groepsgrootte": 20},
            allow_merge=False,
        )


def test_it_rejects_an_unknown_base_version(profile, editor):
    with pytest.raises(UnknownVersion):
        save(profile, editor, 7, aantal_groepen=8)


def test_it_empties_a_field_with_none(profile, editor):
    save(profile, editor, 0, aantal_groepen=8)
    result = save(profile, editor, 1, aantal_groepen=None)
    assert "aantal_groepen" not in result.profile.answers


def test_it_validates_before_writing(profile, editor):
    with pytest.raises(AnswerError) as caught:
        save(profile, editor, 0, aantal_groepen="acht", gemiddelde_groepsgrootte=25)
    assert [p.path for p in caught.value.problems] == ["answers.aantal_groepen"]
    profile.refresh_from_db()
    assert profile.version == 0 and profile.answers == {}


@pytest.mark.parametrize(
    "persona", ["team_member", "mr_member", "officer", "staff", "other_editor", "outsider"]
)
def test_only_school_editors_may_save(request, profile, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        save(profile, user, 0, aantal_groepen=8)


def test_it_restores_an_earlier_revision_as_a_new_one(profile, editor):
    save(profile, editor, 0, aantal_groepen=8)
    save(profile, editor, 1, aantal_groepen=9, gemiddelde_groepsgrootte=30)
    restored = profile_restore(profile_id=profile.pk, user=editor, revision_number=1)
    assert restored.version == 3
    assert restored.answers == {"aantal_groepen": 8}
    latest = restored.revisions.first()
    assert latest.reason == Revision.Reason.RESTORE
    assert sorted(latest.changed_fields) == ["aantal_groepen", "gemiddelde_groepsgrootte"]
    assert profile.revisions.count() == 4  # the restored-over state stays in the history

"""Operations that write a profile together with its revision history.

Every save names the version it was based on. Changes to fields nobody else touched since
then are merged; a field that someone else changed to something different is a conflict,
and nothing is written until the editor chooses.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction

from steunwijzer.organisations.models import display_name
from steunwijzer.regional_model.models import FormatVersion

from .answers import clean_answers
from .merge import merge_answers
from .models import Profile, Revision


@dataclass(frozen=True)
class FieldConflict:
    key: str
    label: str
    mine: object
    theirs: object
    theirs_by: str


class ProfileConflict(Exception):
    def __init__(self, profile: Profile, conflicts: list[FieldConflict]):
        super().__init__(f"conflict op {', '.join(c.key for c in conflicts)}")
        self.profile = profile
        self.conflicts = conflicts


class StaleVersion(Exception):
    """A save that may not merge was based on an older version than the current one."""

    def __init__(self, profile: Profile):
        super().__init__(f"verouderde versie; de huidige versie is {profile.version}")
        self.profile = profile


class UnknownVersion(Exception):
    """The version a save claims to be based on does not exist."""


@dataclass
class SaveResult:
    profile: Profile
    saved_fields: list[str]
    # Fields others changed since the editor's base version: the editor's copy is stale there.
    merged_from_others: list[str] = field(default_factory=list)


def _write_revision(profile, user, changed, reason, note=""):
    return Revision.objects.create(
        profile=profile,
        number=profile.version,
        answers=profile.answers,
        changed_fields=changed,
        reason=reason,
        note=note,
        author=user,
        author_name=display_name(user),
    )


@transaction.atomic
def profile_create(*, school, school_year: str, user) -> Profile:
    format_version = FormatVersion.objects.current_for(school.partnership)
    if format_version is None:
        raise ValueError(f"{school.partnership} heeft nog geen SOP-model ingelezen.")
    profile = Profile.objects.create(
        school=school, school_year=school_year, format_version=format_version, updated_by=user
    )
    _write_revision(profile, user, [], Revision.Reason.CREATE)
    return profile


def _locked(profile_id: int) -> Profile:
    return (
        Profile.objects.select_for_update()
        .select_related("format_version", "school")
        .get(pk=profile_id)
    )


def _answers_at(profile: Profile, version: int) -> dict:
    if version == profile.version:
        return profile.answers
    revision = profile.revisions.filter(number=version).only("answers").first()
    if revision is None:
        raise UnknownVersion(version)
    return revision.answers


@transaction.atomic
def profile_update(
    *,
    profile_id: int,
    user,
    base_version: int,
    changes: dict,
    reason=Revision.Reason.SAVE,
    allow_merge: bool = True,
) -> SaveResult:
    """Apply `changes` (field key → new value) made on top of `base_version`.

    API clients pass allow_merge=False: they hold no form to refresh, so any newer
    version must be fetched and looked at before writing.
    """
    profile = _locked(profile_id)
    if not profile.can_edit(user):
        raise PermissionDenied("U mag dit profiel niet bewerken.")
    if not allow_merge and base_version != profile.version:
        raise StaleVersion(profile)
    cleaned = clean_answers(profile.sop_format, changes, profile.school.school_type)
    merge = merge_answers(_answers_at(profile, base_version), profile.answers, cleaned)
    if merge.conflicts:
        raise ProfileConflict(profile, _conflicts(profile, base_version, merge, cleaned))
    if not merge.saved:
        return SaveResult(profile, [], merge.from_others)

    profile.answers = merge.answers
    profile.version += 1
    profile.updated_by = user
    profile.save(update_fields=["answers", "version", "updated_by", "updated_at"])
    _write_revision(profile, user, merge.saved, reason)
    return SaveResult(profile, merge.saved, merge.from_others)


def _conflicts(profile, base_version, merge, mine) -> list[FieldConflict]:
    """Describe each conflict with the name of whoever last changed that field."""
    later = profile.revisions.filter(number__gt=base_version).values_list(
        "changed_fields", "author_name"
    )
    changed_by = {}
    for fields, author in reversed(list(later)):  # oldest first, so the newest author wins
        changed_by.update(dict.fromkeys(fields, author))
    return [
        FieldConflict(
            key=key,
            label=profile.sop_format.field(key).label,
            mine=mine[key],
            theirs=profile.answers.get(key),
            theirs_by=changed_by.get(key, ""),
        )
        for key in merge.conflicts
    ]


@transaction.atomic
def profile_restore(*, profile_id: int, user, revision_number: int) -> Profile:
    """Make an earlier revision's answers the current ones, as a new revision."""
    profile = _locked(profile_id)
    if not profile.can_edit(user):
        raise PermissionDenied("U mag dit profiel niet bewerken.")
    old = _answers_at(profile, revision_number)
    changed = sorted(
        k for k in set(old) | set(profile.answers) if old.get(k) != profile.answers.get(k)
    )
    profile.answers = old
    profile.version += 1
    profile.updated_by = user
    profile.save(update_fields=["answers", "version", "updated_by", "updated_at"])
    _write_revision(
        profile, user, changed, Revision.Reason.RESTORE, note=f"versie {revision_number} hersteld"
    )
    return profile

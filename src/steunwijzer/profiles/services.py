"""Operations that write a profile together with its revision history.

Every save names the version it was based on. Changes to fields nobody else touched since
then are merged; a field that someone else changed to something different is a conflict,
and nothing is written until the editor chooses.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.core.stored_file import check_document
from steunwijzer.core.uploads import CheckedFile
from steunwijzer.organisations.models import display_name
from steunwijzer.regional_model.models import FormatVersion

from .answers import AnswerError, clean_answers, is_filled
from .evaluation import Evaluation
from .merge import merge_answers
from .models import Profile, Revision
from .own_document import LOCATION_MAX_LENGTH, OwnDocument, mandatory_parts, read_upload
from .signals import profile_started
from .supporting_documents import SupportingDocument


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


# A pause in typing longer than this starts a new revision, even on the same editor page.
FOLD_IDLE = timedelta(minutes=30)


def _fold_target(profile: Profile, user, reason: str, edit_session: str) -> Revision | None:
    """The newest revision, if this autosave continues it rather than starting a new one.

    It must be an autosave by the same person from the same editor page (`edit_session`),
    saved less than FOLD_IDLE ago, and nobody may have pointed at its number since: no step
    on the route, no comment, not established or published. An explicit save, a restore, an
    API save or another person's save is never folded into. `docs/editing.md` explains why.
    """
    if reason != Revision.Reason.AUTOSAVE or not edit_session:
        return None
    newest = (
        profile.revisions.filter(number=profile.version)
        .defer("answers")
        .annotate(
            stepped=Exists(profile.transitions.filter(version__gte=OuterRef("number"))),
            commented=Exists(profile.comments.filter(profile_version__gte=OuterRef("number"))),
        )
        .first()
    )
    if (
        newest is None
        or newest.reason != Revision.Reason.AUTOSAVE
        or newest.author_id != user.pk
        or newest.edit_session != edit_session
        or timezone.now() - newest.created_at > FOLD_IDLE
        or newest.pk in (profile.established_revision_id, profile.published_revision_id)
        or newest.stepped
        or newest.commented
    ):
        return None
    return newest


def _fold_revision(revision: Revision, profile: Profile, changed: list[str]) -> None:
    """Make `revision` the profile's current version: new number, answers and time."""
    now = timezone.now()
    Revision.objects.filter(pk=revision.pk).update(
        number=profile.version,
        answers=profile.answers,
        changed_fields=sorted(set(revision.changed_fields) | set(changed)),
        saves=F("saves") + 1,
        started_at=revision.started_at or revision.created_at,
        created_at=now,
    )


def _write_revision(profile, user, changed, reason, note="", edit_session=""):
    return Revision.objects.create(
        profile=profile,
        number=profile.version,
        answers=profile.answers,
        changed_fields=changed,
        reason=reason,
        note=note,
        author=user,
        author_name=display_name(user),
        edit_session=edit_session,
    )


@transaction.atomic
def profile_create(*, school, school_year: str, user, kind: str = Profile.Kind.REGIONAL) -> Profile:
    """Start a school year's profile; it starts from last year's published SOP if there is one."""
    format_version = FormatVersion.objects.current_for(school.partnership)
    if format_version is None:
        raise ValueError(
            _("%(partnership)s has not imported an SOP model yet.")
            % {"partnership": school.partnership}
        )
    if kind not in Profile.Kind.values:
        raise ValueError(_("Unknown kind of profile: %(kind)s.") % {"kind": kind})
    profile = Profile.objects.create(
        school=school,
        school_year=school_year,
        format_version=format_version,
        updated_by=user,
        kind=kind,
    )
    profile_started.send(sender=Profile, profile=profile)
    published = previous_published(school, school_year)
    if published is None or published.profile.kind != kind:
        _write_revision(profile, user, [], Revision.Reason.CREATE)
        return profile
    copied = _carry_over(profile, published)
    profile.copied_from = published
    profile.save(update_fields=["answers", "copied_from"])
    note = (
        f"overgenomen uit het gepubliceerde SOP {published.profile.school_year} "
        f"(versie {published.number})"
    )
    _write_revision(profile, user, copied, Revision.Reason.CREATE, note=note)
    return profile


def previous_published(school, school_year: str) -> Revision | None:
    """The published version of the school's most recent earlier profile that has one."""
    previous = (
        Profile.objects.filter(
            school=school, school_year__lt=school_year, published_revision__isnull=False
        )
        .select_related("published_revision__profile__format_version")
        .order_by("-school_year")
        .first()
    )
    return previous.published_revision if previous else None


def _carry_over(profile: Profile, published: Revision) -> list[str]:
    """Copy last year's published content; return the keys of the answers copied."""
    if profile.is_own_model:
        old = OwnDocument.objects.filter(profile=published.profile).first()
        if old is not None:
            old.pk, old.profile = None, profile
            if profile.format_version_id != published.profile.format_version_id:
                # Checked against last year's model: the school uploads it again to be checked.
                old.fixed_texts_missing = None
            old.save(force_insert=True)
        return []
    # The model may have changed since: keep what still exists and still passes its checks.
    sop_format, school_type = profile.sop_format, profile.school.school_type
    answers = {}
    for key, value in published.answers.items():
        try:
            answers.update(clean_answers(sop_format, {key: value}, school_type))
        except AnswerError:
            continue
    profile.answers = {key: value for key, value in answers.items() if is_filled(value)}
    return sorted(profile.answers)


def _locked(profile_id: int) -> Profile:
    return (
        Profile.objects.select_for_update()
        .select_related("format_version", "school")
        .get(pk=profile_id)
    )


def answers_at(profile: Profile, version: int) -> dict:
    """The answers at `version`, to merge a save that started from it.

    A version that was folded into a later autosave (see `_fold_target`) is gone; the newest
    revision before it stands in. That base is older than what the editor saw, so fields
    the folded autosaves changed count as changed by others: a field the editor also posts
    with a different value becomes a conflict to choose on, never a silent overwrite.
    """
    if version == profile.version:
        return profile.answers
    # Not `profile.version` as the upper bound: the caller's copy may be older than the
    # database (a view reads the profile before the save it makes locks it).
    revisions = profile.revisions.order_by("-number")
    revision = revisions.filter(number__lte=version).only("number", "answers").first()
    if revision is None or (
        revision.number != version and not revisions.filter(number__gt=version).exists()
    ):
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
    edit_session: str = "",
) -> SaveResult:
    """Apply `changes` (field key → new value) made on top of `base_version`.

    API clients pass allow_merge=False: they hold no form to refresh, so any newer
    version must be fetched and looked at before writing. `edit_session` names the open
    editor page, so its own later saves are not taken for someone else's. Every save that
    changes something is a new version; an autosave that continues the page's previous
    autosave updates that revision instead of adding one (`_fold_target`).
    """
    profile = _locked(profile_id)
    if not profile.can_edit(user):
        raise PermissionDenied(_("You may not edit this profile."))
    if profile.is_own_model:
        raise PermissionDenied(OWN_MODEL_HAS_NO_FIELDS)
    if not allow_merge and base_version != profile.version:
        raise StaleVersion(profile)
    # Again under the lock: the page's own autosave may have committed since the view looked.
    base_version = profile.version_past_own_saves(base_version, edit_session)
    cleaned = clean_answers(profile.sop_format, changes, profile.school.school_type)
    merge = merge_answers(answers_at(profile, base_version), profile.answers, cleaned)
    if merge.conflicts:
        raise ProfileConflict(profile, _conflicts(profile, base_version, merge, cleaned))
    if not merge.saved:
        return SaveResult(profile, [], merge.from_others)

    folded = _fold_target(profile, user, reason, edit_session)
    profile.answers = merge.answers
    profile.version += 1
    profile.updated_by = user
    profile.save(update_fields=["answers", "version", "updated_by", "updated_at"])
    if folded is not None:
        _fold_revision(folded, profile, merge.saved)
    else:
        _write_revision(profile, user, merge.saved, reason, edit_session=edit_session)
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
        raise PermissionDenied(_("You may not edit this profile."))
    old = profile.revisions.filter(number=revision_number).values_list("answers", flat=True).first()
    if old is None:
        raise UnknownVersion(revision_number)
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


# --- own model ("eigen model") ---------------------------------------------------------------

OWN_MODEL_HAS_NO_FIELDS = gettext_lazy(
    "This profile uses an own document; there are no input fields to change."
)


def _locked_own(profile: Profile, user) -> Profile:
    profile = _locked(profile.pk)
    if not profile.can_edit(user):
        raise PermissionDenied(_("You may not edit this profile."))
    if not profile.is_own_model:
        raise ValueError(_("This profile uses the regional model, not an own document."))
    return profile


def _new_version(profile: Profile, user, note: str) -> None:
    """A change to the own document is a version too, so the route sees what was advised on."""
    profile.version += 1
    profile.updated_by = user
    profile.save(update_fields=["version", "updated_by", "updated_at"])
    _write_revision(profile, user, [], Revision.Reason.SAVE, note=note)


@transaction.atomic
def own_document_upload(*, profile: Profile, user, upload) -> OwnDocument:
    """Store the school's own SOP (PDF or .docx, checked by content) in place of the old one,
    with what its text says of the model's fixed texts and mandatory parts."""
    profile = _locked_own(profile, user)
    checked = check_document(upload)
    read = read_upload(profile.sop_format, checked)
    document, _created = OwnDocument.objects.without_content().get_or_create(profile=profile)
    document.set_file(checked)
    document.fixed_texts_missing = read["fixed_texts_missing"]
    document.suggested_locations = read["suggested_locations"]
    document.uploaded_at = timezone.now()
    document.uploaded_by = user
    document.save()
    _new_version(profile, user, f"eigen document geüpload: {checked.filename}"[:300])
    return document


@transaction.atomic
def own_document_set_locations(*, profile: Profile, user, locations: dict) -> OwnDocument:
    """Record where in the document each mandatory part is ("blz. 4", "Hoofdstuk 2")."""
    profile = _locked_own(profile, user)
    cleaned, errors = {}, {}
    for part in mandatory_parts(profile.sop_format):
        value = str(locations.get(part.key) or "").strip()
        if not value:
            errors[part.key] = _("Say where “%(part)s” is in the document.") % {"part": part.label}
        elif len(value) > LOCATION_MAX_LENGTH:
            errors[part.key] = _("Keep it short: at most %(max)s characters.") % {
                "max": LOCATION_MAX_LENGTH
            }
        cleaned[part.key] = value
    if errors:
        raise ValidationError(errors)
    document, _created = OwnDocument.objects.without_content().get_or_create(profile=profile)
    if document.locations != cleaned:
        document.locations = cleaned
        document.save(update_fields=["locations"])
        _new_version(profile, user, "vindplaatsen van de verplichte onderdelen bijgewerkt")
    return document


# --- documents beside the chapters, and the yearly evaluation ----------------------------------


@transaction.atomic
def supporting_document_add(
    *,
    owner,
    user,
    title: str,
    kind: str,
    document: CheckedFile | None = None,
    url: str = "",
    chapter_keys=(),
) -> SupportingDocument:
    """Attach a document (a checked upload or an https link) to a partnership or a school."""
    item = SupportingDocument(
        title=title.strip(),
        kind=kind,
        url="" if document else url.strip(),
        chapter_keys=list(chapter_keys) or SupportingDocument.DEFAULT_CHAPTERS.get(kind, []),
        created_by=user,
        **{owner._meta.model_name: owner},
    )
    if not item.can_manage(user):
        raise PermissionDenied(_("You may not add documents here."))
    allowed = item.SCHOOL_KINDS if item.school_id else item.PARTNERSHIP_KINDS
    if kind not in allowed:
        raise ValidationError({"kind": _("Choose a kind of document from the list.")})
    if bool(document) == bool(item.url):
        raise ValidationError(_("Add a file or give a web address, not both or neither."))
    if document:
        item.set_file(document)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def supporting_document_delete(*, document: SupportingDocument, user) -> None:
    if not document.can_manage(user):
        raise PermissionDenied(_("You may not remove this document."))
    document.delete()


@transaction.atomic
def evaluation_record(
    *,
    profile: Profile,
    user,
    evaluated_on,
    evaluated_by: str,
    what_changed: str,
    why: str,
    next_evaluation,
) -> Evaluation:
    """Record the team's evaluation of the SOP: when, by whom, what changed and why, and next."""
    if not Evaluation.may_record(profile, user):
        raise PermissionDenied(
            _("Only the head teacher or IB'er of the school records the evaluation.")
        )
    evaluation = Evaluation(
        profile=profile,
        evaluated_on=evaluated_on,
        evaluated_by=evaluated_by.strip(),
        what_changed=what_changed.strip(),
        why=why.strip(),
        next_evaluation=next_evaluation,
        created_by=user,
        created_by_name=display_name(user),
    )
    evaluation.full_clean()
    evaluation.save()
    return evaluation

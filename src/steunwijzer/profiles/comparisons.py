"""Comparing two saved versions of a profile: which versions, and what differs between them.

The web page and the API both go through `compare`, so they agree on what a version number
means and on how an unknown one is refused. `comparison_presets` is the list of ready-made
comparisons a reader is offered; later stages of the route add theirs to it.
"""

from dataclasses import dataclass

from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from steunwijzer.core.dates import date_text
from steunwijzer.core.numbers import dutch_number

from .diff import FieldDiff, diff_answers
from .models import Profile, Revision

MAX_REVISION_NUMBER = 2**31 - 1


class UnknownRevision(Exception):
    def __init__(self, number):
        super().__init__(
            _("Give two version numbers to compare.")
            if number in (None, "")
            else _("Version %(number)s does not exist for this profile.") % {"number": number}
        )
        self.number = number


@dataclass(frozen=True)
class Comparison:
    old: Revision
    new: Revision
    fields: list[FieldDiff]


def revision_label(revision: Revision) -> str:
    """How a version is named in choices: "Versie 7 — 12 november 2026 14:03 — Sandra V."."""
    when = dateformat.format(timezone.localtime(revision.created_at), "j F Y H:i")
    parts = [_("Version %(number)s") % {"number": revision.number}, when]
    if revision.author_name:
        parts.append(revision.author_name)
    return " — ".join(parts)


def previous_number(profile: Profile, number: int) -> int:
    """The version saved before `number` (0 for the first). Not always `number - 1`: autosaves
    of one editing session fold into one revision, which keeps only the newest number."""
    earlier = profile.revisions.filter(number__lt=number).values_list("number", flat=True)
    return earlier.order_by("-number").first() or 0


def comparison_presets(profile: Profile) -> list[tuple[str, int]]:
    """(label, version to compare the current version with), most useful first."""
    presets = []
    if profile.version > 0:
        presets.append(
            (_("compared with the previous version"), previous_number(profile, profile.version))
        )
    advised = (
        profile.transitions.filter(action__in=("give_advice", "give_consent"))
        .values_list("version", flat=True)
        .first()
    )
    if advised is not None and advised != profile.version:
        presets.append((_("compared with the version the MR advised on"), advised))
    for label, revision_id in (
        (_("compared with the established version"), profile.established_revision_id),
        (_("compared with the published version"), profile.published_revision_id),
    ):
        if revision_id is not None:
            number = profile.revisions.filter(pk=revision_id).values_list("number", flat=True)
            if number and number[0] != profile.version:
                presets.append((label, number[0]))
    if profile.copied_from_id is not None and profile.version > 0:
        # Version 0 of a copied profile is last year's published SOP as it was taken over.
        presets.append((_("compared with last year's published SOP"), 0))
    elif profile.version > 1:
        presets.append((_("compared with the first version"), 0))
    return presets


def compare(profile: Profile, old_number, new_number) -> Comparison:
    """The differences from version `old_number` to `new_number`; UnknownRevision if either
    is missing or not a number."""
    numbers = [_as_number(old_number), _as_number(new_number)]
    found = {r.number: r for r in profile.revisions.filter(number__in=numbers)}
    for number in numbers:
        if number not in found:
            raise UnknownRevision(number)
    old, new = found[numbers[0]], found[numbers[1]]
    fields = diff_answers(
        profile.sop_format,
        old.answers,
        new.answers,
        profile.school.school_type,
        dutch_number,
        date_text,
    )
    return Comparison(old=old, new=new, fields=fields)


def _as_number(value) -> int:
    if isinstance(value, bool):
        raise UnknownRevision(value)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise UnknownRevision(value) from None
    # Beyond what the column holds the database itself would fail; no version is that high.
    if not 0 <= number <= MAX_REVISION_NUMBER:
        raise UnknownRevision(value)
    return number

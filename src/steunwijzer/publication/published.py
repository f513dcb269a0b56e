"""One frozen version of a school's SOP with everything an export shows around its chapters.

The answers come from one revision (the published one, or for the school's editors the
established one), never from the profile's current answers, so a draft never leaks into a
download. Around them: the school, the partnership, the date the board established that
version, and the newest yearly evaluation.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from steunwijzer.instruments.diversity.summary import public_chart, public_count, public_summary
from steunwijzer.organisations.changes import content_version_of_schools
from steunwijzer.organisations.models import Partnership, School
from steunwijzer.profiles.models import OwnDocument, Profile, Revision, own_document_of
from steunwijzer.route.models import Transition

from .document import ChapterDocument, document_chapters
from .in_short import Question, in_short

# Raise when an export's layout changes, so files cached under the old layout are made again.
LAYOUT_VERSION = 3


@dataclass(frozen=True)
class EvaluationFacts:
    evaluated_on: date
    next_evaluation: date


@dataclass
class PublishedSop:
    profile: Profile
    revision: Revision
    established_on: date | None
    evaluation: EvaluationFacts | None
    chapters: list[ChapterDocument]
    # The partnership's content version, read before everything above (cache_key).
    content_version: str
    # Own-model SOPs: the school's document (without its bytes).
    own_document: OwnDocument | None = None
    # Charts (core.charts.Chart) shown at the end of a chapter, by chapter key: the
    # Verscheidenheidsindex figures of the school year, with small counts suppressed.
    charts: dict = field(default_factory=dict)
    # "In het kort": the four questions parents ask, first in every download.
    in_short: list[Question] = field(default_factory=list)
    # The number of pupils as the school's public page says it (`pupils_shown`).
    pupils: str = ""

    @property
    def school(self) -> School:
        return self.profile.school

    @property
    def partnership(self) -> Partnership:
        return self.profile.school.board.partnership

    @property
    def school_year(self) -> str:
        return self.profile.school_year

    @property
    def is_own_model(self) -> bool:
        return self.profile.is_own_model

    @property
    def title(self) -> str:
        return f"Schoolondersteuningsprofiel {self.school.name} {self.school_year}"

    def own_file(self, content_type: str) -> bytes | None:
        """An own-model SOP's uploaded file of this type, when it is the published one.

        The document is kept beside the profile, not in the revision: a file uploaded after
        this version was saved belongs to a newer draft and is not shown.
        """
        document = self.own_document
        if (
            document is None
            or document.content_type != content_type
            or document.uploaded_at is None
            or document.uploaded_at > self.revision.created_at
        ):
            return None
        return bytes(OwnDocument.objects.values_list("content", flat=True).get(pk=document.pk))

    def cache_key(self) -> str:
        """The revision plus the content version of the partnership (read before the SOP was,
        `organisations.changes`): any change to what an export shows around the revision
        (school details, the partnership's look, a newer evaluation, the figures) gives the
        partnership a new one, so a cached file is never out of date, even where ids are reused
        (a restored database)."""
        facts = [LAYOUT_VERSION, self.revision.pk, str(self.revision.created_at)]
        digest = hashlib.sha256(json.dumps([*facts, self.content_version]).encode()).hexdigest()
        return f"{self.revision.pk}-{digest[:16]}"


def _established_on(profile: Profile, revision: Revision) -> date | None:
    if profile.established_revision_id == revision.pk:
        return profile.established_on
    # A newer version has been established since: the date sits on that version's step.
    step = (
        Transition.objects.filter(profile=profile, action="establish", version=revision.number)
        .order_by("-created_at")
        .first()
    )
    if step and step.payload.get("established_on"):
        return date.fromisoformat(step.payload["established_on"])
    return None


def published_sop(
    profile: Profile, revision: Revision | None = None, *, content_version: str | None = None
) -> PublishedSop:
    """The export of `revision` (default: the published one) of this profile.

    `content_version`: of the profile's partnership, read before the profile was; read here
    when not given (then a change committed in between may be cached under the new version)."""
    if content_version is None:
        content_version = content_version_of_schools(pk=profile.school_id)
    revision = revision or profile.published_revision
    if revision is None:
        raise ValueError("Dit SOP heeft geen gepubliceerde versie.")
    school = profile.school
    evaluation = profile.evaluations.values_list("evaluated_on", "next_evaluation").first()
    figures = public_summary(school, profile.school_year)
    return PublishedSop(
        profile=profile,
        revision=revision,
        established_on=_established_on(profile, revision),
        evaluation=EvaluationFacts(*evaluation) if evaluation else None,
        chapters=[]
        if profile.is_own_model
        else document_chapters(profile.sop_format, revision.answers, school.school_type),
        content_version=content_version,
        own_document=own_document_of(profile) if profile.is_own_model else None,
        charts=_diversity_charts(profile, figures),
        in_short=[]
        if profile.is_own_model
        else in_short(profile.sop_format, revision.answers, school.school_type),
        pupils=pupils_shown(school, figures),
    )


def pupils_shown(school: School, figures) -> str:
    """One number of pupils wherever a parent reads it (the page, the PDF, the Word file): the
    Invulschema of the SOP's school year (`figures`), which the figures beside the chapters
    show too; the school's own count only where there is none, and nothing where that is 0
    (unknown: DUO's file has no pupil numbers)."""
    if figures:
        return public_count(figures.pupils)
    return str(school.pupil_count) if school.pupil_count else ""


def _diversity_charts(profile: Profile, figures) -> dict:
    """The school-level Verscheidenheidsindex figures, beside the chapter on extra support."""
    chapter = next((c for c in profile.chapters if c.mandatory_part == "extra_ondersteuning"), None)
    if chapter is None or figures is None:
        return {}
    return {chapter.key: [public_chart(figures, profile.school_year)]}

"""Running the SOP-check on a stored profile: gathers the partnership's lists and the other
schools' published texts, then runs the pure checks.

Checking stores nothing: a profile's summary (`CheckSummary`) is written when the profile is
saved (`summary_store`, from the receiver in quality_check/receivers.py), so showing a page
never writes.
"""

import hashlib
import json
import threading
from collections import OrderedDict
from functools import lru_cache

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from steunwijzer.core.school_year import school_year_of
from steunwijzer.organisations.changes import content_version
from steunwijzer.profiles.models import Profile, own_document_of
from steunwijzer.profiles.richtext import markup_to_lines, markup_to_plain
from steunwijzer.profiles.school_figures import counted_figures
from steunwijzer.regional_model.format_dict import format_from_dict
from steunwijzer.regional_model.models import FormatVersion

from .checks import KEPT_TEXTS, CheckInput, run_checks
from .distinctive import ChapterText, Corpus, chapter_text, compact, example_text, shingles
from .findings import BLOCK, CheckReport, Finding
from .models import CheckSettings, CheckSummary
from .presenters import present

# How many regions (partnership and model version) keep their corpus in the process.
KEPT_REGIONS = 16

# The plain text of a long answer, one line per paragraph or list item (a line ends a
# sentence), by its markup: an autosave changes one field, the others' texts are found here
# (checks.py keeps their analyses the same way).
_plain = lru_cache(maxsize=KEPT_TEXTS)(markup_to_lines)


class _Region:
    """A region's corpus as built for one content version of the partnership, and the shingled
    chapters it was built from, by model and answers (the next version's corpus shingles only
    what was published since)."""

    def __init__(self, version: str, corpus: Corpus, chapters: dict):
        self.version = version
        self.corpus = corpus
        self.chapters = chapters


# Kept in the process, not in Django's cache: unpickling a region's corpus on every autosave
# would cost more than the check itself. Keyed on the partnership's content version, so a
# school published a moment ago is compared with at once.
_regions: OrderedDict = OrderedDict()
_regions_lock = threading.Lock()


def _corpus(partnership_id: int, format_version_id: int) -> Corpus:
    """The partnership's published chapters and the model's example texts."""
    version = content_version([partnership_id])  # before the texts it names
    key = (partnership_id, format_version_id)
    with _regions_lock:
        region = _regions.get(key)
    if region is not None and region.version == version:
        return region.corpus
    region = _build_region(
        partnership_id, format_version_id, version, region.chapters if region else {}
    )
    with _regions_lock:
        _regions[key] = region
        _regions.move_to_end(key)
        while len(_regions) > KEPT_REGIONS:
            _regions.popitem(last=False)
    return region.corpus


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _build_region(partnership_id, format_version_id, version, known: dict) -> _Region:
    """The corpus, shingling only the chapters `known` lacks. Those are found by the stored
    text of the model and of the answers, not by ids or dates: a database that went back (a
    restore, a test) may give the same ids and moments to other texts."""
    published = list(
        Profile.objects.filter(
            school__board__partnership_id=partnership_id, published_revision__isnull=False
        )
        .annotate(text=Cast("published_revision__answers", TextField()))
        .values_list("school_id", "school__name", "format_version_id", "text")
    )
    models = dict(
        FormatVersion.objects.filter(pk__in={format_version_id} | {row[2] for row in published})
        .annotate(text=Cast("definition", TextField()))
        .values_list("pk", "text")
    )
    model_digests = {pk: _digest(text) for pk, text in models.items()}
    parsed = {}

    def model(pk):
        if pk not in parsed:
            parsed[pk] = format_from_dict(json.loads(models[pk]))
        return parsed[pk]

    chapters, texts = {}, []
    for school_id, name, format_id, answers_text in published:
        found = (model_digests[format_id], _digest(answers_text))
        if found not in chapters:
            chapters[found] = known.get(found)
        if chapters[found] is None:
            fmt, answers = model(format_id), json.loads(answers_text)
            chapters[found] = [
                (chapter.key, compact(shingles(text)))
                for chapter in fmt.chapters
                if (text := chapter_text(fmt, chapter, answers, markup_to_plain))
            ]
        texts += [ChapterText(school_id, name, key, sets) for key, sets in chapters[found]]
    examples = {c.key: shingles(example_text(c)) for c in model(format_version_id).chapters}
    return _Region(version, Corpus(texts, examples), chapters)


def check_profile(profile: Profile) -> CheckReport:
    """The findings for this profile; kept on the instance for this version, so a page that
    asks twice (the route page's guard and its summary) checks once."""
    key = (profile.version, profile.format_version_id)
    kept = getattr(profile, "_check_report", None)
    if kept is not None and kept[0] == key:
        return kept[1]
    [(_, report)] = check_profiles([profile])
    profile._check_report = (key, report)
    return report


def check_profiles(profiles) -> list[tuple[Profile, CheckReport]]:
    """Check many profiles, reading each region's lists and corpus once. Stores nothing."""
    lists, corpora = {}, {}
    results = []
    for profile in profiles:
        partnership = profile.school.board.partnership
        if partnership.pk not in lists:
            lists[partnership.pk] = CheckSettings.lists_for(partnership)
        phrases, jargon = lists[partnership.pk]
        region = (partnership.pk, profile.format_version_id)
        if region not in corpora and not profile.is_own_model:
            corpora[region] = _corpus(*region)
        results.append((profile, _check(profile, phrases, jargon, corpora.get(region))))
    return results


def summary_store(profile: Profile) -> CheckReport:
    """Check the profile as it was just saved and store its summary, for the overviews; the
    report stays on the instance, so the page that answers the save does not check again."""
    [(_, report)] = check_profiles([profile])
    CheckSummary.store([(profile, report)])
    profile._check_report = ((profile.version, profile.format_version_id), report)
    return report


def _check(profile: Profile, phrases, jargon, corpus: Corpus | None) -> CheckReport:
    """The findings, worded in the active language (presenters.py)."""
    if profile.is_own_model:
        # The school's own document is its own to write: its parts must be located, and the
        # model's fixed texts must be in it (read from the file when it was uploaded).
        document = own_document_of(profile)
        return present(
            CheckReport(
                [
                    Finding("complete", "own_part_missing", BLOCK, params=(("part", part.label),))
                    for _, part in profile.missing_required()
                ]
                + _fixed_text_findings(document)
            )
        )
    counted = counted_figures(profile.school, profile.school_year)
    report = run_checks(
        CheckInput(
            sop_format=profile.sop_format,
            answers=profile.answers,
            school_type=profile.school.school_type,
            vague_phrases=phrases,
            jargon=jargon,
            to_plain=_plain,
            corpus=corpus,
            school_id=profile.school_id,
            pupil_count=profile.school.pupil_count,
            counted_groups=counted.groups if counted else None,
            # The school data's count is today's: held against this year's Invulschema only.
            counted_pupils=counted.pupils
            if counted and profile.school_year == school_year_of(timezone.localdate())
            else None,
            established_on=profile.established_on,
        )
    )
    return present(report)


def _fixed_text_findings(document) -> list[Finding]:
    """The model's fixed texts the own document lacks, as read when it was uploaded."""
    if document is None or not document.has_file:
        return []
    if document.fixed_texts_missing is None:  # not checked against this model
        return [Finding("complete", "own_document_unread", BLOCK)]
    return [
        Finding(
            "complete",
            "own_fixed_text_missing",
            BLOCK,
            params=(("part", missing["label"]), ("quote", missing["quote"])),
        )
        for missing in document.fixed_texts_missing
    ]


def without_current_summary(profiles) -> list[int]:
    """The pks of these profiles that have no stored summary for their current version."""
    current = {
        (pk, version, format_version)
        for pk, version, format_version in CheckSummary.objects.filter(
            profile__in=profiles
        ).values_list("profile_id", "version", "format_version_id")
    }
    return [
        pk
        for pk, version, format_version in profiles.values_list(
            "pk", "version", "format_version_id"
        )
        if (pk, version, format_version) not in current
    ]


def summaries_refresh(*, profiles, batch: int = 200) -> int:
    """Check the given profiles and store their summaries, a batch at a time; returns how many."""
    pks = list(profiles.values_list("pk", flat=True))
    for start in range(0, len(pks), batch):
        CheckSummary.store(
            check_profiles(
                Profile.objects.filter(pk__in=pks[start : start + batch])
                .select_related("school__board__partnership", "format_version")
                .order_by("pk")
            )
        )
    return len(pks)

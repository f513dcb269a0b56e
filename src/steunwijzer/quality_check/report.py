"""Running the SOP-check on a stored profile: gathers the partnership's lists and the other
schools' published texts, then runs the pure checks."""

from functools import lru_cache

from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.richtext import html_to_plain
from steunwijzer.regional_model.models import FormatVersion

from .checks import CheckInput, run_checks
from .distinctive import ChapterText, Corpus, chapter_text, example_text, shingles
from .findings import BLOCK, CheckReport, Finding
from .models import CheckSettings


def _corpus(profile: Profile) -> Corpus:
    """Published chapter texts of the partnership's schools; rebuilt when one is published."""
    partnership_id = profile.school.board.partnership_id
    newest = (
        Profile.objects.filter(
            school__board__partnership_id=partnership_id, published_revision__isnull=False
        )
        .order_by("-published_revision_id")
        .values_list("published_revision_id", flat=True)
        .first()
    )
    return _build_corpus(partnership_id, newest, profile.format_version_id)


# Kept in the process, not in Django's cache: unpickling a region's corpus on every autosave
# would cost more than the check itself. The key changes whenever a new version is published.
@lru_cache(maxsize=16)
def _build_corpus(partnership_id: int, newest_published: int | None, format_version_id: int):
    published = Profile.objects.filter(
        school__board__partnership_id=partnership_id, published_revision__isnull=False
    ).select_related("published_revision", "school", "format_version")
    texts = []
    for other in published:
        fmt = other.sop_format
        for chapter in fmt.chapters:
            text = chapter_text(fmt, chapter, other.published_revision.answers, html_to_plain)
            if text:
                texts.append(
                    ChapterText(other.school_id, other.school.name, chapter.key, shingles(text))
                )
    chapters = FormatVersion.objects.get(pk=format_version_id).format.chapters
    return Corpus(texts, {c.key: shingles(example_text(c)) for c in chapters})


def check_profile(profile: Profile, answers: dict | None = None) -> CheckReport:
    """The findings for this profile (or for `answers`, e.g. an older version of it)."""
    if profile.is_own_model:
        # The school's own document is not ours to read: only its four parts must be located.
        return CheckReport(
            [
                Finding("complete", "own_part_missing", BLOCK, f"{part.label} ontbreekt nog.")
                for _, part in profile.missing_required()
            ]
        )
    phrases, jargon = CheckSettings.lists_for(profile.school.board.partnership)
    return run_checks(
        CheckInput(
            sop_format=profile.sop_format,
            answers=profile.answers if answers is None else answers,
            school_type=profile.school.school_type,
            vague_phrases=phrases,
            jargon=jargon,
            to_plain=html_to_plain,
            corpus=_corpus(profile),
            school_id=profile.school_id,
        )
    )

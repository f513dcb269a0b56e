"""Running the SOP-check on a stored profile: gathers the partnership's lists and the other
schools' published texts, then runs the pure checks."""

from functools import lru_cache

from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.richtext import html_to_plain
from steunwijzer.regional_model.models import FormatVersion

from .checks import CheckInput, run_checks
from .distinctive import ChapterText, Corpus, chapter_text, example_text, shingles
from .findings import BLOCK, CheckReport, Finding
from .models import CheckSettings, CheckSummary


def _newest_published(partnership_id: int) -> int | None:
    """The newest published revision of the region: the corpus is rebuilt when it changes."""
    return (
        Profile.objects.filter(
            school__board__partnership_id=partnership_id, published_revision__isnull=False
        )
        .order_by("-published_revision_id")
        .values_list("published_revision_id", flat=True)
        .first()
    )


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


def check_profile(profile: Profile) -> CheckReport:
    """The findings for this profile."""
    [(_, report)] = check_profiles([profile])
    return report


def check_profiles(profiles) -> list[tuple[Profile, CheckReport]]:
    """Check many profiles, reading each region's lists and corpus once.

    Their summaries are stored on the way (one query), so the overviews can show the counts
    without running the check again until the profile changes.
    """
    regions = {}
    results = []
    for profile in profiles:
        partnership = profile.school.board.partnership
        if partnership.pk not in regions:
            regions[partnership.pk] = (
                CheckSettings.lists_for(partnership),
                _newest_published(partnership.pk),
            )
        (phrases, jargon), newest = regions[partnership.pk]
        results.append((profile, _check(profile, phrases, jargon, newest)))
    CheckSummary.store(results)
    return results


def _check(profile: Profile, phrases, jargon, newest_published) -> CheckReport:
    if profile.is_own_model:
        # The school's own document is not ours to read: only its four parts must be located.
        return CheckReport(
            [
                Finding("complete", "own_part_missing", BLOCK, f"{part.label} ontbreekt nog.")
                for _, part in profile.missing_required()
            ]
        )
    return run_checks(
        CheckInput(
            sop_format=profile.sop_format,
            answers=profile.answers,
            school_type=profile.school.school_type,
            vague_phrases=phrases,
            jargon=jargon,
            to_plain=html_to_plain,
            corpus=_build_corpus(
                profile.school.board.partnership_id, newest_published, profile.format_version_id
            ),
            school_id=profile.school_id,
        )
    )


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
        check_profiles(
            Profile.objects.filter(pk__in=pks[start : start + batch])
            .select_related("school__board__partnership", "format_version")
            .order_by("pk")
        )
    return len(pks)

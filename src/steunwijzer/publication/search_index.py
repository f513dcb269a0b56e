"""Writing the finder's search index (`FinderEntry`) from published SOPs.

`index_school` runs inside the publish step's transaction (and the save of a school): if it
fails, the step fails and nothing is half-written. `rebuild_index` rewrites every row in one
transaction.
"""

import re

from django.db import connection, transaction

from steunwijzer.organisations.changes import everything_changed
from steunwijzer.organisations.models import School
from steunwijzer.profiles.answers import is_filled
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.richtext import markup_to_plain

from .models import FinderEntry, FinderText, FinderWord

TEXT_TYPES = ("short_text", "long_text")
WORD = re.compile(r"\w{2,}")
WORD_MAX = FinderWord._meta.get_field("word").max_length


def words_of(text: str) -> list[str]:
    """The distinct lowercased words of a text (two letters or more), as the finder stores
    and searches them."""
    return sorted({w[:WORD_MAX] for w in WORD.findall(text.lower())})


def _entry_words(entry: FinderEntry, texts: list) -> list[FinderWord]:
    text = " ".join([entry.name, entry.city] + [t for _, t in texts])
    return [FinderWord(entry=entry, word=w) for w in words_of(text)]


def offer_choices(sop_format) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The model's checklists as finder filters: (field key, heading for parents, [(key,
    label)]); the heading is the field's `finder_label`, else its label."""
    return [
        (f.key, f.finder_label or f.label, [(f"{f.key}.{c.key}", c.label) for c in f.choices])
        for chapter in sop_format.chapters
        for f in chapter.fields
        if f.type == "checklist"
    ]


def offer_keys(sop_format, answers: dict, school_type: str) -> list[str]:
    keys = []
    for chapter in sop_format.chapters:
        for f in chapter.fields:
            value = answers.get(f.key)
            if f.type == "checklist" and f.applies_to(school_type) and isinstance(value, list):
                keys += [f"{f.key}.{choice}" for choice in value]
    return keys


def answer_texts(sop_format, answers: dict, school_type: str) -> list[list[str]]:
    """[label, plain text] of every filled text answer, in the model's order."""
    texts = []
    for chapter in sop_format.chapters:
        if not chapter.applies_to(school_type):
            continue
        for f in chapter.fields:
            value = answers.get(f.key)
            if f.type not in TEXT_TYPES or not f.applies_to(school_type) or not is_filled(value):
                continue
            plain = markup_to_plain(value) if f.type == "long_text" else str(value).strip()
            texts.append([f.label, " ".join(plain.split())])
    return texts


def entry_values(profile: Profile) -> tuple[dict, list]:
    """The index row of a published profile (its published revision, never the draft), and
    its texts."""
    school = profile.school
    revision = profile.published_revision
    sop_format = profile.sop_format
    texts = answer_texts(sop_format, revision.answers, school.school_type)
    keys = offer_keys(sop_format, revision.answers, school.school_type)
    return {
        "profile": profile,
        "revision": revision,
        "partnership_id": school.board.partnership_id,
        "school_year": profile.school_year,
        "brin_code": school.brin_code,
        "name": school.name,
        "city": school.city,
        "municipality": school.municipality,
        "district": school.district,
        "denomination": school.denomination,
        "school_type": school.school_type,
        "offers": f" {' '.join(keys)} " if keys else "",
        "established_on": profile.established_on,
        "latitude": school.latitude,
        "longitude": school.longitude,
    }, texts


def _newest_published(school: School) -> Profile | None:
    return (
        Profile.objects.filter(school=school, published_revision__isnull=False)
        .select_related("published_revision", "format_version", "school__board")
        .order_by("-school_year")
        .first()
    )


def index_school(school: School) -> FinderEntry | None:
    """Make the school's row match its newest published SOP (or remove it: none published)."""
    profile = _newest_published(school)
    if profile is None:
        FinderEntry.objects.filter(school=school).delete()
        return None
    values, texts = entry_values(profile)
    entry, _ = FinderEntry.objects.update_or_create(school=school, defaults=values)
    FinderText.objects.update_or_create(entry=entry, defaults={"texts": texts})
    entry.words.all().delete()
    FinderWord.objects.bulk_create(_entry_words(entry, texts), batch_size=1000)
    return entry


@transaction.atomic
def rebuild_index() -> int:
    """Rewrite the whole index from the published SOPs; returns the number of rows. Every
    partnership gets a new content version: the index may have been out of step."""
    everything_changed()
    FinderEntry.objects.all().delete()
    profiles = (
        Profile.objects.filter(published_revision__isnull=False)
        .select_related("published_revision", "format_version", "school__board")
        .order_by("school_id", "-school_year")
    )
    newest, formats = {}, {}
    for profile in profiles.iterator(chunk_size=500):
        # One parsed model per model version, not one per profile.
        profile.format_version = formats.setdefault(
            profile.format_version_id, profile.format_version
        )
        newest.setdefault(profile.school_id, profile)
    made = [(p.school, *entry_values(p)) for p in newest.values()]
    rows = FinderEntry.objects.bulk_create(
        [FinderEntry(school=school, **values) for school, values, _ in made], batch_size=500
    )
    texts = [texts for _, _, texts in made]
    FinderText.objects.bulk_create(
        [FinderText(entry=e, texts=t) for e, t in zip(rows, texts, strict=True)], batch_size=500
    )
    for start in range(0, len(rows), 200):
        chunk = zip(rows[start : start + 200], texts[start : start + 200], strict=True)
        words = [w for entry, t in chunk for w in _entry_words(entry, t)]
        FinderWord.objects.bulk_create(words, batch_size=2000)
    # Fresh statistics, or the query planner guesses from the empty tables and scans the
    # words once per school (seconds instead of milliseconds on PostgreSQL).
    with connection.cursor() as cursor:
        for model in (FinderEntry, FinderWord):
            cursor.execute(f"ANALYZE {model._meta.db_table}")
    return len(rows)

"""The SOP-check itself: complete, concrete, readable, concise and distinctive.

Each finding is a code with its values; `presenters.py` makes the sentence a user reads.

Pure Python over the model and the answers, so the editor, the route, the API and the
benchmarks all run the very same checks. `report.py` gathers the inputs from the database.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from steunwijzer.regional_model.sop_format import SopFormat

from .distinctive import Corpus, shingles
from .findings import BLOCK, WARN, CheckReport, Finding
from .readability import analyse, is_b1
from .text import words as split_words
from .wording import jargon_in, vague_phrases_in

# Fields of the model that state the school's limits; the seed asks these to be concrete and
# to relate to group size, group composition and staff. Models without them skip these checks.
LIMIT_FIELDS = ("grenzen_niet_bieden", "grens_bereikt")
LIMIT_CONTEXT_FIELDS = (
    *LIMIT_FIELDS,
    "groepsgrootte_en_samenstelling",
    "deskundigheid_en_beschikbaarheid",
)
EVALUATION_FIELDS = ("evaluatie_laatste", "evaluatie_volgende")
# The school's own numbers of groups and their average size, held against its pupil count.
GROUP_FIELDS = ("aantal_groepen", "gemiddelde_groepsgrootte")
MIN_LIMIT_WORDS = 25
LIMIT_ASPECTS = {
    "groepsgrootte": (
        "groepsgrootte",
        "groepen van",
        "leerlingen in de groep",
        "per groep",
        "grote groep",
        "leerlingen per",
        "in een groep",
    ),
    "groepssamenstelling": (
        "samenstelling",
        "combinatiegroep",
        "andere leerlingen",
        "leerlingen met",
        "zorgzwaarte",
        "in de groep zitten",
    ),
    "personeel": (
        "leerkracht",
        "personeel",
        "formatie",
        "onderwijsassistent",
        "expertise",
        "deskundig",
        "intern begeleider",
        "uren",
        "handen",
    ),
}
# Similar to this many other schools' texts (or more) makes a chapter look like a copy.
COPY_MIN_SCHOOLS = 3


# Re-checking only what changed: each autosave checks the whole SOP again, but it changed one
# field, so every other text's analysis is found here by the text itself (an analysis depends
# on nothing else). Per process and bounded: a few thousand texts are a few MB.
KEPT_TEXTS = 4096


@lru_cache(maxsize=KEPT_TEXTS)
def _analysed(text: str):
    return analyse(text)


@lru_cache(maxsize=KEPT_TEXTS)
def _shingled(text: str) -> frozenset[int]:
    return shingles(text)


@lru_cache(maxsize=KEPT_TEXTS)
def _vague(text: str, phrases: tuple[str, ...]) -> list[tuple[str, str]]:
    return vague_phrases_in(text, phrases)


@lru_cache(maxsize=KEPT_TEXTS)
def _jargon(text: str, jargon: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return jargon_in(text, dict(jargon))


def _asked_text(field) -> str:
    """The words in which the model asks for a field: its label and its help."""
    return "\n".join(part for part in (field.label, field.help) if part)


# The model's fields, not its texts in general: one cache entry per field's question.
@lru_cache(maxsize=256)
def _asked_terms(text: str, jargon: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(term for term, _ in jargon_in(text, dict(jargon)))


def jargon_for(field, jargon: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The partnership's jargon list without the terms the model uses in asking for this
    field. Its help says "Meestal is dit de intern begeleider (IB'er). Noem de naam en de
    functie": the answer to that question may name the intern begeleider. Nowhere else does
    the model's use make a term plain: its fixed texts are not the school's to write, its
    examples illustrate, and a parent reads the school's answers without the model's help."""
    asked = _asked_terms(_asked_text(field), jargon)
    return tuple((term, plain) for term, plain in jargon if term not in asked)


@dataclass(frozen=True)
class CheckInput:
    sop_format: SopFormat
    answers: dict
    school_type: str
    vague_phrases: tuple[str, ...]
    jargon: dict[str, str]
    to_plain: Callable[[str], str]
    corpus: Corpus | None = None
    school_id: int | None = None
    # The school's number of pupils in its school data (kept in step with the Invulschema).
    pupil_count: int | None = None
    # The groups with pupils and the pupils in the school's Invulschema of the SOP's school
    # year (None without one): the same figures as the school's public page shows.
    counted_groups: int | None = None
    counted_pupils: int | None = None
    # The day the SOP was established (None before that): its next evaluation comes later.
    established_on: date | None = None


def run_checks(data: CheckInput) -> CheckReport:
    report = CheckReport(readability=section_readability(data))
    for check in (_complete, _figures, _concrete, _concise, _distinctive):
        report.findings.extend(check(data))
    report.findings.extend(_readable(data, report.readability))
    return report


def section_readability(data: CheckInput) -> dict:
    """Per chapter, the readability of each section that has text (shown in the editor)."""
    result = {}
    for chapter in _chapters(data):
        for section in chapter.sections:
            texts = [_text(data, f) for f in section.fields if f.applies_to(data.school_type)]
            joined = " ".join(t for t in texts if t)
            if joined:
                result.setdefault(chapter.key, []).append((section.title, _analysed(joined)))
    return result


def _chapters(data: CheckInput):
    return [c for c in data.sop_format.chapters if c.applies_to(data.school_type)]


def _fields(data: CheckInput, chapter):
    return [f for f in chapter.fields if f.applies_to(data.school_type)]


def _filled(value) -> bool:
    return value not in (None, "", [], {})


def _text(data: CheckInput, field) -> str:
    value = data.answers.get(field.key)
    if not value or field.type not in ("long_text", "short_text"):
        return ""
    return data.to_plain(value) if field.type == "long_text" else value


def _complete(data: CheckInput) -> list[Finding]:
    found = []
    for chapter in _chapters(data):
        fields = _fields(data, chapter)
        if (
            chapter.mandatory_part in data.sop_format.mandatory_parts
            and fields
            and not any(_filled(data.answers.get(f.key)) for f in fields)
        ):
            found.append(
                Finding(
                    "complete",
                    "mandatory_part_missing",
                    BLOCK,
                    chapter.key,
                    params=(("part", data.sop_format.part_label(chapter.mandatory_part)),),
                )
            )
            continue
        for f in fields:
            if f.required and not _filled(data.answers.get(f.key)):
                found.append(
                    Finding(
                        "complete",
                        "required_empty",
                        BLOCK,
                        chapter.key,
                        f.key,
                        params=(("field", f.label),),
                    )
                )
    last, following = (data.answers.get(k) for k in EVALUATION_FIELDS)
    if last and following and date.fromisoformat(following) <= date.fromisoformat(last):
        chapter = data.sop_format.chapter_of(EVALUATION_FIELDS[1])
        found.append(
            Finding(
                "complete",
                "evaluation_order",
                BLOCK,
                chapter.key,
                EVALUATION_FIELDS[1],
            )
        )
    if following and data.established_on and date.fromisoformat(following) < data.established_on:
        found.append(
            Finding(
                "complete",
                "evaluation_before_establishment",
                WARN,
                data.sop_format.chapter_of(EVALUATION_FIELDS[1]).key,
                EVALUATION_FIELDS[1],
                params=(
                    ("next", date.fromisoformat(following)),
                    ("established", data.established_on),
                ),
            )
        )
    return found


def _whole_number(value) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _figures(data: CheckInput) -> list[Finding]:
    return _product(data) + _counted(data)


def _counted(data: CheckInput) -> list[Finding]:
    """The SOP's number of groups and the school data's pupils are those of the Invulschema
    of the SOP's school year, where the school has one."""
    found = []
    if data.sop_format.field(GROUP_FIELDS[0]) is None:
        chapter, groups = None, None
    else:
        chapter = data.sop_format.chapter_of(GROUP_FIELDS[0]).key
        groups = _whole_number(data.answers.get(GROUP_FIELDS[0]))
    if data.counted_groups and groups and groups != data.counted_groups:
        found.append(
            Finding(
                "complete",
                "groups_differ_from_invulschema",
                WARN,
                chapter,
                GROUP_FIELDS[0],
                params=(("groups", groups), ("counted", data.counted_groups)),
            )
        )
    if data.counted_pupils and data.pupil_count and data.pupil_count != data.counted_pupils:
        found.append(
            Finding(
                "complete",
                "pupils_differ_from_invulschema",
                WARN,
                chapter,
                params=(("pupils", data.pupil_count), ("counted", data.counted_pupils)),
            )
        )
    return found


def _product(data: CheckInput) -> list[Finding]:
    """The school's own numbers agree with its school data: its groups times their average
    size make about its number of pupils. The average is rounded to whole pupils, so the
    product may be half a pupil per group off."""
    if not data.pupil_count or any(data.sop_format.field(k) is None for k in GROUP_FIELDS):
        return []
    groups, average = (_whole_number(data.answers.get(k)) for k in GROUP_FIELDS)
    if not groups or not average or abs(groups * average - data.pupil_count) <= groups / 2:
        return []
    return [
        Finding(
            "complete",
            "figures_disagree",
            WARN,
            data.sop_format.chapter_of(GROUP_FIELDS[1]).key,
            GROUP_FIELDS[1],
            params=(
                ("groups", groups),
                ("average", average),
                ("product", groups * average),
                ("pupils", data.pupil_count),
            ),
        )
    ]


def _concrete(data: CheckInput) -> list[Finding]:
    found = []
    for chapter in _chapters(data):
        for f in _fields(data, chapter):
            for phrase, sentence in _vague(_text(data, f), tuple(data.vague_phrases)):
                found.append(
                    Finding(
                        "concrete",
                        "vague_phrase",
                        WARN,
                        chapter.key,
                        f.key,
                        excerpt=sentence,
                        params=(("phrase", phrase),),
                    )
                )
    found.extend(_limits(data))
    return found


def _limits(data: CheckInput) -> list[Finding]:
    present = [k for k in LIMIT_FIELDS if data.sop_format.field(k)]
    if not present:
        return []
    chapter = data.sop_format.chapter_of(present[0])
    limit_text = " ".join(_text(data, data.sop_format.field(k)) for k in present)
    found = []
    if limit_text and len(limit_text.split()) < MIN_LIMIT_WORDS:
        found.append(
            Finding(
                "concrete",
                "limits_generic",
                BLOCK,
                chapter.key,
                present[0],
                params=(("words", MIN_LIMIT_WORDS),),
            )
        )
    context = " ".join(
        _text(data, data.sop_format.field(k))
        for k in LIMIT_CONTEXT_FIELDS
        if data.sop_format.field(k)
    ).lower()
    if limit_text:
        for aspect, words in LIMIT_ASPECTS.items():
            if not any(w in context for w in words):
                found.append(
                    Finding(
                        "concrete",
                        f"limits_without_{aspect}",
                        WARN,
                        chapter.key,
                        present[0],
                    )
                )
    return found


def _readable(data: CheckInput, sections: dict) -> list[Finding]:
    """B1 per section (as the issue asks); sentences and terms beside the field they are in."""
    found, terms_seen = [], set()
    jargon = tuple(data.jargon.items())
    for chapter in _chapters(data):
        for title, stats in sections.get(chapter.key, []):
            if stats.word_count >= 30 and not is_b1(stats):
                found.append(
                    Finding(
                        "readable",
                        "not_b1",
                        WARN,
                        chapter.key,
                        params=(
                            ("title", title),
                            ("score", f"{stats.flesch_douma:g}"),
                            ("words", f"{stats.average_sentence_length:g}"),
                            ("share", round(stats.share_long_sentences * 100)),
                        ),
                    )
                )
        for f in _fields(data, chapter):
            text = _text(data, f)
            if text:
                found.extend(
                    _readable_field(jargon_for(f, jargon), chapter.key, f.key, text, terms_seen)
                )
    return found


# Sentences this long are flagged one by one; 15+ words already count in the section's share.
VERY_LONG_SENTENCE = 25


def very_long_sentences(stats) -> list[str]:
    """The sentences of more than ``VERY_LONG_SENTENCE`` words, in text order."""
    return [s for s in stats.long_sentences if len(split_words(s)) > VERY_LONG_SENTENCE]


def _readable_field(jargon, chapter_key, key, text, terms_seen: set) -> list[Finding]:
    stats = _analysed(text)
    found = [
        Finding(
            "readable",
            "long_sentence",
            WARN,
            chapter_key,
            key,
            excerpt=sentence,
            params=(("words", VERY_LONG_SENTENCE),),
        )
        for sentence in very_long_sentences(stats)
    ][:2]
    found += [
        Finding(
            "readable",
            "passive",
            WARN,
            chapter_key,
            key,
            excerpt=sentence,
        )
        for sentence in stats.passive_sentences[:2]
    ]
    # A term is explained once per SOP, where it is first used (outside the question asking it).
    for term, plain in _jargon(text, jargon):
        if term not in terms_seen:
            terms_seen.add(term)
            found.append(
                Finding(
                    "readable",
                    "jargon",
                    WARN,
                    chapter_key,
                    key,
                    excerpt=term,
                    suggestion=plain,
                    params=(("term", term),),
                )
            )
    return found


def _concise(data: CheckInput) -> list[Finding]:
    found = []
    for chapter in _chapters(data):
        if not chapter.word_budget:
            continue
        count = sum(len(_text(data, f).split()) for f in _fields(data, chapter))
        if count > chapter.word_budget:
            found.append(
                Finding(
                    "concise",
                    "over_budget",
                    WARN,
                    chapter.key,
                    params=(("count", count), ("budget", chapter.word_budget)),
                )
            )
    return found


def _distinctive(data: CheckInput) -> list[Finding]:
    if data.corpus is None:
        return []
    found = []
    for chapter in _chapters(data):
        text = " ".join(t for t in (_text(data, f) for f in _fields(data, chapter)) if t)
        if len(text.split()) < 20:
            continue
        result = data.corpus.compare(chapter.key, _shingled(text), exclude_school_id=data.school_id)
        if result.matches >= COPY_MIN_SCHOOLS:
            found.append(
                Finding(
                    "distinctive",
                    "like_other_schools",
                    WARN,
                    chapter.key,
                    params=(("percent", result.match_percent), ("count", result.matches)),
                )
            )
        if result.example_similarity >= result.threshold:
            found.append(
                Finding(
                    "distinctive",
                    "like_example",
                    WARN,
                    chapter.key,
                    params=(("percent", round(result.example_similarity * 100)),),
                )
            )
    return found

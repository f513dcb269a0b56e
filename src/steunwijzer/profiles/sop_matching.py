"""Which part of an old SOP belongs in which long-text field of the model, and why.

Pure Python, no Django. The score is meant to be explained to the school in one sentence:
a part's heading is compared with the field's label, its section's title and its chapter's
title; the best of the three counts (a field's own label a little more than its chapter's).
Two headings are alike by the share of words they have in common once Dutch stop words and
numbering are left out, or by difflib's ratio of the two texts when that is higher (it
catches "Ondersteuningsmogelijkheden" against "Ondersteunings­mogelijkheden van de school").
Each part goes to at most one field and each field gets at most one part, best pairs first.

Paragraphs that are one of the model's fixed texts (compared ignoring case, spaces and the
markup's stars and bullets) are left out: a school cannot write those, the model shows them.
"""

import difflib
import re
from dataclasses import dataclass, field

from steunwijzer.regional_model.sop_format import Chapter, Field, FixedText, SopFormat

from .word_sop import Part

# Below this a heading is not taken as like a label: "Onze school" is not "Onze visie".
THRESHOLD = 0.5
# How much a likeness counts by what it was found in: the field's label is the most precise.
WEIGHTS = {"field": 1.0, "section": 0.95, "chapter": 0.9}
# A paragraph this short is too common to call a fixed text ("Zorgplicht", "Inleiding").
FIXED_MIN_CHARS = 40

# fmt: off
STOP_WORDS = frozenset((
    "de", "het", "een", "en", "of", "van", "voor", "in", "op", "aan", "met", "bij", "om",
    "tot", "uit", "door", "over", "naar", "als", "dat", "die", "dit", "deze", "wat", "wie",
    "wij", "we", "onze", "ons", "ook", "te", "is", "zijn", "wordt", "worden", "er", "hoe",
    "welke", "waar", "hoofdstuk", "paragraaf",
))
# fmt: on
_WORD = re.compile(r"[a-zà-ÿ0-9]+")
_NUMBERING = re.compile(r"^\s*(?:hoofdstuk\s+)?\d+(?:\.\d+)*\.?\s*", re.IGNORECASE)
_MARKUP = re.compile(r"[*_#>]|^\s*-\s+", re.MULTILINE)


def tokens(text: str) -> set[str]:
    words = _WORD.findall(_NUMBERING.sub("", text).lower())
    return {w for w in words if w not in STOP_WORDS}


def likeness(heading: str, label: str) -> float:
    """0…1: how alike a heading and a label are."""
    a, b = tokens(heading), tokens(label)
    overlap = len(a & b) / len(a | b) if a and b else 0.0
    # In a fixed order: difflib's ratio can differ by which text comes first.
    first, second = sorted((" ".join(sorted(a)), " ".join(sorted(b))))
    ratio = difflib.SequenceMatcher(None, first, second).ratio()
    return max(overlap, ratio if a and b else 0.0)


def plain(text: str) -> str:
    """A text for comparing with fixed texts: no markup, no case, single spaces."""
    return " ".join(_MARKUP.sub(" ", text).lower().split())


@dataclass
class Suggestion:
    field_key: str
    part: int  # index into the parts
    score: float
    found_in: str  # "field", "section" or "chapter"
    label: str  # the label or title the heading was alike to
    text: str  # the part's paragraphs as the field's markup
    max_length: int
    too_long: bool


@dataclass
class FixedTextFound:
    key: str
    title: str
    part: int
    paragraphs: int


@dataclass
class Matching:
    parts: list[Part]
    suggestions: list[Suggestion] = field(default_factory=list)
    fixed_texts: list[FixedTextFound] = field(default_factory=list)
    unplaced: list[int] = field(default_factory=list)  # parts with text that went nowhere


def _targets(sop_format: SopFormat, school_type: str):
    """(field, [(found_in, label)]) for every long-text field that applies to the school."""
    for chapter in sop_format.chapters:
        if not chapter.applies_to(school_type):
            continue
        for section in chapter.sections:
            for item in section.items:
                if (
                    isinstance(item, Field)
                    and item.type == "long_text"
                    and item.applies_to(school_type)
                ):
                    yield item, _labels(item, section.title, chapter)


def _labels(item: Field, section_title: str, chapter: Chapter) -> list[tuple[str, str]]:
    return [("field", item.label), ("section", section_title), ("chapter", chapter.title)]


def _fixed_texts(sop_format: SopFormat) -> list[FixedText]:
    return [
        item
        for chapter in sop_format.chapters
        for section in chapter.sections
        for item in section.items
        if isinstance(item, FixedText)
    ]


def _strip_fixed(parts: list[Part], fixed: list[FixedText]) -> list[FixedTextFound]:
    """Take the paragraphs that are (part of) a fixed text out of the parts."""
    known = [(f, plain(f.text)) for f in fixed]
    found: dict[tuple[str, int], FixedTextFound] = {}
    for index, part in enumerate(parts):
        kept = []
        for paragraph in part.paragraphs:
            text = plain(paragraph)
            match = next(
                (f for f, whole in known if len(text) >= FIXED_MIN_CHARS and text in whole), None
            )
            if match is None:
                kept.append(paragraph)
                continue
            entry = found.setdefault(
                (match.key, index), FixedTextFound(match.key, match.title, index, 0)
            )
            entry.paragraphs += 1
        part.paragraphs = kept
    return list(found.values())


def match(sop_format: SopFormat, parts: list[Part], school_type: str, default_max: int) -> Matching:
    """Suggestions for the model's long-text fields from an old SOP's parts."""
    result = Matching(parts=parts, fixed_texts=_strip_fixed(parts, _fixed_texts(sop_format)))
    candidates = []
    for order, (target, labels) in enumerate(_targets(sop_format, school_type)):
        for index, part in enumerate(parts):
            if not part.heading or not part.paragraphs:
                continue
            score, found_in, label = max(
                (likeness(part.heading, text) * WEIGHTS[kind], kind, text)
                for kind, text in labels
                if text
            )
            if score >= THRESHOLD:
                candidates.append((-score, order, index, target, found_in, label))
    taken_fields, taken_parts = set(), set()
    for minus_score, _order, index, target, found_in, label in sorted(
        candidates, key=lambda c: c[:3]
    ):
        if target.key in taken_fields or index in taken_parts:
            continue
        taken_fields.add(target.key)
        taken_parts.add(index)
        text = "\n\n".join(parts[index].paragraphs)
        limit = target.max_length or default_max
        result.suggestions.append(
            Suggestion(
                field_key=target.key,
                part=index,
                score=round(-minus_score, 2),
                found_in=found_in,
                label=label,
                text=text,
                max_length=limit,
                too_long=len(text) > limit,
            )
        )
    order = {key: n for n, key in enumerate(sop_format.fields)}
    result.suggestions.sort(key=lambda s: order[s.field_key])
    result.unplaced = [i for i, p in enumerate(parts) if p.paragraphs and i not in taken_parts]
    return result

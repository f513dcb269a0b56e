"""Readability (B1) measures for Dutch SOP text.

Pure Python, no Django. Formulas, thresholds and the limits of the heuristics are
documented in ``docs/quality-check.md`` (section "Readable (B1)").

* Syllables come from pyphen's Dutch hyphenation dictionary (``nl_NL``): the
  number of hyphenation points plus one. pyphen keeps at least two letters on
  either side of a break, so e.g. "idee" counts as one syllable; the score is
  therefore a slight overestimate of readability for texts with many such words.
* Flesch-Douma (Douma 1960)::

      206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)

* Long sentence: more than ``LONG_SENTENCE_WORDS`` (15) words.
* Long word: ``LONG_WORD_SYLLABLES`` (4) or more syllables, unless the word is on
  the allow-list of long words parents know (``COMMON_LONG_WORDS``).
* Passive sentence: see ``is_passive``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from .text import sentences as split_sentences
from .text import words as split_words

LONG_SENTENCE_WORDS = 15
LONG_WORD_SYLLABLES = 4

# Long words (4+ syllables) that parents know well; not flagged as long words.
COMMON_LONG_WORDS: frozenset[str] = frozenset(
    {
        "activiteit",
        "activiteiten",
        "basisonderwijs",
        "begeleiding",
        "bibliotheek",
        "communicatie",
        "huiswerkbegeleiding",
        "informatie",
        "kinderopvang",
        "leerlingenraad",
        "logopedie",
        "logopedist",
        "medewerker",
        "medewerkers",
        "mogelijkheden",
        "mogelijkheid",
        "ondersteuning",
        "ouderavond",
        "peuterspeelzaal",
        "samenwerking",
        "schoolgebouw",
        "televisie",
        "vakantie",
        "voortgezet",
    }
)

_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def _fold(text: str) -> str:
    """Lowercase and strip diacritics, one character in, one character out."""
    return "".join(unicodedata.normalize("NFD", char)[0] for char in text.lower())


def _part_syllables(part: str) -> int:
    if not any(char in _VOWELS for char in _fold(part)):
        return 1  # numbers, "t/m", "d.w.z.", "ps"
    return len(_dictionary().positions(part.lower())) + 1


def syllables(word: str) -> int:
    """Number of syllables of ``word`` (at least 1).

    Parts joined by "-" or "/" are counted separately ("pre-teaching" = pre + tea-ching).
    """
    parts = [part for part in re.split(r"[-/]", word) if part]
    if not parts:
        return 1
    return sum(_part_syllables(part) for part in parts)


def flesch_douma(words: int, sentences: int, syllables: int) -> float | None:
    """Flesch-Douma reading ease (Douma 1960); ``None`` for empty text."""
    if words <= 0 or sentences <= 0:
        return None
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)


# --- passive voice heuristic -------------------------------------------------

# Forms of "worden": with a participle anywhere in the sentence -> passive.
_WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden"})
# Forms of "zijn": only with a ge-participle or a listed be-/ver-/ont- participle
# (perfect passive / state passive: "is opgesteld", "zijn besproken").
_ZIJN = frozenset({"is", "zijn", "was", "waren"})

# Separable particles that can precede "ge" in a participle ("opgesteld").
_PARTICLES = (
    "aan|achter|af|bij|binnen|door|in|mee|na|neer|om|onder|op|over|samen|terug|"
    "tegen|toe|uit|vast|voor|weg|bekend|klaar|vrij|goed"
)
_GE_PARTICIPLE = re.compile(rf"^(?:{_PARTICLES})?ge[a-z]{{2,}}(?:d|t|en|n)$")
_PREFIX_PARTICIPLE = re.compile(r"^(?:be|ver|ont|her|er)[a-z]{2,}(?:d|t|en)$")

# Words that look like participles but are not (nouns, adjectives, adverbs).
NOT_PARTICIPLES: frozenset[str] = frozenset(
    {
        "bekend",
        "beperkt",
        "bereid",
        "bezet",
        "gebied",
        "gebieden",
        "gedachten",
        "gedurende",
        "geduld",
        "geen",
        "gehandicapten",
        "geheel",
        "geld",
        "gelden",
        "geleden",
        "gemeenten",
        "gemiddeld",
        "genoeg",
        "gerecht",
        "gesprekken",
        "gevallen",
        "gewicht",
        "gewoon",
        "gezicht",
        "gezin",
        "gezinnen",
        "gezond",
        "ontevreden",
        "tevreden",
        "verleden",
        "verschillend",
        "verplicht",
    }
)
# Noun compounds starting with ge- that end like a participle.
_NOT_PARTICIPLE_STARTS = ("gedrag", "gezin", "gezond", "gesprek", "gemeente", "gebied")
_NOT_PARTICIPLE_ENDS = ("heid", "heden", "ing", "ingen", "schap")

# Participles of verbs that form their perfect with "zijn" ("is gestart" is active).
ZIJN_PERFECT_PARTICIPLES: frozenset[str] = frozenset(
    {
        "begonnen",
        "gebeurd",
        "gebleken",
        "gebleven",
        "gedaald",
        "gegaan",
        "gegroeid",
        "gekomen",
        "gelukt",
        "gestart",
        "gestegen",
        "gestopt",
        "geslaagd",
        "geweest",
        "geworden",
        "gezakt",
        "ontstaan",
        "opgegroeid",
        "overleden",
        "teruggekomen",
        "veranderd",
        "verdwenen",
        "verhuisd",
        "verschenen",
        "vertrokken",
    }
)


def _is_noun_like(word: str) -> bool:
    return (
        word in NOT_PARTICIPLES
        or word.startswith(_NOT_PARTICIPLE_STARTS)
        or word.endswith(_NOT_PARTICIPLE_ENDS)
    )


def _is_ge_participle(word: str) -> bool:
    return bool(_GE_PARTICIPLE.match(word)) and not _is_noun_like(word)


def _is_prefix_participle(word: str) -> bool:
    return bool(_PREFIX_PARTICIPLE.match(word)) and not _is_noun_like(word)


def is_passive(sentence: str) -> bool:
    """Heuristic: does ``sentence`` contain a passive construction?

    Passive when the sentence has

    * a form of "worden" (word, wordt, worden, werd, werden) and a word that looks
      like a past participle: optional separable particle + "ge" + stem ending in
      d/t/n ("besproken" needs the second rule), or a be-/ver-/ont-/her-/er- word
      ending in d/t/en ("begeleid", "besproken", "verzorgd"); or
    * a form of "zijn" (is, zijn, was, waren) and such a participle that is not the
      perfect of a verb that takes "zijn" ("is gestart", "is gegaan" are active).

    Word order is ignored, so subordinate clauses ("dat het plan besproken wordt")
    are found too. Limits: a participle used as adjective ("de gemaakte afspraken
    worden groter") or "zijn" as possessive ("zijn verbeterde werk") can give a
    false positive; participles of verbs without a recognisable prefix
    ("geregistreerd" is found, "gecommuniceerd" too, but irregular loan forms
    may not be) can be missed.
    """
    tokens = [_fold(token) for token in split_words(sentence)]
    has_worden = any(token in _WORDEN for token in tokens)
    has_zijn = any(token in _ZIJN for token in tokens)
    if not (has_worden or has_zijn):
        return False
    for token in tokens:
        participle = _is_ge_participle(token) or _is_prefix_participle(token)
        if not participle:
            continue
        if has_worden:
            return True
        if token not in ZIJN_PERFECT_PARTICIPLES:
            return True
    return False


# --- statistics ----------------------------------------------------------------


@dataclass(frozen=True)
class ReadabilityStats:
    sentence_count: int
    word_count: int
    syllable_count: int
    flesch_douma: float | None  # rounded to 1 decimal; None for empty text
    average_sentence_length: float  # words per sentence, rounded to 1 decimal
    share_long_sentences: float  # 0..1, sentences with more than 15 words
    long_sentences: list[str]
    long_words: list[str]  # sorted, unique, lowercase
    passive_sentences: list[str]


def analyse(
    text: str, *, common_long_words: Collection[str] = COMMON_LONG_WORDS
) -> ReadabilityStats:
    """Compute the B1 readability figures for ``text``."""
    sentence_list = split_sentences(text)
    word_count = 0
    syllable_count = 0
    long_sentences: list[str] = []
    long_words: set[str] = set()
    passive_sentences: list[str] = []
    allowed = {word.lower() for word in common_long_words}
    for sentence in sentence_list:
        sentence_words = split_words(sentence)
        word_count += len(sentence_words)
        if len(sentence_words) > LONG_SENTENCE_WORDS:
            long_sentences.append(sentence)
        for word in sentence_words:
            count = syllables(word)
            syllable_count += count
            lowered = word.lower()
            if (
                count >= LONG_WORD_SYLLABLES
                and lowered not in allowed
                and not any(char.isdigit() for char in word)
            ):
                long_words.add(lowered)
        if is_passive(sentence):
            passive_sentences.append(sentence)
    sentence_count = len(sentence_list)
    score = flesch_douma(word_count, sentence_count, syllable_count)
    return ReadabilityStats(
        sentence_count=sentence_count,
        word_count=word_count,
        syllable_count=syllable_count,
        flesch_douma=None if score is None else round(score, 1),
        average_sentence_length=round(word_count / sentence_count, 1) if sentence_count else 0.0,
        share_long_sentences=len(long_sentences) / sentence_count if sentence_count else 0.0,
        long_sentences=long_sentences,
        long_words=sorted(long_words),
        passive_sentences=passive_sentences,
    )


# --- B1 targets ----------------------------------------------------------------


@dataclass(frozen=True)
class B1Targets:
    """Our own guideline for "readable at B1 level" — not an official standard.

    Flesch-Douma of 60 or more is commonly read as "fairly easy / average"; 15 words
    per sentence on average is the usual plain-language advice for B1 text.
    """

    min_flesch_douma: float = 60.0
    max_average_sentence_length: float = 15.0


B1_TARGETS = B1Targets()


def is_b1(stats: ReadabilityStats, targets: B1Targets = B1_TARGETS) -> bool:
    """True when the text meets our B1 guideline; empty text never does."""
    if stats.flesch_douma is None:
        return False
    return (
        stats.flesch_douma >= targets.min_flesch_douma
        and stats.average_sentence_length <= targets.max_average_sentence_length
    )

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

from .text import WEB_ADDRESS
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
        "begeleider",
        "begeleiders",
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


# Vowel letters that sound as one (Dutch digraphs and trigraphs), longest first.
# Vowel letters that sound as one (Dutch digraphs and trigraphs), longest first; "ea" before
# "ch" or "m" and "oa" before "ch" are English, one sound: "teaching", "team", "coach".
_NUCLEI = re.compile(
    r"eeu|ieu|aai|ooi|oei|ea(?=ch|m)|oa(?=ch)|aa|ee|oo|uu|ie|oe|eu|ei|ui|ou|au|[aeiouy]"
)


def _vowel_groups(part: str) -> int:
    """Syllables counted by the Dutch vowel spelling: each vowel, digraph or trigraph is one;
    a letter with a diaeresis starts a new one ("i-de-eën")."""
    marked = "".join(
        "-" + _fold(char) if unicodedata.normalize("NFD", char)[1:] == "\u0308" else _fold(char)
        for char in part.lower()
    )
    return len(_NUCLEI.findall(marked))


def _part_syllables(part: str) -> int:
    if not any(char in _VOWELS for char in _fold(part)):
        return 1  # numbers, "t/m", "d.w.z.", "ps"
    # pyphen keeps two letters on each side of a break, so it counts "o-ver-leg-gen" and
    # "i-de-eën" one short; the vowel spelling does not, but misses "si-tu-a-tie": the larger.
    return max(len(_dictionary().positions(part.lower())) + 1, _vowel_groups(part))


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

# Forms of "worden" and "zijn" that make a passive with a participle in the same clause.
_WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden"})
_ZIJN = frozenset({"ben", "bent", "is", "zijn", "was", "waren"})

# Separable particles that can precede "ge" (or an inseparable prefix) in a participle.
_PARTICLES = (
    "aan|achter|af|bij|binnen|door|in|mee|na|neer|om|onder|op|over|samen|terug|"
    "tegen|toe|uit|vast|voor|weg|bekend|klaar|vrij|goed"
)
_GE_PARTICIPLE = re.compile(rf"^(?:{_PARTICLES})?ge[a-z]{{2,}}(?:d|t|en|n)$")
# Verbs with an inseparable prefix take no "ge": "besproken", "ondersteund", "doorverwezen".
_PREFIX_PARTICIPLE = re.compile(rf"^(?:{_PARTICLES})?(?:be|ver|ont|her|er)[a-z]{{2,}}(?:d|t|en)$")
_UNSTRESSED_PARTICIPLE = re.compile(r"^(?:onder|over|door|mis|achter)[a-z]{3,}[dt]$")

# Participles of strong verbs that end in "-en" and carry no "ge". Any other word of that
# shape is an infinitive or a plural ("bespreken", "beginnen", "verbeteren"): only these count.
PREFIX_STRONG_PARTICIPLES: frozenset[str] = frozenset(
    {
        "bedreven",
        "begonnen",
        "bekeken",
        "beschreven",
        "besloten",
        "besproken",
        "bevonden",
        "bewezen",
        "doorverwezen",
        "herschreven",
        "herzien",
        "onderbroken",
        "ontheven",
        "ontnomen",
        "ontslagen",
        "ontvangen",
        "overgenomen",
        "verboden",
        "verbonden",
        "verdwenen",
        "vergeten",
        "verkregen",
        "verlaten",
        "verloren",
        "verschenen",
        "vertrokken",
        "vervangen",
        "verwezen",
        "verworven",
        "verzonden",
    }
)

# Words that look like participles but are not (nouns, adjectives, adverbs, infinitives).
NOT_PARTICIPLES: frozenset[str] = frozenset(
    {
        "begrijpend",
        "bekend",
        "beperkt",
        "bereid",
        "bezet",
        "ervaren",
        "gebied",
        "gebieden",
        "gebeuren",
        "gebruiken",
        "gedachten",
        "gedurende",
        "geduld",
        "geen",
        "gehandicapten",
        "geheel",
        "geld",
        "gelden",
        "geleden",
        "geloven",
        "gemeenten",
        "gemiddeld",
        "genieten",
        "genoeg",
        "gerecht",
        "gesprekken",
        "gevallen",
        "geven",
        "gewennen",
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
# Participles used as adjectives with "zijn" for a state, not an action someone did to the
# subject: "is gericht op", "zijn gemotiveerd". With "worden" they are passive as usual.
STATE_PARTICIPLES: frozenset[str] = frozenset(
    {
        "aangesloten",
        "afgeleid",
        "bedoeld",
        "betrokken",
        "gebaseerd",
        "geboren",
        "gelegen",
        "gemengd",
        "gemotiveerd",
        "gericht",
        "gespecialiseerd",
        "gevarieerd",
        "gevestigd",
        "gewend",
        "geinteresseerd",
        "verbonden",
    }
)
# Noun compounds starting with ge- that end like a participle.
_NOT_PARTICIPLE_STARTS = ("gedrag", "gezin", "gezond", "gesprek", "gemeente", "gebied")
_NOT_PARTICIPLE_ENDS = ("heid", "heden", "ing", "ingen", "schap")

# Participles of verbs that form their perfect with "zijn" ("is gestart" is active). A particle
# before one of these changes nothing: "overgegaan", "bijgekomen", "teruggekeerd".
ZIJN_PERFECT_PARTICIPLES: frozenset[str] = frozenset(
    {
        "afgelopen",
        "afgenomen",
        "begonnen",
        "gebeurd",
        "gebleken",
        "gebleven",
        "gedaald",
        "gegaan",
        "gegroeid",
        "gekeerd",
        "gekomen",
        "gelopen",
        "gelukt",
        "gescheiden",
        "geslaagd",
        "gestapt",
        "gestart",
        "gestegen",
        "gestopt",
        "gestroomd",
        "geweest",
        "geworden",
        "gezakt",
        "mislukt",
        "ontstaan",
        "opgegroeid",
        "opgeknapt",
        "overleden",
        "toegenomen",
        "veranderd",
        "verbeterd",
        "verdubbeld",
        "verdwenen",
        "verhuisd",
        "verlopen",
        "verschenen",
        "vertrokken",
    }
)
_ZIJN_VERB = re.compile(rf"^(?:{_PARTICLES})?(?:{'|'.join(sorted(ZIJN_PERFECT_PARTICIPLES))})$")
# A participle right after one of these is used as an adjective: "de afgelopen jaren".
_DETERMINERS = frozenset(
    {
        "de",
        "het",
        "een",
        "deze",
        "dit",
        "onze",
        "ons",
        "uw",
        "hun",
        "haar",
        "elke",
        "ieder",
        "iedere",
        "alle",
        "geen",
    }
)
# "zijn" after a preposition is the possessive: "in zijn eigen tempo", "met zijn ouders".
_PREPOSITIONS = frozenset(
    {"aan", "bij", "in", "met", "naar", "om", "op", "over", "uit", "van", "voor", "zonder"}
)
_MODALS = frozenset(
    {
        "kan",
        "kunnen",
        "moet",
        "moeten",
        "mag",
        "mogen",
        "wil",
        "willen",
        "zal",
        "zullen",
        "zou",
        "zouden",
    }
)
_HEBBEN = frozenset({"heb", "hebt", "heeft", "hebben", "had", "hadden"})
# Commas, semicolons, colons and dashes end a clause; the auxiliary and its participle are
# in one clause ("Kinderen die ouder worden, beginnen ...").
_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def _is_noun_like(word: str) -> bool:
    return (
        word in NOT_PARTICIPLES
        or word.startswith(_NOT_PARTICIPLE_STARTS)
        or word.endswith(_NOT_PARTICIPLE_ENDS)
    )


def _is_participle(word: str) -> bool:
    if _is_noun_like(word):
        return False
    if _GE_PARTICIPLE.match(word) or _UNSTRESSED_PARTICIPLE.match(word):
        return True
    if _PREFIX_PARTICIPLE.match(word):
        return not word.endswith("en") or word in PREFIX_STRONG_PARTICIPLES
    return False


def _is_zijn(tokens: list[str], index: int) -> bool:
    """A form of "zijn" as auxiliary: not the possessive after a preposition ("in zijn
    tempo") nor the infinitive after a modal ("dat het niet meer in de groep kan zijn")."""
    token = tokens[index]
    if token not in _ZIJN:
        return False
    before = tokens[index - 1] if index else ""
    return not (token == "zijn" and (before in _PREPOSITIONS or before in _MODALS))


def _clause_is_passive(tokens: list[str]) -> bool:
    has_worden = any(token in _WORDEN for token in tokens)
    has_zijn = any(_is_zijn(tokens, index) for index in range(len(tokens)))
    if not (has_worden or has_zijn):
        return False
    for index, token in enumerate(tokens):
        if not _is_participle(token):
            continue
        if index and tokens[index - 1] in _DETERMINERS:
            continue  # "de afgelopen jaren", "een gemaakt plan"
        if {tokens[index - 1] if index else "", *tokens[index + 1 : index + 2]} & _HEBBEN:
            continue  # "heeft gehad", "gedaan hebben": the active perfect
        if has_worden:
            return True
        if not _ZIJN_VERB.match(token) and token not in STATE_PARTICIPLES:
            return True
    return False


def is_passive(sentence: str) -> bool:
    """Heuristic: does ``sentence`` contain a passive construction?

    A clause (the sentence split at commas, semicolons, colons and dashes) is passive when it
    has a past participle and

    * a form of "worden" (word, wordt, worden, werd, werden): "wordt besproken"; or
    * a form of "zijn" (ben, bent, is, zijn, was, waren), unless the participle is the perfect
      of a verb that takes "zijn" ("is gegroeid", "is overgestapt": active) or describes a
      state ("is gericht op", "zijn gemotiveerd").

    A participle looks like: optional separable particle + "ge" + stem ending in d/t/n
    ("opgesteld", "gegeven"); an inseparable prefix (be-, ver-, ont-, her-, er-) with a stem
    ending in d/t ("bepaald", "verzorgd") or a known strong participle ("besproken"); or
    onder-/over-/door-/mis-/achter- + stem ending in d/t ("ondersteund", "onderzocht").
    A participle right after an article or possessive is an adjective ("de afgelopen jaren").
    Word order within the clause is ignored, so "dat het plan besproken wordt" is found.
    The measured precision and recall are in docs/quality-check.md.
    """
    for clause in _CLAUSE.split(sentence):
        tokens = [_fold(token) for token in split_words(clause)]
        if _clause_is_passive(tokens):
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


def _long_word_candidates(sentence: str) -> set[str]:
    """The words of ``sentence`` that can be long words: not in a web or e-mail address, and
    not a name (a capital after the sentence's first word: "Kindcentrum De Verwondering")."""
    plain = WEB_ADDRESS.sub(" ", sentence)
    found = split_words(plain)
    return {word for index, word in enumerate(found) if index == 0 or not word[0].isupper()}


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
        candidates = _long_word_candidates(sentence)
        for word in sentence_words:
            count = syllables(word)
            syllable_count += count
            lowered = word.lower()
            if (
                count >= LONG_WORD_SYLLABLES
                and word in candidates
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

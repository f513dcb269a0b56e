"""Vague phrasing and jargon in Dutch SOP text.

Pure Python, no Django. Both lists have defaults here; a partnership can replace
them with its own list (one item per line, parsed by ``parse_phrase_list`` and
``parse_jargon_list``).

Matching is case-insensitive, ignores diacritics ("remedieren" finds
"remediëren") and respects word boundaries. Spaces and hyphens inside a phrase
are interchangeable ("pre-teaching", "pre teaching", "preteaching" for a term
written with a hyphen). Jargon terms also match cheap inflections: a suffix
-s, -'s, -e, -n, -en, -er, -ers, or the last consonant doubled + -en
("groepsplannen"). Short all-capital abbreviations ("SO", "OPP", "TLV") are
matched case-sensitively so that ordinary words are not flagged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from .text import sentences as split_sentences

DEFAULT_VAGUE_PHRASES: tuple[str, ...] = (
    "indien mogelijk",
    "indien nodig",
    "waar nodig",
    "waar mogelijk",
    "in principe",
    "zoveel mogelijk",
    "zo veel mogelijk",
    "in overleg",
    "in sommige gevallen",
    "afhankelijk van de situatie",
    "naar vermogen",
    "binnen de mogelijkheden",
    "op maat",
    "passend aanbod",
    "zo nodig",
    "zo mogelijk",
    "in de regel",
    "waar wenselijk",
    "indien gewenst",
    "als het kan",
)

DEFAULT_JARGON: dict[str, str] = {
    "arrangement": "een afgesproken pakket extra hulp voor uw kind (wat, hoe vaak, door wie)",
    "handelingsgericht": "we kijken naar wat uw kind nodig heeft, niet naar wat het niet kan",
    "ondersteuningsbehoefte": "wat uw kind nodig heeft aan extra hulp",
    "basisondersteuning": "de hulp die elke school in de regio aan alle leerlingen biedt",
    "onderwijsbehoefte": "wat uw kind nodig heeft om goed te kunnen leren",
    "OPP": "ontwikkelingsperspectief: een plan met de doelen voor uw kind op langere termijn",
    "ontwikkelingsperspectief": "een plan met de doelen voor uw kind op langere termijn",
    "ontwikkelingsperspectiefplan": "een plan met de doelen voor uw kind op langere termijn",
    "TLV": "toelaatbaarheidsverklaring: toestemming om naar het speciaal (basis)onderwijs te gaan",
    "toelaatbaarheidsverklaring": "toestemming om naar het speciaal (basis)onderwijs te gaan",
    "zorgplicht": "de school moet zorgen dat uw kind een passende plek krijgt",
    "IB'er": "intern begeleider: de collega die leerkrachten helpt bij extra hulp",
    "intern begeleider": "de collega die leerkrachten helpt bij extra hulp aan leerlingen",
    "SBO": "speciaal basisonderwijs: een basisschool met kleinere groepen en meer hulp",
    "SO": "speciaal onderwijs: een school voor kinderen die veel extra hulp nodig hebben",
    "dyslexieprotocol": "de vaste stappen die de school volgt bij lees- en spellingproblemen",
    "passend onderwijs": "elk kind krijgt onderwijs dat bij hem of haar past",
    "samenwerkingsverband": "de scholen in de regio die samen zorgen voor extra hulp",
    "handelingsplan": "een plan met de extra hulp voor uw kind",
    "groepsplan": "het plan van de leerkracht voor de hele groep",
    "leerlijn": "de stappen die een kind doorloopt bij een vak",
    "remediëren": "extra oefenen om een achterstand in te halen",
    "pre-teaching": "de uitleg alvast vooraf krijgen, voordat de groep ermee begint",
    "compacten en verrijken": "minder herhaling en meer uitdagend werk voor snelle leerlingen",
}

MAX_PHRASE_LENGTH = 100
_SUFFIXES = ("'s", "\u2019s", "s", "e", "n", "en", "er", "ers")
_VOWELS = "aeiouy"


def _fold(text: str) -> str:
    """Strip diacritics, one character in, one character out (case is kept)."""
    return "".join(unicodedata.normalize("NFD", char)[0] for char in text)


def _is_abbreviation(term: str) -> bool:
    letters = term.replace("'", "")
    return len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _body(term: str) -> str:
    """Regex body for ``term``: spaces/hyphens flexible, apostrophes either kind."""
    pieces = re.split(r"[\s-]+", _fold(term).strip())
    escaped = [re.escape(piece).replace("'", "['\u2019]") for piece in pieces if piece]
    return r"[\s-]*".join(escaped)


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_body(phrase)}(?!\w)", re.IGNORECASE)


def _jargon_pattern(term: str) -> re.Pattern[str]:
    folded = _fold(term).strip()
    suffixes = list(_SUFFIXES)
    last = folded[-1:].lower()
    if last.isalpha() and last not in _VOWELS:
        suffixes.append(last + "en")  # groepsplan -> groepsplannen
    suffix = "|".join(re.escape(s).replace("'", "['\u2019]") for s in suffixes)
    flags = 0 if _is_abbreviation(term) else re.IGNORECASE
    return re.compile(rf"(?<!\w){_body(term)}(?:{suffix})?(?!\w)", flags)


def vague_phrases_in(
    text: str, phrases: Iterable[str] = DEFAULT_VAGUE_PHRASES
) -> list[tuple[str, str]]:
    """Return ``(phrase, sentence)`` for every vague phrase found, in text order."""
    patterns = [(phrase, _phrase_pattern(phrase)) for phrase in phrases if phrase.strip()]
    found: list[tuple[str, str]] = []
    for sentence in split_sentences(text):
        folded = _fold(sentence)
        hits = []
        for phrase, pattern in patterns:
            match = pattern.search(folded)
            if match:
                hits.append((match.start(), phrase))
        found.extend((phrase, sentence) for _, phrase in sorted(hits))
    return found


def jargon_in(text: str, jargon: Mapping[str, str] = DEFAULT_JARGON) -> list[tuple[str, str]]:
    """Return ``(term, alternative)`` per jargon term used, ordered by first use."""
    folded = _fold(text)
    hits = []
    for term, alternative in jargon.items():
        match = _jargon_pattern(term).search(folded)
        if match:
            hits.append((match.start(), term, alternative))
    hits.sort(key=lambda hit: hit[0])
    return [(term, alternative) for _, term, alternative in hits]


# --- editable lists ------------------------------------------------------------


def _content_lines(text: str) -> Iterable[tuple[int, str]]:
    """Yield ``(line number, stripped line)``; blank lines and "# comments" skipped."""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if line and not line.startswith("#"):
            yield number, line


class ListError(ValueError):
    """A line of a partnership's list that cannot be read: `code` says what is wrong and
    `params` hold the line number and what it names; `presenters.list_error_message` words
    it."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def _check_item(number: int, item: str, what: str) -> None:
    if not any(char.isalnum() for char in item):
        raise ListError(f"{what}_without_word", line=number, item=item)
    if len(item) > MAX_PHRASE_LENGTH:
        raise ListError(f"{what}_too_long", line=number, maximum=MAX_PHRASE_LENGTH)


def parse_phrase_list(text: str) -> tuple[str, ...]:
    """Parse the partnership's list of vague phrases, one phrase per line.

    Empty lines and lines starting with "#" are skipped; duplicates (ignoring
    case) are dropped. Raises ``ListError`` naming the line.
    """
    phrases: list[str] = []
    seen: set[str] = set()
    for number, line in _content_lines(text):
        if "=" in line:
            raise ListError("phrase_with_equals", line=number, text=line)
        _check_item(number, line, "phrase")
        key = line.casefold()
        if key not in seen:
            seen.add(key)
            phrases.append(line)
    return tuple(phrases)


def parse_jargon_list(text: str) -> dict[str, str]:
    """Parse the partnership's jargon list, one "term = uitleg" per line.

    Empty lines and lines starting with "#" are skipped. Raises ``ListError`` naming the
    line for a malformed or duplicate line.
    """
    jargon: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for number, line in _content_lines(text):
        if "=" not in line:
            raise ListError("jargon_without_equals", line=number, text=line)
        term, _, explanation = (part.strip() for part in line.partition("="))
        if not term:
            raise ListError("jargon_without_term", line=number)
        if not explanation:
            raise ListError("jargon_without_explanation", line=number, term=term)
        _check_item(number, term, "term")
        key = term.casefold()
        if key in first_line:
            raise ListError("jargon_twice", line=number, term=term, first=first_line[key])
        first_line[key] = number
        jargon[term] = explanation
    return jargon

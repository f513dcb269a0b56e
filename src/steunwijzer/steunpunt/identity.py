"""Obvious identity data in a parent's message, found before anything is stored.

The steunpunt's form asks parents not to name their child (the partnership must not keep
pupil-level identity). This catches the obvious slips: a BSN (nine digits passing the
11-proef), a date of birth, "mijn zoon Daan", an e-mail address in the message. Pure Python:
the text goes in, the kinds of data found come out; the form says them in Dutch. It is a
safety net, not a guarantee: staff still read what arrives.
"""

import re
from datetime import date

BSN = "bsn"
BIRTH_DATE = "birth_date"
CHILD_NAME = "child_name"
EMAIL = "email"

# Nine digits, maybe grouped with dots or spaces (1234.56.782, 123 456 782).
_NUMBER = re.compile(r"(?<![\d.])\d(?:[ .]?\d){8}(?![\d])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_MONTH = "|".join(MONTHS + [m[:3] for m in MONTHS])
_DATE = re.compile(
    r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b"
    rf"|\b(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
_BIRTH_WORD = re.compile(r"\b(geboren|geb\.|geboortedatum|jarig|verjaardag)", re.IGNORECASE)
# "mijn zoon Daan", "onze dochter Fleur", "ons kind, Sem", "hij heet Noah".
_RELATION = (
    r"(?:mijn|onze|ons)\s+(?:pleeg)?(?:zoon|dochter|kind|zoontje|dochtertje|kleinzoon|kleindochter)"
)
# The relation in any case ("Mijn zoon"), the name with its capital.
_NAMED = re.compile(rf"\b(?i:{_RELATION}),?\s+[A-Z][a-zà-ÿ]+|\b(?i:heet|heten)\s+[A-Z][a-zà-ÿ]+")
# A primary school pupil was born 3 to 16 years before the message.
CHILD_AGES = range(3, 17)


def passes_eleven_test(digits: str) -> bool:
    """The BSN's 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(w * int(d) for w, d in zip(range(9, 1, -1), digits[:8], strict=True))
    total -= int(digits[8])
    return total % 11 == 0 and total != 0


def _dates(text: str):
    for match in _DATE.finditer(text):
        year = int(match[3] or match[6])
        yield match.start(), year


def identity_found(text: str, today: date) -> list[str]:
    """The kinds of identity data in `text`, each once, in a fixed order."""
    found = []
    numbers = (re.sub(r"\D", "", m[0]) for m in _NUMBER.finditer(text))
    if any(passes_eleven_test(n) for n in numbers):
        found.append(BSN)
    birth_words = [m.start() for m in _BIRTH_WORD.finditer(text)]
    for start, year in _dates(text):
        near_birth_word = any(0 <= start - w <= 40 for w in birth_words)
        if near_birth_word or today.year - year in CHILD_AGES:
            found.append(BIRTH_DATE)
            break
    if _NAMED.search(text):
        found.append(CHILD_NAME)
    if _EMAIL.search(text):
        found.append(EMAIL)
    return found

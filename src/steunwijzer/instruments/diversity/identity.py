"""Recognising pupil identity in a pupil export, so such a file is refused before it is counted.

Pure Python, no Django. Steunwijzer stores counts per group and category only (AVG); a file
that carries names, a BSN, a date of birth or contact details has no business here, even
though only counts would be kept. The rules, documented in docs/instruments-diversity.md:

- a header with a word that names identity (`IDENTITY_WORDS`, or any header containing
  "naam" that is not a group header such as "Groepsnaam");
- in any column: a BSN or onderwijsnummer (nine digits passing their elfproef), a date that
  can be a primary pupil's date of birth in a common Dutch notation, an e-mail address, a
  Dutch phone number, a postcode or a street address;
- in a column that is neither group, category nor domain: values that look like person names
  ("Emma de Vries"), when they make up most of that column.
"""

import re
from collections.abc import Iterable
from datetime import date

# Words (after splitting a header on spaces, dots, dashes and underscores) that identify a
# pupil or a person. "kind" and "leerling" on their own name the pupil column of an export.
IDENTITY_WORDS = frozenset(
    (
        "naam", "namen", "voornaam", "voornamen", "achternaam", "roepnaam", "tussenvoegsel",
        "tussenvoegsels", "geslachtsnaam", "familienaam", "leerling", "leerlingnaam",
        "leerlingnummer", "kind", "kindnaam", "bsn", "burgerservicenummer", "sofinummer",
        "onderwijsnummer", "pgn", "geboortedatum", "geboren", "geb", "gebdatum", "dob",
        "adres", "woonadres", "straat", "straatnaam", "huisnummer", "postcode", "woonplaats",
        "email", "e-mail", "mail", "emailadres", "e-mailadres", "telefoon", "telefoonnummer",
        "tel", "mobiel", "gsm", "name", "firstname", "lastname", "surname", "birthdate",
        "birthday", "student", "pupil", "address", "phone",
    )
)  # fmt: skip

BSN = "een burgerservicenummer (BSN)"
ONDERWIJSNUMMER = "een onderwijsnummer"
BIRTH_DATE = "een geboortedatum"
EMAIL = "een e-mailadres"
PHONE = "een telefoonnummer"
ADDRESS = "een adres of postcode"
NAMES = "namen van personen"

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_WORDED_DATE = re.compile(r"^(\d{1,2})[ -]([a-z]+)\.?[ -](\d{2}|\d{4})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
_PHONE_CHARS = re.compile(r"[\s\-().]")
_PHONE = re.compile(r"^(?:\+31|0031|0)[1-9]\d{8}$")
_POSTCODE = re.compile(r"^[1-9]\d{3}\s?[a-z]{2}$", re.I)
_STREET_SUFFIXES = (
    "straat|laan|weg|plein|kade|gracht|singel|hof|dreef|pad|steeg|dijk|park|baan|markt|ring"
    "|wal|plantsoen|allee|erf|veld|hoeve|dam|haven|burg|kwartier|zijde|boulevard|promenade"
)
_STREET = re.compile(rf"^[^\d]*\w(?:{_STREET_SUFFIXES})\b[^\d]*\s\d+", re.I)
_STREET_FIRST = re.compile(rf"^(?:{_STREET_SUFFIXES}|boulevard)\s+\D+\s\d+", re.I)
_TUSSENVOEGSELS = frozenset(
    (
        "van", "de", "der", "den", "te", "ten", "ter", "het", "in", "'t", "op", "aan", "bij",
        "uit", "voor", "la", "le", "el", "al", "von", "da", "dos", "du", "d'", "v.d.",
    )
)  # fmt: skip
# Letters with accents, and the apostrophe as typed or as a word processor curls it.
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ'\u2019]+(?:-[A-ZÀ-Ý][a-zà-ÿ'\u2019]+)*$")


def header_is_identity(key: str, exempt: Iterable[str] = ()) -> bool:
    """A header key (lower case, spaces normalised) that names identity; `exempt` are the
    group, category and domain headers a file may use ("groepsnaam" holds no person)."""
    if key in exempt:
        return False
    words = set(re.split(r"[\s._/\\-]+", key))
    return bool(words & IDENTITY_WORDS) or "naam" in key or key in IDENTITY_WORDS


def is_bsn(value: str) -> bool:
    """Nine digits that pass the elfproef (9·d1 + 8·d2 + … + 2·d8 - d9 divisible by 11)."""
    if len(value) != 9 or not value.isdigit():
        return False
    digits = [int(c) for c in value]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0 and total != 0


def is_onderwijsnummer(value: str) -> bool:
    """Nine digits whose weighted sum (9·d1 + … + 1·d9) leaves 5 after division by 11."""
    if len(value) != 9 or not value.isdigit():
        return False
    return sum(int(c) * w for c, w in zip(value, range(9, 0, -1), strict=True)) % 11 == 5


def _birth_date(day: int, month: int, year: int, today: date) -> bool:
    if year < 100:
        year += 2000 if year <= today.year % 100 else 1900
    try:
        date(year, month, day)
    except ValueError:
        return False
    # A primary pupil is born between 2 and 25 years ago (with room for old files and adults
    # in special education). This year's dates are left alone: Excel turns a group "5/6" into
    # the fifth of June of the current year.
    return today.year - 25 <= year <= today.year - 2


def is_birth_date(value: str, today: date) -> bool:
    text = value.strip().lower()
    if found := _NUMERIC_DATE.match(text):
        return _birth_date(int(found[1]), int(found[2]), int(found[3]), today)
    if found := _ISO_DATE.match(text):
        return _birth_date(int(found[3]), int(found[2]), int(found[1]), today)
    if (found := _WORDED_DATE.match(text)) and found[2] in _MONTHS:
        return _birth_date(int(found[1]), _MONTHS[found[2]], int(found[3]), today)
    return False


def value_identity(value: str, today: date) -> str | None:
    """What identifying thing a cell holds ("een geboortedatum" …), or None."""
    text = value.strip()
    if len(text) < 5 or len(text) > 120:
        return None
    # A date first: "12.03.2016" without its dots is eight digits that may pass the elfproef.
    if is_birth_date(text, today):
        return BIRTH_DATE
    digits = text.replace(" ", "").replace(".", "")
    if digits.isdigit():
        if len(digits) in (8, 9) and is_bsn(digits.zfill(9)):
            return BSN
        if is_onderwijsnummer(digits):
            return ONDERWIJSNUMMER
    if "@" in text and _EMAIL.match(text):
        return EMAIL
    if _PHONE.match(_PHONE_CHARS.sub("", text)):
        return PHONE
    if _POSTCODE.match(text) or _STREET.match(text) or _STREET_FIRST.match(text):
        return ADDRESS
    return None


def looks_like_name(value: str) -> bool:
    """'Emma', 'Emma de Vries', 'Anne-Sophie van der Berg': capitalised words, with only
    tussenvoegsels between the first and the last."""
    words = value.split()
    if not 1 <= len(words) <= 6 or not _NAME_WORD.match(words[0]):
        return False
    if len(words) == 1:
        return True
    return _NAME_WORD.match(words[-1]) is not None and all(
        w.lower() in _TUSSENVOEGSELS or _NAME_WORD.match(w) for w in words[1:-1]
    )


def is_name_column(values: dict[str, int]) -> bool:
    """A free column (`value → rows`) holds names when most of its rows are name-like and
    those values hardly repeat, as names do (a column of 'Nederlandse' or 'Extra Begeleiding'
    repeats). Small files count fully: one name in one row is a name column."""
    rows = sum(n for v, n in values.items() if v.strip())
    if not rows:
        return False
    named = {v: n for v, n in values.items() if v.strip() and looks_like_name(v.strip())}
    named_rows = sum(named.values())
    return named_rows * 2 >= rows and len(named) * 3 >= named_rows

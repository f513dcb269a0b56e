"""Split Dutch plain text into sentences and words.

Pure Python, no Django. The rules are deliberately simple and documented in
``docs/quality-check.md``:

* Every line break ends a sentence (headings and list items count as sentences).
  A leading list marker ("-", "*", "•", "1.", "2)", "a)") is removed first.
* Within a line a sentence ends at ``.``, ``!``, ``?`` or ``…`` (optionally
  followed by a closing quote or bracket) when whitespace follows and the next
  character is not a lowercase letter.
* A ``.`` does not end a sentence after a known abbreviation ("bijv.", "o.a.",
  "d.w.z.", ...) or a single capital initial ("J. de Vries"); a single lowercase
  letter does end one ("We bellen u."). "enz.", "etc." and "e.d." often close a
  sentence, so they only end one when a capital follows.
* A ``.`` without whitespace after it ("1.5", "o.a.") never splits.
"""

from __future__ import annotations

import re

# Abbreviations that (almost) never end a sentence. Lowercase, with dots.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "a.s.",
        "art.",
        "bijv.",
        "blz.",
        "bv.",
        "b.v.",
        "ca.",
        "d.m.v.",
        "d.w.z.",
        "dhr.",
        "evt.",
        "excl.",
        "i.c.m.",
        "i.o.m.",
        "i.p.v.",
        "i.s.m.",
        "i.v.m.",
        "incl.",
        "jl.",
        "m.b.t.",
        "m.i.v.",
        "max.",
        "mevr.",
        "min.",
        "mr.",
        "n.a.v.",
        "nr.",
        "o.a.",
        "o.b.v.",
        "o.l.v.",
        "p.",
        "resp.",
        "t.a.v.",
        "t.b.v.",
        "t.o.v.",
        "tel.",
        "vb.",
        "z.g.",
        "zgn.",
    }
)

# Abbreviations that often close a sentence: they end one only before a capital.
FINAL_ABBREVIATIONS: frozenset[str] = frozenset({"e.d.", "enz.", "etc.", "z.s.m."})

_LIST_MARKER = re.compile(r"^\s*(?:[-*\u2022\u00b7\u2013\u2014]|\d{1,3}[.)]|[a-z][)])\s+")
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_WORD = re.compile(r"[^\W_]+(?:(?:[-'\u2019./]|(?<=\d),(?=\d))[^\W_]+)*")

# Web and e-mail addresses (and bare domain names): no long words, no jargon.
WEB_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?\b",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    """Return the words of ``text``.

    A word is a run of letters (diacritics included) and digits. Parts joined by
    a hyphen, apostrophe, slash or dot count as one word ("pre-teaching",
    "IB'er", "t/m", "o.a", "1.5"), as do digits joined by a comma ("1,5").
    """
    return _WORD.findall(text)


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    rest = line[match.end() :].lstrip()
    if not rest:
        return True
    next_char = rest[0]
    if next_char.islower():
        return False
    punctuation = match.group(0)
    if "!" in punctuation or "?" in punctuation or "…" in punctuation:
        return True
    # Only dots: look at the token the dot belongs to.
    start = line.rfind(" ", 0, match.start()) + 1
    token = (
        line[start : match.end()].lstrip("(\"'\u201c\u2018[").rstrip(")\"'\u201d\u2019]").lower()
    )
    if token in ABBREVIATIONS:
        return False
    if token in FINAL_ABBREVIATIONS:
        return next_char.isupper()
    bare = line[start : match.start()].lstrip("(\"'\u201c\u2018[")
    # A single capital followed by a dot is an initial ("J. de Vries"); "u." is not.
    return not (len(bare) == 1 and bare.isupper())


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    begin = 0
    for match in _BOUNDARY.finditer(line):
        if _ends_sentence(line, match):
            parts.append(line[begin : match.end()])
            begin = match.end()
    parts.append(line[begin:])
    return parts


def sentences(text: str) -> list[str]:
    """Split ``text`` into sentences.

    Whitespace inside a sentence is collapsed to single spaces; pieces without any
    word are dropped.
    """
    result: list[str] = []
    for raw_line in text.splitlines():
        line = _LIST_MARKER.sub("", raw_line, count=1).strip()
        if not line:
            continue
        for part in _split_line(line):
            sentence = " ".join(part.split())
            if sentence and words(sentence):
                result.append(sentence)
    return result

"""Finds text in templates that a user would read but that is not marked for translation.

Used by tests/test_templates_translated.py. The template is read with Django's own lexer: text
inside {% translate %} or {% blocktranslate %}…{% endblocktranslate %}, in {% comment %}, in
<script> and <style>, in HTML comments and in tag and attribute names is not user text.
Everything else that holds a letter is: element text, and the attributes people read or hear
(title, alt, placeholder, aria-label, aria-description, value of a button, content of a meta
description).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.template.base import Lexer, TokenType

# Stands in for every variable and tag, so "{{ n }} scholen" still shows its word.
HOLE = "\x00"
SKIPPED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans",
                  "comment": "endcomment", "verbatim": "endverbatim"}  # fmt: skip
READ_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label", "aria-description", "summary")
_INVISIBLE = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[^>]*>", re.S)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*')""")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Untranslated:
    path: Path
    line: int
    text: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.text!r}"


def _visible_source(source: str) -> tuple[str, list[int]]:
    """The template's text with every tag and variable replaced by HOLE and the skipped
    blocks left out, and for every character of it the line it came from."""
    out, lines = [], []
    closing = None
    for token in Lexer(source).tokenize():
        if closing is not None:
            if token.token_type == TokenType.BLOCK and token.contents.split()[0] == closing:
                closing = None
            continue
        if token.token_type == TokenType.TEXT:
            out.append(token.contents)
            line = token.lineno
            for char in token.contents:
                lines.append(line)
                line += char == "\n"
            continue
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            closing = SKIPPED_BLOCKS.get(name)
        out.append(HOLE)
        lines.append(token.lineno)
    return "".join(out), lines


def untranslated(path: Path) -> list[Untranslated]:
    source = path.read_text(encoding="utf-8")
    text, lines = _visible_source(source)
    # Blank out what no user reads, keeping every position, so lines stay right.
    text = _INVISIBLE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    found = []

    def report(start: int, value: str):
        value = _ENTITY.sub(" ", value).replace(HOLE, " ")
        if _WORD.search(value):
            found.append(
                Untranslated(path, lines[min(start, len(lines) - 1)], " ".join(value.split()))
            )

    for tag in _TAG.finditer(text):
        element = tag[0]
        for attribute in _ATTRIBUTE.finditer(element):
            name, value = attribute[1].lower(), attribute[2][1:-1]
            is_read = name in READ_ATTRIBUTES or (
                name in ("value", "content")
                and re.search(r"type=[\"'](?:submit|button)|name=[\"']description", element)
            )
            if is_read:
                report(tag.start() + attribute.start(2), value)
    outside = _TAG.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    for piece in re.finditer(r"[^\n]+", outside):
        report(piece.start(), piece[0])
    return found


def templates(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*") if "templates" in p.parts and p.suffix in (".html", ".txt")
    )

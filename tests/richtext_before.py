"""The long-text converter as it was before the markup became what is stored (issue 15).

Frozen, for the tests only: it is the "old path" that tests/test_richtext_demo.py compares
every demo answer, the public pages and the downloads against. Do not change it.
"""

import html
import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "a", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\(((?:https?://|mailto:)[^)\s]+)\)")


def sanitize_html(value: str) -> str:
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def _inline(text: str) -> str:
    escaped = html.escape(text, quote=True)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    return _LINK.sub(r'<a href="\2">\1</a>', escaped)


def markup_to_html(text: str) -> str:
    """Convert the editor's markup to sanitised HTML."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    out = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        for pattern, tag in ((_BULLET, "ul"), (_NUMBERED, "ol")):
            if all(pattern.match(line) for line in lines):
                items = "".join(f"<li>{_inline(pattern.match(ln)[1])}</li>" for ln in lines)
                out.append(f"<{tag}>{items}</{tag}>")
                break
        else:
            out.append("<p>" + "<br>".join(_inline(line.strip()) for line in lines) + "</p>")
    return sanitize_html("".join(out))


class _MarkupWriter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.lists: list[list] = []  # stack of [tag, counter]
        self.href: str | None = None

    def _flush(self):
        text = "".join(self.current).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            self.lists[-1][1] += 1
            kind, n = self.lists[-1]
            prefix = "- " if kind == "ul" else f"{n}. "
            if self.current:
                self.current.append("\n")
            self.current.append(prefix)
        elif tag == "strong":
            self.current.append("**")
        elif tag == "br":
            self.current.append("\n")
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.current.append("[")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol"):
            self.lists.pop() if self.lists else None
            self._flush()
        elif tag == "p":
            self._flush()
        elif tag == "strong":
            self.current.append("**")
        elif tag == "a":
            self.current.append(f"]({self.href})")
            self.href = None

    def handle_data(self, data):
        self.current.append(data)


def html_to_markup(value: str) -> str:
    """Turn stored HTML back into the markup the editor shows."""
    writer = _MarkupWriter()
    writer.feed(value or "")
    writer.close()
    writer._flush()
    return "\n\n".join(writer.blocks)


def html_to_plain(value: str) -> str:
    """Text only, for search, word counts and diffs."""
    spaced = re.sub(r"<(?:/p|br|/li)\b[^>]*>", " ", value or "")
    return re.sub(r"\s+", " ", html.unescape(nh3.clean(spaced, tags=set()))).strip()

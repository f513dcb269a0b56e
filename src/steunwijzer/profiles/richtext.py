"""Long text: the editor's small markup is what we store; HTML and plain text derive from it.

Teams type paragraphs (a blank line between them; every line break is kept), "- " bullet
lists, "1. " numbered lists, **bold** and [links](https://…) in a plain textarea. That markup
is a restricted Markdown, parsed by markdown-it-py with every other rule switched off, so
"# ", "> ", `code` or <b> stay the characters typed. The HTML it gives passes nh3's allow-list
as well, so nothing anyone types runs as script on any page.

Plain text (search, word counts, quality check, diffs, "In het kort") comes from the same
parse, the token stream, so it always says what the HTML shows.
"""

import html
import re
from html.parser import HTMLParser

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "a", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_PREFIXES = ("http://", "https://", "mailto:")

_md = MarkdownIt("zero", {"breaks": True}).enable(["list", "newline", "escape", "emphasis", "link"])
# Links go to the web or to an e-mail address, nowhere else (javascript:, data:, relative).
_md.validateLink = lambda url: url.lower().startswith(LINK_PREFIXES)


def _as_typed(self, tokens, idx, options, env):
    return html.escape(tokens[idx].markup)


def _strong(self, tokens, idx, options, env):
    if tokens[idx].markup == "**":
        return self.renderToken(tokens, idx, options, env)
    return _as_typed(self, tokens, idx, options, env)


# Markdown's emphasis rule also reads *word*, _word_ and __word__; only **bold** is ours,
# the rest shows as typed (as it always did).
for _rule in ("em_open", "em_close"):
    _md.add_render_rule(_rule, _as_typed)
for _rule in ("strong_open", "strong_close"):
    _md.add_render_rule(_rule, _strong)


def sanitize_html(value: str) -> str:
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def normalize_markup(text: str) -> str:
    """The markup as stored: Unix line ends, no trailing spaces (a line break is a break)."""
    lines = str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def markup_to_html(text: str) -> str:
    """The markup as sanitised HTML, for pages, PDF, Word and the API."""
    # markdown-it ends every block tag and <br> with a newline; text never holds one (a line
    # break in the markup is a <br>), and the HTML has always been stored without them.
    return sanitize_html(_md.render(text or "")).replace("\n", "")


def _typed(token) -> bool:
    return token.type in ("em_open", "em_close") or (
        token.type in ("strong_open", "strong_close") and token.markup != "**"
    )


def _inline_plain(
    children, link_targets: bool, first_line: bool = False, line_break: str = " "
) -> str:
    parts: list[str] = []
    link_start, href = 0, ""
    for token in children:
        if token.type in ("softbreak", "hardbreak"):
            if first_line:
                break
            parts.append(line_break)
        elif token.type == "text" or _typed(token):
            parts.append(token.content if token.type == "text" else token.markup)
        elif token.type == "link_open":
            link_start, href = len(parts), token.attrGet("href") or ""
        elif (
            token.type == "link_close"
            and link_targets
            and _shown("".join(parts[link_start:])) != href
        ):
            # A changed link target is a real change, so diffs keep it visible.
            parts.append(f" ({href})")
    return "".join(parts)


def _shown(text: str) -> str:
    return " ".join(text.split())


def markup_to_plain(text: str, *, link_targets: bool = False) -> str:
    """Text only, blocks and lines separated by one space; `link_targets` adds "(https://…)"
    after a link whose text is not its address."""
    parts = [
        _inline_plain(token.children or [], link_targets)
        for token in _md.parse(text or "")
        if token.type == "inline"
    ]
    return _shown(" ".join(parts))


def markup_to_lines(text: str) -> str:
    """Text only, one line per paragraph, list item and line break: what the SOP-check reads,
    where a line ends a sentence (a list item is not the end of the sentence before it)."""
    blocks = [
        _inline_plain(token.children or [], False, line_break="\n")
        for token in _md.parse(text or "")
        if token.type == "inline"
    ]
    lines = (_shown(line) for block in blocks for line in block.split("\n"))
    return "\n".join(line for line in lines if line)


def bullet_items(text: str) -> list[str]:
    """The first line of every bullet-list item, as plain text."""
    items, in_item, bullets = [], False, []
    for token in _md.parse(text or ""):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            bullets.append(token.type == "bullet_list_open")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            bullets.pop()
        elif token.type == "list_item_open":
            in_item = bullets[-1]
        elif token.type == "inline" and in_item:
            items.append(_shown(_inline_plain(token.children or [], False, True)))
            in_item = False
    return items


# Hand-written, not a library (markdownify, html2text): the API still takes HTML, and this
# walker knows the seven tags nh3 lets through and escapes exactly what our parser would read.
_LINE_START = re.compile(r"^([-+*]|\d{1,9}[.)])(?=[ \t]|$)")


def _escape(text: str) -> str:
    """Text that markdown-it gives back unchanged: no bold, link or line break by accident."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\[")


class _MarkupWriter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.lists: list[dict] = []  # open lists, innermost last
        self.after_list: tuple[str, str] | None = None  # the list just closed: tag, marker
        self.links: list[str | None] = []
        self.strong: list[int] = []  # where each open "**" sits in `current`
        self.line_start = True

    def _indent(self, levels) -> str:
        return "".join(" " * level["width"] for level in levels)

    def _flush(self):
        text = "\n".join(line.rstrip() for line in "".join(self.current).split("\n"))
        if text.strip():
            self.blocks.append(text.strip("\n"))
            self.after_list = None
        self.current, self.strong, self.line_start = [], [], True

    def _list_start(self, tag):
        if self.lists:
            self.current.append("\n")
        else:
            self._flush()
        # Two lists in a row would be read as one: the second takes the other marker.
        markers = ("-", "*") if tag == "ul" else (".", ")")
        marker = markers[1] if self.after_list == (tag, markers[0]) else markers[0]
        self.lists.append({"tag": tag, "marker": marker, "count": 0, "width": 0})

    def _item_start(self):
        level = self.lists[-1]
        level["count"] += 1
        number = "" if level["tag"] == "ul" else level["count"]
        prefix = f"{number}{level['marker']} "
        if "".join(self.current).strip() and not self.current[-1].endswith("\n"):
            self.current.append("\n")
        self.current.append(self._indent(self.lists[:-1]) + prefix)
        level["width"] = len(prefix)
        self.line_start = True

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self._list_start(tag)
        elif tag == "li" and self.lists:
            self._item_start()
        elif tag == "p" and not self.lists:
            self._flush()
        elif tag == "strong":
            self.strong.append(len(self.current))
            self.current.append("**")
        elif tag == "br":
            self.current.append("\n" + self._indent(self.lists))
            self.line_start = True
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            keep = _md.validateLink(href)
            self.links.append(href if keep else None)
            if keep:
                self.current.append("[")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            level = self.lists.pop()
            if not self.lists:
                self._flush()
                self.after_list = (tag, level["marker"])
        elif tag == "p":
            self._flush()
        elif tag == "strong" and self.strong:
            self._strong_end(self.strong.pop())
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href is not None:
                href = href.replace("\\", "\\\\")
                self.current.append(
                    f"](<{href}>)" if re.search(r"[\s()<>]", href) else f"]({href})"
                )

    def _strong_end(self, start: int):
        inner = "".join(self.current[start + 1 :])
        del self.current[start:]
        core = inner.strip()
        if not core:
            self.current.append(inner)
            return
        # "** bold **" is no bold in Markdown: the spaces go outside the stars.
        lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
        self.current.append(f"{lead}**{core}**{trail}")

    def handle_data(self, data):
        data = re.sub(r"[\r\n\t]", " ", data)
        if self.line_start:
            data = data.lstrip()
            if not data:
                return
            data = _LINE_START.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], _escape(data))
            self.line_start = False
        else:
            data = _escape(data)
        self.current.append(data)


def html_to_markup(value: str) -> str:
    """HTML as the API takes it → markup that renders back to the same sanitised HTML."""
    writer = _MarkupWriter()
    writer.feed(sanitize_html(value or ""))
    writer.close()
    writer._flush()
    return "\n\n".join(writer.blocks)

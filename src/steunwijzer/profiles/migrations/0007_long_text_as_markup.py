"""Long text is stored as the editor's markup instead of HTML (issue 15).

Every long_text answer of every profile and revision is turned from the sanitised HTML we
stored into the markup the editor shows, escaped where Markdown would read more into it than
the HTML said, so the markup renders back to the same HTML. Going back renders the markup.

Migrations must not change once written, so this one keeps its own copy of the converters of
the day (`profiles/richtext.py` may move on).
"""

import functools
import html
import re
from html.parser import HTMLParser

import nh3
from django.db import migrations
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "a", "br"}
BATCH = 500


def _sanitize(value):
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def _link_allowed(url):
    return url.lower().startswith(("http://", "https://", "mailto:"))


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
            keep = _link_allowed(href)
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


def html_to_markup(value):
    writer = _MarkupWriter()
    writer.feed(_sanitize(value or ""))
    writer.close()
    writer._flush()
    return "\n\n".join(writer.blocks)


def _as_typed(self, tokens, idx, options, env):
    return html.escape(tokens[idx].markup)


def _strong(self, tokens, idx, options, env):
    if tokens[idx].markup == "**":
        return self.renderToken(tokens, idx, options, env)
    return _as_typed(self, tokens, idx, options, env)


@functools.cache
def _markdown():
    md = MarkdownIt("zero", {"breaks": True}).enable(
        ["list", "newline", "escape", "emphasis", "link"]
    )
    md.validateLink = _link_allowed
    for rule in ("em_open", "em_close"):
        md.add_render_rule(rule, _as_typed)
    for rule in ("strong_open", "strong_close"):
        md.add_render_rule(rule, _strong)
    return md


def markup_to_html(text):
    return _sanitize(_markdown().render(text or "")).replace("\n", "")


def _long_text_keys(definition):
    return {
        item.get("key")
        for chapter in definition.get("chapters", [])
        for section in chapter.get("sections", [])
        for item in section.get("items", [])
        if item.get("kind", "field") == "field" and item.get("type") == "long_text"
    }


def _convert(apps, convert):
    FormatVersion = apps.get_model("regional_model", "FormatVersion")
    Profile = apps.get_model("profiles", "Profile")
    Revision = apps.get_model("profiles", "Revision")
    keys_of_format = {fv.pk: _long_text_keys(fv.definition) for fv in FormatVersion.objects.all()}
    keys_of_profile = {
        pk: keys_of_format.get(format_id, set())
        for pk, format_id in Profile.objects.values_list("pk", "format_version_id")
    }

    def converted(answers, keys):
        changed = False
        for key in keys & set(answers):
            if isinstance(answers[key], str) and answers[key]:
                answers[key], changed = convert(answers[key]), True
        return changed

    for model, keys_of in (
        (Profile, lambda row: keys_of_profile[row.pk]),
        (Revision, lambda row: keys_of_profile[row.profile_id]),
    ):
        batch = []
        for row in model.objects.only(
            "pk", "answers", *(["profile_id"] if model is Revision else [])
        ).iterator(chunk_size=BATCH):
            if converted(row.answers, keys_of(row)):
                batch.append(row)
            if len(batch) >= BATCH:
                model.objects.bulk_update(batch, ["answers"])
                batch = []
        model.objects.bulk_update(batch, ["answers"])


def forwards(apps, schema_editor):
    _convert(apps, html_to_markup)


def backwards(apps, schema_editor):
    _convert(apps, markup_to_html)


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0006_revision_folding"),
        ("regional_model", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

"""Differences between two sets of answers, field by field and word by word.

Pure Python: it works on the regional model's dataclasses and the answers as stored, so the
same result serves the comparison page and the API, and can be property-tested without a
database. Answers are compared as the text a reader sees (choice labels, not keys), so a
difference always means something a reader could notice. Numbers and dates are written by
the `number` and `day` the caller passes (`core.numbers.dutch_number`, `core.dates.date_text`),
as this module has no Django.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from steunwijzer.regional_model.sop_format import Chapter, Field, SopFormat

from .richtext import markup_to_plain

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
ADDED, REMOVED, CHANGED = "added", "removed", "changed"

_TOKEN = re.compile(r"\s+|\S+")

Number = Callable[[float], str]
Day = Callable[[object], str]  # a date or ISO date text as the reader writes it


@dataclass(frozen=True)
class FieldDiff:
    chapter: Chapter
    field: Field
    status: str
    segments: tuple[tuple[str, str], ...]

    @property
    def chapter_key(self) -> str:
        return self.chapter.key

    @property
    def field_key(self) -> str:
        return self.field.key

    @property
    def label(self) -> str:
        return self.field.label


def diff_answers(
    sop_format: SopFormat, old: dict, new: dict, school_type: str, number: Number, day: Day
) -> list[FieldDiff]:
    """Every field whose text differs, in the model's order; unchanged fields are left out."""
    diffs = []
    for chapter in sop_format.chapters:
        for field in chapter.fields:
            if not field.applies_to(school_type):
                continue
            before = answer_text(field, old.get(field.key), number, day)
            after = answer_text(field, new.get(field.key), number, day)
            if before == after:
                continue
            status = ADDED if not before else REMOVED if not after else CHANGED
            diffs.append(FieldDiff(chapter, field, status, diff_words(before, after)))
    return diffs


def diff_words(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """(op, text) segments: equal and delete rebuild `old`, equal and insert rebuild `new`."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    chunks = []  # (changed, old part, new part)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        chunks.append((tag != "equal", "".join(a[i1:i2]), "".join(b[j1:j2])))
    # A lone space kept between two changed words would cut one rewrite into many small ones.
    for i in range(1, len(chunks) - 1):
        changed, before, _ = chunks[i]
        if not changed and before.isspace() and chunks[i - 1][0] and chunks[i + 1][0]:
            chunks[i] = (True, before, before)
    segments: list[tuple[str, str]] = []
    pending_old, pending_new = "", ""
    for changed, before, after in [*chunks, (False, "", "")]:
        if changed:
            pending_old += before
            pending_new += after
            continue
        if pending_old:
            segments.append((DELETE, pending_old))
        if pending_new:
            segments.append((INSERT, pending_new))
        pending_old = pending_new = ""
        if before:
            segments.append((EQUAL, before))
    return tuple(segments)


def answer_text(field: Field, value, number: Number, day: Day) -> str:
    """The answer as plain text; table rows and checklist choices one per line."""
    if value in (None, "", [], {}):
        return ""
    match field.type:
        case "long_text":
            # A changed link target is a real change, so it stays visible in the text.
            return markup_to_plain(str(value), link_targets=True)
        case "single_choice":
            return _label(field.choices, value)
        case "checklist":
            return "\n".join(_label(field.choices, key) for key in value)
        case "table":
            rows = (row for row in value if isinstance(row, dict))
            return "\n".join(_row_text(field, row, number, day) for row in rows)
    return _scalar_text(field.type, value, number, day)


def _row_text(field: Field, row: dict, number: Number, day: Day) -> str:
    cells = []
    for column in field.columns:
        value = row.get(column.key)
        if value in (None, ""):
            continue
        text = (
            _label(column.choices, value)
            if column.type == "single_choice"
            else _scalar_text(column.type, value, number, day)
        )
        cells.append(f"{column.label}: {text}")
    return "; ".join(cells)


def _scalar_text(type_: str, value, number: Number, day: Day) -> str:
    if type_ == "number" and isinstance(value, float):
        return number(value)
    if type_ == "date":
        return day(value)
    return str(value)


def _label(choices, key) -> str:
    return next((c.label for c in choices if c.key == key), str(key))

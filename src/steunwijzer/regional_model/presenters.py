"""Words for what the pure modules give as codes: field types, the model comparison and the
form editor's tree with the problems of each node."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .format_outline import (
    MODEL,
    address_text,
    node_kind,
    problem_address,
    problem_attribute,
    problem_line,
    requirement_rows,
)
from .sop_format import MANDATORY_PARTS

FIELD_TYPE_LABELS = {
    "short_text": _("Short text"),
    "long_text": _("Long text"),
    "single_choice": _("One choice"),
    "checklist": _("Checklist"),
    "table": _("Table"),
    "number": _("Number"),
    "date": _("Date"),
    "url": _("Web address"),
}

CHANGE_LABELS = {
    "added": _("Added"),
    "removed": _("Removed"),
    "changed": _("Changed"),
}

KIND_LABELS = {
    "model": _("Model"),
    "chapter": _("Chapter"),
    "section": _("Section"),
    "field": _("Field"),
    "fixed_text": _("Fixed text"),
}

ATTRIBUTE_LABELS = {
    "name": _("name"),
    "description": _("description"),
    "requirements": _("mandatory parts and fixed texts required"),
    "title": _("title"),
    "number": _("number"),
    "intro": _("introduction"),
    "mandatory_part": _("mandatory part"),
    "guiding_questions": _("guiding questions"),
    "word_budget": _("word budget"),
    "school_types": _("school types"),
    "type": _("type"),
    "label": _("label"),
    "help": _("help text"),
    "finder_label": _("heading in the school finder"),
    "required": _("required"),
    "example": _("example"),
    "choices": _("choices"),
    "columns": _("columns"),
    "max_length": _("maximum length"),
    "min_value": _("lowest value"),
    "max_value": _("highest value"),
    "text": _("wording"),
    "default": _("offered by Steunwijzer (to be confirmed)"),
    "chapter": _("chapter"),
    "key": _("key"),
    "field": _("key"),
    "fixed_text": _("key"),
    "sections": _("sections"),
    "items": _("fields and fixed texts"),
    "version": _("version"),
}


def difference_rows(differences) -> list[dict]:
    """The comparison's differences as rows of the compare page."""
    return [
        {
            "change": d.change,
            "change_label": CHANGE_LABELS[d.change],
            "kind": KIND_LABELS[d.kind],
            "key": d.key,
            "title": d.title,
            "chapter": d.chapter,
            "attributes": [ATTRIBUTE_LABELS[a] for a in d.attributes],
        }
        for d in differences
    ]


def problem_text(problem) -> str:
    """A loader problem as the form editor shows it next to its node: 'title: mag niet leeg
    zijn' (the messages are Dutch already)."""
    attribute = problem_attribute(problem.path)
    label = ATTRIBUTE_LABELS.get(attribute, attribute)
    return f"{label}: {problem.message}" if label else problem.message


def problems_by_node(problems) -> dict[str, list]:
    """The problems per node address ("2.0.3", or "model" for the model itself)."""
    grouped: dict[str, list] = {}
    for problem in problems:
        grouped.setdefault(problem_address(problem.path), []).append(problem)
    return grouped


def outline_tree(document: dict, problems) -> dict:
    """The draft as the outline page shows it: each chapter, section and item with its
    address, its kind and the problems that concern it."""
    grouped = problems_by_node(problems)
    part_labels = _part_labels(document)

    def node(value: dict, address: tuple, children: str | None) -> dict:
        at = address_text(address)
        part = value.get("mandatory_part")
        row = {
            "at": at,
            "node": value,
            "kind": node_kind(value, address),
            "problems": [problem_text(p) for p in grouped.get(at, ())],
            "part": part_labels.get(part, part) if isinstance(part, str) else None,
        }
        if children:
            below = {"sections": "items", "items": None}[children]
            row["children"] = [
                node(child, (*address, index), below)
                for index, child in enumerate(value.get(children) or ())
                if isinstance(child, dict)
            ]
        return row

    return {
        "problems": [problem_text(p) for p in grouped.get(MODEL, ())],
        "chapters": [
            node(chapter, (index,), "sections")
            for index, chapter in enumerate(document.get("chapters") or ())
        ],
    }


def _part_labels(document: dict) -> dict[str, str]:
    """Each mandatory part's name: as the draft's requirements call it, else the law's name.
    The draft is not checked yet, so anything else in its requirements is passed over."""
    requirements = document.get("requirements")
    entries = requirements.get("mandatory_parts") if isinstance(requirements, dict) else None
    named = {
        entry["part"]: entry["label"].strip()
        for entry in (entries if isinstance(entries, list) else ())
        if isinstance(entry, dict)
        and isinstance(entry.get("part"), str)
        and isinstance(entry.get("label"), str)
        and entry["label"].strip()
    }
    return {**MANDATORY_PARTS, **named}


def fields_with_problems(form, problems) -> tuple[list, list[str]]:
    """A node's form fields, each with the loader's problems about it; and the node's other
    problems (about its children, say), which no field of the form can fix."""
    about = {}
    for problem in problems:
        about.setdefault(form.field_for(problem_attribute(problem.path)), []).append(problem)
    fields = [
        (field, [_at_line(p) for p in about.pop(field.name, ())]) for field in form.visible_fields()
    ]
    return fields, [problem_text(p) for rest in about.values() for p in rest]


def _at_line(problem) -> str:
    """A problem as its form field shows it: with the line it is about, in a textarea of one
    choice, column or question per line."""
    line = problem_line(problem.path)
    if line is None:
        return problem.message
    return gettext("line %(line)s: %(message)s") % {"line": line, "message": problem.message}


def chapter_choices(document: dict) -> list[tuple[str, str]]:
    """The draft's chapters as the options of a select: index, and number and title."""
    return [
        (
            str(index),
            f"{c['number']}. {c.get('title', '')}" if c.get("number") else c.get("title", ""),
        )
        for index, c in enumerate(document.get("chapters") or ())
    ]


def requirement_summary(document: dict) -> list[dict]:
    """The parts the draft requires, for the outline: name, chapter, and fixed text or not."""
    rows = requirement_rows(document, tuple(MANDATORY_PARTS))
    chapters = dict(chapter_choices(document))
    return [
        {
            "name": row["label"] or MANDATORY_PARTS[row["part"]],
            "chapter": chapters.get(str(row["chapter"]), ""),
            "fixed_text": row["fixed_text"],
        }
        for row in rows
        if row["required"]
    ]


def published_message(version) -> str:
    """What staff read after publishing a version, from either editor."""
    return gettext(
        "%(version)s has been published. New profiles use this version; existing ones keep theirs."
    ) % {"version": version}

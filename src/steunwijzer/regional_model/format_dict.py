"""A regional SOP model as a plain dict and back: `format_to_dict` and `format_from_dict`.

Pure Python, no Django. The dict is normalised and JSON-serialisable (every key present, lists
not tuples); it is what `FormatVersion.definition` stores, and `format_from_dict` turns it back
into a `SopFormat` equal to the one `parse_format` (in `loader.py`) built it from. The checked
file's `SopModelDoc` (format_document.py) dumps to this shape too, less `schema`.
"""

from .format_values import FORMAT_MARKER
from .sop_format import (
    MANDATORY_PARTS,
    SEED_REQUIREMENTS,
    Chapter,
    Choice,
    Column,
    Field,
    FixedText,
    Requirements,
    Section,
    SopFormat,
)

# Bumped when the stored dict shape changes in a way old definitions need converting for.
# 2: the model declares its requirements; a stored model of schema 1 had the seed letter's.
SCHEMA_VERSION = 2


def format_to_dict(fmt: SopFormat) -> dict:
    """The normalised, JSON-serialisable form of a model: every key present, lists not tuples."""
    return {
        "format": FORMAT_MARKER,
        "schema": SCHEMA_VERSION,
        "id": fmt.id,
        "name": fmt.name,
        "version": fmt.version,
        "description": fmt.description,
        "requirements": {
            "mandatory_parts": [
                {"part": part.key, "label": part.label} for part in fmt.requirements.mandatory_parts
            ],
            "fixed_texts_in": list(fmt.requirements.fixed_texts_in),
        },
        "chapters": [
            {
                "key": chapter.key,
                "number": chapter.number,
                "title": chapter.title,
                "mandatory_part": chapter.mandatory_part,
                "intro": chapter.intro,
                "word_budget": chapter.word_budget,
                "guiding_questions": list(chapter.guiding_questions),
                "school_types": list(chapter.school_types),
                "sections": [
                    {
                        "key": section.key,
                        "title": section.title,
                        "intro": section.intro,
                        "items": [_item_to_dict(item) for item in section.items],
                    }
                    for section in chapter.sections
                ],
            }
            for chapter in fmt.chapters
        ],
    }


def _choices_to_list(choices: tuple[Choice, ...]) -> list[dict]:
    return [{"key": choice.key, "label": choice.label} for choice in choices]


def _item_to_dict(item: Field | FixedText) -> dict:
    if isinstance(item, FixedText):
        return {
            "kind": "fixed_text",
            "key": item.key,
            "title": item.title,
            "text": item.text,
            "default": item.default,
        }
    return {
        "kind": "field",
        "key": item.key,
        "type": item.type,
        "label": item.label,
        "help": item.help,
        "finder_label": item.finder_label,
        "required": item.required,
        "example": item.example,
        "choices": _choices_to_list(item.choices),
        "columns": [
            {
                "key": column.key,
                "label": column.label,
                "type": column.type,
                "choices": _choices_to_list(column.choices),
            }
            for column in item.columns
        ],
        "max_length": item.max_length,
        "min_value": item.min_value,
        "max_value": item.max_value,
        "school_types": list(item.school_types),
    }


def format_from_dict(d: dict) -> SopFormat:
    """Rebuild a `SopFormat` from the dict `parse_format` produced (as stored in the database)."""
    schema = d.get("schema", SCHEMA_VERSION)
    if schema > SCHEMA_VERSION:
        raise ValueError(f"SOP-model schema {schema} is newer than this code ({SCHEMA_VERSION})")
    return SopFormat(
        id=d["id"],
        name=d["name"],
        version=d["version"],
        description=d.get("description", ""),
        requirements=_requirements_from_dict(d, schema),
        chapters=tuple(
            Chapter(
                key=c["key"],
                title=c["title"],
                number=c.get("number", ""),
                intro=c.get("intro", ""),
                mandatory_part=c.get("mandatory_part"),
                guiding_questions=tuple(c.get("guiding_questions", ())),
                word_budget=c.get("word_budget"),
                school_types=tuple(c.get("school_types") or ()),
                sections=tuple(
                    Section(
                        key=s["key"],
                        title=s["title"],
                        intro=s.get("intro", ""),
                        items=tuple(_item_from_dict(i) for i in s.get("items", ())),
                    )
                    for s in c.get("sections", ())
                ),
            )
            for c in d.get("chapters", ())
        ),
    )


def _requirements_from_dict(d: dict, schema: int) -> Requirements:
    if "requirements" not in d and schema < 2:
        return SEED_REQUIREMENTS
    declared = d.get("requirements") or {}
    return Requirements(
        mandatory_parts=tuple(
            Choice(key=p["part"], label=p.get("label") or MANDATORY_PARTS[p["part"]])
            for p in declared.get("mandatory_parts") or ()
        ),
        fixed_texts_in=tuple(declared.get("fixed_texts_in") or ()),
    )


def _choices_from_list(items) -> tuple[Choice, ...]:
    return tuple(Choice(key=c["key"], label=c["label"]) for c in items or ())


def _item_from_dict(i: dict) -> Field | FixedText:
    if i.get("kind") == "fixed_text":
        return FixedText(
            key=i["key"], text=i["text"], title=i.get("title", ""), default=i.get("default", False)
        )
    return Field(
        key=i["key"],
        type=i["type"],
        label=i["label"],
        help=i.get("help", ""),
        finder_label=i.get("finder_label", ""),
        required=i.get("required", False),
        example=i.get("example", ""),
        choices=_choices_from_list(i.get("choices")),
        columns=tuple(
            Column(
                key=col["key"],
                label=col["label"],
                type=col.get("type", "short_text"),
                choices=_choices_from_list(col.get("choices")),
            )
            for col in i.get("columns") or ()
        ),
        max_length=i.get("max_length"),
        min_value=i.get("min_value"),
        max_value=i.get("max_value"),
        school_types=tuple(i.get("school_types") or ()),
    )

"""The SOP model as a tree the form editor changes: chapters → sections → items.

Pure Python, no Django. The form editor works on the model in the shape of its YAML file (a
"document": items start with `field:` or `fixed_text:`, options left out when empty), so what
it changes is checked by the loader itself (`check_document` writes the document as YAML and
reads it with `parse_format`: the same rules, the same Dutch problems) and published as that
YAML. `document_from_definition` turns a stored version back into a document;
`document_yaml` writes one, so the YAML editor and the form editor hand the model to each
other without losing anything but the file's comments.

A node is addressed by its place: "2" is the third chapter, "2.0" its first section, "2.0.3"
that section's fourth item. Every change returns a new document and leaves the old one alone.
"""

import copy
import re

import yaml

from .format_document import OPTIONS
from .format_values import slugify_key
from .loader import FormatError, FormatProblem, parse_format
from .sop_format import SopFormat

MODEL = "model"
DRAFT_FILENAME = "model.yaml"

# The attributes of each node in the order the file writes them; the required ones are
# written also when empty, so an emptied title reads "mag niet leeg zijn", not "ontbreekt".
CHAPTER_KEYS = (
    "key",
    "number",
    "title",
    "mandatory_part",
    "intro",
    "word_budget",
    "guiding_questions",
    "school_types",
)
SECTION_KEYS = ("key", "title", "intro")
FIELD_KEYS = (
    "field",
    "type",
    "label",
    "help",
    "finder_label",
    "required",
    "example",
    "max_length",
    "min_value",
    "max_value",
    "choices",
    "columns",
    "school_types",
)
FIXED_TEXT_KEYS = ("fixed_text", "title", "text", "default")
REQUIRED = {"key", "title", "label", "text", "field", "fixed_text", "type"}

_ADDRESS_RE = re.compile(r"^\d{1,3}(\.\d{1,3}){0,2}$")
_PROBLEM_RE = re.compile(r"^chapters\[(\d+)\](?:\.sections\[(\d+)\](?:\.items\[(\d+)\])?)?")


# - from a stored version, to YAML, and checked -


def _kept(node: dict, keys: tuple) -> dict:
    """The attributes a file writes: required ones always, others when they say something."""
    return {
        key: node[key]
        for key in keys
        if key in node and (key in REQUIRED or node[key] not in (None, "", [], False))
    }


def _item_document(item: dict) -> dict:
    if item["kind"] == "fixed_text":
        return _kept({**item, "fixed_text": item["key"]}, FIXED_TEXT_KEYS)
    columns = [{k: v for k, v in column.items() if v != []} for column in item.get("columns", ())]
    return _kept({**item, "field": item["key"], "columns": columns}, FIELD_KEYS)


def document_from_definition(definition: dict) -> dict:
    """A stored model (`FormatVersion.definition`) in the shape of its YAML file."""
    document = {
        key: definition[key]
        for key in ("format", "id", "name", "version", "description")
        if definition.get(key) or key != "description"
    }
    requirements = definition.get("requirements") or {}
    if requirements.get("mandatory_parts") or requirements.get("fixed_texts_in"):
        document["requirements"] = copy.deepcopy(requirements)
    document["chapters"] = [
        {
            **_kept(chapter, CHAPTER_KEYS),
            "sections": [
                {
                    **_kept(section, SECTION_KEYS),
                    "items": [_item_document(item) for item in section["items"]],
                }
                for section in chapter["sections"]
            ],
        }
        for chapter in definition["chapters"]
    ]
    return copy.deepcopy(document)


class _Dumper(yaml.SafeDumper):
    """Text of more than one line as a block, as people write it in the model file."""


def _text(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def document_yaml(document: dict) -> str:
    """The document as the text of a model file."""
    return yaml.dump(
        document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2
    )


def check_document(document: dict) -> tuple[SopFormat | None, list[FormatProblem]]:
    """The model, or None and every problem, by the loader's rules (line numbers left out:
    the form editor has no lines)."""
    try:
        return parse_format(document_yaml(document), DRAFT_FILENAME)[0], []
    except FormatError as exc:
        return None, [FormatProblem(p.file, None, p.path, p.message) for p in exc.problems]


def problem_address(path: str) -> str:
    """The node a problem's place ("chapters[2].sections[0].items[3].label") belongs to."""
    match = _PROBLEM_RE.match(path)
    if not match:
        return MODEL
    return ".".join(part for part in match.groups() if part is not None)


def problem_attribute(path: str) -> str:
    """The attribute of its node a problem is about ("label"), or "" for the node itself."""
    rest = _PROBLEM_RE.sub("", path).lstrip(".")
    return re.split(r"[.\[]", rest)[0] if rest else ""


def next_version(version: str) -> str:
    """The version a new draft proposes: '2.0' → '2.1', '3' → '4', 'beta' → 'beta.1'."""
    match = re.search(r"(\d+)(\D*)$", version)
    if not match:
        return f"{version}.1"
    return f"{version[: match.start()]}{int(match[1]) + 1}{match[2]}"


# - addresses -


def parse_address(text: str) -> tuple[int, ...] | None:
    """ "2.0.3" as (2, 0, 3); None if it is not an address."""
    if not _ADDRESS_RE.match(text or ""):
        return None
    return tuple(int(part) for part in text.split("."))


def address_text(address: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in address)


def _siblings(document: dict, address: tuple[int, ...]) -> list | None:
    """The list that holds the node at `address` (chapters, a chapter's sections, a section's
    items); None if there is no such list."""
    lists = ("chapters", "sections", "items")
    holder = document
    for depth, index in enumerate(address[:-1]):
        nodes = holder.get(lists[depth])
        if not isinstance(nodes, list) or not 0 <= index < len(nodes):
            return None
        holder = nodes[index]
    nodes = holder.get(lists[len(address) - 1])
    return nodes if isinstance(nodes, list) else None


def node_at(document: dict, address: tuple[int, ...]) -> dict | None:
    """The chapter, section or item at `address`, or None."""
    if not address or len(address) > 3:
        return None
    nodes = _siblings(document, address)
    if nodes is None or not 0 <= address[-1] < len(nodes):
        return None
    return nodes[address[-1]]


def node_kind(node: dict, address: tuple[int, ...]) -> str:
    """chapter, section, field or fixed_text."""
    if len(address) < 3:
        return ("chapter", "section")[len(address) - 1]
    return "fixed_text" if "fixed_text" in node else "field"


# - changing the tree -


def move(document: dict, address: tuple[int, ...], step: int) -> tuple[dict, tuple[int, ...]]:
    """The node one place up (-1) or down (+1) among its siblings; at the end it stays."""
    changed = copy.deepcopy(document)
    nodes = _siblings(changed, address)
    index, target = address[-1], address[-1] + step
    if nodes is None or not 0 <= index < len(nodes) or not 0 <= target < len(nodes):
        return changed, address
    nodes[index], nodes[target] = nodes[target], nodes[index]
    return changed, (*address[:-1], target)


def remove(document: dict, address: tuple[int, ...]) -> dict:
    changed = copy.deepcopy(document)
    nodes = _siblings(changed, address)
    if nodes is not None and 0 <= address[-1] < len(nodes):
        del nodes[address[-1]]
    return changed


def _unique(key: str, taken: set[str]) -> str:
    if key not in taken:
        return key
    number = 2
    while f"{key}_{number}" in taken:
        number += 1
    return f"{key}_{number}"


def _item_keys(document: dict) -> set[str]:
    return {
        item.get("field") or item.get("fixed_text")
        for chapter in document.get("chapters", ())
        for section in chapter.get("sections", ())
        for item in section.get("items", ())
    }


def new_field(document: dict, label: str) -> dict:
    key = _unique(slugify_key(label) or "veld", _item_keys(document))
    return {"field": key, "type": "short_text", "label": label}


def add(
    document: dict, parent: tuple[int, ...], kind: str, titles: dict[str, str]
) -> tuple[dict, tuple[int, ...] | None]:
    """A new node of `kind` at the end of `parent` (() for a chapter), with the placeholder
    title `titles[kind]` and a unique key; a new chapter or section gets one field, as the
    model has no empty ones. Returns the document and the new node's address (None if
    `parent` is not there)."""
    changed = copy.deepcopy(document)
    depth = {"chapter": 0, "section": 1, "field": 2, "fixed_text": 2}[kind]
    if len(parent) != depth or (parent and node_at(changed, parent) is None):
        return changed, None
    field = new_field(changed, titles["field"])
    if kind == "fixed_text":
        key = _unique(slugify_key(titles[kind]) or "tekst", _item_keys(changed))
        node = {"fixed_text": key, "title": titles[kind], "text": titles["text"]}
    elif kind == "field":
        node = field
    else:
        node = {"key": "", "title": titles["section"], "items": [field]}
        if kind == "chapter":
            node = {"key": "", "title": titles["chapter"], "sections": [node]}
    holder = node_at(changed, parent) if parent else changed
    nodes = holder.setdefault(("chapters", "sections", "items")[depth], [])
    if "key" in node:
        taken = {sibling.get("key") for sibling in nodes}
        node["key"] = _unique(slugify_key(node["title"]) or kind, taken)
        if kind == "chapter":
            node["sections"][0]["key"] = slugify_key(titles["section"]) or "paragraaf"
    nodes.append(node)
    return changed, (*parent, len(nodes) - 1)


def replace(document: dict, address: tuple[int, ...], values: dict) -> dict:
    """The node at `address` with the attributes a form gave (as `node_values` shapes them);
    its children stay. A field keeps only the options its type has."""
    changed = copy.deepcopy(document)
    node = node_at(changed, address)
    if node is None:
        return changed
    kind = node_kind(node, address)
    keys = {
        "chapter": CHAPTER_KEYS,
        "section": SECTION_KEYS,
        "field": FIELD_KEYS,
        "fixed_text": FIXED_TEXT_KEYS,
    }[kind]
    merged = {**node, **values}
    if kind == "field":
        merged = {
            key: value
            for key, value in merged.items()
            if key not in OPTIONS or merged.get("type") in OPTIONS[key]
        }
    children = {key: node[key] for key in ("sections", "items") if key in node}
    node.clear()
    node.update({**_kept(merged, keys), **children})
    return changed


def edit(document: dict, address: tuple[int, ...] | str, values: dict) -> dict:
    """The node at `address` (or the model itself, `MODEL`: its name, version and description)
    with the attributes a form gave."""
    if address != MODEL:
        return replace(document, address, values)
    changed = copy.deepcopy(document)
    for key in ("name", "version", "description"):
        changed[key] = values.get(key, "")
    if not changed["description"]:
        del changed["description"]
    return changed


def apply_action(
    document: dict, action: str, address: tuple[int, ...], titles: dict[str, str]
) -> tuple[dict, tuple[int, ...] | None]:
    """A button of the outline: "up", "down", "remove" the node at `address`, or "add_<kind>"
    a node in it. Returns the document and the node to show next (the moved or new one, the
    parent of a removed one); None when `address` is not a place the action fits."""
    if action.startswith("add_"):
        return add(document, address, action.removeprefix("add_"), titles)
    if node_at(document, address) is None:
        return document, None
    if action == "remove":
        return remove(document, address), address[:-1]
    return move(document, address, -1 if action == "up" else 1)


# - the model's requirements -


def requirement_rows(document: dict, parts: tuple[str, ...]) -> list[dict]:
    """For each of the mandatory parts a model may declare: whether this one requires it, the
    name it gives it ("" for the usual one), the chapter that covers it (its index, or None) and
    whether that chapter must hold a fixed text."""
    requirements = document.get("requirements") or {}
    declared = {p.get("part"): p for p in requirements.get("mandatory_parts") or ()}
    chapters = document.get("chapters") or ()
    return [
        {
            "part": part,
            "required": part in declared,
            "label": declared.get(part, {}).get("label", ""),
            "chapter": next(
                (i for i, c in enumerate(chapters) if c.get("mandatory_part") == part), None
            ),
            "fixed_text": part in (requirements.get("fixed_texts_in") or ()),
        }
        for part in parts
    ]


def set_requirements(document: dict, rows: list[dict]) -> dict:
    """The document with the requirements and chapter links of `rows` (as `requirement_rows`
    shapes them): a part's chapter names it with `mandatory_part`, no other chapter does. A
    model that requires nothing leaves `requirements:` out, as its file would."""
    changed = copy.deepcopy(document)
    chapters = changed.get("chapters") or []
    for row in rows:
        for index, chapter in enumerate(chapters):
            if chapter.get("mandatory_part") == row["part"] and index != row["chapter"]:
                del chapter["mandatory_part"]
        if row["chapter"] is not None and 0 <= row["chapter"] < len(chapters):
            chapters[row["chapter"]]["mandatory_part"] = row["part"]
    requirements = {}
    mandatory = [
        {"part": r["part"], **({"label": r["label"]} if r["label"] else {})}
        for r in rows
        if r["required"]
    ]
    if mandatory:
        requirements["mandatory_parts"] = mandatory
    if fixed := [r["part"] for r in rows if r["fixed_text"]]:
        requirements["fixed_texts_in"] = fixed
    # Where the file writes it: before the chapters.
    head = {k: v for k, v in changed.items() if k not in ("requirements", "chapters")}
    return {
        **head,
        **({"requirements": requirements} if requirements else {}),
        "chapters": chapters,
    }


def about_requirements(path: str) -> bool:
    """Whether a problem is one the requirements form can solve: in `requirements:`, or a
    required part no chapter covers."""
    return problem_address(path) == MODEL and problem_attribute(path) in (
        "requirements",
        "chapters",
    )


# - lines of text in a form -


def lines(text: str) -> list[str]:
    """The non-empty lines of a textarea (browsers send CRLF)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _choice_text(choice: dict, bar: str) -> str:
    """The label, after the key and `bar` when the key is not the one the label makes."""
    if slugify_key(choice["label"]) == choice["key"]:
        return choice["label"]
    return f"{choice['key']} {bar} {choice['label']}"


def _choice_from_text(text: str, bar: str) -> dict:
    key, found, label = text.partition(bar)
    if found:
        return {"key": key.strip(), "label": label.strip()}
    return {"key": slugify_key(text.strip()), "label": text.strip()}


def choices_text(choices: list[dict]) -> str:
    """Choices as a textarea shows them: the label, and the key before a '|' when it is not
    the one the label makes."""
    return "\n".join(_choice_text(c, "|") for c in choices or ())


def choices_from_text(text: str) -> list[dict]:
    """The textarea's lines as choices ('Label' or 'key | Label')."""
    return [_choice_from_text(line, "|") for line in lines(text)]


def columns_text(columns: list[dict], type_names: dict[str, str]) -> str:
    """A table's columns as a textarea shows them, one per line, as the choices are: the
    heading, after the key and a '|' when the key is not the one the heading makes. A column
    that is not short text adds '| ' and its type's name (`type_names`), a choice column then
    '| ' and its choices, separated by ';' (each its label, or 'key = label')."""
    rows = []
    for column in columns or ():
        kind, choices = column.get("type", "short_text"), column.get("choices") or []
        if kind == "short_text" and not choices:
            rows.append(_choice_text(column, "|"))
            continue
        parts = [column["key"], column["label"], type_names.get(kind, kind)]
        if choices:
            parts.append("; ".join(_choice_text(c, "=") for c in choices))
        rows.append(" | ".join(parts))
    return "\n".join(rows)


def columns_from_text(text: str, type_words: dict[str, str]) -> list[dict]:
    """The textarea's lines as columns: 'Heading', 'key | Heading', 'key | Heading | Type' or
    'key | Heading | Type | choice; choice'. A type is found by its name in any case
    (`type_words`, lower-case name → type); any other word is kept for the loader to name."""
    columns = []
    for line in lines(text):
        parts = [part.strip() for part in line.split("|", 3)]
        if len(parts) == 1:
            parts = [slugify_key(line), line]
        key, label, *rest = parts
        kind = (rest[0] if rest else "") or "short_text"
        column = {"key": key, "label": label, "type": type_words.get(kind.casefold(), kind)}
        choices = [part for part in rest[1:2] for part in part.split(";") if part.strip()]
        if choices:
            column["choices"] = [_choice_from_text(choice, "=") for choice in choices]
        columns.append(column)
    return columns


LISTED = ("choices", "columns", "guiding_questions")


def problem_line(path: str) -> int | None:
    """The line of its textarea a problem is about, for the attributes a form writes one per
    line ("…items[3].columns[1].label" → 2); None for any other problem."""
    match = re.match(r"^\.?(\w+)\[(\d+)\]", _PROBLEM_RE.sub("", path))
    return int(match[2]) + 1 if match and match[1] in LISTED else None

"""Check the YAML of a regional SOP model and build the `SopFormat` from it (`_Parser`).

Pure Python, no Django; `parse_format` in `loader.py` is the entry point, this module does the
work. The YAML is composed into nodes (not loaded into Python objects straight away) so every
problem can name the line of the offending key or value. All problems are collected, so a
partnership fixing its model sees every mistake at once. Messages are Dutch: they are read by
the people who write the model, and YAML syntax errors from PyYAML get a Dutch hint too. The
file format is described in docs/regional-model-format.md.
"""

import difflib
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from steunwijzer.core.yaml_source import FormatError, FormatProblem

from .format_rules import (
    CHAPTER_KEYS,
    CHOICE_KEYS,
    CHOICE_TYPES,
    COLUMN_KEYS,
    FIELD_KEYS,
    FIXED_TEXT_KEYS,
    FORMAT_MARKER,
    ID_RE,
    KEY_RE,
    MAX_ID_LENGTH,
    MAX_KEY_LENGTH,
    MAX_NAME_LENGTH,
    MAX_VERSION_LENGTH,
    SECTION_KEYS,
    TEXT_TYPES,
    TOP_KEYS,
    VERSION_RE,
    slugify_key,
)
from .sop_format import (
    COLUMN_TYPES,
    FIELD_TYPES,
    MANDATORY_PARTS,
    SCHOOL_TYPES,
    Chapter,
    Choice,
    Column,
    Field,
    FixedText,
    Section,
    SopFormat,
)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


# PyYAML's own messages, in plain Dutch; the original follows in brackets for searching.
_YAML_HINTS = [
    (
        "mapping values are not allowed",
        "hier mag geen ':' staan; staat er een dubbele punt in een tekst? "
        "Zet die tekst dan tussen aanhalingstekens",
    ),
    ("'\\t'", "er staat een tab; spring in met spaties, niet met tabs"),
    ("could not find expected ':'", "na een sleutel moet een ':' staan"),
    ("did not find expected key", "hier verwachtte ik een sleutel; klopt het inspringen?"),
    (
        "did not find expected '-' indicator",
        "hier verwachtte ik een lijstonderdeel ('- '); klopt het inspringen?",
    ),
    (
        "expected a single document",
        "het bestand mag maar één YAML-document bevatten (gebruik '---' hooguit één keer)",
    ),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op; mist er een afsluitend aanhalingsteken?",
    ),
    (
        "while parsing a flow",
        "tussen { } of [ ] moet tekst met een komma, dubbele punt of vraagteken tussen "
        "aanhalingstekens staan",
    ),
    ("found undefined alias", "verwijzing (*naam) naar een anker (&naam) dat niet bestaat"),
    (
        "found character that cannot start any token",
        "dit teken mag niet aan het begin van een waarde staan; zet de tekst tussen "
        "aanhalingstekens",
    ),
]


def _yaml_error_problem(exc: yaml.YAMLError, filename: str, source: str) -> FormatProblem:
    if isinstance(exc, yaml.reader.ReaderError):
        line = source[: exc.position].count("\n") + 1
        return FormatProblem(
            filename,
            line,
            "",
            f"ongeldig teken #x{exc.character:04x} in het bestand; haal het weg",
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if "end of stream" in (getattr(exc, "problem", None) or "") and exc.context_mark:
        mark = exc.context_mark  # where the unclosed quote or bracket started
    english = " ".join(
        part for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part
    ) or str(exc)
    hint = next((dutch for needle, dutch in _YAML_HINTS if needle in english), None)
    message = f"YAML-fout: {hint} ({english})" if hint else f"YAML-fout: {english}"
    return FormatProblem(filename, mark.line + 1 if mark else None, "", message)


def compose_yaml(source: str, filename: str) -> yaml.Node | None:
    """The YAML's node tree (None: only comments); a FormatError for what PyYAML refuses.

    Lists or mappings nested hundreds deep exhaust PyYAML's recursion before it finds any
    mistake; no model, scheme or catalogue comes near that."""
    try:
        return yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise FormatError([_yaml_error_problem(exc, filename, source)]) from None
    except RecursionError:
        message = "het bestand is te diep genest (lijsten of mappings honderden lagen diep)"
        raise FormatError([FormatProblem(filename, None, "", message)]) from None


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _describe(node: yaml.Node) -> str:
    """What a node holds, for 'maar er staat …'."""
    if isinstance(node, yaml.MappingNode):
        return "een mapping (sleutels met waarden)"
    if isinstance(node, yaml.SequenceNode):
        return "een lijst"
    return {
        _INT: f"het getal {node.value}",
        _FLOAT: f"het getal {node.value}",
        _BOOL: f"de ja/nee-waarde {node.value}",
        _NULL: "niets",
    }.get(node.tag, f"de tekst '{_short(node.value)}'")


def _short(value: str, limit: int = 40) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _clean_text(value: str) -> str:
    """Trailing spaces off every line, surrounding blank lines off the whole."""
    return "\n".join(line.rstrip() for line in value.strip("\n").split("\n")).strip()


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Parser:
    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[FormatProblem] = []
        self.constructor = SafeConstructor()
        # Global namespaces: key -> (line, path) of first use.
        self.item_keys: dict[str, tuple[int | None, str]] = {}
        self.chapter_keys: dict[str, tuple[int | None, str]] = {}
        self.mandatory: dict[str, tuple[int | None, str]] = {}

    def add(self, node: yaml.Node | None, path: str, message: str) -> None:
        self.problems.append(FormatProblem(self.filename, _line(node), path, message))

    # - entry point -

    def parse(self, source: str) -> SopFormat:
        if not source.strip():
            raise FormatError([FormatProblem(self.filename, None, "", "het bestand is leeg")])
        root = compose_yaml(source, self.filename)
        if root is None:
            raise FormatError(
                [FormatProblem(self.filename, None, "", "het bestand bevat alleen commentaar")]
            )
        fmt = self.model(root)
        if self.problems:
            self.problems.sort(key=lambda p: p.line or 0)
            raise FormatError(self.problems)
        return fmt

    # - generic node helpers -

    def mapping(self, node: yaml.Node, path: str, what: str, allowed: dict[str, bool]):
        """Key -> (key node, value node), after reporting duplicates, unknown and missing keys."""
        if not isinstance(node, yaml.MappingNode):
            self.add(
                node,
                path,
                f"{what} moet een mapping (sleutels met waarden) zijn, maar er staat "
                f"{_describe(node)}",
            )
            return None
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.add(key_node, path, "een sleutel moet een woord zijn, geen lijst of mapping")
                continue
            key = key_node.value
            if key in result:
                first = _line(result[key][0])
                self.add(
                    key_node,
                    _join(path, key),
                    f"sleutel '{key}' staat twee keer in {what} (eerst op regel {first})",
                )
                continue
            result[key] = (key_node, value_node)
        for key, (key_node, _) in result.items():
            if key not in allowed:
                match = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = (
                    f"bedoel je '{match[0]}'?"
                    if match
                    else "toegestaan zijn: " + ", ".join(allowed)
                )
                self.add(key_node, _join(path, key), f"onbekende sleutel '{key}'; {hint}")
        for key, required in allowed.items():
            if required and key not in result:
                self.add(node, _join(path, key), f"verplichte sleutel '{key}' ontbreekt")
        return result

    def sequence(self, node: yaml.Node, path: str, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.add(
                node,
                path,
                f"{what} moet een lijst zijn (regels die beginnen met '- '), maar er staat "
                f"{_describe(node)}",
            )
            return []
        if not node.value:
            self.add(node, path, f"{what} is leeg; zet er minstens één onderdeel in")
        return node.value

    def text(self, node, path, *, required=False, single_line=False, max_length=None) -> str:
        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.add(node, path, f"hier hoort tekst, maar er staat {_describe(node)}")
            return ""
        if node.tag == _NULL and not node.style:
            if required:
                self.add(node, path, "mag niet leeg zijn")
            return ""
        if node.tag not in (_STR, _INT, _FLOAT, _BOOL):
            self.add(node, path, f"hier hoort tekst, geen waarde met YAML-tag {node.tag}")
            return ""
        value = _clean_text(node.value)
        if required and not value:
            self.add(node, path, "mag niet leeg zijn")
        elif single_line and "\n" in value:
            self.add(node, path, "moet op één regel passen")
        elif max_length and len(value) > max_length:
            self.add(node, path, f"is te lang ({len(value)} tekens; hooguit {max_length})")
        return value

    def key(self, node, path, what: str) -> str:
        value = self.text(node, path, required=True, single_line=True)
        if not value:
            return value
        if not KEY_RE.match(value):
            suggestion = slugify_key(value)
            hint = f" (bijvoorbeeld '{suggestion}')" if KEY_RE.match(suggestion) else ""
            self.add(
                node,
                path,
                f"{what} '{value}' mag alleen kleine letters, cijfers en _ bevatten en moet "
                f"met een letter beginnen{hint}",
            )
        elif len(value) > MAX_KEY_LENGTH:
            self.add(node, path, f"{what} '{value}' is langer dan {MAX_KEY_LENGTH} tekens")
        return value

    def scalar_value(self, node: yaml.ScalarNode, path: str) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError) as exc:
            self.add(node, path, f"waarde kan niet gelezen worden ({exc})")
            return None

    def boolean(self, node, path) -> bool:
        if node is None:
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return bool(self.scalar_value(node, path))
        self.add(node, path, f"hier hoort true of false, maar er staat {_describe(node)}")
        return False

    def positive_int(self, node, path) -> int | None:
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT:
            value = self.scalar_value(node, path)
            if isinstance(value, int) and value > 0:
                return value
        self.add(
            node, path, f"hier hoort een positief geheel getal, maar er staat {_describe(node)}"
        )
        return None

    def number(self, node, path) -> int | float | None:
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag in (_INT, _FLOAT):
            value = self.scalar_value(node, path)
            if isinstance(value, int | float) and value == value and abs(value) != float("inf"):
                return value
        self.add(node, path, f"hier hoort een getal, maar er staat {_describe(node)}")
        return None

    def string_list(self, node, path, what: str) -> list[tuple[yaml.Node, str]]:
        result = []
        for index, item in enumerate(self.sequence(node, path, what)):
            value = self.text(item, f"{path}[{index}]", required=True)
            if value:
                result.append((item, value))
        return result

    # - levels -

    def model(self, root: yaml.Node) -> SopFormat:
        top = self.mapping(root, "", "het model", TOP_KEYS)
        if top is None:
            return SopFormat(id="", name="", version="")
        get = lambda key: top.get(key, (None, None))[1]  # noqa: E731

        marker = self.text(get("format"), "format", required=True)
        if "format" in top and marker and marker != FORMAT_MARKER:
            self.add(
                get("format"),
                "format",
                f"dit is geen SOP-model: 'format' moet '{FORMAT_MARKER}' zijn, niet '{marker}'",
            )
        model_id = self.text(get("id"), "id", required=True, single_line=True)
        if model_id and not ID_RE.match(model_id):
            self.add(
                get("id"),
                "id",
                f"model-id '{model_id}' mag alleen kleine letters, cijfers, - en _ bevatten en "
                "moet met een letter beginnen",
            )
        elif len(model_id) > MAX_ID_LENGTH:
            self.add(get("id"), "id", f"model-id is langer dan {MAX_ID_LENGTH} tekens")
        name = self.text(
            get("name"), "name", required=True, single_line=True, max_length=MAX_NAME_LENGTH
        )
        version = self.text(
            get("version"),
            "version",
            required=True,
            single_line=True,
            max_length=MAX_VERSION_LENGTH,
        )
        if version and len(version) <= MAX_VERSION_LENGTH and not VERSION_RE.match(version):
            self.add(
                get("version"),
                "version",
                f"versie '{version}' mag alleen letters, cijfers, punten, - en _ bevatten "
                '(bijvoorbeeld "2.0")',
            )
        description = self.text(get("description"), "description")

        chapters = []
        if "chapters" in top:
            chapters_key, chapters_node = top["chapters"]
            for index, node in enumerate(self.sequence(chapters_node, "chapters", "chapters")):
                chapter = self.chapter(node, f"chapters[{index}]")
                if chapter is not None:
                    chapters.append(chapter)
            if isinstance(chapters_node, yaml.SequenceNode):
                for part, label in MANDATORY_PARTS.items():
                    if part not in self.mandatory:
                        self.add(
                            chapters_key,
                            "chapters",
                            f"het verplichte onderdeel '{label}' ontbreekt; geef één hoofdstuk "
                            f"'mandatory_part: {part}'",
                        )
        return SopFormat(
            id=model_id,
            name=name,
            version=version,
            description=description,
            chapters=tuple(chapters),
        )

    def chapter(self, node: yaml.Node, path: str) -> Chapter | None:
        m = self.mapping(node, path, "een hoofdstuk", CHAPTER_KEYS)
        if m is None:
            return None
        get = lambda key: m.get(key, (None, None))[1]  # noqa: E731

        key = self.key(get("key"), _join(path, "key"), "hoofdstuksleutel")
        if key:
            self.unique(self.chapter_keys, key, get("key"), _join(path, "key"), "hoofdstuk")
        title = self.text(get("title"), _join(path, "title"), required=True, single_line=True)
        number = self.text(get("number"), _join(path, "number"), single_line=True)
        intro = self.text(get("intro"), _join(path, "intro"))
        word_budget = self.positive_int(get("word_budget"), _join(path, "word_budget"))

        mandatory_part = None
        part_node = get("mandatory_part")
        if part_node is not None:
            part_path = _join(path, "mandatory_part")
            part = self.text(part_node, part_path, required=True, single_line=True)
            if part and part not in MANDATORY_PARTS:
                self.add(
                    part_node,
                    part_path,
                    f"onbekend verplicht onderdeel '{part}'; kies uit "
                    + ", ".join(MANDATORY_PARTS),
                )
            elif part in self.mandatory:
                first_line, first_path = self.mandatory[part]
                self.add(
                    part_node,
                    part_path,
                    f"verplicht onderdeel '{part}' hoort al bij {first_path} (regel "
                    f"{first_line}); elk verplicht onderdeel komt in precies één hoofdstuk",
                )
            elif part:
                self.mandatory[part] = (_line(part_node), path)
                mandatory_part = part

        questions = ()
        if get("guiding_questions") is not None:
            questions = tuple(
                value
                for _, value in self.string_list(
                    get("guiding_questions"),
                    _join(path, "guiding_questions"),
                    "guiding_questions",
                )
            )

        school_types: tuple[str, ...] = ()
        types_node = get("school_types")
        if types_node is not None:
            types_path = _join(path, "school_types")
            school_types = self.school_types(types_node, types_path)
            # Every school must be able to cover the four mandatory parts in the model.
            if school_types and mandatory_part:
                self.add(
                    types_node,
                    types_path,
                    f"een hoofdstuk met een verplicht onderdeel ('{mandatory_part}') geldt voor "
                    "elke soort school; laat 'school_types' hier weg",
                )

        sections = []
        section_keys: dict[str, tuple[int | None, str]] = {}
        if get("sections") is not None:
            sections_path = _join(path, "sections")
            for index, section_node in enumerate(
                self.sequence(get("sections"), sections_path, "sections")
            ):
                section = self.section(section_node, f"{sections_path}[{index}]", section_keys)
                if section is not None:
                    sections.append(section)

        if school_types:
            for f in (f for section in sections for f in section.fields):
                outside = [t for t in f.school_types if t not in school_types]
                if outside:
                    self.add(
                        types_node,
                        _join(path, "school_types"),
                        f"veld '{f.key}' geldt voor {', '.join(outside)}, maar dit hoofdstuk "
                        "alleen voor " + ", ".join(school_types),
                    )
        if (
            mandatory_part == "zorgplicht"
            and sections
            and not any(
                isinstance(item, FixedText) for section in sections for item in section.items
            )
        ):
            self.add(
                node,
                path,
                "het hoofdstuk over de zorgplicht moet de vaste zorgplichttekst bevatten "
                "(een onderdeel met 'fixed_text:')",
            )
        return Chapter(
            key=key,
            title=title,
            number=number,
            intro=intro,
            mandatory_part=mandatory_part,
            guiding_questions=questions,
            sections=tuple(sections),
            word_budget=word_budget,
            school_types=school_types,
        )

    def section(self, node, path, section_keys) -> Section | None:
        m = self.mapping(node, path, "een paragraaf", SECTION_KEYS)
        if m is None:
            return None
        get = lambda key: m.get(key, (None, None))[1]  # noqa: E731

        key = self.key(get("key"), _join(path, "key"), "paragraafsleutel")
        if key:
            self.unique(
                section_keys, key, get("key"), _join(path, "key"), "paragraaf in dit hoofdstuk"
            )
        title = self.text(get("title"), _join(path, "title"), required=True, single_line=True)
        intro = self.text(get("intro"), _join(path, "intro"))
        items = []
        if get("items") is not None:
            items_path = _join(path, "items")
            for index, item_node in enumerate(self.sequence(get("items"), items_path, "items")):
                item = self.item(item_node, f"{items_path}[{index}]")
                if item is not None:
                    items.append(item)
        return Section(key=key, title=title, intro=intro, items=tuple(items))

    def unique(self, seen: dict, key: str, node, path: str, what: str) -> None:
        if key in seen:
            first_line, first_path = seen[key]
            self.add(
                node,
                path,
                f"sleutel '{key}' is al gebruikt voor een ander {what} ({first_path}, regel "
                f"{first_line}); elke sleutel moet uniek zijn",
            )
        else:
            seen[key] = (_line(node), path.rsplit(".", 1)[0])

    def item(self, node, path) -> Field | FixedText | None:
        if not isinstance(node, yaml.MappingNode):
            self.add(
                node,
                path,
                "een onderdeel moet een invulveld ('field: sleutel') of een vaste tekst "
                f"('fixed_text: sleutel') zijn, maar er staat {_describe(node)}",
            )
            return None
        keys = {
            key_node.value: key_node
            for key_node, _ in node.value
            if isinstance(key_node, yaml.ScalarNode)
        }
        if "field" in keys and "fixed_text" in keys:
            self.add(
                node,
                path,
                "een onderdeel is óf een invulveld ('field') óf een vaste tekst ('fixed_text'), "
                "niet allebei",
            )
            return None
        if "fixed_text" in keys:
            return self.fixed_text(node, path)
        if "field" in keys:
            return self.field(node, path)
        for key, key_node in keys.items():
            match = difflib.get_close_matches(key, ["field", "fixed_text"], n=1, cutoff=0.6)
            if match:
                self.add(
                    key_node,
                    _join(path, key),
                    f"onbekende sleutel '{key}'; bedoel je '{match[0]}'?",
                )
                return None
        if "key" in keys:
            self.add(
                keys["key"],
                _join(path, "key"),
                "een onderdeel begint niet met 'key:' maar met 'field:' (invulveld) of "
                "'fixed_text:' (vaste tekst)",
            )
            return None
        self.add(
            node,
            path,
            "onderdeel zonder 'field' of 'fixed_text'; begin een invulveld met "
            "'- field: sleutel' en een vaste tekst met '- fixed_text: sleutel'",
        )
        return None

    def fixed_text(self, node, path) -> FixedText:
        m = self.mapping(node, path, "een vaste tekst", FIXED_TEXT_KEYS)
        get = lambda key: m.get(key, (None, None))[1]  # noqa: E731
        key_path = _join(path, "fixed_text")
        key = self.key(get("fixed_text"), key_path, "sleutel van de vaste tekst")
        if key:
            self.unique(self.item_keys, key, get("fixed_text"), key_path, "veld of vaste tekst")
        title = self.text(get("title"), _join(path, "title"), single_line=True)
        text = self.text(get("text"), _join(path, "text"), required=True)
        return FixedText(key=key, text=text, title=title)

    def field(self, node, path) -> Field:
        m = self.mapping(node, path, "een invulveld", FIELD_KEYS)
        get = lambda key: m.get(key, (None, None))[1]  # noqa: E731
        key_path = _join(path, "field")
        key = self.key(get("field"), key_path, "veldsleutel")
        if key:
            self.unique(self.item_keys, key, get("field"), key_path, "veld of vaste tekst")

        field_type = self.text(get("type"), _join(path, "type"), required=True, single_line=True)
        if field_type and field_type not in FIELD_TYPES:
            match = difflib.get_close_matches(field_type, FIELD_TYPES, n=1, cutoff=0.6)
            hint = f"bedoel je '{match[0]}'? " if match else ""
            self.add(
                get("type"),
                _join(path, "type"),
                f"onbekend veldtype '{field_type}'; {hint}kies uit " + ", ".join(FIELD_TYPES),
            )
            field_type_known = False
        else:
            field_type_known = bool(field_type)

        label = self.text(get("label"), _join(path, "label"), required=True, single_line=True)
        help_text = self.text(get("help"), _join(path, "help"))
        example = self.text(get("example"), _join(path, "example"))
        required = self.boolean(get("required"), _join(path, "required"))

        def only_for(option: str, types: tuple[str, ...]) -> bool:
            """Report `option` on a field type it does not belong to; True if it may be read."""
            if get(option) is None:
                return False
            if field_type_known and field_type not in types:
                self.add(
                    m[option][0],
                    _join(path, option),
                    f"'{option}' hoort niet bij veldtype '{field_type}'; alleen bij "
                    + ", ".join(types),
                )
                return False
            return True

        max_length = None
        if only_for("max_length", TEXT_TYPES):
            max_length = self.positive_int(get("max_length"), _join(path, "max_length"))
        min_value = max_value = None
        if only_for("min_value", ("number",)):
            min_value = self.number(get("min_value"), _join(path, "min_value"))
        if only_for("max_value", ("number",)):
            max_value = self.number(get("max_value"), _join(path, "max_value"))
        if min_value is not None and max_value is not None and min_value > max_value:
            self.add(
                get("max_value"),
                _join(path, "max_value"),
                f"max_value ({max_value}) is kleiner dan min_value ({min_value})",
            )

        choices: tuple[Choice, ...] = ()
        if only_for("choices", CHOICE_TYPES):
            choices = self.choices(get("choices"), _join(path, "choices"))
        elif field_type in CHOICE_TYPES and get("choices") is None:
            self.add(
                node,
                _join(path, "choices"),
                f"veldtype '{field_type}' heeft keuzes nodig; voeg 'choices:' toe",
            )

        columns: tuple[Column, ...] = ()
        if only_for("columns", ("table",)):
            columns = self.columns(get("columns"), _join(path, "columns"))
        elif field_type == "table" and get("columns") is None:
            self.add(
                node,
                _join(path, "columns"),
                "veldtype 'table' heeft kolommen nodig; voeg 'columns:' toe",
            )

        school_types: tuple[str, ...] = ()
        if get("school_types") is not None:
            school_types = self.school_types(get("school_types"), _join(path, "school_types"))

        return Field(
            key=key,
            type=field_type,
            label=label,
            help=help_text,
            required=required,
            example=example,
            choices=choices,
            columns=columns,
            max_length=max_length,
            min_value=min_value,
            max_value=max_value,
            school_types=school_types,
        )

    def school_types(self, node, path) -> tuple[str, ...]:
        result: list[str] = []
        for item, value in self.string_list(node, path, "school_types"):
            if value not in SCHOOL_TYPES:
                self.add(
                    item,
                    path,
                    f"onbekende soort school '{value}'; kies uit " + ", ".join(SCHOOL_TYPES),
                )
            elif value in result:
                self.add(item, path, f"soort school '{value}' staat twee keer in de lijst")
            else:
                result.append(value)
        return tuple(result)

    def choices(self, node, path) -> tuple[Choice, ...]:
        result: list[Choice] = []
        keys: dict[str, tuple[int | None, str]] = {}
        labels: dict[str, int | None] = {}
        for index, item in enumerate(self.sequence(node, path, "choices")):
            item_path = f"{path}[{index}]"
            if isinstance(item, yaml.MappingNode):
                m = self.mapping(item, item_path, "een keuze", CHOICE_KEYS)
                key_node = m.get("key", (None, None))[1]
                key = self.key(key_node, _join(item_path, "key"), "keuzesleutel")
                label = self.text(
                    m.get("label", (None, None))[1],
                    _join(item_path, "label"),
                    required=True,
                    single_line=True,
                )
                if not key or not label:
                    continue
            else:
                label = self.text(item, item_path, required=True, single_line=True)
                if not label:
                    continue
                key = slugify_key(label)
                if not KEY_RE.match(key):
                    self.add(
                        item,
                        item_path,
                        f"van de keuze '{label}' kan geen sleutel gemaakt worden; schrijf "
                        "haar als '{key: ..., label: ...}' met een sleutel die met een letter "
                        "begint",
                    )
                    continue
            line = _line(item)
            if key in keys:
                first_line, first_label = keys[key]
                self.add(
                    item,
                    item_path,
                    f"keuze '{label}' staat twee keer in de lijst (als '{first_label}' op regel "
                    f"{first_line}; allebei met sleutel '{key}')",
                )
                continue
            if label.casefold() in labels:
                self.add(
                    item,
                    item_path,
                    f"keuze '{label}' staat twee keer in de lijst (ook op regel "
                    f"{labels[label.casefold()]})",
                )
                continue
            keys[key] = (line, label)
            labels[label.casefold()] = line
            result.append(Choice(key=key, label=label))
        return tuple(result)

    def columns(self, node, path) -> tuple[Column, ...]:
        result: list[Column] = []
        seen: dict[str, tuple[int | None, str]] = {}
        for index, item in enumerate(self.sequence(node, path, "columns")):
            item_path = f"{path}[{index}]"
            m = self.mapping(item, item_path, "een kolom", COLUMN_KEYS)
            if m is None:
                continue
            get = lambda key, m=m: m.get(key, (None, None))[1]  # noqa: E731
            key = self.key(get("key"), _join(item_path, "key"), "kolomsleutel")
            if key:
                self.unique(seen, key, get("key"), _join(item_path, "key"), "kolom in deze tabel")
            label = self.text(
                get("label"), _join(item_path, "label"), required=True, single_line=True
            )
            column_type = "short_text"
            if get("type") is not None:
                column_type = self.text(
                    get("type"), _join(item_path, "type"), required=True, single_line=True
                )
                if column_type and column_type not in COLUMN_TYPES:
                    self.add(
                        get("type"),
                        _join(item_path, "type"),
                        f"onbekend kolomtype '{column_type}'; kies uit " + ", ".join(COLUMN_TYPES),
                    )
            choices: tuple[Choice, ...] = ()
            if column_type == "single_choice":
                if get("choices") is None:
                    self.add(
                        item,
                        _join(item_path, "choices"),
                        "kolomtype 'single_choice' heeft keuzes nodig; voeg 'choices:' toe",
                    )
                else:
                    choices = self.choices(get("choices"), _join(item_path, "choices"))
            elif get("choices") is not None and column_type in COLUMN_TYPES:
                self.add(
                    m["choices"][0],
                    _join(item_path, "choices"),
                    f"'choices' hoort niet bij kolomtype '{column_type}'; alleen bij single_choice",
                )
            result.append(Column(key=key, label=label, type=column_type, choices=choices))
        return tuple(result)

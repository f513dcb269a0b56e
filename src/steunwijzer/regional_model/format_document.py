"""The regional SOP model file (`sop-model` YAML) as pydantic models: what it may say.

Pure Python, no Django. `SopModelDoc` describes the whole file. `loader.parse_format` reads a
file with it through the shared loader (core/yaml_documents.py: lines, Dutch problems); its
dump has the shape of the dict `FormatVersion.definition` stores (format_dict.py), so that
reads it into the `SopFormat` the rest of the code uses. `steunwijzer format schema`
prints the JSON Schema of the same models, so a partnership can check its file in its own
editor; docs/regional-model-format.md describes the format, and a test keeps the two in step.

Each field's type (format_values.py) says what one value may be, with a Dutch message for what
it may not; the rules between fields (unique keys, the four mandatory parts, options that
belong to a field type) are the `rules` of the model that holds them.
"""

import difflib
from collections.abc import Iterator
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, ConfigDict, Field, TypeAdapter, WrapValidator, computed_field

from steunwijzer.core.yaml_documents import (
    DocumentModel,
    Issue,
    describe,
    key_used_before,
    mappings_in,
    problem,
    valid,
)

from .format_values import (
    KEY_RE,
    Boolean,
    ColumnType,
    FieldType,
    FormatMarker,
    Key,
    Line,
    MandatoryPart,
    ModelId,
    ModelVersion,
    Name,
    Number,
    PositiveInt,
    RequiredLine,
    RequiredText,
    SchoolType,
    SchoolTypes,
    Text,
    slugify_key,
    text_value,
)
from .sop_format import COLUMN_TYPES, MANDATORY_PARTS

TEXT_TYPES = ("short_text", "long_text")
CHOICE_TYPES = ("single_choice", "checklist")
# Options that only some field types have.
OPTIONS = {
    "max_length": TEXT_TYPES,
    "min_value": ("number",),
    "max_value": ("number",),
    "choices": CHOICE_TYPES,
    "columns": ("table",),
    "finder_label": ("checklist",),
}


_KEY = TypeAdapter(Key("sleutel"))
_FIELD_TYPE = TypeAdapter(FieldType)
_MANDATORY_PART = TypeAdapter(MandatoryPart)
_NUMBER = TypeAdapter(Number)
_REQUIRED_LINE = TypeAdapter(RequiredLine)
_LINE = TypeAdapter(Line)
_SCHOOL_TYPE = TypeAdapter(SchoolType)
_SCHOOL_TYPES = TypeAdapter(SchoolTypes)


# - rules that lists share -


def _school_types_twice(items: Any, at: tuple) -> Iterator[Issue]:
    seen: set[str] = set()
    for index, item in enumerate(items if isinstance(items, list) else ()):
        kind = valid(_SCHOOL_TYPE, item)
        if kind in seen:
            yield Issue((*at, index), f"soort school '{kind}' staat twee keer in de lijst", up=1)
        elif kind:
            seen.add(kind)


def _choices_twice(items: Any) -> Iterator[Issue]:
    """Two choices with one key, or with one label in any case."""
    keys: dict[str, tuple[int, str]] = {}
    labels: dict[str, int] = {}
    for index, item in enumerate(items if isinstance(items, list) else ()):
        choice = valid(_CHOICE, item)
        at = ("choices", index)
        if choice is None:
            continue
        if choice.key in keys:
            first, first_label = keys[choice.key]
            yield Issue(
                at,
                f"keuze '{choice.label}' staat twee keer in de lijst (als '{first_label}'"
                f"[[ op regel {{line}}]]; allebei met sleutel '{choice.key}')",
                ref_at=("choices", first),
            )
        elif choice.label.casefold() in labels:
            yield Issue(
                at,
                f"keuze '{choice.label}' staat twee keer in de lijst[[ (ook op regel {{line}})]]",
                ref_at=("choices", labels[choice.label.casefold()]),
            )
        else:
            keys[choice.key] = (index, choice.label)
            labels[choice.label.casefold()] = index


# - the parts, from small to large -


class ChoiceDoc(DocumentModel):
    model_config = ConfigDict(title="Keuze")
    what: ClassVar[str] = "een keuze"

    key: Key("keuzesleutel") = Field(description="Blijft gelijk als het label verandert.")
    label: RequiredLine = Field(description="Wat de school en ouders lezen.")


def _choice(value: Any) -> Any:
    """A choice written as its label gets the key made from it."""
    if isinstance(value, dict):
        return value
    label = text_value(value, required=True, single_line=True)
    key = slugify_key(label)
    if not KEY_RE.match(key):
        raise problem(
            f"van de keuze '{label}' kan geen sleutel gemaakt worden; schrijf haar als "
            "'{key: ..., label: ...}' met een sleutel die met een letter begint"
        )
    return {"key": key, "label": label}


Choice = Annotated[ChoiceDoc, BeforeValidator(_choice, json_schema_input_type=str | ChoiceDoc)]
Choices = Annotated[list[Choice], Field(min_length=1)]
_CHOICE = TypeAdapter(Choice)


class ColumnDoc(DocumentModel):
    model_config = ConfigDict(title="Kolom")
    what: ClassVar[str] = "een kolom"

    key: Key("kolomsleutel") = Field(description="Uniek binnen de tabel.")
    label: RequiredLine = Field(description="Kop van de kolom.")
    type: ColumnType = "short_text"
    choices: Choices = Field([], description="Alleen bij kolomtype single_choice, en dan nodig.")

    @classmethod
    def rules(cls, data: dict) -> Iterator[Issue]:
        kind = valid(_REQUIRED_LINE, data["type"]) if "type" in data else "short_text"
        if kind == "single_choice" and "choices" not in data:
            message = "kolomtype 'single_choice' heeft keuzes nodig; voeg 'choices:' toe"
            yield Issue(("choices",), message)
        elif kind == "single_choice":
            yield from _choices_twice(data["choices"])
        elif "choices" in data and kind in COLUMN_TYPES:
            message = f"'choices' hoort niet bij kolomtype '{kind}'; alleen bij single_choice"
            yield Issue(("choices",), message, key_line=True)


class FieldDoc(DocumentModel):
    model_config = ConfigDict(title="Invulveld")
    what: ClassVar[str] = "een invulveld"

    key: Key("veldsleutel") = Field(
        validation_alias="field",
        description="Uniek in het hele model; het antwoord van de school staat onder deze sleutel.",
    )
    type: FieldType
    label: RequiredLine = Field(description="De vraag of kop die school en ouders zien.")
    help: Text = Field("", description="Hoe de school het invult (in B1-Nederlands).")
    finder_label: Line = Field(
        "", description="Alleen checklist: de kop in de schoolzoeker, gericht aan ouders."
    )
    required: Boolean = Field(False, description="Moet ingevuld zijn voor het SOP naar de MR gaat.")
    example: Text = Field("", description="Een voorbeeldantwoord.")
    max_length: PositiveInt = Field(None, description="Alleen short_text en long_text.")
    min_value: Number = Field(None, description="Alleen number.")
    max_value: Number = Field(None, description="Alleen number; niet kleiner dan min_value.")
    choices: Choices = Field([], description="Nodig bij single_choice en checklist, anders niet.")
    columns: list[ColumnDoc] = Field([], min_length=1, description="Nodig bij table, anders niet.")
    school_types: SchoolTypes = []

    @computed_field
    @property
    def kind(self) -> str:
        return "field"

    @classmethod
    def rules(cls, data: dict) -> Iterator[Issue]:
        kind = valid(_FIELD_TYPE, data.get("type"))
        # An option of another field type is only named; of an unknown type, also read.
        read = {o for o, kinds in OPTIONS.items() if o in data and kind in (None, *kinds)}
        for option, kinds in OPTIONS.items():
            if option in data and option not in read:
                message = f"'{option}' hoort niet bij veldtype '{kind}'; alleen bij " + ", ".join(
                    kinds
                )
                yield Issue((option,), message, key_line=True)
        low = valid(_NUMBER, data["min_value"]) if "min_value" in read else None
        high = valid(_NUMBER, data["max_value"]) if "max_value" in read else None
        if low is not None and high is not None and low > high:
            yield Issue(("max_value",), f"max_value ({high}) is kleiner dan min_value ({low})")
        if kind in CHOICE_TYPES and "choices" not in data:
            yield Issue(("choices",), f"veldtype '{kind}' heeft keuzes nodig; voeg 'choices:' toe")
        if kind == "table" and "columns" not in data:
            message = "veldtype 'table' heeft kolommen nodig; voeg 'columns:' toe"
            yield Issue(("columns",), message)
        if "choices" in read:
            yield from _choices_twice(data["choices"])
        seen: dict = {}
        for index, column in mappings_in(data, "columns") if "columns" in read else ():
            key = valid(_KEY, column.get("key"))
            if key:
                yield from key_used_before(
                    seen, key, ("columns", index, "key"), "kolom in deze tabel"
                )
        yield from _school_types_twice(data.get("school_types"), ("school_types",))


class FixedTextDoc(DocumentModel):
    model_config = ConfigDict(title="Vaste tekst")
    what: ClassVar[str] = "een vaste tekst"

    key: Key("sleutel van de vaste tekst") = Field(
        validation_alias="fixed_text", description="Uniek in het hele model."
    )
    title: Line = ""
    text: RequiredText = Field(
        description="Gewone tekst: een lege regel begint een alinea, '- ' een opsomming."
    )
    default: Boolean = Field(
        False,
        description="Een voorstel van Steunwijzer dat het samenwerkingsverband nog bevestigt "
        "of vervangt; pas daarna is het zijn vaste tekst.",
    )

    @computed_field
    @property
    def kind(self) -> str:
        return "fixed_text"


def _kind(item: dict) -> str | None:
    """'field' or 'fixed_text', by the key the item starts with; None if neither or both."""
    kinds = [kind for kind in ("field", "fixed_text") if kind in item]
    return kinds[0] if len(kinds) == 1 else None


def _item(value: Any, _handler) -> FieldDoc | FixedTextDoc:
    """An item is a field or a fixed text by its first key, and a problem names which."""
    if not isinstance(value, dict):
        raise problem(
            "een onderdeel moet een invulveld ('field: sleutel') of een vaste tekst "
            f"('fixed_text: sleutel') zijn, maar er staat {describe(value)}"
        )
    kind = _kind(value)
    if kind:
        return (FieldDoc if kind == "field" else FixedTextDoc).model_validate(value)
    if "field" in value:
        raise problem(
            "een onderdeel is óf een invulveld ('field') óf een vaste tekst ('fixed_text'), "
            "niet allebei"
        )
    for key in value:
        match = difflib.get_close_matches(key, ["field", "fixed_text"], n=1, cutoff=0.6)
        if match:
            message = f"onbekende sleutel '{key}'; bedoel je '{match[0]}'?"
            raise problem(message, at=(key,), key_line=True)
    if "key" in value:
        raise problem(
            "een onderdeel begint niet met 'key:' maar met 'field:' (invulveld) of "
            "'fixed_text:' (vaste tekst)",
            at=("key",),
            key_line=True,
        )
    raise problem(
        "onderdeel zonder 'field' of 'fixed_text'; begin een invulveld met "
        "'- field: sleutel' en een vaste tekst met '- fixed_text: sleutel'"
    )


class SectionDoc(DocumentModel):
    model_config = ConfigDict(title="Paragraaf")
    what: ClassVar[str] = "een paragraaf"

    key: Key("paragraafsleutel") = Field(description="Uniek binnen het hoofdstuk.")
    title: RequiredLine
    intro: Text = ""
    items: list[Annotated[FieldDoc | FixedTextDoc, WrapValidator(_item)]] = Field(
        min_length=1, description="Invulvelden en vaste teksten, in de volgorde van het SOP."
    )


class ChapterDoc(DocumentModel):
    model_config = ConfigDict(title="Hoofdstuk")
    what: ClassVar[str] = "een hoofdstuk"

    key: Key("hoofdstuksleutel") = Field(description="Uniek onder de hoofdstukken.")
    number: Line = Field("", description='Staat voor de titel: "2. Basisondersteuning".')
    title: RequiredLine
    mandatory_part: MandatoryPart = Field(
        None, description="Het verplichte onderdeel dat dit hoofdstuk behandelt."
    )
    intro: Text = ""
    word_budget: PositiveInt = Field(None, description="Richtlijn voor het aantal woorden.")
    guiding_questions: list[RequiredText] = Field(
        [], min_length=1, description="Vragen voor het gesprek in het team."
    )
    school_types: SchoolTypes = []
    sections: list[SectionDoc] = Field(min_length=1)

    @classmethod
    def rules(cls, data: dict) -> Iterator[Issue]:
        seen: dict = {}
        for index, section in mappings_in(data, "sections"):
            key = valid(_KEY, section.get("key"))
            if key:
                at = ("sections", index, "key")
                yield from key_used_before(seen, key, at, "paragraaf in dit hoofdstuk")
        yield from _school_types_twice(data.get("school_types"), ("school_types",))
        # A field may not name a school type its chapter leaves out.
        kinds = valid(_SCHOOL_TYPES, data.get("school_types"))
        for _, section in mappings_in(data, "sections") if kinds else ():
            for _, item in mappings_in(section, "items"):
                outside = [
                    kind
                    for kind in valid(_SCHOOL_TYPES, item.get("school_types")) or ()
                    if kind not in kinds
                ]
                if _kind(item) == "field" and outside:
                    yield Issue(
                        ("school_types",),
                        f"veld '{valid(_KEY, item['field']) or ''}' geldt voor "
                        f"{', '.join(outside)}, maar dit hoofdstuk alleen voor " + ", ".join(kinds),
                    )


class MandatoryPartDoc(DocumentModel):
    model_config = ConfigDict(title="Verplicht onderdeel")
    what: ClassVar[str] = "een verplicht onderdeel"

    part: MandatoryPart = Field(
        description="Welk onderdeel; een hoofdstuk noemt het met 'mandatory_part'."
    )
    label: Line = Field("", description="De naam die scholen zien; leeg is de gewone naam.")


class RequirementsDoc(DocumentModel):
    model_config = ConfigDict(title="Eisen van het model")
    what: ClassVar[str] = "de eisen van het model"

    mandatory_parts: list[MandatoryPartDoc] = Field(
        [], description="De onderdelen die elk SOP van dit model moet hebben, elk in één hoofdstuk."
    )
    fixed_texts_in: list[MandatoryPart] = Field(
        [],
        description="Onderdelen waarvan het hoofdstuk een vaste tekst moet bevatten, "
        "bijvoorbeeld 'zorgplicht'.",
    )

    @classmethod
    def rules(cls, data: dict) -> Iterator[Issue]:
        declared: dict = {}
        for index, entry in mappings_in(data, "mandatory_parts"):
            part = valid(_MANDATORY_PART, entry.get("part"))
            if part:
                at = ("mandatory_parts", index, "part")
                yield from key_used_before(declared, part, at, "verplicht onderdeel")
        fixed = data.get("fixed_texts_in")
        for index, part in enumerate(fixed if isinstance(fixed, list) else ()):
            part = valid(_MANDATORY_PART, part)
            if part and part not in declared:
                yield Issue(
                    ("fixed_texts_in", index),
                    f"'{part}' staat niet bij 'mandatory_parts'; een vaste tekst kan alleen "
                    "gevraagd worden in een verplicht onderdeel",
                )


def _requirements(data: dict) -> tuple[dict, tuple]:
    """The declared parts (key → label) and the parts that need a fixed text."""
    declared = data.get("requirements") if isinstance(data, dict) else None
    if not isinstance(declared, dict):
        return {}, ()
    parts = {}
    for _, entry in mappings_in(declared, "mandatory_parts"):
        part = valid(_MANDATORY_PART, entry.get("part"))
        if part:
            parts[part] = valid(_LINE, entry.get("label", "")) or MANDATORY_PARTS[part]
    fixed = declared.get("fixed_texts_in")
    fixed = tuple(
        p
        for p in (valid(_MANDATORY_PART, v) for v in (fixed if isinstance(fixed, list) else ()))
        if p
    )
    return parts, fixed


class SopModelDoc(DocumentModel):
    model_config = ConfigDict(title="SOP-model")
    what: ClassVar[str] = "het model"

    format: FormatMarker = Field(
        description="Altijd 'sop-model': zo weet Steunwijzer wat voor bestand dit is."
    )
    id: ModelId = Field(description="De id van het model; de versies van één model delen die.")
    name: Name = Field(description='Naam die scholen zien, bijvoorbeeld "Haaglanden SOP-model".')
    version: ModelVersion = Field(
        description='Bijvoorbeeld "2.0"; zet het tussen aanhalingstekens.'
    )
    description: Text = Field("", description="Waar het model voor is.")
    requirements: RequirementsDoc = Field(
        None,
        description="Wat elk SOP van dit model moet hebben; zonder dit deel eist het model "
        "geen verplichte onderdelen en geen vaste teksten.",
    )
    chapters: list[ChapterDoc] = Field(min_length=1, description="In de volgorde van het SOP.")

    @classmethod
    def rules(cls, data: dict) -> Iterator[Issue]:
        chapter_keys: dict = {}
        item_keys: dict = {}
        parts: dict = {}
        required, fixed_texts_in = _requirements(data)
        for index, chapter in mappings_in(data, "chapters"):
            at = ("chapters", index)
            key = valid(_KEY, chapter.get("key"))
            if key:
                yield from key_used_before(chapter_keys, key, (*at, "key"), "hoofdstuk")
            part = valid(_MANDATORY_PART, chapter.get("mandatory_part"))
            if part in parts:
                yield Issue(
                    (*at, "mandatory_part"),
                    f"verplicht onderdeel '{part}' hoort al bij {{ref}}[[ (regel {{line}})]]; "
                    "elk verplicht onderdeel komt in precies één hoofdstuk",
                    ref_at=parts[part],
                )
                part = None
            elif part:
                parts[part] = (*at, "mandatory_part")
            # Every school must be able to cover the model's mandatory parts.
            if part in required and valid(_SCHOOL_TYPES, chapter.get("school_types")):
                yield Issue(
                    (*at, "school_types"),
                    f"een hoofdstuk met een verplicht onderdeel ('{part}') geldt voor elke soort "
                    "school; laat 'school_types' hier weg",
                )
            yield from cls._item_keys(chapter, at, item_keys)
            sections = mappings_in(chapter, "sections")
            items = [item for _, section in sections for _, item in mappings_in(section, "items")]
            # A fixed text asked for a part the model does not require is a problem of
            # `requirements` already.
            if (
                part in fixed_texts_in
                and part in required
                and sections
                and not any(_kind(item) == "fixed_text" for item in items)
            ):
                yield Issue(
                    at,
                    f"het hoofdstuk over '{required[part]}' moet een vaste tekst bevatten "
                    "(een onderdeel met 'fixed_text:'), zo vraagt 'requirements' van dit model",
                )
        if isinstance(data.get("chapters"), list):
            for part, label in required.items():
                if part not in parts:
                    yield Issue(
                        ("chapters",),
                        f"het verplichte onderdeel '{label}' ontbreekt; geef één hoofdstuk "
                        f"'mandatory_part: {part}'",
                        key_line=True,
                    )

    @staticmethod
    def _item_keys(chapter: dict, at: tuple, seen: dict) -> Iterator[Issue]:
        """Fields and fixed texts share one set of keys over the whole model."""
        for s, section in mappings_in(chapter, "sections"):
            for i, item in mappings_in(section, "items"):
                kind = _kind(item)
                key = valid(_KEY, item.get(kind)) if kind else None
                if key:
                    where = (*at, "sections", s, "items", i, kind)
                    yield from key_used_before(seen, key, where, "veld of vaste tekst")

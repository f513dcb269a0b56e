"""The IJK catalogue: groups of standards with indicators, the scale and the Kijkwijzer items.

Pure Python, no Django. A partnership keeps its catalogue as YAML (docs/instruments-ijk.md);
the pydantic models at the end (`CatalogueDoc`) describe it, with the regional model's value
types, so messages read the same. `parse_catalogue` reads it with the loader the three YAML
documents share (core/yaml_documents.py: every problem with its line and place) and returns a
`Catalogue` plus the plain dict `CatalogueVersion` stores (the model's dump).
Codes are data: the inspectorate renames its standards between versions of its framework.
"""

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, partial
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, Field, TypeAdapter

from steunwijzer.core.yaml_documents import (
    DocumentModel,
    FormatError,
    FormatProblem,
    Issue,
    answer_in_child,
    key_used_before,
    load_bounded,
    load_yaml,
    mappings_in,
    problem,
    valid,
)
from steunwijzer.regional_model.format_values import (
    Key,
    Line,
    PositiveInt,
    RequiredLine,
    RequiredText,
    Text,
    text_type,
    text_value,
)

__all__ = [
    "DEFAULT_CATALOGUE_PATH",
    "Catalogue",
    "FormatError",
    "FormatProblem",
    "catalogue_from_dict",
    "default_catalogue",
    "parse_catalogue",
]

DEFAULT_CATALOGUE_PATH = Path(__file__).resolve().parent / "catalogues" / "steunwijzer-ijk.yaml"
CATALOGUE_MARKER = "ijk-catalogus"
CODE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9._-]{0,19}$")
VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$")
ID_RE = re.compile(r"^[a-z][a-z0-9_-]{0,59}$")


@dataclass(frozen=True)
class ScalePoint:
    score: int
    label: str


@dataclass(frozen=True)
class Indicator:
    code: str
    text: str
    standard: str  # code of the standard it belongs to


@dataclass(frozen=True)
class Standard:
    code: str
    title: str
    group: str  # key of its group
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    source: str  # e.g. "Onderzoekskader 2021, bijgewerkt 2023"
    standards: tuple[Standard, ...]


@dataclass(frozen=True)
class KijkwijzerItem:
    key: str
    text: str
    indicators: tuple[str, ...]  # indicator codes


@dataclass(frozen=True)
class Catalogue:
    id: str
    name: str
    version: str
    scale: tuple[ScalePoint, ...]
    groups: tuple[Group, ...]
    items: tuple[KijkwijzerItem, ...] = ()
    description: str = ""

    @property
    def min_score(self) -> int:
        return self.scale[0].score

    @property
    def max_score(self) -> int:
        return self.scale[-1].score

    @property
    def scores(self) -> tuple[int, ...]:
        return tuple(point.score for point in self.scale)

    def label(self, score: int | None) -> str:
        return next((p.label for p in self.scale if p.score == score), "")

    @property
    def high_scores(self) -> tuple[int, ...]:
        """The top two points of the scale: a claim the Kijkwijzer should back up."""
        return self.scores[-2:]

    def is_extreme(self, score: int | None) -> bool:
        """Lowest or highest score: these need an explanation."""
        return score in (self.min_score, self.max_score)

    @cached_property
    def standards(self) -> tuple[Standard, ...]:
        return tuple(s for g in self.groups for s in g.standards)

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        return {i.code: i for s in self.standards for i in s.indicators}

    @cached_property
    def observable(self) -> dict[str, tuple[KijkwijzerItem, ...]]:
        """Indicator code → the Kijkwijzer items that look at it."""
        linked: dict[str, list[KijkwijzerItem]] = {}
        for item in self.items:
            for code in item.indicators:
                linked.setdefault(code, []).append(item)
        return {code: tuple(items) for code, items in linked.items()}

    def group_of(self, standard_code: str) -> str:
        return next(s.group for s in self.standards if s.code == standard_code)


def catalogue_from_dict(data: dict) -> Catalogue:
    return Catalogue(
        id=data["id"],
        name=data["name"],
        version=data["version"],
        description=data.get("description", ""),
        scale=tuple(ScalePoint(p["score"], p["label"]) for p in data["scale"]),
        groups=tuple(
            Group(
                key=g["key"],
                title=g["title"],
                source=g.get("source", ""),
                standards=tuple(
                    Standard(
                        code=s["code"],
                        title=s["title"],
                        group=g["key"],
                        indicators=tuple(
                            Indicator(i["code"], i["text"], s["code"]) for i in s["indicators"]
                        ),
                    )
                    for s in g["standards"]
                ),
            )
            for g in data["groups"]
        ),
        items=tuple(
            KijkwijzerItem(k["key"], k["text"], tuple(k["indicators"]))
            for k in data.get("kijkwijzer", [])
        ),
    )


def parse_catalogue(text: str | bytes, filename: str = "<catalogus>") -> tuple[Catalogue, dict]:
    """Check a catalogue in YAML; return it plus the dict to store. Raises `FormatError`."""
    definition = load_yaml(CatalogueDoc, text, filename).model_dump()
    return catalogue_from_dict(definition), definition


def parse_catalogue_bounded(text: str, filename: str = "<catalogus>") -> tuple[Catalogue, dict]:
    """`parse_catalogue` for an upload: read in the bounded child (core.bounded)."""
    definition = load_bounded(f"{__name__}:parse_in_child", text, filename)
    return catalogue_from_dict(definition), definition


def parse_in_child(payload: bytes) -> bytes:
    return answer_in_child(parse_catalogue, payload)


@cache
def default_catalogue() -> tuple[Catalogue, dict]:
    """The shipped catalogue and its dict, read once per process."""
    return parse_catalogue(DEFAULT_CATALOGUE_PATH.read_bytes(), DEFAULT_CATALOGUE_PATH.name)


def catalogue_summary(catalogue: Catalogue) -> str:
    """'2 groepen, 18 standaarden, 27 indicatoren, 12 Kijkwijzer-items' for command output."""
    return (
        f"{len(catalogue.groups)} groepen, {len(catalogue.standards)} standaarden, "
        f"{len(catalogue.indicators)} indicatoren, {len(catalogue.items)} Kijkwijzer-items, "
        f"schaal {catalogue.min_score} tot {catalogue.max_score}"
    )


# - reading YAML -


def _marker(value: Any) -> str:
    marker = text_value(value, required=True)
    if marker != CATALOGUE_MARKER:
        raise problem(
            f"dit is geen IJK-catalogus: 'format' moet '{CATALOGUE_MARKER}' zijn, niet '{marker}'"
        )
    return marker


def _pattern(value: Any, regex: re.Pattern, what: str, example: str) -> str:
    text = text_value(value, required=True, single_line=True)
    if not regex.match(text):
        raise problem(
            f"{what} '{text}' mag alleen letters, cijfers, punten, - en _ bevatten, hooguit "
            f'20 tekens (bijvoorbeeld "{example}")'
        )
    return text


def _code(value: Any, what: str) -> str:
    code = text_value(value, required=True, single_line=True)
    if not CODE_RE.match(code):
        raise problem(
            f"{what} '{code}' mag alleen letters, cijfers, punten, - en _ bevatten, begint met "
            "een letter en is hooguit 20 tekens (bijvoorbeeld 'OP1')"
        )
    return code


def Code(what: str):
    """A code of a standard or indicator; `what` names it in a message."""
    check = partial(_code, what=what)
    return Annotated[str, Field(pattern=CODE_RE.pattern), BeforeValidator(check)]


def _matching(regex: re.Pattern, what: str, example: str):
    check = partial(_pattern, regex=regex, what=what, example=example)
    return Annotated[str, Field(pattern=regex.pattern), BeforeValidator(check)]


_CODE = TypeAdapter(Code("code"))
_KEY = TypeAdapter(Key("sleutel"))
_REQUIRED_LINE = TypeAdapter(RequiredLine)


class ScalePointDoc(DocumentModel):
    model_config = ConfigDict(title="Schaalpunt")
    what: ClassVar[str] = "een schaalpunt"

    score: PositiveInt = Field(description="Een hoger punt dan het vorige, met 1 erbij.")
    label: text_type(required=True, single_line=True, max_length=40)


class IndicatorDoc(DocumentModel):
    model_config = ConfigDict(title="Indicator")
    what: ClassVar[str] = "een indicator"

    code: Code("code") = Field(description="Uniek; mag gelijk zijn aan die van de standaard.")
    text: RequiredText


class StandardDoc(DocumentModel):
    model_config = ConfigDict(title="Standaard")
    what: ClassVar[str] = "een standaard"

    code: Code("standaardcode") = Field(description="Uniek in de catalogus, bijvoorbeeld OP1.")
    title: RequiredLine
    indicators: list[IndicatorDoc] = Field(min_length=1)


class GroupDoc(DocumentModel):
    model_config = ConfigDict(title="Groep van standaarden")
    what: ClassVar[str] = "een groep"

    key: Key("groepssleutel")
    title: RequiredLine
    source: Line = Field("", description='Bijvoorbeeld "Onderzoekskader 2021, bijgewerkt 2023".')
    standards: list[StandardDoc] = Field(min_length=1)


class KijkwijzerItemDoc(DocumentModel):
    model_config = ConfigDict(title="Kijkwijzer-item")
    what: ClassVar[str] = "een Kijkwijzer-item"

    key: Key("itemsleutel")
    text: RequiredText
    indicators: list[RequiredLine] = Field(
        min_length=1, description="Codes van de indicatoren waar dit item naar kijkt."
    )


class CatalogueDoc(DocumentModel):
    model_config = ConfigDict(title="IJK-catalogus")
    what: ClassVar[str] = "de catalogus"

    # Only says what the file is; not stored.
    format: Annotated[Literal[CATALOGUE_MARKER], BeforeValidator(_marker)] = Field(exclude=True)
    id: _matching(ID_RE, "catalogus-id", "ijk-hofstad")
    name: text_type(required=True, single_line=True, max_length=200)
    version: _matching(VERSION_RE, "versie", "2025.1") = Field(
        description='Bijvoorbeeld "2025.1"; zet het tussen aanhalingstekens.'
    )
    description: Text = ""
    scale: list[ScalePointDoc] = Field(min_length=1, description="Minstens drie punten, oplopend.")
    groups: list[GroupDoc] = Field(min_length=1)
    kijkwijzer: list[KijkwijzerItemDoc] = Field([], min_length=1)

    @classmethod
    def rules(cls, data: dict) -> Iterator[Issue]:
        scores: list[int] = []
        for index, raw in mappings_in(data, "scale"):
            point = valid(ScalePointDoc, raw)
            if point is None:
                continue
            expected = scores[0] + len(scores) if scores else point.score
            if point.score != expected:
                message = (
                    f"de scores moeten oplopen met 1: hier hoort {expected}, niet {point.score}"
                )
                yield Issue(("scale", index, "score"), message)
            scores.append(point.score)
        if isinstance(data.get("scale"), list) and 0 < len(data["scale"]) < 3:
            yield Issue(("scale",), "een schaal heeft minstens drie punten")
        indicators: set[str] = set()
        yield from cls._codes(data, indicators)
        keys: dict = {}
        for index, item in mappings_in(data, "kijkwijzer"):
            key = valid(_KEY, item.get("key"))
            if key:
                yield from key_used_before(
                    keys, key, ("kijkwijzer", index, "key"), "Kijkwijzer-item"
                )
            refs = item.get("indicators")
            for j, raw in enumerate(refs if isinstance(refs, list) else ()):
                code = valid(_REQUIRED_LINE, raw)
                if code and code not in indicators:
                    match = difflib.get_close_matches(code, sorted(indicators), n=1, cutoff=0.5)
                    hint = f"bedoel je '{match[0]}'?" if match else "zie de codes onder groups"
                    at = ("kijkwijzer", index, "indicators", j)
                    yield Issue(at, f"onbekende indicator '{code}'; {hint}")

    @staticmethod
    def _codes(data: dict, indicators: set[str]) -> Iterator[Issue]:
        """Codes of standards and indicators are unique in the catalogue; `indicators` gets
        the indicator codes, for the Kijkwijzer to point at."""
        codes: dict = {}
        for g, group in mappings_in(data, "groups"):
            for s, standard in mappings_in(group, "standards"):
                at = ("groups", g, "standards", s)
                code = valid(_CODE, standard.get("code"))
                if code:
                    yield from key_used_before(codes, code, (*at, "code"), "onderdeel")
                own: list[str] = []
                for i, indicator in mappings_in(standard, "indicators"):
                    where = (*at, "indicators", i, "code")
                    indicator_code = valid(_CODE, indicator.get("code"))
                    # An indicator may share its standard's code (one indicator per standard).
                    if indicator_code and indicator_code != code:
                        yield from key_used_before(codes, indicator_code, where, "onderdeel")
                    elif indicator_code in own:
                        yield Issue(where, f"code '{indicator_code}' staat er al")
                    if indicator_code:
                        own.append(indicator_code)
                        indicators.add(indicator_code)

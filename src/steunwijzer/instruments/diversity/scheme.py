"""The Verscheidenheidsindex scheme of a partnership: categories, domains, groups and signals.

Pure Python, no Django. A scheme is written in YAML (docs/instruments-diversity.md); the
pydantic models below (`SchemeDoc`) describe it, and the loader the three YAML documents share
(core/yaml_documents.py) reads it with every problem at its line, in Dutch. `parse_scheme`
returns the `Scheme` plus the normalised dict that `SchemeVersion.definition` stores (the
model's dump); `scheme_from_dict` turns that back into the same `Scheme`.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache, partial
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    TypeAdapter,
)

from steunwijzer.core.yaml_documents import (
    DocumentModel,
    Issue,
    answer_in_child,
    describe,
    load_bounded,
    load_yaml,
    mappings_in,
    problem,
    valid,
    yaml_number,
)

DEFAULT_SCHEME_PATH = Path(__file__).resolve().parent / "schemes" / "default.yaml"

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
MEASURES = ("index", "pupils")
SCHOOL_TYPES = ("bao", "sbo", "so")
MAX_GROUP_NAME = 40
PARALLEL_LETTERS = "abcdef"


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    points: Fraction
    explanation: str = ""
    aliases: tuple[str, ...] = ()
    short: str = ""  # for table headers and chart legends; the label when empty

    @property
    def short_label(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class Domain:
    key: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Level:
    """From this group size on (inclusive) the signal fires above this value."""

    from_size: int
    above: Fraction


@dataclass(frozen=True)
class Signal:
    key: str
    measure: str  # "index": points per pupil; "pupils": pupils in `categories`
    label: str
    levels: tuple[Level, ...]
    categories: tuple[str, ...] = ()
    # The limits of an ordinary school say nothing about an SBO or SO group, where every pupil
    # needs support: a signal holds for ordinary schools unless the scheme says otherwise.
    school_types: tuple[str, ...] = ("bao",)

    def level_for(self, size: int) -> Level:
        """The strictest level whose size applies: the one with the largest from_size ≤ size."""
        return max(
            (lv for lv in self.levels if lv.from_size <= size),
            key=lambda lv: lv.from_size,
            default=self.levels[0],
        )


@dataclass(frozen=True)
class Scheme:
    id: str
    version: str
    name: str
    categories: tuple[Category, ...]
    domains: tuple[Domain, ...] = ()
    groups: tuple[str, ...] = ()
    named_groups_for: tuple[str, ...] = ()
    signals: tuple[Signal, ...] = ()
    _lookup: dict = field(default_factory=dict, compare=False, repr=False)

    def category(self, key: str) -> Category | None:
        return next((c for c in self.categories if c.key == key), None)

    @property
    def category_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.categories)

    @property
    def domain_keys(self) -> tuple[str, ...]:
        return tuple(d.key for d in self.domains)

    def signals_for(self, school_type: str) -> tuple[Signal, ...]:
        return tuple(s for s in self.signals if school_type in s.school_types)

    def allows_named_groups(self, school_type: str) -> bool:
        return school_type in self.named_groups_for

    def match_category(self, text: str) -> str | None:
        """The category key for a value from a file: its key, label or an alias, any case."""
        return self._names("c", self.categories).get(_norm(text))

    def match_domain(self, text: str) -> str | None:
        return self._names("d", self.domains).get(_norm(text))

    def _names(self, kind, items) -> dict[str, str]:
        if kind not in self._lookup:
            self._lookup[kind] = {
                _norm(name): item.key
                for item in items
                for name in (item.key, item.label, *item.aliases)
            }
        return self._lookup[kind]

    def match_group(self, text: str, school_type: str = "bao") -> str | None:
        """A group as the scheme names it: "Groep 5-6", "5 / 6" and "gr. 5/6" are all "5/6";
        a parallel group keeps its letter ("6A" is "6a").

        SBO and SO schools (when the scheme allows it) may use any name up to 40 characters."""
        name = normalise_group(text)
        if name in self.groups:
            return name
        # Parallel groups: "6a", "Groep 5/6 B".
        base, letter = name[:-1].rstrip(), name[-1:]
        if base in self.groups and letter in PARALLEL_LETTERS:
            return f"{base}{letter}"
        if self.allows_named_groups(school_type):
            cleaned = " ".join(str(text).split())
            return cleaned if 0 < len(cleaned) <= MAX_GROUP_NAME else None
        return None

    def group_order(self, name: str) -> tuple:
        """Sort key: by the first grade ("5/6" after "5", before "6"), named groups last."""
        grade = re.match(r"\d+", name)
        return (0, int(grade[0]), name) if grade else (1, 0, name.lower())


_GROUP_PREFIX = re.compile(r"^(groep|gr\.?|klas)\s*", re.IGNORECASE)


def normalise_group(text) -> str:
    value = _GROUP_PREFIX.sub("", " ".join(str(text).split()).strip())
    value = re.sub(r"\s*[-+/&]\s*", "/", value)
    return value.lower()


def _norm(text) -> str:
    return " ".join(str(text).split()).lower()


# - reading YAML -


def _text(value: Any, *, max_length: int = 200) -> str:
    """A YAML scalar as one line of text, its spaces collapsed."""
    if not isinstance(value, str):
        raise problem(f"hier hoort een tekst, maar er staat {describe(value)}")
    text = " ".join(value.split())
    if not text:
        raise problem("mag niet leeg zijn")
    if len(text) > max_length:
        raise problem(f"is langer dan {max_length} tekens")
    return text


def Text(max_length: int = 200):
    """One line of text of at most `max_length` characters."""
    check = partial(_text, max_length=max_length)
    return Annotated[str, Field(min_length=1, max_length=max_length), BeforeValidator(check)]


def _key(value: Any) -> str:
    key = _text(value, max_length=40)
    if not KEY_RE.match(key):
        raise problem(f"'{key}' is geen geldige sleutel: kleine letters, cijfers, - of _")
    return key


def _number(value: Any, *, integer: bool = False) -> Fraction:
    """A number of at least 0, exactly as written: 1.1 is 11/10, not the nearest float."""
    number = yaml_number(value, integer=integer)
    try:
        exact = Fraction(str(number)) if number is not None else None
    except ValueError:  # .inf, .nan
        exact = None
    if exact is None:
        kind = "een geheel getal" if integer else "een getal"
        raise problem(f"hier hoort {kind}, maar er staat {describe(value)}")
    if exact < 0:
        raise problem("mag niet kleiner zijn dan 0")
    return exact


def _points(value: Any) -> Fraction:
    points = _number(value)
    if points == 0:
        raise problem("punten moeten groter dan 0 zijn")
    return points


def _one_of(value: Any, choices: tuple[str, ...], message: str) -> str:
    text = _text(value)
    if text not in choices:
        raise problem(message.format(value=text))
    return text


Key = Annotated[str, Field(pattern=KEY_RE.pattern), BeforeValidator(_key)]
# Stored as text ("3/2"), so no rounding creeps in between a file and the computation.
Exact = Annotated[Fraction, PlainSerializer(str, return_type=str)]
Points = Annotated[Exact, BeforeValidator(_points, json_schema_input_type=float)]
Above = Annotated[Exact, BeforeValidator(_number, json_schema_input_type=float)]
Size = Annotated[
    int,
    Field(ge=0, description="Vanaf deze groepsgrootte (leerlingen) geldt de grens."),
    BeforeValidator(lambda value: int(_number(value, integer=True))),
]
Measure = Annotated[
    Literal[MEASURES],
    BeforeValidator(partial(_one_of, choices=MEASURES, message="kies 'index' of 'pupils'")),
]
NamedGroupsFor = Annotated[
    Literal[SCHOOL_TYPES],
    BeforeValidator(
        partial(
            _one_of,
            choices=SCHOOL_TYPES,
            message="onbekende soort school '{value}'; kies uit " + ", ".join(SCHOOL_TYPES),
        )
    ),
]
Group = Annotated[
    str,
    Field(max_length=MAX_GROUP_NAME),
    BeforeValidator(partial(_text, max_length=MAX_GROUP_NAME)),
]
Aliases = Annotated[
    list[Text()],
    Field(description="Andere namen in een leerlingexport, in hoofd- of kleine letters."),
]

_KEY = TypeAdapter(Key)
_TEXT = TypeAdapter(Text())
_GROUP = TypeAdapter(Group)
_ABOVE = TypeAdapter(Above)
_POINTS = TypeAdapter(Points)
_WHOLE = TypeAdapter(Annotated[int, BeforeValidator(partial(_number, integer=True))])


class _SchemePart(DocumentModel):
    """The scheme words what pydantic checks more briefly than the SOP model does."""

    # What an empty list is told, for the lists that may not be empty.
    empty: ClassVar[dict[str, str]] = {}

    @classmethod
    def not_a_mapping(cls, value: Any) -> Issue:
        return Issue(
            (), f"{cls.what} moet sleutels met waarden hebben, maar er staat {describe(value)}"
        )

    @classmethod
    def missing_key(cls, key: str) -> Issue:
        return Issue((), f"{cls.what} mist de verplichte sleutel '{key}'")

    @classmethod
    def unknown_key(cls, key: str) -> Issue:
        allowed = ", ".join(cls.keys())
        message = f"onbekende sleutel '{key}'; toegestaan: {allowed}"
        return Issue((key,), message, up=1, key_line=True)

    @classmethod
    def key_twice(cls, key: str, first_line: int, line: int) -> Issue:
        return Issue((), f"sleutel '{key}' staat er twee keer", line_no=line)

    @classmethod
    def not_a_list(cls, key: str, value: Any) -> Issue:
        return Issue((key,), f"{{path}} moet een lijst zijn, maar er staat {describe(value)}")

    @classmethod
    def empty_list(cls, key: str) -> Issue:
        return Issue((key,), cls.empty[key])


class CategoryDoc(_SchemePart):
    model_config = ConfigDict(title="Categorie")
    what: ClassVar[str] = "een categorie"

    key: Key
    label: Text()
    short: Text(30) = Field("", description="Korte naam voor tabellen en grafieken.")
    points: Points = Field(description="Punten per leerling; groter dan 0.")
    explanation: Text(600) = ""
    aliases: Aliases = []


class DomainDoc(_SchemePart):
    model_config = ConfigDict(title="Domein")
    what: ClassVar[str] = "een domein"

    key: Key
    label: Text()
    aliases: Aliases = []


class LevelDoc(_SchemePart):
    model_config = ConfigDict(title="Grens")
    what: ClassVar[str] = "een grens"

    from_size: Size
    above: Above = Field(description="Het signaal gaat af boven deze waarde.")


def _by_size(levels: list[LevelDoc]) -> list[LevelDoc]:
    return sorted(levels, key=lambda level: level.from_size)


class SignalDoc(_SchemePart):
    model_config = ConfigDict(title="Signaal")
    what: ClassVar[str] = "een signaal"
    empty: ClassVar[dict[str, str]] = {"levels": "noem minstens één grens"}

    key: Key
    measure: Measure = Field(
        description="index: punten per leerling; pupils: leerlingen in 'categories'."
    )
    label: Text()
    levels: Annotated[list[LevelDoc], AfterValidator(_by_size)] = Field(min_length=1)
    categories: list[Text()] = Field([], description="Nodig bij measure: pupils.")
    school_types: list[NamedGroupsFor] = Field(
        ["bao"],
        min_length=1,
        description="Voor welke soorten school dit signaal geldt; zonder: alleen gewone "
        "basisscholen (bao).",
    )

    @classmethod
    def rules(cls, data: dict) -> Iterator[Issue]:
        pupils = data.get("measure") == "pupils"
        categories = data.get("categories")
        listed = categories if isinstance(categories, list) else []
        if pupils and not any(valid(_TEXT, category) for category in listed):
            yield Issue((), "een signaal op aantallen leerlingen noemt 'categories'")
        sizes: set[int] = set()
        for index, level in mappings_in(data, "levels"):
            above = level.get("above")
            if pupils and valid(_ABOVE, above) is not None and valid(_WHOLE, above) is None:
                message = f"hier hoort een geheel getal, maar er staat {describe(above)}"
                yield Issue(("levels", index, "above"), message)
            size = getattr(valid(LevelDoc, level), "from_size", None)
            if size in sizes:
                yield Issue(("levels", index), f"er is al een grens vanaf {size} leerlingen")
            elif size is not None:
                sizes.add(size)


class SchemeDoc(_SchemePart):
    model_config = ConfigDict(title="Schema voor de Verscheidenheidsindex")
    what: ClassVar[str] = "het schema"
    empty: ClassVar[dict[str, str]] = {"categories": "noem minstens één categorie"}

    id: Key = Field(validation_alias="scheme", description="De id van het schema.")
    version: Text(20) = Field(description='Bijvoorbeeld "2.0"; zet het tussen aanhalingstekens.')
    name: Text()
    categories: list[CategoryDoc] = Field(min_length=1)
    domains: list[DomainDoc] = []
    groups: list[Annotated[Group, AfterValidator(normalise_group)]] = Field(
        description='Groepen zoals "5" of "5/6"; "Groep 5-6" wordt "5/6".'
    )
    named_groups_for: list[NamedGroupsFor] = Field(
        [], description="Soorten school die hun groepen een eigen naam mogen geven."
    )
    signals: list[SignalDoc] = []

    @classmethod
    def rules(cls, data: dict) -> Iterator[Issue]:
        known: set[str] = set()  # categories a signal may name: key, label and points right
        for part in ("categories", "domains", "signals"):
            seen: set[str] = set()
            for index, item in mappings_in(data, part):
                key = valid(_KEY, item.get("key"))
                if key in seen:
                    yield Issue((part, index, "key"), f"sleutel '{key}' komt al eerder voor")
                elif key:
                    seen.add(key)
                    label, points = item.get("label"), item.get("points")
                    if part == "categories" and valid(_TEXT, label) and valid(_POINTS, points):
                        known.add(key)
        groups: set[str] = set()
        for index, raw in enumerate(data["groups"] if isinstance(data.get("groups"), list) else ()):
            group = valid(_GROUP, raw)
            if group and normalise_group(group) in groups:
                yield Issue(("groups", index), f"groep '{group}' staat er twee keer")
            elif group:
                groups.add(normalise_group(group))
        for s, signal in mappings_in(data, "signals"):
            categories = signal.get("categories")
            for index, raw in enumerate(categories if isinstance(categories, list) else ()):
                category = valid(_TEXT, raw)
                if category and category not in known:
                    at = ("signals", s, "categories", index)
                    yield Issue(at, f"onbekende categorie '{category}'")


def parse_scheme(text: str | bytes, filename: str = "<schema>") -> tuple[Scheme, dict]:
    """Check a scheme in YAML; return it plus the normalised dict to store. FormatError if not."""
    definition = load_yaml(SchemeDoc, text, filename).model_dump()
    return scheme_from_dict(definition), definition


def parse_scheme_bounded(text: str, filename: str = "<schema>") -> tuple[Scheme, dict]:
    """`parse_scheme` for an upload: read in the bounded child (core.bounded)."""
    definition = load_bounded(f"{__name__}:parse_in_child", text, filename)
    return scheme_from_dict(definition), definition


def parse_in_child(payload: bytes) -> bytes:
    return answer_in_child(parse_scheme, payload)


def scheme_from_dict(data: dict) -> Scheme:
    return Scheme(
        id=data["id"],
        version=data["version"],
        name=data["name"],
        categories=tuple(
            Category(
                c["key"],
                c["label"],
                Fraction(c["points"]),
                c["explanation"],
                tuple(c["aliases"]),
                c.get("short", ""),
            )
            for c in data["categories"]
        ),
        domains=tuple(Domain(d["key"], d["label"], tuple(d["aliases"])) for d in data["domains"]),
        groups=tuple(data["groups"]),
        named_groups_for=tuple(data["named_groups_for"]),
        signals=tuple(
            Signal(
                s["key"],
                s["measure"],
                s["label"],
                tuple(Level(lv["from_size"], Fraction(lv["above"])) for lv in s["levels"]),
                tuple(s["categories"]),
                tuple(s.get("school_types") or ("bao",)),
            )
            for s in data["signals"]
        ),
    )


@cache
def default_scheme() -> Scheme:
    """The shipped scheme, used by a partnership that has not imported its own. Read once per
    process (threads asking at the same moment at worst both read it; none sees half)."""
    scheme, _ = parse_scheme(DEFAULT_SCHEME_PATH.read_bytes(), DEFAULT_SCHEME_PATH.name)
    return scheme

"""The Verscheidenheidsindex scheme of a partnership: categories, domains, groups and signals.

Pure Python, no Django. A scheme is written in YAML (docs/instruments-diversity.md) and read
here with line-precise Dutch problems, reusing the regional model's `FormatProblem` and its
YAML error wording. `parse_scheme` returns the `Scheme` plus the normalised dict that
`SchemeVersion.definition` stores; `scheme_from_dict` turns that back into the same `Scheme`.
"""

import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from pathlib import Path

import yaml

from steunwijzer.core.yaml_source import FormatError, FormatProblem, decode_source
from steunwijzer.regional_model.yaml_checker import _describe, _line, compose_yaml

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


def points_text(value: Fraction) -> str:
    """1.5 as "1,5", 2 as "2": how the interface writes points."""
    number = float(value)
    return (f"{number:g}").replace(".", ",")


# - reading YAML -

_TOP = {
    "scheme": True,
    "version": True,
    "name": True,
    "categories": True,
    "domains": False,
    "groups": True,
    "named_groups_for": False,
    "signals": False,
}
_CATEGORY = {
    "key": True,
    "label": True,
    "short": False,
    "points": True,
    "explanation": False,
    "aliases": False,
}
_DOMAIN = {"key": True, "label": True, "aliases": False}
_SIGNAL = {"key": True, "measure": True, "label": True, "levels": True, "categories": False}
_LEVEL = {"from_size": True, "above": True}


class _Reader:
    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[FormatProblem] = []

    def add(self, node, path, message):
        self.problems.append(FormatProblem(self.filename, _line(node), path, message))

    def mapping(self, node, path, what, allowed) -> dict | None:
        if not isinstance(node, yaml.MappingNode):
            self.add(
                node,
                path,
                f"{what} moet sleutels met waarden hebben, maar er staat {_describe(node)}",
            )
            return None
        result = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in allowed:
                known = ", ".join(allowed)
                self.add(key_node, path, f"onbekende sleutel '{key}'; toegestaan: {known}")
            elif key in result:
                self.add(key_node, path, f"sleutel '{key}' staat er twee keer")
            else:
                result[key] = value_node
        for key, required in allowed.items():
            if required and key not in result:
                self.add(node, path, f"{what} mist de verplichte sleutel '{key}'")
        return result

    def text(self, node, path, *, max_length=200) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            self.add(node, path, f"hier hoort een tekst, maar er staat {_describe(node)}")
            return None
        value = " ".join(str(node.value).split())
        if not value:
            self.add(node, path, "mag niet leeg zijn")
            return None
        if len(value) > max_length:
            self.add(node, path, f"is langer dan {max_length} tekens")
            return None
        return value

    def key(self, node, path, seen: set) -> str | None:
        value = self.text(node, path, max_length=40)
        if value is None:
            return None
        if not KEY_RE.match(value):
            self.add(
                node, path, f"'{value}' is geen geldige sleutel: kleine letters, cijfers, - of _"
            )
            return None
        if value in seen:
            self.add(node, path, f"sleutel '{value}' komt al eerder voor")
            return None
        seen.add(value)
        return value

    def number(self, node, path, *, integer=False, minimum=0) -> Fraction | None:
        ok_tags = ("tag:yaml.org,2002:int",) + (() if integer else ("tag:yaml.org,2002:float",))
        if not isinstance(node, yaml.ScalarNode) or node.tag not in ok_tags:
            kind = "een geheel getal" if integer else "een getal"
            self.add(node, path, f"hier hoort {kind}, maar er staat {_describe(node)}")
            return None
        value = Fraction(node.value.replace("_", ""))
        if value < minimum:
            self.add(node, path, f"mag niet kleiner zijn dan {minimum}")
            return None
        return value

    def sequence(self, node, path, what) -> list:
        if not isinstance(node, yaml.SequenceNode):
            self.add(node, path, f"{what} moet een lijst zijn, maar er staat {_describe(node)}")
            return []
        return node.value

    def texts(self, node, path) -> tuple[str, ...]:
        items = (
            self.text(item, f"{path}[{i}]")
            for i, item in enumerate(self.sequence(node, path, path))
        )
        return tuple(item for item in items if item is not None)

    # - the parts -

    def scheme(self, root) -> Scheme | None:
        top = self.mapping(root, "", "het schema", _TOP)
        if top is None:
            return None
        scheme_id = self.key(top["scheme"], "scheme", set()) if "scheme" in top else None
        version = self.text(top["version"], "version", max_length=20) if "version" in top else None
        name = self.text(top["name"], "name") if "name" in top else None
        categories = self.categories(top.get("categories"))
        domains = self.domains(top.get("domains"))
        groups = self.groups(top.get("groups"))
        named = self.named_groups_for(top.get("named_groups_for"))
        signals = self.signals(top.get("signals"), {c.key for c in categories})
        return Scheme(
            id=scheme_id or "",
            version=version or "",
            name=name or "",
            categories=tuple(categories),
            domains=tuple(domains),
            groups=tuple(groups),
            named_groups_for=named,
            signals=tuple(signals),
        )

    def keyed(self, node, name: str, what: str, allowed: dict):
        """Each mapping of the list `name`: (node, path, values, key, label, optional text)."""
        seen: set = set()
        for i, item in enumerate(self.sequence(node, name, name)):
            path = f"{name}[{i}]"
            values = self.mapping(item, path, what, allowed)
            if values is None:
                continue

            def optional(field, default=None, max_length=200, path=path, values=values):
                if field not in values:
                    return default
                return self.text(values[field], f"{path}.{field}", max_length=max_length)

            key = self.key(values["key"], f"{path}.key", seen) if "key" in values else None
            yield item, path, values, key, optional("label"), optional

    def aliases(self, values, path) -> tuple[str, ...]:
        return self.texts(values["aliases"], f"{path}.aliases") if "aliases" in values else ()

    def categories(self, node) -> list[Category]:
        if node is None:
            return []
        if isinstance(node, yaml.SequenceNode) and not node.value:
            self.add(node, "categories", "noem minstens één categorie")
        items = []
        for _, path, values, key, label, optional in self.keyed(
            node, "categories", "een categorie", _CATEGORY
        ):
            points = self.number(values["points"], f"{path}.points") if "points" in values else None
            if points is not None and points == 0:
                self.add(values["points"], f"{path}.points", "punten moeten groter dan 0 zijn")
                points = None
            explanation = optional("explanation", "", max_length=600) or ""
            short = optional("short", "", max_length=30) or ""
            if key and label and points is not None:
                items.append(
                    Category(key, label, points, explanation, self.aliases(values, path), short)
                )
        return items

    def domains(self, node) -> list[Domain]:
        if node is None:
            return []
        return [
            Domain(key, label, self.aliases(values, path))
            for _, path, values, key, label, _ in self.keyed(node, "domains", "een domein", _DOMAIN)
            if key and label
        ]

    def groups(self, node) -> list[str]:
        if node is None:
            return []
        groups = []
        for i, item in enumerate(self.sequence(node, "groups", "groups")):
            value = self.text(item, f"groups[{i}]", max_length=MAX_GROUP_NAME)
            if value is None:
                continue
            name = normalise_group(value)
            if name in groups:
                self.add(item, f"groups[{i}]", f"groep '{value}' staat er twee keer")
            else:
                groups.append(name)
        return groups

    def named_groups_for(self, node) -> tuple[str, ...]:
        if node is None:
            return ()
        values = self.texts(node, "named_groups_for")
        for i, value in enumerate(values):
            if value not in SCHOOL_TYPES:
                self.add(
                    node.value[i],
                    f"named_groups_for[{i}]",
                    f"onbekende soort school '{value}'; kies uit {', '.join(SCHOOL_TYPES)}",
                )
        return tuple(v for v in values if v in SCHOOL_TYPES)

    def signals(self, node, category_keys: set) -> list[Signal]:
        if node is None:
            return []
        items = []
        for item, path, values, key, label, optional in self.keyed(
            node, "signals", "een signaal", _SIGNAL
        ):
            measure = optional("measure")
            if measure is not None and measure not in MEASURES:
                self.add(values["measure"], f"{path}.measure", "kies 'index' of 'pupils'")
                measure = None
            categories = ()
            if "categories" in values:
                categories = self.texts(values["categories"], f"{path}.categories")
                for j, cat in enumerate(categories):
                    if cat not in category_keys:
                        self.add(
                            values["categories"].value[j],
                            f"{path}.categories[{j}]",
                            f"onbekende categorie '{cat}'",
                        )
            if measure == "pupils" and not categories:
                self.add(item, path, "een signaal op aantallen leerlingen noemt 'categories'")
            levels = self.levels(values.get("levels"), f"{path}.levels", measure)
            if key and label and measure and levels:
                items.append(Signal(key, measure, label, tuple(levels), tuple(categories)))
        return items

    def levels(self, node, path, measure) -> list[Level]:
        if node is None:
            return []
        levels = []
        for i, item in enumerate(self.sequence(node, path, path)):
            values = self.mapping(item, f"{path}[{i}]", "een grens", _LEVEL)
            if values is None or len(values) < 2:
                continue
            size = self.number(values["from_size"], f"{path}[{i}].from_size", integer=True)
            above = self.number(values["above"], f"{path}[{i}].above", integer=measure == "pupils")
            if size is None or above is None:
                continue
            if any(lv.from_size == size for lv in levels):
                self.add(item, f"{path}[{i}]", f"er is al een grens vanaf {size} leerlingen")
                continue
            levels.append(Level(int(size), above))
        if node is not None and not levels and not self.problems:
            self.add(node, path, "noem minstens één grens")
        return sorted(levels, key=lambda lv: lv.from_size)


def parse_scheme(text: str | bytes, filename: str = "<schema>") -> tuple[Scheme, dict]:
    """Check a scheme in YAML; return it plus the normalised dict to store. FormatError if not."""
    source = decode_source(text, filename)
    if not source.strip():
        raise FormatError([FormatProblem(filename, None, "", "het bestand is leeg")])
    root = compose_yaml(source, filename)
    if root is None:
        raise FormatError(
            [FormatProblem(filename, None, "", "het bestand bevat alleen commentaar")]
        )
    reader = _Reader(filename)
    scheme = reader.scheme(root)
    if reader.problems or scheme is None:
        raise FormatError(sorted(reader.problems, key=lambda p: p.line or 0))
    return scheme, scheme_to_dict(scheme)


def scheme_to_dict(scheme: Scheme) -> dict:
    return {
        "id": scheme.id,
        "version": scheme.version,
        "name": scheme.name,
        "categories": [
            {
                "key": c.key,
                "label": c.label,
                "points": str(c.points),
                "explanation": c.explanation,
                "aliases": list(c.aliases),
                "short": c.short,
            }
            for c in scheme.categories
        ],
        "domains": [
            {"key": d.key, "label": d.label, "aliases": list(d.aliases)} for d in scheme.domains
        ],
        "groups": list(scheme.groups),
        "named_groups_for": list(scheme.named_groups_for),
        "signals": [
            {
                "key": s.key,
                "measure": s.measure,
                "label": s.label,
                "categories": list(s.categories),
                "levels": [{"from_size": lv.from_size, "above": str(lv.above)} for lv in s.levels],
            }
            for s in scheme.signals
        ],
    }


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

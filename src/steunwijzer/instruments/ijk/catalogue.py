"""The IJK catalogue: groups of standards with indicators, the scale and the Kijkwijzer items.

Pure Python, no Django. A partnership keeps its catalogue as YAML (docs/instruments-ijk.md);
`parse_catalogue` checks it with the regional model's YAML checker, so every problem names its
line and place, and returns a `Catalogue` plus the plain dict `CatalogueVersion` stores.
Codes are data: the inspectorate renames its standards between versions of its framework.
"""

import difflib
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from steunwijzer.regional_model.loader import FormatError, FormatProblem, decode_source
from steunwijzer.regional_model.yaml_checker import _join, _Parser

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

TOP_KEYS = {
    "format": True,
    "id": True,
    "name": True,
    "version": True,
    "description": False,
    "scale": True,
    "groups": True,
    "kijkwijzer": False,
}
SCALE_KEYS = {"score": True, "label": True}
GROUP_KEYS = {"key": True, "title": True, "source": False, "standards": True}
STANDARD_KEYS = {"code": True, "title": True, "indicators": True}
INDICATOR_KEYS = {"code": True, "text": True}
ITEM_KEYS = {"key": True, "text": True, "indicators": True}


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


def catalogue_to_dict(catalogue: Catalogue) -> dict:
    return {
        "id": catalogue.id,
        "name": catalogue.name,
        "version": catalogue.version,
        "description": catalogue.description,
        "scale": [{"score": p.score, "label": p.label} for p in catalogue.scale],
        "groups": [
            {
                "key": g.key,
                "title": g.title,
                "source": g.source,
                "standards": [
                    {
                        "code": s.code,
                        "title": s.title,
                        "indicators": [{"code": i.code, "text": i.text} for i in s.indicators],
                    }
                    for s in g.standards
                ],
            }
            for g in catalogue.groups
        ],
        "kijkwijzer": [
            {"key": k.key, "text": k.text, "indicators": list(k.indicators)}
            for k in catalogue.items
        ],
    }


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
    source = decode_source(text, filename)
    catalogue = _CatalogueParser(filename).parse(source)
    return catalogue, catalogue_to_dict(catalogue)


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


class _CatalogueParser(_Parser):
    """The regional model's checker (line numbers, Dutch messages), for the IJK catalogue."""

    def __init__(self, filename: str):
        super().__init__(filename)
        self.codes: dict[str, tuple[int | None, str]] = {}
        self.indicator_codes: set[str] = set()

    def model(self, root: yaml.Node) -> Catalogue:
        top = self.mapping(root, "", "de catalogus", TOP_KEYS)
        if top is None:
            return Catalogue(id="", name="", version="", scale=(), groups=())
        get = lambda key: top.get(key, (None, None))[1]  # noqa: E731
        marker = self.text(get("format"), "format", required=True)
        if "format" in top and marker and marker != CATALOGUE_MARKER:
            self.add(
                get("format"),
                "format",
                f"dit is geen IJK-catalogus: 'format' moet '{CATALOGUE_MARKER}' zijn, "
                f"niet '{marker}'",
            )
        catalogue_id = self.pattern(get("id"), "id", ID_RE, "catalogus-id", "ijk-hofstad")
        version = self.pattern(get("version"), "version", VERSION_RE, "versie", "2025.1")
        name = self.text(get("name"), "name", required=True, single_line=True, max_length=200)
        description = self.text(get("description"), "description")
        scale = self.scale(get("scale")) if "scale" in top else ()
        groups = []
        if "groups" in top:
            for index, node in enumerate(self.sequence(get("groups"), "groups", "groups")):
                group = self.group(node, f"groups[{index}]")
                if group is not None:
                    groups.append(group)
        items = []
        if "kijkwijzer" in top:
            keys: dict = {}
            nodes = self.sequence(get("kijkwijzer"), "kijkwijzer", "kijkwijzer")
            for index, node in enumerate(nodes):
                item = self.item_of(node, f"kijkwijzer[{index}]", keys)
                if item is not None:
                    items.append(item)
        return Catalogue(
            id=catalogue_id,
            name=name,
            version=version,
            description=description,
            scale=scale,
            groups=tuple(groups),
            items=tuple(items),
        )

    def pattern(self, node, path, regex, what, example) -> str:
        value = self.text(node, path, required=True, single_line=True)
        if value and not regex.match(value):
            self.add(
                node,
                path,
                f"{what} '{value}' mag alleen letters, cijfers, punten, - en _ bevatten, "
                f'hooguit 20 tekens (bijvoorbeeld "{example}")',
            )
        return value

    def scale(self, node) -> tuple[ScalePoint, ...]:
        points = []
        for index, point_node in enumerate(self.sequence(node, "scale", "scale")):
            path = f"scale[{index}]"
            m = self.mapping(point_node, path, "een schaalpunt", SCALE_KEYS)
            if m is None:
                continue
            score_node = m.get("score", (None, None))[1]
            score = self.positive_int(score_node, _join(path, "score"))
            label = self.text(
                m.get("label", (None, None))[1],
                _join(path, "label"),
                required=True,
                single_line=True,
                max_length=40,
            )
            if score is None or not label:
                continue
            expected = points[0].score + len(points) if points else score
            if score != expected:
                self.add(
                    score_node,
                    _join(path, "score"),
                    f"de scores moeten oplopen met 1: hier hoort {expected}, niet {score}",
                )
            points.append(ScalePoint(score, label))
        if isinstance(node, yaml.SequenceNode) and node.value and len(node.value) < 3:
            self.add(node, "scale", "een schaal heeft minstens drie punten")
        return tuple(points)

    def code(self, node, path, what) -> str:
        value = self.text(node, path, required=True, single_line=True)
        if not value:
            return value
        if not CODE_RE.match(value):
            self.add(
                node,
                path,
                f"{what} '{value}' mag alleen letters, cijfers, punten, - en _ bevatten, "
                "begint met een letter en is hooguit 20 tekens (bijvoorbeeld 'OP1')",
            )
        return value

    def group(self, node, path) -> Group | None:
        m = self.mapping(node, path, "een groep", GROUP_KEYS)
        if m is None:
            return None
        get = lambda key: m.get(key, (None, None))[1]  # noqa: E731
        key = self.key(get("key"), _join(path, "key"), "groepssleutel")
        title = self.text(get("title"), _join(path, "title"), required=True, single_line=True)
        source = self.text(get("source"), _join(path, "source"), single_line=True)
        standards = []
        for index, s_node in enumerate(
            self.sequence(get("standards"), _join(path, "standards"), "standards")
            if "standards" in m
            else ()
        ):
            standard = self.standard(s_node, f"{path}.standards[{index}]", key)
            if standard is not None:
                standards.append(standard)
        return Group(key=key, title=title, source=source, standards=tuple(standards))

    def standard(self, node, path, group_key) -> Standard | None:
        m = self.mapping(node, path, "een standaard", STANDARD_KEYS)
        if m is None:
            return None
        get = lambda key: m.get(key, (None, None))[1]  # noqa: E731
        code = self.code(get("code"), _join(path, "code"), "standaardcode")
        if code:
            self.unique(self.codes, code, get("code"), _join(path, "code"), "onderdeel")
        title = self.text(get("title"), _join(path, "title"), required=True, single_line=True)
        indicators = []
        for index, i_node in enumerate(
            self.sequence(get("indicators"), _join(path, "indicators"), "indicators")
            if "indicators" in m
            else ()
        ):
            i_path = f"{path}.indicators[{index}]"
            im = self.mapping(i_node, i_path, "een indicator", INDICATOR_KEYS)
            if im is None:
                continue
            i_code = self.code(im.get("code", (None, None))[1], _join(i_path, "code"), "code")
            # An indicator may share its standard's code (one indicator per standard).
            if i_code and i_code != code:
                self.unique(self.codes, i_code, im["code"][1], _join(i_path, "code"), "onderdeel")
            elif i_code and any(i.code == i_code for i in indicators):
                self.add(im["code"][1], _join(i_path, "code"), f"code '{i_code}' staat er al")
            text = self.text(im.get("text", (None, None))[1], _join(i_path, "text"), required=True)
            indicators.append(Indicator(i_code, text, code))
            self.indicator_codes.add(i_code)
        return Standard(code=code, title=title, group=group_key, indicators=tuple(indicators))

    def item_of(self, node, path, keys: dict) -> KijkwijzerItem | None:
        m = self.mapping(node, path, "een Kijkwijzer-item", ITEM_KEYS)
        if m is None:
            return None
        get = lambda key: m.get(key, (None, None))[1]  # noqa: E731
        key = self.key(get("key"), _join(path, "key"), "itemsleutel")
        if key:
            self.unique(keys, key, get("key"), _join(path, "key"), "Kijkwijzer-item")
        text = self.text(get("text"), _join(path, "text"), required=True)
        codes = []
        for index, c_node in enumerate(
            self.sequence(get("indicators"), _join(path, "indicators"), "indicators")
            if "indicators" in m
            else ()
        ):
            c_path = f"{path}.indicators[{index}]"
            code = self.text(c_node, c_path, required=True, single_line=True)
            if code and code not in self.indicator_codes:
                match = difflib.get_close_matches(
                    code, sorted(self.indicator_codes), n=1, cutoff=0.5
                )
                hint = f"bedoel je '{match[0]}'?" if match else "zie de codes onder groups"
                self.add(c_node, c_path, f"onbekende indicator '{code}'; {hint}")
            elif code:
                codes.append((c_node, c_path, code))
        return KijkwijzerItem(key, text, tuple(code for _, _, code in codes))

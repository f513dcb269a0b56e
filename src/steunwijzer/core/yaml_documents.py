"""YAML documents read into pydantic models, with every problem in Dutch at its line and place.

Pure Python, no Django. The regional SOP model, the Verscheidenheidsindex scheme and the IJK
catalogue are each described as pydantic models (subclasses of `DocumentModel`); this is the
one loader they share. It keeps what the people who write these files rely on:

- every problem at once, so a partnership fixes its file in one go;
- each problem with the file, the line and the place in the document (`chapters[2].key`);
- Dutch messages, also for what PyYAML refuses (yaml_source.py reads the text and syntax).

`load_yaml(Model, text, filename)` reads a file; `validate_data(Model, data)` checks a plain
dict (from a browser editor, say) with the same models and gives the same problems, without
line numbers. Both raise `FormatError`.

Lines: the YAML is composed into PyYAML's node tree (`compose_yaml`), which knows the line of
every key and value, and turned into plain data for pydantic; the `loc` of each error is
followed back through the node tree. Scalars are handed over as written: where a model expects
text, a YAML `2.10` or `yes` is that text (`Scalar`); only where it asks for a number or
true/false is it read as one (`yaml_number`, `yaml_bool`).

Messages: the models' validators raise `problem(...)` with the Dutch text; what pydantic checks
itself (missing and unknown keys, lists) is worded by `DocumentModel`, and a document may word
it its own way. `Issue` hints say which line and path to show; see `_problem` for the small
placeholders a message may use to point at another place.
"""

import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, ClassVar, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError
from yaml.constructor import ConstructorError, SafeConstructor

from .bounded import Overrun, run_bounded
from .yaml_source import FormatError, FormatProblem, compose_yaml, kind_of, too_deep

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"

# The error type of every problem worded here or by a model's validators.
PROBLEM = "steunwijzer_problem"

M = TypeVar("M", bound=BaseModel)


# - from nodes to data -


class Scalar(str):
    """A YAML scalar that is not plain text (a number, true/false, a date, a tagged value), as
    written: where a model expects text it is that text, so `version: 2.10` stays "2.10"."""

    tag: str

    def __new__(cls, text: str, tag: str):
        scalar = super().__new__(cls, text)
        scalar.tag = tag
        return scalar

    def value(self) -> Any:
        """The value YAML means (a number, true or false); a problem if it cannot be read."""
        try:
            return SafeConstructor().construct_object(yaml.ScalarNode(self.tag, str(self)))
        except (ConstructorError, ValueError) as exc:
            raise problem(f"waarde kan niet gelezen worden ({exc})") from None


class YamlMapping(dict):
    """A YAML mapping as a dict, plus what a dict cannot hold: the keys written twice (the
    first one counts) and the keys that are lists or mappings, by line."""

    def __init__(self):
        super().__init__()
        self.twice: list[tuple[str, int, int]] = []  # key, line of the first, line of this one
        self.bad_keys: list[int] = []


def _line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _to_data(root: yaml.Node) -> Any:
    """Plain data for pydantic. A node used twice (an alias) becomes one shared object, so an
    alias bomb costs no more memory than its YAML text."""
    made: dict[int, Any] = {}

    def data(node: yaml.Node) -> Any:
        if id(node) in made:
            return made[id(node)]
        if isinstance(node, yaml.MappingNode):
            mapping = made[id(node)] = YamlMapping()
            first: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    mapping.bad_keys.append(_line_of(key_node))
                elif key_node.value in first:
                    mapping.twice.append(
                        (key_node.value, first[key_node.value], _line_of(key_node))
                    )
                else:
                    first[key_node.value] = _line_of(key_node)
                    mapping[key_node.value] = data(value_node)
            return mapping
        if isinstance(node, yaml.SequenceNode):
            items = made[id(node)] = []
            items.extend(data(item) for item in node.value)
            return items
        if node.tag == NULL:
            return None
        return node.value if node.tag == STR else Scalar(node.value, node.tag)

    return data(root)


def _node_line(root: yaml.Node | None, loc: tuple, key: bool = False) -> int | None:
    """The line of the value at `loc` (of its key, with `key`); of the deepest part of `loc`
    that exists when the rest is missing (a missing key: the mapping that lacks it)."""
    if root is None:
        return None
    node, line = root, _line_of(root)
    for index, part in enumerate(loc):
        if isinstance(node, yaml.MappingNode):
            entry = next(
                (
                    (k, v)
                    for k, v in node.value
                    if isinstance(k, yaml.ScalarNode) and k.value == part
                ),
                None,
            )
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            entry = (None, node.value[part])
        else:
            entry = None
        if entry is None:
            break
        key_node, node = entry
        last_key = key and key_node is not None and index == len(loc) - 1
        line = _line_of(key_node if last_key else node)
    return line


# - reading values the way YAML means them -


def _short(value: str, limit: int = 40) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def describe(value: Any) -> str:
    """What a value is, for 'maar er staat …'."""
    if isinstance(value, dict):
        return "een mapping (sleutels met waarden)"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return f"de ja/nee-waarde {str(value).lower()}"
    if isinstance(value, int | float) or getattr(value, "tag", None) in (INT, FLOAT):
        return f"het getal {value}"
    if getattr(value, "tag", None) == BOOL:
        return f"de ja/nee-waarde {value}"
    return f"de tekst '{_short(value)}'"


def yaml_number(value: Any, *, integer: bool = False) -> int | float | None:
    """The number YAML wrote (or the data holds); None for anything else, true/false too."""
    if isinstance(value, Scalar):
        return value.value() if value.tag in ((INT,) if integer else (INT, FLOAT)) else None
    if isinstance(value, bool) or not isinstance(value, int if integer else int | float):
        return None
    return value


def yaml_bool(value: Any) -> bool | None:
    """True or false as YAML wrote it (or the data holds); None for anything else."""
    if isinstance(value, Scalar):
        return value.value() if value.tag == BOOL else None
    return value if isinstance(value, bool) else None


# - problems -


@dataclass(frozen=True)
class Issue:
    """A problem a model finds, relative to the part being validated.

    `at` is where it is (also for its line), `up` leaves that many parts off the path shown,
    `key_line` takes the line of the key rather than of its value, `line_no` gives the line
    outright. `ref_at` points at another place (the first use of a key); the message names
    its mapping as `{ref}` and its line within `[[…{line}…]]`, a part that is left out when
    there are no lines (a dict rather than a file)."""

    at: tuple = ()
    message: str = ""
    up: int = 0
    key_line: bool = False
    line_no: int | None = None
    ref_at: tuple | None = None

    def error(self) -> PydanticCustomError:
        hints = {
            "at": self.at,
            "up": self.up,
            "key_line": self.key_line,
            "line_no": self.line_no,
            "ref_at": self.ref_at,
        }
        return PydanticCustomError(PROBLEM, self.message, {k: v for k, v in hints.items() if v})

    def detail(self, data: Any) -> InitErrorDetails:
        return {"type": self.error(), "loc": (), "input": data}


def problem(message: str, **hints: Any) -> PydanticCustomError:
    """The error a validator raises for a problem in Dutch (`hints`: see `Issue`)."""
    return Issue(message=message, **hints).error()


def key_used_before(seen: dict, key: str, at: tuple, what: str) -> Iterator[Issue]:
    """A key that must be unique among `what`s: a problem if `seen` has it, else remembered."""
    if key in seen:
        yield Issue(
            at,
            f"sleutel '{key}' is al gebruikt voor een ander {what} ({{ref}}[[, regel {{line}}]]); "
            "elke sleutel moet uniek zijn",
            ref_at=seen[key],
        )
    else:
        seen[key] = at


def valid(checker: TypeAdapter | type[BaseModel], value: Any) -> Any:
    """`value` as the model reads it, or None when it has a problem (reported where it is).
    Rules between fields read the data with this, so they work on what is valid even when
    another part of the document is not."""
    try:
        if isinstance(checker, TypeAdapter):
            return checker.validate_python(value)
        return checker.model_validate(value)
    except ValidationError:
        return None


def mappings_in(data: Any, key: str) -> list[tuple[int, dict]]:
    """The (index, mapping) pairs of the list under `key`, skipping what is not a mapping."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


_FIRST = {"extra_forbidden": 0, "missing": 1}


class DocumentModel(BaseModel):
    """A mapping of a document: unknown keys are refused, and every problem is collected,
    those between fields (`rules`) too, even when some field has a problem of its own."""

    model_config = ConfigDict(extra="forbid")

    # How the part is named in a message: "een hoofdstuk moet een mapping … zijn".
    what: ClassVar[str] = "dit onderdeel"

    @classmethod
    def rules(cls, data: dict) -> Iterator[Issue]:
        """Problems between the fields of `data` (the mapping as given, not yet validated)."""
        return iter(())

    # The wording of what pydantic checks itself; the scheme words it its own way.

    @classmethod
    def not_a_mapping(cls, value: Any) -> Issue:
        return Issue(
            (),
            f"{cls.what} moet een mapping (sleutels met waarden) zijn, maar er staat "
            f"{describe(value)}",
        )

    @classmethod
    def missing_key(cls, key: str) -> Issue:
        return Issue((key,), f"verplichte sleutel '{key}' ontbreekt")

    @classmethod
    def unknown_key(cls, key: str) -> Issue:
        allowed = cls.keys()
        match = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"bedoel je '{match[0]}'?" if match else "toegestaan zijn: " + ", ".join(allowed)
        return Issue((key,), f"onbekende sleutel '{key}'; {hint}", key_line=True)

    @classmethod
    def key_twice(cls, key: str, first_line: int, line: int) -> Issue:
        message = f"sleutel '{key}' staat twee keer in {cls.what} (eerst op regel {first_line})"
        return Issue((key,), message, line_no=line)

    @classmethod
    def not_a_list(cls, key: str, value: Any) -> Issue:
        return Issue(
            (key,),
            f"{key} moet een lijst zijn (regels die beginnen met '- '), maar er staat "
            f"{describe(value)}",
        )

    @classmethod
    def empty_list(cls, key: str) -> Issue:
        return Issue((key,), f"{key} is leeg; zet er minstens één onderdeel in")

    @classmethod
    def keys(cls) -> list[str]:
        """The keys the mapping may have, as written in the document."""
        return [field.validation_alias or name for name, field in cls.model_fields.items()]

    @model_validator(mode="wrap")
    @classmethod
    def _every_problem(cls, data: Any, handler) -> Any:
        if not isinstance(data, dict):
            raise cls.not_a_mapping(data).error()
        issues = [cls.key_twice(*twice) for twice in getattr(data, "twice", ())]
        issues += [
            Issue((), "een sleutel moet een woord zijn, geen lijst of mapping", line_no=line)
            for line in getattr(data, "bad_keys", ())
        ]
        try:
            model, errors = handler(data), []
        except ValidationError as exc:
            # Unknown keys before missing ones: a misspelt key explains the missing one.
            found = sorted(
                exc.errors(), key=lambda e: _FIRST.get(e["type"], 2) if len(e["loc"]) == 1 else 2
            )
            model, errors = None, [cls._worded(error) for error in found]
        issues += cls.rules(data)
        if errors or issues:
            details = errors + [issue.detail(data) for issue in issues]
            raise ValidationError.from_exception_data(cls.__name__, details)
        return model

    @classmethod
    def _worded(cls, error) -> InitErrorDetails:
        """Pydantic's own errors about this mapping's keys, in Dutch; the rest passed on."""
        loc, kind = error["loc"], error["type"]
        if len(loc) == 1 and kind == "missing":
            return cls.missing_key(loc[0]).detail(error["input"])
        if len(loc) == 1 and kind == "extra_forbidden":
            return cls.unknown_key(loc[0]).detail(error["input"])
        if len(loc) == 1 and kind == "list_type":
            return cls.not_a_list(loc[0], error["input"]).detail(error["input"])
        if len(loc) == 1 and kind == "too_short":
            return cls.empty_list(loc[0]).detail(error["input"])
        error_type = PydanticCustomError(PROBLEM, error["msg"], error.get("ctx"))
        return {"type": error_type, "loc": loc, "input": error["input"]}


# - the two ways in -


def load_yaml(model: type[M], text: str | bytes, filename: str) -> M:
    """Read a YAML document into `model`; a FormatError with every problem if it is wrong."""
    root = compose_yaml(text, filename)
    try:
        data = _to_data(root)
    except RecursionError:
        raise too_deep(filename) from None
    return _validate(model, data, filename, root)


def validate_data(model: type[M], data: Any, filename: str = "<data>") -> M:
    """Check plain data (a dict as JSON has it) with `model`: the problems of `load_yaml`,
    without line numbers."""
    return _validate(model, data, filename, None)


def _validate(model: type[M], data: Any, filename: str, root: yaml.Node | None) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [
            _problem(error, filename, root)
            for error in exc.errors(include_url=False, include_input=False)
        ]
        raise FormatError(sorted(problems, key=lambda p: p.line or 0)) from None


def _path(loc: tuple) -> str:
    """('chapters', 2, 'key') as 'chapters[2].key'."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path


def _problem(error, filename: str, root: yaml.Node | None) -> FormatProblem:
    """One error as a problem. A message may name its own place as `{path}` (where the part
    name reads best as the path), and another place as `{ref}` and `[[…{line}…]]` (`Issue`)."""
    hints = error.get("ctx") or {}
    loc = (*error["loc"], *hints.get("at", ()))
    path = _path(loc[: len(loc) - hints.get("up", 0)])
    message = error["msg"].replace("{path}", path)
    if "ref_at" in hints:
        ref = (*error["loc"], *hints["ref_at"])
        ref_line = _node_line(root, ref)
        message = re.sub(
            r"\[\[(.*?)\]\]",
            lambda part: part[1].replace("{line}", str(ref_line)) if ref_line else "",
            message.replace("{ref}", _path(ref[:-1])),
        )
    line = hints.get("line_no") or _node_line(root, loc, key=hints.get("key_line", False))
    return FormatProblem(filename, line, path, message)


# - an upload, read in the bounded child -

# A file of 1 MB made of thousands of small entries keeps PyYAML and the checks busy for half a
# minute; an upload from the browser is read in core.bounded's child process, so a web worker
# never spends more than this on one.
READ_SECONDS = 5
READ_MEMORY_MB = 300
_TOO_COSTLY = {
    "time": f"het bestand is niet binnen {READ_SECONDS} seconden te lezen; zo'n bestand is veel "
    "kleiner en eenvoudiger",
    "memory": "het bestand vraagt te veel geheugen om te lezen; zo'n bestand is veel kleiner",
}


def load_bounded(target: str, source: str, filename: str) -> dict:
    """The checked dict of the document in `source`, read by `target` ("module:function",
    which calls `answer_in_child`) in the bounded child; a FormatError with its problems, or
    when reading it would cost too much time or memory."""
    name = filename.replace("\0", "")
    payload = name.encode() + b"\0" + source.encode()
    try:
        answer = json.loads(
            run_bounded(target, payload, seconds=READ_SECONDS, memory_mb=READ_MEMORY_MB)
        )
    except Overrun as exc:
        message = _TOO_COSTLY.get(exc.reason, "het bestand kon niet gelezen worden")
        raise FormatError([FormatProblem(name, None, "", message)]) from None
    if "problems" in answer:
        problems = [FormatProblem(**problem) for problem in answer["problems"]]
        raise FormatError(problems, kind=answer["kind"])
    return answer["definition"]


def answer_in_child(parse: Callable[[str, str], tuple[Any, dict]], payload: bytes) -> bytes:
    """In the child: the file's name, a NUL byte and its text in; JSON with the dict `parse`
    gives, or with every problem and which kind of document the file is, out."""
    name, _, data = payload.partition(b"\0")
    text = data.decode()
    try:
        _, definition = parse(text, name.decode())
    except FormatError as exc:
        problems = [asdict(p) for p in exc.problems]
        return json.dumps({"problems": problems, "kind": kind_of(text)}).encode()
    return json.dumps({"definition": definition}).encode()

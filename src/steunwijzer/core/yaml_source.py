"""The text of a YAML document and its syntax, with Dutch problems: `compose_yaml`.

Pure Python, no Django. The first half of reading the regional SOP model, the diversity scheme
or the IJK catalogue (core/yaml_documents.py does the rest): bytes that are not UTF-8 (a PDF or
zip picked by mistake is named as such), an empty file, and what PyYAML refuses, with a Dutch
hint and the line. `FormatProblem` and `FormatError` are how every problem with such a
document is told, here and in the models.
"""

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class FormatProblem:
    """One thing wrong with a document, pointing at the line and the place in it."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self):
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class FormatError(Exception):
    """The document cannot be used; `.problems` lists everything that is wrong with it.
    `kind`, when known: which of the three documents the file is (`kind_of`)."""

    def __init__(self, problems: list[FormatProblem], kind: str | None = None):
        self.problems = list(problems)
        self.kind = kind
        super().__init__(str(self))

    def __str__(self):
        return "\n".join(str(problem) for problem in self.problems)


# - reading the bytes -

# Files people pick by mistake, by their first bytes: named instead of "not UTF-8".
_NOT_TEXT = (
    (b"PK\x03\x04", "een zip-bestand (bijvoorbeeld een back-up, of een Word- of Excel-bestand)"),
    (b"%PDF-", "een PDF-bestand"),
    (b"\x89PNG", "een PNG-afbeelding"),
    (b"\xff\xd8\xff", "een JPEG-afbeelding"),
    (b"GIF8", "een GIF-afbeelding"),
    (b"\x1f\x8b", "een gzip-bestand"),
    (b"\xd0\xcf\x11\xe0", "een ouder Office-bestand (.doc of .xls)"),
)


def decode_source(data: bytes | str, filename: str = "<model>") -> str:
    """Bytes from a file or upload as text; a file that is not UTF-8 gets a Dutch FormatError."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        kind = next((name for magic, name in _NOT_TEXT if data.startswith(magic)), None)
        if kind:
            message = f"dit is {kind}, geen YAML-tekst"
            raise FormatError([FormatProblem(filename, None, "", message)]) from None
        line = data[: exc.start].count(b"\n") + 1
        message = (
            f"het bestand is geen geldige UTF-8-tekst (teken 0x{data[exc.start]:02x} op regel "
            f"{line}); sla het bestand op als UTF-8"
        )
        raise FormatError([FormatProblem(filename, line, "", message)]) from None


# - YAML syntax -

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


def too_deep(filename: str) -> FormatError:
    """Lists or mappings nested hundreds deep exhaust Python's recursion before any mistake is
    found; no model, scheme or catalogue comes near that."""
    message = "het bestand is te diep genest (lijsten of mappings honderden lagen diep)"
    return FormatError([FormatProblem(filename, None, "", message)])


def _yaml_error_problem(exc: yaml.YAMLError, filename: str, source: str) -> FormatProblem:
    if isinstance(exc, yaml.reader.ReaderError):
        line = source[: exc.position].count("\n") + 1
        message = f"ongeldig teken #x{exc.character:04x} in het bestand; haal het weg"
        return FormatProblem(filename, line, "", message)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if "end of stream" in (getattr(exc, "problem", None) or "") and exc.context_mark:
        mark = exc.context_mark  # where the unclosed quote or bracket started
    english = " ".join(
        part for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part
    ) or str(exc)
    hint = next((dutch for needle, dutch in _YAML_HINTS if needle in english), None)
    message = f"YAML-fout: {hint} ({english})" if hint else f"YAML-fout: {english}"
    return FormatProblem(filename, mark.line + 1 if mark else None, "", message)


def compose_yaml(text: str | bytes, filename: str) -> yaml.Node:
    """The node tree of the YAML document in `text`, which knows the line of every key and
    value; a FormatError for what is not a YAML document."""
    source = decode_source(text, filename)
    if not source.strip():
        raise FormatError([FormatProblem(filename, None, "", "het bestand is leeg")])
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise FormatError([_yaml_error_problem(exc, filename, source)]) from None
    except RecursionError:
        raise too_deep(filename) from None
    if root is None:
        raise FormatError(
            [FormatProblem(filename, None, "", "het bestand bevat alleen commentaar")]
        )
    return root


# - which document -


def kind_of(source: str) -> str | None:
    """Which command's YAML `source` looks like, by its top-level keys (None: none of them)."""
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    top = {key.value: value for key, value in root.value if isinstance(key, yaml.ScalarNode)}
    marker = getattr(top.get("format"), "value", None)
    if marker == "sop-model":
        return "format"
    if marker == "ijk-catalogus":
        return "ijk"
    if "scheme" in top and "format" not in top:
        return "diversity"
    return None

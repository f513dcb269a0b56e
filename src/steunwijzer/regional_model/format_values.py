"""The values of a regional SOP model file, each a type with a Dutch problem for what it is not.

Pure Python, no Django. Text as written (`Text`, `Line`, required or not), keys, field and
column types, the mandatory parts, school types, numbers and true/false, for the models in
format_document.py; the IJK catalogue uses the same ones, so its messages read the same. Each
type is pydantic's own (so the JSON Schema says what it may be) behind a validator that says,
in Dutch, why a value is not. An optional key left out gets its default; written without a
value (`word_budget:`) it is a problem, as these types take no None.
"""

import difflib
import re
import unicodedata
from functools import partial
from math import isinf, isnan
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from steunwijzer.core.yaml_documents import (
    BOOL,
    FLOAT,
    INT,
    describe,
    problem,
    yaml_bool,
    yaml_number,
)

from .sop_format import COLUMN_TYPES, FIELD_TYPES, MANDATORY_PARTS, SCHOOL_TYPES

FORMAT_MARKER = "sop-model"

KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
ID_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
MAX_KEY_LENGTH = 60
MAX_ID_LENGTH = 60  # FormatVersion.format_id
MAX_NAME_LENGTH = 200  # FormatVersion.name
MAX_VERSION_LENGTH = 20  # FormatVersion.version


def slugify_key(text: str) -> str:
    """A key made from a label: 'Taal / NT2' -> 'taal_nt2', 'Fysiek/medisch' -> 'fysiek_medisch'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    return slug[:MAX_KEY_LENGTH].rstrip("_")


# - one value -


def text_value(value: Any, *, required=False, single_line=False, max_length=None) -> str:
    """Any YAML scalar as text, as written; trailing spaces and surrounding blank lines off."""
    if value is None:
        if required:
            raise problem("mag niet leeg zijn")
        return ""
    if not isinstance(value, str):
        raise problem(f"hier hoort tekst, maar er staat {describe(value)}")
    tag = getattr(value, "tag", None)
    if tag not in (None, INT, FLOAT, BOOL):
        raise problem(f"hier hoort tekst, geen waarde met YAML-tag {tag}")
    text = "\n".join(line.rstrip() for line in value.strip("\n").split("\n")).strip()
    if required and not text:
        raise problem("mag niet leeg zijn")
    if single_line and "\n" in text:
        raise problem("moet op één regel passen")
    if max_length and len(text) > max_length:
        raise problem(f"is te lang ({len(text)} tekens; hooguit {max_length})")
    return text


def text_type(*, required=False, single_line=False, max_length=None):
    """Text as `text_value` reads it, with these limits."""
    check = partial(text_value, required=required, single_line=single_line, max_length=max_length)
    limits = Field(min_length=1 if required else None, max_length=max_length)
    return Annotated[str, limits, BeforeValidator(check)]


Text = text_type()
RequiredText = text_type(required=True)
Line = text_type(single_line=True)
RequiredLine = text_type(required=True, single_line=True)


def _key(value: Any, what: str) -> str:
    key = text_value(value, required=True, single_line=True)
    if not KEY_RE.match(key):
        suggestion = slugify_key(key)
        hint = f" (bijvoorbeeld '{suggestion}')" if KEY_RE.match(suggestion) else ""
        raise problem(
            f"{what} '{key}' mag alleen kleine letters, cijfers en _ bevatten en moet met een "
            f"letter beginnen{hint}"
        )
    if len(key) > MAX_KEY_LENGTH:
        raise problem(f"{what} '{key}' is langer dan {MAX_KEY_LENGTH} tekens")
    return key


def Key(what: str):
    """A key matching KEY_RE; `what` names it in a message ("veldsleutel")."""
    return Annotated[
        str,
        Field(pattern=KEY_RE.pattern, max_length=MAX_KEY_LENGTH),
        BeforeValidator(partial(_key, what=what)),
    ]


def _one_of(value: Any, choices, message: str) -> str:
    """Text that must be one of `choices`; `message` says it is not ({value}, and {hint}: a
    close match)."""
    text = text_value(value, required=True, single_line=True)
    if text not in choices:
        match = difflib.get_close_matches(text, choices, n=1, cutoff=0.6)
        raise problem(message.format(value=text, hint=f"bedoel je '{match[0]}'? " if match else ""))
    return text


def _model_id(value: Any) -> str:
    model_id = text_value(value, required=True, single_line=True)
    if not ID_RE.match(model_id):
        raise problem(
            f"model-id '{model_id}' mag alleen kleine letters, cijfers, - en _ bevatten en moet "
            "met een letter beginnen"
        )
    if len(model_id) > MAX_ID_LENGTH:
        raise problem(f"model-id is langer dan {MAX_ID_LENGTH} tekens")
    return model_id


def _version(value: Any) -> str:
    version = text_value(value, required=True, single_line=True, max_length=MAX_VERSION_LENGTH)
    if not VERSION_RE.match(version):
        raise problem(
            f"versie '{version}' mag alleen letters, cijfers, punten, - en _ bevatten "
            '(bijvoorbeeld "2.0")'
        )
    return version


def _marker(value: Any) -> str:
    marker = text_value(value, required=True)
    if marker != FORMAT_MARKER:
        raise problem(
            f"dit is geen SOP-model: 'format' moet '{FORMAT_MARKER}' zijn, niet '{marker}'"
        )
    return marker


def _positive_int(value: Any) -> int:
    number = yaml_number(value, integer=True)
    if number is None or number <= 0:
        raise problem(f"hier hoort een positief geheel getal, maar er staat {describe(value)}")
    return number


def _number(value: Any) -> int | float:
    number = yaml_number(value)
    if number is None or isnan(number) or isinf(number):
        raise problem(f"hier hoort een getal, maar er staat {describe(value)}")
    return number


def _boolean(value: Any) -> bool:
    truth = yaml_bool(value)
    if truth is None:
        raise problem(f"hier hoort true of false, maar er staat {describe(value)}")
    return truth


def _school_type(value: Any) -> str:
    # The problem names the list, as the list is where it is fixed.
    kind = text_value(value, required=True)
    if kind not in SCHOOL_TYPES:
        message = f"onbekende soort school '{kind}'; kies uit " + ", ".join(SCHOOL_TYPES)
        raise problem(message, up=1)
    return kind


PositiveInt = Annotated[int, Field(gt=0), BeforeValidator(_positive_int)]
Number = Annotated[int | float, BeforeValidator(_number)]
Boolean = Annotated[bool, BeforeValidator(_boolean)]
FieldType = Annotated[
    Literal[FIELD_TYPES],
    BeforeValidator(
        partial(
            _one_of,
            choices=FIELD_TYPES,
            message="onbekend veldtype '{value}'; {hint}kies uit " + ", ".join(FIELD_TYPES),
        )
    ),
]
ColumnType = Annotated[
    Literal[COLUMN_TYPES],
    BeforeValidator(
        partial(
            _one_of,
            choices=COLUMN_TYPES,
            message="onbekend kolomtype '{value}'; kies uit " + ", ".join(COLUMN_TYPES),
        )
    ),
]
MandatoryPart = Annotated[
    Literal[tuple(MANDATORY_PARTS)],
    BeforeValidator(
        partial(
            _one_of,
            choices=tuple(MANDATORY_PARTS),
            message="onbekend verplicht onderdeel '{value}'; kies uit "
            + ", ".join(MANDATORY_PARTS),
        )
    ),
]
SchoolType = Annotated[Literal[SCHOOL_TYPES], BeforeValidator(_school_type)]
SchoolTypes = Annotated[
    list[SchoolType],
    Field(min_length=1, description="Alleen voor deze soorten school; weglaten: voor alle."),
]

FormatMarker = Annotated[Literal[FORMAT_MARKER], BeforeValidator(_marker)]
ModelId = Annotated[
    str, Field(pattern=ID_RE.pattern, max_length=MAX_ID_LENGTH), BeforeValidator(_model_id)
]
ModelVersion = Annotated[
    str,
    Field(pattern=VERSION_RE.pattern, max_length=MAX_VERSION_LENGTH),
    BeforeValidator(_version),
]
Name = text_type(required=True, single_line=True, max_length=MAX_NAME_LENGTH)

"""Checking and cleaning the answers a school gives in the model's fill-in fields.

Every value passes through `clean_answers` before it is stored, from the editor and the
API alike; errors name the field path (`answers.<field>` or `answers.<field>[row].<column>`).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from steunwijzer.core.numbers import dutch_number
from steunwijzer.core.problems import Problem, ProblemsError
from steunwijzer.regional_model.sop_format import Column, Field, SopFormat

from .richtext import (
    html_to_markup,
    markup_to_html,
    markup_to_plain,
    normalize_markup,
)

SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 20_000
TABLE_MAX_ROWS = 50


class AnswerError(ProblemsError):
    """Answers that cannot be stored."""


class _Invalid(Exception):
    pass


def _text(value, max_length: int) -> str:
    if not isinstance(value, str):
        raise _Invalid(_("expected text"))
    value = value.strip()
    if len(value) > max_length:
        raise _Invalid(
            _("at most %(max)s characters, these are %(count)s")
            % {"max": max_length, "count": len(value)}
        )
    return value


def _number(value, field: Field | None = None):
    if value in ("", None):
        return None
    if isinstance(value, bool):
        raise _Invalid(_("expected a number"))
    if isinstance(value, str):
        try:
            value = float(value.replace(",", "."))
        except ValueError:
            raise _Invalid(_("expected a number")) from None
    if (
        not isinstance(value, int | float)
        or value != value
        or value in (float("inf"), -float("inf"))
    ):
        raise _Invalid(_("expected a number"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if field and field.min_value is not None and value < field.min_value:
        raise _Invalid(_("at least %(min)s") % {"min": dutch_number(field.min_value)})
    if field and field.max_value is not None and value > field.max_value:
        raise _Invalid(_("at most %(max)s") % {"max": dutch_number(field.max_value)})
    return value


def _date(value) -> str:
    if value in ("", None):
        return ""
    try:
        return date.fromisoformat(_text(value, 10)).isoformat()
    except ValueError:
        raise _Invalid(_("expected a date such as 2026-09-01")) from None


def _url(value) -> str:
    value = _text(value or "", 500)
    if not value:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise _Invalid(_("expected a full web address that starts with https://")) from None
    return value


def _choice(value, choices) -> str:
    value = _text(value or "", 100)
    if value and value not in {c.key for c in choices}:
        raise _Invalid(_("'%(value)s' is not a choice of this field") % {"value": value})
    return value


def _cell(column: Column, value):
    cleaners = {
        "short_text": lambda v: _text(v or "", SHORT_TEXT_MAX),
        "number": _number,
        "date": _date,
        "url": _url,
        "single_choice": lambda v: _choice(v, column.choices),
    }
    return cleaners[column.type](value)


def _table(field: Field, value, path: str):
    if not isinstance(value, list):
        raise _Invalid(_("expected a list of rows"))
    if len(value) > TABLE_MAX_ROWS:
        raise _Invalid(_("at most %(max)s rows") % {"max": TABLE_MAX_ROWS})
    rows, problems = [], []
    for i, row in enumerate(value):
        if not isinstance(row, dict):
            problems.append(Problem(f"{path}[{i}]", _("expected a row with columns")))
            continue
        unknown = set(row) - {c.key for c in field.columns}
        for key in sorted(unknown):
            problems.append(Problem(f"{path}[{i}].{key}", _("unknown column")))
        clean_row = {}
        for column in field.columns:
            try:
                clean_row[column.key] = _cell(column, row.get(column.key))
            except _Invalid as exc:
                problems.append(Problem(f"{path}[{i}].{column.key}", str(exc)))
        if any(v not in ("", None) for v in clean_row.values()):
            rows.append(clean_row)
    if problems:
        raise AnswerError(problems)
    return rows


def clean_value(field: Field, value, path: str):
    """Return the stored form of one answer; None means the field is emptied."""
    try:
        return _clean_value(field, value, path)
    except _Invalid as exc:
        raise AnswerError([Problem(path, str(exc))]) from None


def _clean_value(field: Field, value, path: str):
    if value is None:
        return None
    match field.type:
        case "short_text":
            return _text(value, field.max_length or SHORT_TEXT_MAX)
        case "long_text":
            if isinstance(value, str):
                value = normalize_markup(value)
            text = _text(value, field.max_length or LONG_TEXT_MAX)
            return text if markup_to_plain(text) else ""
        case "single_choice":
            return _choice(value, field.choices)
        case "checklist":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _Invalid(_("expected a list of choices"))
            keys = [c.key for c in field.choices]
            wrong = [v for v in value if v not in keys]
            if wrong:
                raise _Invalid(_("'%(value)s' is not a choice of this field") % {"value": wrong[0]})
            return [k for k in keys if k in value]
        case "table":
            return _table(field, value, path)
        case "number":
            return _number(value, field)
        case "date":
            return _date(value)
        case "url":
            return _url(value)
    raise _Invalid(_("unknown field type %(type)s") % {"type": field.type})


def clean_answers(sop_format: SopFormat, changes, school_type: str) -> dict:
    """Validate a set of changed answers; raise AnswerError naming every bad field path."""
    if not isinstance(changes, dict):
        raise AnswerError([Problem("answers", _("expected an object with field names"))])
    cleaned, problems = {}, []
    for key, value in changes.items():
        path = f"answers.{key}"
        field = sop_format.field(key)
        if field is None:
            problems.append(Problem(path, _("this field does not exist in the model")))
            continue
        if not field.applies_to(school_type) or not sop_format.chapter_of(key).applies_to(
            school_type
        ):
            problems.append(Problem(path, _("this field does not apply to this kind of school")))
            continue
        try:
            cleaned[key] = clean_value(field, value, path)
        except AnswerError as exc:
            problems.extend(exc.problems)
    if problems:
        raise AnswerError(problems)
    return cleaned


def is_filled(value) -> bool:
    return value not in (None, "", [], {})


# The API speaks HTML for long text, as it always has; the answers themselves are markup.


def answers_as_html(sop_format: SopFormat, answers: dict) -> dict:
    """The answers as the API gives them: long text as sanitised HTML."""
    return {
        key: _long_text_as(sop_format, key, value, markup_to_html) for key, value in answers.items()
    }


def answers_from_html(sop_format: SopFormat, changes):
    """Changes as the API takes them (long text as HTML), in the stored form: markup.

    Anything that is not a string is left for `clean_answers` to refuse."""
    if not isinstance(changes, dict):
        return changes
    return {
        key: _long_text_as(sop_format, key, value, html_to_markup) for key, value in changes.items()
    }


def _long_text_as(sop_format: SopFormat, key: str, value, convert):
    field = sop_format.field(key)
    if field is None or field.type != "long_text" or not isinstance(value, str):
        return value
    return convert(value)

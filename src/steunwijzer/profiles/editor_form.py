"""Reading the chapter form the editor posts, and turning it into changed answers.

A chapter form always carries every field of the chapter. Only the fields whose value differs
from the version the editor started from count as changes, so two people working on
different fields of the same chapter do not overwrite each other.
"""

import json
import re

from .answers import AnswerError, clean_value, is_filled

TABLE_EXTRA_ROWS = 2


def input_name(field_key: str) -> str:
    return f"f-{field_key}"


def _table_rows(field, post) -> list[dict]:
    prefix = f"{input_name(field.key)}-"
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)-([a-z0-9_]+)$")
    rows: dict[int, dict] = {}
    for name in post:
        match = pattern.match(name)
        if match:
            rows.setdefault(int(match[1]), {})[match[2]] = post.get(name)
    return [rows[i] for i in sorted(rows)]


def raw_value(field, post):
    name = input_name(field.key)
    match field.type:
        case "checklist":
            return post.getlist(name)
        case "table":
            return _table_rows(field, post)
        case _:
            return post.get(name, "")


def _same(a, b) -> bool:
    if not is_filled(a) and not is_filled(b):
        return True
    return a == b


def changed_answers(fields, post, base_answers: dict) -> dict:
    """Cleaned values of the fields that differ from `base_answers`; None empties a field."""
    changes, problems = {}, []
    for field in fields:
        path = f"answers.{field.key}"
        try:
            value = clean_value(field, raw_value(field, post), path)
        except AnswerError as exc:
            problems.extend(exc.problems)
            continue
        if not _same(value, base_answers.get(field.key)):
            changes[field.key] = value if is_filled(value) else None
    if problems:
        raise AnswerError(problems)
    return changes


def posted_values(fields, post, stored: dict) -> dict:
    """What the editor typed, to show again after a refused save; cleaned where possible."""
    values = dict(stored)
    for field in fields:
        raw = raw_value(field, post)
        try:
            values[field.key] = clean_value(field, raw, field.key)
        except AnswerError:
            values[field.key] = raw
    return values


def errors_by_field(error: AnswerError) -> dict[str, list[str]]:
    """Group problems per field key for showing next to each input."""
    grouped: dict[str, list[str]] = {}
    for problem in error.problems:
        key = problem.path.removeprefix("answers.").split("[")[0].split(".")[0]
        where = problem.path.removeprefix(f"answers.{key}")
        grouped.setdefault(key, []).append(f"{where} {problem.message}".strip())
    return grouped


def pending_to_json(changes: dict) -> str:
    return json.dumps(changes, ensure_ascii=False)


def pending_from_json(text: str) -> dict:
    try:
        value = json.loads(text or "{}")
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}

"""Reading a regional SOP model into the database."""

import re

from django.db import IntegrityError, transaction

from steunwijzer.organisations.models import Partnership

from .loader import FormatError, FormatProblem, decode_source, parse_format
from .models import FormatVersion


@transaction.atomic
def format_import(
    *, partnership: Partnership, text: str | bytes, filename: str, user=None
) -> FormatVersion:
    """Check the YAML model and store it as the partnership's newest `FormatVersion`.

    Raises `FormatError` when the model has problems or this version was imported before:
    a stored version never changes, because profiles keep pointing at it.
    """
    source = decode_source(text, filename)
    fmt, definition = parse_format(source, filename)
    return store_version(
        FormatVersion,
        filename=filename,
        source=source,
        refusal=f"Versie {fmt.version} van model {fmt.id} is al ingelezen voor "
        f"{partnership.name}; verhoog het versienummer.",
        partnership=partnership,
        format_id=fmt.id,
        version=fmt.version,
        name=fmt.name,
        definition=definition,
        imported_by=user if getattr(user, "pk", None) else None,
    )


def store_version(model, *, filename: str, source: str, refusal: str, **fields):
    """Store a checked YAML definition as a new `ImportedVersion`, once.

    A stored version never changes, because what was made with it keeps pointing at it; a
    version read in before (also at the same moment by someone else) gives a FormatError with
    `refusal`, pointing at the file's `version:` line.
    """
    try:
        with transaction.atomic():
            return model.objects.create(source=source, **fields)
    except IntegrityError:
        raise FormatError(
            [FormatProblem(filename, _line_of_top_key(source, "version"), "version", refusal)]
        ) from None


def _line_of_top_key(source: str, key: str) -> int | None:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next(
        (number for number, line in enumerate(source.splitlines(), 1) if pattern.match(line)),
        None,
    )

"""Reading a regional SOP model into the database."""

import re

from django.db import IntegrityError, transaction

from steunwijzer.organisations.models import Partnership

from .loader import FormatError, FormatProblem, decode_source, parse_format
from .models import FormatVersion, ImportedVersion


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
    return imported_version_create(
        FormatVersion,
        partnership=partnership,
        identity={"format_id": fmt.id},
        version=fmt.version,
        name=fmt.name,
        source=source,
        definition=definition,
        user=user,
        filename=filename,
        already=f"Versie {fmt.version} van model {fmt.id} is al ingelezen",
    )


def imported_version_create(
    model: type[ImportedVersion],
    *,
    partnership: Partnership,
    identity: dict,
    version: str,
    name: str,
    source: str,
    definition: dict,
    user,
    filename: str,
    already: str,
) -> ImportedVersion:
    """Store a checked definition as a new version, or raise FormatError (on the file's
    `version` line, message `already`) when that version exists: stored ones never change."""
    exists = model.objects.filter(partnership=partnership, version=version, **identity).exists()
    if not exists:
        try:
            with transaction.atomic():
                return model.objects.create(
                    partnership=partnership,
                    version=version,
                    name=name,
                    source=source,
                    definition=definition,
                    imported_by=user if getattr(user, "pk", None) else None,
                    **identity,
                )
        except IntegrityError:
            pass  # imported at the same moment by someone else
    raise FormatError(
        [
            FormatProblem(
                filename,
                _line_of_top_key(source, "version"),
                "version",
                f"{already} voor {partnership.name}; verhoog het versienummer.",
            )
        ]
    )


def _line_of_top_key(source: str, key: str) -> int | None:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next(
        (number for number, line in enumerate(source.splitlines(), 1) if pattern.match(line)),
        None,
    )

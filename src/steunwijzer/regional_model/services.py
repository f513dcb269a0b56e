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
        raise _version_refused(filename, source, refusal) from None


def refuse_stored_version(stored, *, filename: str, source: str, refusal: str) -> None:
    """A FormatError with `refusal` when `stored` (the versions with the new one's id and
    version) has one already: what `store_version` would say, told before anything is stored."""
    if stored.exists():
        raise _version_refused(filename, source, refusal)


def _version_refused(filename: str, source: str, refusal: str) -> FormatError:
    line = _line_of_top_key(source, "version")
    return FormatError([FormatProblem(filename, line, "version", refusal)])


def _line_of_top_key(source: str, key: str) -> int | None:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next(
        (number for number, line in enumerate(source.splitlines(), 1) if pattern.match(line)),
        None,
    )


@transaction.atomic
def fixed_text_summaries_save(*, partnership: Partnership, summaries: dict[str, str]) -> None:
    """Set the plain-language summaries of these fixed texts (by key); an empty one removes the
    summary. Summaries of fixed texts that only older model versions have are kept: profiles
    of those versions still show them. Saving the partnership gives it a new content version,
    so the public pages show the change at once."""
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    kept = dict(partnership.fixed_text_summaries)
    for key, summary in summaries.items():
        if summary.strip():
            kept[key] = summary.strip()
        else:
            kept.pop(key, None)
    partnership.fixed_text_summaries = kept
    partnership.save(update_fields=["fixed_text_summaries"])


class NotADefaultText(ValueError):
    """The key names no fixed text Steunwijzer offered in the partnership's current model."""


@transaction.atomic
def fixed_text_confirm(*, partnership: Partnership, key: str) -> None:
    """Make a fixed text Steunwijzer offered (`default: true`) the partnership's own, so every
    SOP labels it as the partnership's fixed text. Saving the partnership gives it a new content
    version, so the public pages show the change at once."""
    version = FormatVersion.objects.current_for(partnership)
    offered = {t.key for t in version.format.fixed_texts if t.default} if version else set()
    if key not in offered:
        raise NotADefaultText(key)
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    if key not in partnership.confirmed_fixed_texts:
        partnership.confirmed_fixed_texts = [*partnership.confirmed_fixed_texts, key]
        partnership.save(update_fields=["confirmed_fixed_texts"])

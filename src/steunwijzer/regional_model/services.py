"""Reading a regional SOP model into the database."""

import re
from typing import NamedTuple

from django.db import IntegrityError, transaction

from steunwijzer.organisations.models import Partnership

from .format_outline import DRAFT_FILENAME, document_from_definition, document_yaml, next_version
from .loader import FormatError, FormatProblem, decode_source, parse_format
from .models import FormatDraft, FormatVersion


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


def definition_read(model, *, partnership, text, filename: str, parse, id_field: str, refusal):
    """Check a YAML definition as a new version (a `model`, an `ImportedVersion`) for the
    partnership, storing nothing: its text, what `parse` (source, filename) made of it and the
    dict to store. A FormatError names every problem, and a version imported before (on its
    `version` line) with `refusal(partnership, thing)`."""
    source = decode_source(text, filename)
    thing, definition = parse(source, filename)
    refuse_stored_version(
        model.objects.filter(
            partnership=partnership, version=thing.version, **{id_field: thing.id}
        ),
        filename=filename,
        source=source,
        refusal=refusal(partnership, thing),
    )
    return source, thing, definition


def definition_store(model, read: tuple, *, partnership, filename: str, refusal, id_field, user):
    """What `definition_read` gave for `filename`, stored once as the partnership's newest
    version (a `model`)."""
    source, thing, definition = read
    return store_version(
        model,
        filename=filename,
        source=source,
        refusal=refusal(partnership, thing),
        partnership=partnership,
        version=thing.version,
        name=thing.name,
        definition=definition,
        imported_by=user if getattr(user, "pk", None) else None,
        **{id_field: thing.id},
    )


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


class DraftChanged(Exception):
    """The draft changed (or was published or discarded) since the page the change came from."""


class Draft(NamedTuple):
    """The draft as a page shows it: its document, the token of this state of it (sent back
    with every change) and whether it is stored (False: derived from the current version)."""

    document: dict
    token: str
    stored: bool


def _token(draft: FormatDraft | None, current: FormatVersion | None) -> str:
    """Names this state of the draft once: a new draft gets a new pk (never reused) and every
    change a new revision, and without a draft the current version's pk names what the page
    derived from, so a page of a published, discarded or replaced draft no longer matches."""
    if draft is not None:
        return f"d{draft.pk}.{draft.revision}"
    return f"v{current.pk}" if current else "v"


def format_draft_of(partnership: Partnership) -> Draft | None:
    """The draft of the partnership's next model version; without a draft, the current version
    with the next version number (nothing stored yet). None without any model."""
    draft = FormatDraft.objects.filter(partnership=partnership).first()
    if draft:
        return Draft(draft.document, _token(draft, None), True)
    current = FormatVersion.objects.current_for(partnership)
    if current is None:
        return None
    document = document_from_definition(current.definition)
    document["version"] = next_version(document["version"])
    return Draft(document, _token(None, current), False)


def _locked_draft(partnership: Partnership, token: str) -> FormatDraft | None:
    draft = FormatDraft.objects.select_for_update().filter(partnership=partnership).first()
    current = None if draft else FormatVersion.objects.current_for(partnership)
    if _token(draft, current) != token:
        raise DraftChanged
    return draft


@transaction.atomic
def format_draft_save(
    *, partnership: Partnership, document: dict, user, revision: str
) -> FormatDraft:
    """Store the changed draft. `revision` is the token (`format_draft_of`) of the draft the
    change was made on; another one raises `DraftChanged`."""
    draft = _locked_draft(partnership, revision)
    editor = user if getattr(user, "pk", None) else None
    if draft is None:
        try:
            with transaction.atomic():
                return FormatDraft.objects.create(
                    partnership=partnership, document=document, changed_by=editor
                )
        except IntegrityError:
            raise DraftChanged from None
    draft.document, draft.changed_by = document, editor
    draft.revision += 1
    draft.save()
    return draft


@transaction.atomic
def format_draft_publish(*, partnership: Partnership, user, revision: str) -> FormatVersion:
    """Publish the draft as the partnership's newest version (checked by `format_import`, so a
    draft with problems raises `FormatError`) and remove it. Profiles keep their version."""
    draft = _locked_draft(partnership, revision)
    if draft is None:
        raise DraftChanged
    version = format_import(
        partnership=partnership,
        text=document_yaml(draft.document),
        filename=DRAFT_FILENAME,
        user=user,
    )
    draft.delete()
    return version


@transaction.atomic
def format_draft_discard(*, partnership: Partnership, revision: str) -> None:
    """Throw the draft away; the form editor starts again from the current version."""
    draft = _locked_draft(partnership, revision)
    if draft is not None:
        draft.delete()

"""Last year's SOP in Word brought into the fields of a concept profile: reading and wording.

The upload is checked by content (`core.uploads`), then read in the bounded child process
(`word_sop`, pure) and matched to the model's long-text fields (`sop_matching`, pure). This
module words what they return in Dutch; the page and the API show it as a preview, and only
what the school confirms is saved, in one version (`services.profile_update`, reason import),
which the versions page can restore away.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from steunwijzer.core.bounded import Overrun, run_bounded
from steunwijzer.core.uploads import (
    EMPTY,
    NOT_ALLOWED,
    TOO_LARGE,
    UploadRefused,
    check_upload,
    size_text,
)

from .answers import LONG_TEXT_MAX
from .models import EDIT_ROLES, Profile
from .sop_matching import Matching, Suggestion, match
from .states import EDITABLE_STATE
from .word_sop import WordSopError, parts_from_json

# A written SOP with a few images is well under this; the text alone is far smaller.
MAX_IMPORT_BYTES = 10 * 1024 * 1024
PARSE_SECONDS = 5
PARSE_MEMORY_MB = 300


class ImportRefused(Exception):
    """The file is not read; the message says why, in Dutch. `too_large` when it was refused
    on its size alone (the API answers that with 413)."""

    def __init__(self, message: str, *, too_large: bool = False):
        super().__init__(message)
        self.too_large = too_large


def profile_for_import(user, pk) -> Profile:
    """The concept profile this person may fill from a Word file; PermissionDenied otherwise."""
    profile = Profile.objects.get_for_user(user, pk)
    may_edit_when_concept = profile.roles_of(user) & EDIT_ROLES
    if may_edit_when_concept and profile.state != EDITABLE_STATE:
        raise PermissionDenied(
            _("This SOP is no longer a draft; an old SOP can only be read into a draft.")
        )
    if not profile.can_edit(user) or profile.is_own_model:
        raise PermissionDenied(_("You may not edit this profile."))
    return profile


def _messages() -> dict:
    return {
        TOO_LARGE: _("The file is larger than %(size)s; save the SOP without images and try again.")
        % {"size": size_text(MAX_IMPORT_BYTES)},
        NOT_ALLOWED: _("This is not a Word file (.docx); save the SOP as .docx and try again."),
        EMPTY: _("The file is empty."),
    }


def read_old_sop(upload, profile: Profile) -> Matching:
    """The old SOP's parts and which field each may go to; ImportRefused for a bad file."""
    try:
        checked = check_upload(
            upload, allowed=("docx",), max_bytes=MAX_IMPORT_BYTES, messages=_messages()
        )
    except UploadRefused as exc:
        raise ImportRefused(exc.messages[0], too_large=exc.code == TOO_LARGE) from None
    try:
        answer = run_bounded(
            "steunwijzer.profiles.word_sop:read_in_child",
            checked.data,
            seconds=PARSE_SECONDS,
            memory_mb=PARSE_MEMORY_MB,
        )
        parts = parts_from_json(answer)
    except Overrun:
        raise ImportRefused(
            _("Reading the file took too long or too much memory; is it a plain Word document?")
        ) from None
    except WordSopError as exc:
        raise ImportRefused(_error_text(exc.code)) from None
    return match(profile.sop_format, parts, profile.school.school_type, LONG_TEXT_MAX)


def _error_text(code: str) -> str:
    if code == "no_headings":
        return _(
            "No headings were found in the file. Give the chapters a heading style "
            "(Kop 1, Kop 2), make them bold or number them (1., 2.1) and try again."
        )
    return _("This is not a Word file (.docx); save the SOP as .docx and try again.")


def reason_text(matching: Matching, suggestion: Suggestion) -> str:
    """Why a part was suggested for a field, in one sentence."""
    values = {"heading": matching.parts[suggestion.part].heading, "label": suggestion.label}
    if suggestion.found_in == "field":
        return _("heading “%(heading)s” is like field “%(label)s”") % values
    if suggestion.found_in == "section":
        return _("heading “%(heading)s” is like section “%(label)s”") % values
    return _("heading “%(heading)s” is like chapter “%(label)s”") % values


def too_long_text(count: int, max_length: int) -> str:
    return _(
        "The old text has %(count)s characters; this field holds at most %(max)s. "
        "Shorten it before you take it."
    ) % {"count": count, "max": max_length}


def fixed_text_line(found) -> str:
    return _("Fixed text “%(title)s” recognised; it is not copied, the model shows it.") % {
        "title": found.title or found.key
    }


@dataclass
class PreviewRow:
    """One field of the preview: the old text beside what goes into the field."""

    key: str
    label: str
    chapter: str
    heading: str
    text: str  # the old text
    reason: str
    too_long: str
    current: str  # what the field holds now
    value: str  # the text for the field, as the school adjusted it
    taken: bool
    error: str = ""


def _row(profile: Profile, key: str, *, heading, text, reason, value, taken, error=""):
    field = profile.sop_format.field(key)
    limit = field.max_length or LONG_TEXT_MAX
    return PreviewRow(
        key=key,
        label=field.label,
        chapter=profile.sop_format.chapter_of(key).heading,
        heading=heading,
        text=text,
        reason=reason,
        too_long=too_long_text(len(text), limit) if len(text) > limit else "",
        current=profile.answers.get(key) or "",
        value=value,
        taken=taken,
        error=error,
    )


def preview_rows(profile: Profile, matching: Matching) -> list[PreviewRow]:
    """The rows of a fresh preview: every suggestion ticked unless its text is too long."""
    return [
        _row(
            profile,
            s.field_key,
            heading=matching.parts[s.part].heading,
            text=s.text,
            reason=reason_text(matching, s),
            value=s.text,
            taken=not s.too_long,
        )
        for s in matching.suggestions
    ]


def posted_rows(profile: Profile, data: dict, keys, errors: dict) -> list[PreviewRow]:
    """The rows again as the school sent them, when the confirmation was refused: nothing
    the school adjusted is lost. `errors` holds a message per field key."""
    return [
        _row(
            profile,
            key,
            heading=data.get(f"heading_{key}", ""),
            text=data.get(f"old_{key}", ""),
            reason=data.get(f"reason_{key}", ""),
            value=data.get(f"text_{key}", ""),
            taken=bool(data.get(f"take_{key}")),
            error=errors.get(key, ""),
        )
        for key in keys
        if data.get(f"old_{key}")
    ]

"""The school's own SOP document, for a profile of kind "eigen model".

The seed letter lets a school skip the regional model, provided its own document holds the
four mandatory parts. The school uploads the document and says where each part is, so the
MR, the board and the partnership can check it as quickly as a profile in the model.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from steunwijzer.core.stored_file import StoredFile, StoredFileQuerySet
from steunwijzer.regional_model.sop_format import MANDATORY_PARTS, FixedText

from .document_text import DOCX, DocumentTextError, missing_sentences, quote, read_document_text
from .document_text import suggest_locations as headings_for_parts
from .richtext import markup_to_plain

LOCATION_MAX_LENGTH = 200


@dataclass(frozen=True)
class MandatoryPart:
    """Shaped like a model field (key, label), so lists of missing items read the same."""

    key: str
    label: str


@dataclass(frozen=True)
class RequiredText:
    """A fixed text of the model that an own document must hold word for word."""

    part: MandatoryPart
    fixed: FixedText


DOCUMENT_PART = MandatoryPart("document", gettext_lazy("The own document (PDF or Word)"))

# The four mandatory parts (the keys of `sop_format.MANDATORY_PARTS`, whose Dutch names the
# model's loader uses in its problems) as people read them, in their language.
MANDATORY_PART_LABELS = {
    "visie": pgettext_lazy("mandatory part", "Vision on inclusive education"),
    "basisondersteuning": pgettext_lazy("mandatory part", "Basic support"),
    "extra_ondersteuning": pgettext_lazy("mandatory part", "Extra support"),
    "zorgplicht": pgettext_lazy("mandatory part", "Duty of care"),
}


def part_label(key: str, label: str):
    """A part's name as people read it: the model's own name, or in their language where the
    model kept the usual Dutch one."""
    return MANDATORY_PART_LABELS[key] if label == MANDATORY_PARTS.get(key) else label


def mandatory_parts(sop_format) -> list[MandatoryPart]:
    """The parts the profile's model requires, in its order and by its names."""
    return [
        MandatoryPart(key, part_label(key, label))
        for key, label in sop_format.mandatory_parts.items()
    ]


def required_fixed_texts(sop_format) -> list[RequiredText]:
    """The fixed texts in the chapters of the parts that must hold one (`fixed_texts_in`)."""
    return [
        RequiredText(MandatoryPart(chapter.mandatory_part, sop_format.part_label(part)), item)
        for part in sop_format.requirements.fixed_texts_in
        for chapter in sop_format.chapters
        if chapter.mandatory_part == part
        for section in chapter.sections
        for item in section.items
        if isinstance(item, FixedText)
    ]


def part_names(sop_format) -> dict[str, list[str]]:
    """Per mandatory part, the names a heading may give it: the model's label, the part's key
    in words ("extra ondersteuning") and the titles of its chapters in the model."""
    return {
        part.key: [
            part.label,
            part.key.replace("_", " "),
            *(c.title for c in sop_format.chapters if c.mandatory_part == part.key),
        ]
        for part in mandatory_parts(sop_format)
    }


_UNREADABLE = {
    "time": gettext_lazy(
        "Reading the document takes too long. Save it again from Word as PDF, without large "
        "pictures, or upload the .docx file."
    ),
    "memory": gettext_lazy(
        "Reading the document takes too much memory. Save it again from Word as PDF, without "
        "large pictures, or upload the .docx file."
    ),
    "failed": gettext_lazy(
        "The document cannot be read. Save it again as PDF or as .docx and try once more."
    ),
}
_NO_TEXT_PDF = gettext_lazy(
    "This PDF file contains no text (a scan?). Save the document as PDF from Word or another "
    "word processor (File > Save as > PDF), or upload the .docx file. Steunwijzer must be able "
    "to read the text to check the fixed texts of the partnership."
)
_NO_TEXT_DOCX = gettext_lazy("This Word file contains no text. Upload the document with your SOP.")


def read_upload(sop_format, checked) -> dict:
    """What the document says of the model's requirements: the fixed texts it lacks and the
    headings that seem to hold the mandatory parts. ValidationError when it has no text."""
    try:
        found = read_document_text(checked.data, checked.content_type)
    except DocumentTextError as exc:
        if exc.reason == "no_text":
            raise ValidationError(
                _NO_TEXT_DOCX if checked.content_type == DOCX else _NO_TEXT_PDF
            ) from None
        raise ValidationError(_UNREADABLE[exc.reason]) from None
    missing = []
    for required in required_fixed_texts(sop_format):
        lacking = missing_sentences(found.text, markup_to_plain(required.fixed.text))
        if lacking:
            missing.append(
                {
                    "part": required.part.key,
                    "label": required.part.label,
                    "quote": quote(lacking[0]),
                }
            )
    suggested = headings_for_parts(found.headings, part_names(sop_format))
    return {
        "fixed_texts_missing": missing,
        "suggested_locations": {
            key: {"heading": heading.text[:LOCATION_MAX_LENGTH], "page": heading.page}
            for key, heading in suggested.items()
        },
    }


class OwnDocument(StoredFile):
    """The school's document (a checked PDF or .docx) and where the mandatory parts are."""

    profile = models.OneToOneField(
        "profiles.Profile", on_delete=models.CASCADE, related_name="own_document"
    )
    uploaded_at = models.DateTimeField(gettext_lazy("uploaded on"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Mandatory part key (the model's requirements) → where it is: "blz. 4", "Hoofdstuk 2".
    locations = models.JSONField(gettext_lazy("locations"), default=dict, blank=True)

    # Read from the file when it was uploaded (profiles.document_text): the fixed texts of the
    # model it lacks, as [{"part": key, "label": …, "quote": the start of what is missing}],
    # and per mandatory part the heading that seems to hold it, {key: {"heading", "page"}}.
    # None: not checked against the profile's model (stored before documents were read, or
    # carried over from a year with another model); a new upload checks it.
    fixed_texts_missing = models.JSONField(
        gettext_lazy("fixed texts missing"), null=True, default=None, blank=True
    )
    suggested_locations = models.JSONField(
        gettext_lazy("suggested locations"), default=dict, blank=True
    )

    objects = StoredFileQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("own SOP document")
        verbose_name_plural = gettext_lazy("own SOP documents")

    def __str__(self):
        return self.filename or f"eigen document van {self.profile_id}"

    def location_rows(self) -> list[tuple[MandatoryPart, str]]:
        return [
            (part, self.locations.get(part.key, ""))
            for part in mandatory_parts(self.profile.sop_format)
        ]

    def missing(self) -> list[MandatoryPart]:
        parts = [] if self.has_file else [DOCUMENT_PART]
        return parts + [
            p for p in mandatory_parts(self.profile.sop_format) if not self.locations.get(p.key)
        ]


def own_document_of(profile) -> OwnDocument | None:
    """The profile's own document without its bytes, or None when nothing was stored yet."""
    return OwnDocument.objects.without_content().filter(profile=profile).first()

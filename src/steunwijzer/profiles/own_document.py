"""The school's own SOP document, for a profile of kind "eigen model".

The seed letter lets a school skip the regional model, provided its own document holds the
four mandatory parts. The school uploads the document and says where each part is, so the
MR, the board and the partnership can check it as quickly as a profile in the model.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

from steunwijzer.core.stored_file import StoredFile, StoredFileQuerySet
from steunwijzer.regional_model.sop_format import FixedText

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


def mandatory_parts(sop_format) -> list[MandatoryPart]:
    """The parts the profile's model requires, in its order and by its names."""
    return [MandatoryPart(key, label) for key, label in sop_format.mandatory_parts.items()]


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
    fixed_texts_missing = models.JSONField(
        gettext_lazy("fixed texts missing"), default=list, blank=True
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

"""The school's own SOP document, for a profile of kind "eigen model".

The seed letter lets a school skip the regional model, provided its own document holds the
four mandatory parts. The school uploads the document and says where each part is, so the
MR, the board and the partnership can check it as quickly as a profile in the model.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from steunwijzer.core.stored_file import StoredFile, StoredFileQuerySet
from steunwijzer.regional_model.sop_format import MANDATORY_PARTS

LOCATION_MAX_LENGTH = 200


@dataclass(frozen=True)
class MandatoryPart:
    """Shaped like a model field (key, label), so lists of missing items read the same."""

    key: str
    label: str


DOCUMENT_PART = MandatoryPart("document", gettext_lazy("The own document (PDF or Word)"))

# The four mandatory parts (the keys of `sop_format.MANDATORY_PARTS`, whose Dutch names the
# model's loader uses in its problems) as people read them, in their language.
MANDATORY_PART_LABELS = {
    "visie": pgettext_lazy("mandatory part", "Vision on inclusive education"),
    "basisondersteuning": pgettext_lazy("mandatory part", "Basic support"),
    "extra_ondersteuning": pgettext_lazy("mandatory part", "Extra support"),
    "zorgplicht": pgettext_lazy("mandatory part", "Duty of care"),
}


def mandatory_parts() -> list[MandatoryPart]:
    return [MandatoryPart(key, MANDATORY_PART_LABELS[key]) for key in MANDATORY_PARTS]


class OwnDocument(StoredFile):
    """The school's document (a checked PDF or .docx) and where the mandatory parts are."""

    profile = models.OneToOneField(
        "profiles.Profile", on_delete=models.CASCADE, related_name="own_document"
    )
    uploaded_at = models.DateTimeField(gettext_lazy("uploaded on"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Mandatory part key (MANDATORY_PARTS) → where it is: "blz. 4", "Hoofdstuk 2".
    locations = models.JSONField(gettext_lazy("locations"), default=dict, blank=True)

    objects = StoredFileQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("own SOP document")
        verbose_name_plural = gettext_lazy("own SOP documents")

    def __str__(self):
        return self.filename or f"eigen document van {self.profile_id}"

    def location_rows(self) -> list[tuple[MandatoryPart, str]]:
        return [(part, self.locations.get(part.key, "")) for part in mandatory_parts()]

    def missing(self) -> list[MandatoryPart]:
        parts = [] if self.has_file else [DOCUMENT_PART]
        return parts + [p for p in mandatory_parts() if not self.locations.get(p.key)]


def own_document_of(profile) -> OwnDocument | None:
    """The profile's own document without its bytes, or None when nothing was stored yet."""
    return OwnDocument.objects.without_content().filter(profile=profile).first()

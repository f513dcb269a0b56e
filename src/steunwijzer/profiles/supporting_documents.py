"""Documents a team needs at hand while writing the SOP, shown beside the chapters they inform.

The partnership attaches its ondersteuningsplan and its definition of basisondersteuning to
the model; a school attaches its schoolplan (mission and vision) and its last inspection or
audit report (seed letter, "Direct aan de slag"). Each is an uploaded PDF/.docx or an https
link.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

from steunwijzer.core.stored_file import StoredFile, StoredFileQuerySet
from steunwijzer.organisations.models import Membership, Partnership, School


class SupportingDocumentQuerySet(StoredFileQuerySet):
    def for_profile(self, profile):
        """The partnership's documents and the school's own, for one profile's editor."""
        school = profile.school
        return self.filter(
            models.Q(partnership_id=school.board.partnership_id) | models.Q(school=school)
        )


class SupportingDocument(StoredFile):
    class Kind(models.TextChoices):
        ONDERSTEUNINGSPLAN = "ondersteuningsplan", gettext_lazy("support plan of the partnership")
        BASISONDERSTEUNING = "basisondersteuning", gettext_lazy("definition of the basic support")
        SCHOOLPLAN = "schoolplan", gettext_lazy("school plan (mission and vision)")
        INSPECTIERAPPORT = "inspectierapport", gettext_lazy("latest inspection or audit report")
        OTHER = "other", gettext_lazy("other document")

    PARTNERSHIP_KINDS = (Kind.ONDERSTEUNINGSPLAN, Kind.BASISONDERSTEUNING, Kind.OTHER)
    SCHOOL_KINDS = (Kind.SCHOOLPLAN, Kind.INSPECTIERAPPORT, Kind.OTHER)
    # Chapter keys or mandatory parts each kind informs when the uploader picks none; the
    # mandatory parts let the defaults fit any model, whatever it calls its chapters.
    DEFAULT_CHAPTERS = {
        Kind.ONDERSTEUNINGSPLAN: ["basisondersteuning", "extra_ondersteuning"],
        Kind.BASISONDERSTEUNING: ["basisondersteuning"],
        Kind.SCHOOLPLAN: ["visie"],
        Kind.INSPECTIERAPPORT: ["basisondersteuning"],
        Kind.OTHER: [],
    }

    partnership = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="supporting_documents",
    )
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.CASCADE, related_name="supporting_documents"
    )
    title = models.CharField(gettext_lazy("title"), max_length=200)
    kind = models.CharField(gettext_lazy("kind of document"), max_length=30, choices=Kind)
    url = models.URLField(gettext_lazy("web address"), max_length=500, blank=True)
    chapter_keys = models.JSONField(gettext_lazy("belongs to chapters"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SupportingDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("supporting document")
        verbose_name_plural = gettext_lazy("supporting documents")
        ordering = ["kind", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(partnership__isnull=False, school__isnull=True)
                    | models.Q(partnership__isnull=True, school__isnull=False)
                ),
                name="supporting_document_has_one_owner",
            ),
            models.CheckConstraint(
                condition=~models.Q(url="") | ~models.Q(filename=""),
                name="supporting_document_has_file_or_url",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def owner(self):
        return self.partnership or self.school

    def informs(self, chapter) -> bool:
        return chapter.key in self.chapter_keys or (
            chapter.mandatory_part is not None and chapter.mandatory_part in self.chapter_keys
        )

    def can_view(self, user) -> bool:
        """School documents: whoever may read the school's profiles. Partnership documents:
        everyone who works with the partnership or one of its schools."""
        if self.school_id:
            return bool(Membership.roles_for(user, self.school))
        if self.partnership.staff_may_manage(user):
            return True
        schools = School.objects.visible_to(user).filter(board__partnership=self.partnership_id)
        return schools.exists()

    def can_manage(self, user) -> bool:
        if self.school_id:
            return Membership.is_school_editor(user, self.school)
        return self.partnership.staff_may_manage(user)

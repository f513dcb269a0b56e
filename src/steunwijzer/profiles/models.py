"""A school's SOP for one school year, and every saved state of it.

`Profile.version` counts saves; each save writes a `Revision` holding the full answers,
so any earlier state can be shown or restored and concurrent edits can be merged field by
field against the version an editor started from.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from steunwijzer.core.validators import validate_school_year
from steunwijzer.organisations.models import Membership, Role, School
from steunwijzer.profiles.states import EDITABLE_STATE
from steunwijzer.regional_model.models import FormatVersion

from .answers import is_filled

EDIT_ROLES = {Role.SCHOOL_EDITOR}

# The states of states.STATES as people read them, in their language.
STATE_LABELS = {
    "concept": pgettext_lazy("sop state", "draft"),
    "leerlingen_gehoord": pgettext_lazy("sop state", "pupils heard"),
    "bij_mr": pgettext_lazy("sop state", "with the MR"),
    "advies_gegeven": pgettext_lazy("sop state", "advice given"),
    "instemming_gegeven": pgettext_lazy("sop state", "consent given"),
    "bij_bestuur": pgettext_lazy("sop state", "with the board"),
    "vastgesteld": pgettext_lazy("sop state", "established"),
    "aangeleverd": pgettext_lazy("sop state", "submitted"),
    "ontvangen": pgettext_lazy("sop state", "received"),
    "gepubliceerd": pgettext_lazy("sop state", "published"),
}


NO_ACCESS = gettext_lazy("You have no access to this school support profile.")


class ProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(school__in=School.objects.visible_to(user))

    def get_for_user(self, user, pk, *, edit: bool = False) -> "Profile":
        """The profile this person may read (or edit); Http404 or PermissionDenied otherwise."""
        profile = get_object_or_404(
            self.select_related("school__board__partnership", "format_version"), pk=pk
        )
        if not profile.can_view(user):
            raise PermissionDenied(NO_ACCESS)
        if edit and not profile.can_edit(user):
            raise PermissionDenied(_("You may not edit this profile."))
        return profile


class Profile(models.Model):
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="profiles")
    school_year = models.CharField(
        gettext_lazy("school year"), max_length=9, validators=[validate_school_year]
    )
    format_version = models.ForeignKey(FormatVersion, on_delete=models.PROTECT)
    answers = models.JSONField(gettext_lazy("answers"), default=dict)
    version = models.PositiveIntegerField(gettext_lazy("version"), default=0)
    state = models.CharField(
        gettext_lazy("status"),
        max_length=20,
        choices=list(STATE_LABELS.items()),
        default=EDITABLE_STATE,
    )
    # The route this profile follows, kept as it was when the profile started (like the model);
    # the route app fills it in and reads it (`route.lifecycle.route_of`): empty is its default.
    route = models.JSONField(gettext_lazy("route"), default=dict, blank=True)
    # Frozen states: revisions never change, so pointing at one freezes that version.
    established_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    established_on = models.DateField(gettext_lazy("established on"), null=True, blank=True)
    # Set when an éénpitter's director-board establishes a version they edited themselves.
    establish_exception = models.CharField(max_length=300, blank=True)
    published_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Kind(models.TextChoices):
        REGIONAL = "regional", gettext_lazy("regional model")
        OWN = "own", gettext_lazy("own model")

    # "Eigen model": the school uploads its own document instead of filling in the model.
    kind = models.CharField(
        gettext_lazy("kind of profile"), max_length=10, choices=Kind, default=Kind.REGIONAL
    )
    # The published revision of an earlier year this profile started from (the yearly cycle).
    copied_from = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("school support profile")
        verbose_name_plural = gettext_lazy("school support profiles")
        ordering = ["-school_year", "school__name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "school_year"], name="one_profile_per_year"),
        ]

    def __str__(self):
        return f"SOP {self.school} {self.school_year}"

    @property
    def sop_format(self):
        return self.format_version.format

    def roles_of(self, user) -> set[str]:
        return Membership.roles_for(user, self.school)

    def can_view(self, user) -> bool:
        return bool(self.roles_of(user))

    def can_edit(self, user) -> bool:
        return self.state == EDITABLE_STATE and bool(self.roles_of(user) & EDIT_ROLES)

    def is_locked_for(self, user) -> bool:
        """The person writes this SOP, but it is on its way and cannot be changed now."""
        return self.state != EDITABLE_STATE and bool(self.roles_of(user) & EDIT_ROLES)

    @property
    def is_own_model(self) -> bool:
        return self.kind == self.Kind.OWN

    @property
    def chapters(self) -> list:
        """The model's chapters that apply to this school's type (some are for SBO/SO only)."""
        school_type = self.school.school_type
        return [c for c in self.sop_format.chapters if c.applies_to(school_type)]

    def applicable_fields(self, chapter):
        school_type = self.school.school_type
        if not chapter.applies_to(school_type):
            return []
        return [f for f in chapter.fields if f.applies_to(school_type)]

    def needs_evaluation(self) -> bool:
        """Carried over from last year, and the team has not yet said what it changed."""
        return self.copied_from_id is not None and not self.evaluations.exists()

    def _own_document_progress(self) -> list[dict]:
        document = own_document_of(self)
        parts = mandatory_parts(self.sop_format)
        missing = document.missing() if document else [DOCUMENT_PART, *parts]
        required = 1 + len(parts)
        filled = required - len(missing)
        return [{"chapter": None, "missing": missing, "required": required, "filled": filled}]

    def chapter_progress(self) -> list[dict]:
        """Per chapter: how many of its required fields are filled.

        An own-model profile has no chapters: one entry counts its document and the four
        places where the mandatory parts are.
        """
        if self.is_own_model:
            return self._own_document_progress()
        progress = []
        for chapter in self.chapters:
            required = [f for f in self.applicable_fields(chapter) if f.required]
            filled = sum(1 for f in required if is_filled(self.answers.get(f.key)))
            progress.append({"chapter": chapter, "required": len(required), "filled": filled})
        return progress

    def version_past_own_saves(self, base_version: int, edit_session: str) -> int:
        """The newest version reached from `base_version` by this editor page's saves alone.

        An autosave can land while the page still holds the version before it; the page's
        explicit save then builds on its own autosave instead of conflicting with it.
        """
        if not edit_session or base_version >= self.version:  # nothing later to pass
            return base_version
        later = self.revisions.filter(number__gt=base_version).order_by("number")
        for number, session in later.values_list("number", "edit_session"):
            if session != edit_session:
                break
            base_version = number
        return base_version

    def missing_required(self) -> list[tuple]:
        """(chapter, field) for every required field still empty.

        For an own-model profile: (None, part) for a missing document or location.
        """
        if self.is_own_model:
            return [(None, part) for part in self._own_document_progress()[0]["missing"]]
        return [
            (chapter, f)
            for chapter in self.chapters
            for f in self.applicable_fields(chapter)
            if f.required and not is_filled(self.answers.get(f.key))
        ]


class Revision(models.Model):
    class Reason(models.TextChoices):
        CREATE = "create", pgettext_lazy("revision reason", "created")
        AUTOSAVE = "autosave", pgettext_lazy("revision reason", "saved automatically")
        SAVE = "save", pgettext_lazy("revision reason", "saved")
        RESTORE = "restore", pgettext_lazy("revision reason", "restored")
        API = "api", pgettext_lazy("revision reason", "through the API")
        IMPORT = "import", pgettext_lazy("revision reason", "read from an old SOP")

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(gettext_lazy("version"))
    answers = models.JSONField()
    changed_fields = models.JSONField(default=list)
    reason = models.CharField(max_length=20, choices=Reason)
    note = models.CharField(max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept so the history still says who it was after an account is deleted.
    author_name = models.CharField(max_length=200, blank=True)
    # The open editor page that wrote it: its own autosaves never conflict with its later save.
    edit_session = models.CharField(max_length=32, blank=True)
    # When it was (last) saved. Autosaves of one editing session fold into one revision
    # (`services.profile_update`): it then takes each new number, answers and time, counts
    # the saves it holds and keeps when the first of them was made.
    created_at = models.DateTimeField(auto_now_add=True)
    saves = models.PositiveIntegerField(gettext_lazy("number of saves"), default=1)
    started_at = models.DateTimeField(gettext_lazy("first save"), null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "number"], name="unique_revision_number"),
        ]

    def __str__(self):
        return f"{self.profile} v{self.number}"

    def changed_labels(self) -> list[str]:
        sop_format = self.profile.sop_format
        return [
            (sop_format.field(key).label if sop_format.field(key) else key)
            for key in self.changed_fields
        ]


# Models kept in their own modules; imported here so Django registers them with this app.
from .evaluation import Evaluation  # noqa: E402, F401
from .own_document import (  # noqa: E402, F401
    DOCUMENT_PART,
    OwnDocument,
    mandatory_parts,
    own_document_of,
)
from .supporting_documents import SupportingDocument  # noqa: E402, F401

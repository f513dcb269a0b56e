"""A school's SOP for one school year, and every saved state of it.

`Profile.version` counts saves; each save writes a `Revision` holding the full answers,
so any earlier state can be shown or restored and concurrent edits can be merged field by
field against the version an editor started from.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import get_object_or_404

from steunwijzer.organisations.models import Membership, Role, School
from steunwijzer.regional_model.models import FormatVersion

from .answers import is_filled
from .school_year import is_valid_school_year

EDIT_ROLES = {Role.SCHOOL_EDITOR}


def validate_school_year(value):
    if not is_valid_school_year(value):
        raise ValidationError("Schrijf het schooljaar als 2026-2027.")


NO_ACCESS = "U heeft geen toegang tot dit schoolondersteuningsprofiel."


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
            raise PermissionDenied("U mag dit profiel niet bewerken.")
        return profile


class Profile(models.Model):
    class State(models.TextChoices):
        CONCEPT = "concept", "concept"

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="profiles")
    school_year = models.CharField("schooljaar", max_length=9, validators=[validate_school_year])
    format_version = models.ForeignKey(FormatVersion, on_delete=models.PROTECT)
    answers = models.JSONField("antwoorden", default=dict)
    version = models.PositiveIntegerField("versie", default=0)
    state = models.CharField("status", max_length=20, choices=State, default=State.CONCEPT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = "schoolondersteuningsprofiel"
        verbose_name_plural = "schoolondersteuningsprofielen"
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
        return self.state == self.State.CONCEPT and bool(self.roles_of(user) & EDIT_ROLES)

    def allowed_actions(self, user) -> list[str]:
        return ["update", "restore"] if self.can_edit(user) else []

    def applicable_fields(self, chapter):
        return [f for f in chapter.fields if f.applies_to(self.school.school_type)]

    def chapter_progress(self) -> list[dict]:
        """Per chapter: how many of its required fields are filled."""
        progress = []
        for chapter in self.sop_format.chapters:
            required = [f for f in self.applicable_fields(chapter) if f.required]
            filled = sum(1 for f in required if is_filled(self.answers.get(f.key)))
            progress.append({"chapter": chapter, "required": len(required), "filled": filled})
        return progress

    def missing_required(self) -> list[tuple]:
        """(chapter, field) for every required field still empty."""
        return [
            (chapter, f)
            for chapter in self.sop_format.chapters
            for f in self.applicable_fields(chapter)
            if f.required and not is_filled(self.answers.get(f.key))
        ]


class Revision(models.Model):
    class Reason(models.TextChoices):
        CREATE = "create", "aangemaakt"
        AUTOSAVE = "autosave", "automatisch opgeslagen"
        SAVE = "save", "opgeslagen"
        RESTORE = "restore", "hersteld"
        API = "api", "via de API"

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField("versie")
    answers = models.JSONField()
    changed_fields = models.JSONField(default=list)
    reason = models.CharField(max_length=20, choices=Reason)
    note = models.CharField(max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept so the history still says who it was after an account is deleted.
    author_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

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

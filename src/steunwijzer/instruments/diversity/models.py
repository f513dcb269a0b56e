"""Stored schemes (`SchemeVersion`) and each school's `Invulschema` for a school year.

The Invulschema holds counts only: pupils per group and category, and per group and domain.
Nothing about a single pupil is ever stored. Who may read or change it is decided here
(`school_for_diversity`), so the pages and the API ask the same question.
"""

from functools import cached_property

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.core.validators import validate_school_year
from steunwijzer.organisations.models import Membership, Partnership, School
from steunwijzer.regional_model.models import ImportedVersion

from .computation import SchoolResult, compute
from .scheme import Scheme, scheme_from_dict


class SchemeVersion(ImportedVersion):
    """One imported version of a partnership's Verscheidenheidsindex scheme. Never changes."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="diversity_schemes"
    )
    scheme_id = models.SlugField(gettext_lazy("scheme id"), max_length=60)

    class Meta:
        verbose_name = gettext_lazy("version of the diversity index scheme")
        verbose_name_plural = gettext_lazy("versions of the diversity index scheme")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "scheme_id", "version"], name="unique_scheme_version"
            ),
        ]

    @cached_property
    def scheme(self) -> Scheme:
        return scheme_from_dict(self.definition)


class Invulschema(models.Model):
    """A school's counts for one school year: `{group: {category: pupils}}`, nothing per pupil."""

    class Source(models.TextChoices):
        HAND = "hand", gettext_lazy("filled in by hand")
        IMPORT = "import", gettext_lazy("imported from a file")
        API = "api", gettext_lazy("through the API")

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="invulschemas")
    school_year = models.CharField(
        gettext_lazy("school year"), max_length=9, validators=[validate_school_year]
    )
    scheme_version = models.ForeignKey(SchemeVersion, on_delete=models.PROTECT)
    counts = models.JSONField(gettext_lazy("numbers per group and category"), default=dict)
    domain_counts = models.JSONField(
        gettext_lazy("numbers per group and domain"), default=dict, blank=True
    )
    source = models.CharField(
        gettext_lazy("source"), max_length=10, choices=Source, default=Source.HAND
    )
    version = models.PositiveIntegerField(gettext_lazy("version"), default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = gettext_lazy("invulschema")
        verbose_name_plural = gettext_lazy("invulschemas")
        constraints = [
            models.UniqueConstraint(fields=["school", "school_year"], name="unique_invulschema"),
        ]

    def __str__(self):
        return f"Invulschema {self.school} {self.school_year}"

    @property
    def scheme(self) -> Scheme:
        return self.scheme_version.scheme

    @cached_property
    def result(self) -> SchoolResult:
        return compute(self.scheme, self.counts, school_type=self.school.school_type)


def school_by_brin_code(brin_code: str) -> School:
    code = (brin_code or "").upper()
    return get_object_or_404(
        School.objects.select_related("board__partnership"), brin=code[:4], vestiging=code[4:]
    )


def may_read(user, school: School) -> bool:
    """Everyone with a role that reaches the school: team, MR, board officer, partnership."""
    return bool(Membership.roles_for(user, school))


def may_edit(user, school: School) -> bool:
    """The school's editors (directeur, IB'er): they fill in and import the Invulschema."""
    return Membership.is_school_editor(user, school)


def school_for_diversity(user, brin_code: str, *, edit: bool = False) -> School:
    """The school whose Invulschema this person may read (or edit); 404/PermissionDenied."""
    school = school_by_brin_code(brin_code)
    if not may_read(user, school):
        raise PermissionDenied(_("You have no access to the data of this school."))
    if edit and not may_edit(user, school):
        raise PermissionDenied(
            _(
                "Only the school's head teacher and special needs coordinator can fill in or "
                "import the Invulschema."
            )
        )
    return school

"""Stored versions of a partnership's SOP model.

Each import adds a new `FormatVersion`; a profile keeps pointing at the version it started
with, and the newest version of a partnership is the one new profiles use.
"""

from functools import cached_property

from django.conf import settings
from django.db import models

from steunwijzer.organisations.models import Partnership

from .loader import format_from_dict
from .sop_format import SopFormat


class ImportedVersionQuerySet(models.QuerySet):
    def current_for(self, partnership: Partnership):
        return self.filter(partnership=partnership).order_by("-imported_at", "-pk").first()


class ImportedVersion(models.Model):
    """A partnership's YAML definition as read in once: the SOP model, the IJK catalogue, the
    Verscheidenheidsindex scheme. Stored once, never changed afterwards.

    Concrete models add the partnership (with their own related name) and their id field.
    """

    version = models.CharField("versie", max_length=20)
    name = models.CharField("naam", max_length=200)
    source = models.TextField("YAML-bron")
    definition = models.JSONField("definitie")
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    objects = ImportedVersionQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.name} {self.version}"


class FormatVersion(ImportedVersion):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="format_versions"
    )
    format_id = models.SlugField("model-id", max_length=60)

    class Meta:
        verbose_name = "versie van het SOP-model"
        verbose_name_plural = "versies van het SOP-model"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "format_id", "version"], name="unique_format_version"
            ),
        ]

    @cached_property
    def format(self) -> SopFormat:
        return format_from_dict(self.definition)


class FormatDraft(models.Model):
    """The next version of a partnership's model as its staff build it in the form editor: the
    model in the shape of its YAML file (format_outline.py), not yet checked. One per
    partnership; publishing makes it a `FormatVersion` and removes it. `revision` goes up
    with every change; with the pk it makes the token a page sends back (services.py), so a
    change made on an older page, even of an earlier draft, is refused instead of applied to a
    node that moved."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="format_draft"
    )
    document = models.JSONField("concept")
    revision = models.PositiveIntegerField("wijziging", default=1)
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = "concept van het SOP-model"
        verbose_name_plural = "concepten van het SOP-model"

    def __str__(self):
        return f"{self.document.get('name', '')} {self.document.get('version', '')} (concept)"

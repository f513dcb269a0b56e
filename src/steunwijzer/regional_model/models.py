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
    """A partnership's definition read from YAML: stored once, never changed afterwards.

    The SOP model (`FormatVersion`) and the instruments' schemes share this shape; each
    subclass adds its partnership key (with its own related name) and its id field."""

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

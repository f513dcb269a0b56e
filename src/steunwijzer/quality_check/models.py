"""The partnership's own lists for the SOP-check: vague phrases and jargon."""

from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from steunwijzer.organisations.models import Partnership
from steunwijzer.profiles.models import Profile
from steunwijzer.regional_model.models import FormatVersion

from .findings import CHECKS
from .wording import DEFAULT_JARGON, DEFAULT_VAGUE_PHRASES, parse_jargon_list, parse_phrase_list


class CheckSettings(models.Model):
    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="check_settings"
    )
    # One item per line; jargon as "term = uitleg". Empty means: our defaults.
    vague_phrases = models.TextField(_("vague phrases"), blank=True)
    jargon = models.TextField(_("jargon with explanation"), blank=True)

    class Meta:
        verbose_name = _("SOP check settings")
        verbose_name_plural = _("SOP check settings")

    def __str__(self):
        return f"SOP-check {self.partnership}"

    @classmethod
    def lists_for(cls, partnership) -> tuple[tuple[str, ...], dict[str, str]]:
        settings = cls.objects.filter(partnership=partnership).first()
        phrases = DEFAULT_VAGUE_PHRASES
        jargon = DEFAULT_JARGON
        if settings and settings.vague_phrases.strip():
            phrases = parse_phrase_list(settings.vague_phrases)
        if settings and settings.jargon.strip():
            jargon = parse_jargon_list(settings.jargon)
        return phrases, jargon


class CheckSummary(models.Model):
    """The SOP-check's counts for one version of a profile, stored whenever the profile (or the
    partnership's lists) is saved (quality_check/receivers.py).

    The overviews show these counts for hundreds of schools; running the check there costs tens
    of milliseconds per profile. A summary only counts for the version and model it was made
    for (`current_counts`); profiles saved before summaries were stored on saving get theirs
    from `steunwijzer check_summaries`.
    """

    profile = models.OneToOneField(
        Profile, on_delete=models.CASCADE, primary_key=True, related_name="check_summary"
    )
    version = models.PositiveIntegerField()
    format_version = models.ForeignKey(FormatVersion, on_delete=models.CASCADE, related_name="+")
    blocking = models.PositiveIntegerField()
    warnings = models.PositiveIntegerField()
    counts = models.JSONField()  # findings per check key, as CheckReport.counts_by_check()

    class Meta:
        verbose_name = _("SOP check summary")
        verbose_name_plural = _("SOP check summaries")

    def __str__(self):
        return f"SOP-check {self.profile_id} v{self.version}"

    @classmethod
    def current_counts(cls, profiles) -> dict:
        """profile pk → (blocking, warnings, counts) of the summaries made for the profiles'
        current version and model, in one query; stale ones are left out. Read as values:
        a region's page would otherwise build hundreds of instances to read five numbers."""
        by_pk = {p.pk: p for p in profiles}
        rows = cls.objects.filter(profile__in=list(by_pk)).values_list(
            "profile_id", "version", "format_version_id", "blocking", "warnings", "counts"
        )
        return {
            pk: (blocking, warnings, counts)
            for pk, version, format_version_id, blocking, warnings, counts in rows
            if (version, format_version_id) == (by_pk[pk].version, by_pk[pk].format_version_id)
        }

    @classmethod
    def current_of(cls, profiles):
        """The summaries of a queryset of profiles made for their current version and model,
        matched in the database (`current_counts` matches loaded profiles)."""
        return cls.objects.filter(
            profile__in=profiles,
            version=models.F("profile__version"),
            format_version=models.F("profile__format_version"),
        )

    @staticmethod
    def totals(summaries) -> tuple[int, dict]:
        """How many summaries the queryset holds and their findings per check added up, in one
        query: a region's page never loads a thousand summaries to add five numbers."""
        sums = summaries.aggregate(
            summarised=models.Count("pk"),
            **{
                check: models.Sum(Cast(KT(f"counts__{check}"), models.IntegerField()))
                for check in CHECKS
            },
        )
        summarised = sums.pop("summarised")
        return summarised, {check: n or 0 for check, n in sums.items()}

    @classmethod
    def store(cls, results) -> list["CheckSummary"]:
        """Store the summaries of [(profile, report)] in one query, replacing older ones."""
        summaries = [
            cls(
                profile_id=profile.pk,
                version=profile.version,
                format_version_id=profile.format_version_id,
                blocking=len(report.blocking),
                warnings=len(report.warnings),
                counts=report.counts_by_check(),
            )
            for profile, report in results
        ]
        if summaries:
            cls.objects.bulk_create(
                summaries,
                update_conflicts=True,
                unique_fields=["profile"],
                update_fields=["version", "format_version", "blocking", "warnings", "counts"],
            )
        return summaries

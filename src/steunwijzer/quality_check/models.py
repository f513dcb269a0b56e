"""The partnership's own lists for the SOP-check: vague phrases and jargon."""

from django.db import models

from steunwijzer.organisations.models import Partnership

from .wording import DEFAULT_JARGON, DEFAULT_VAGUE_PHRASES, parse_jargon_list, parse_phrase_list


class CheckSettings(models.Model):
    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="check_settings"
    )
    # One item per line; jargon as "term = uitleg". Empty means: our defaults.
    vague_phrases = models.TextField("vage formuleringen", blank=True)
    jargon = models.TextField("vaktermen met uitleg", blank=True)

    class Meta:
        verbose_name = "instellingen SOP-check"
        verbose_name_plural = "instellingen SOP-check"

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

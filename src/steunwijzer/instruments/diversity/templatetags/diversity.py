"""Template tags: points as written in Dutch, signal and trend sentences, the public figures,
and the chapter aside."""

from django import template

from steunwijzer.core.numbers import dutch_number
from steunwijzer.instruments.diversity.models import Invulschema, may_edit
from steunwijzer.instruments.diversity.presentation import (
    index_text,
    signal_sentence,
    trend_sentence,
)
from steunwijzer.instruments.diversity.summary import public_count, public_summary

register = template.Library()

# The chapter of the SOP where the school states the limits of its support.
SIGNAL_CHAPTER_PART = "extra_ondersteuning"


@register.filter
def points(value) -> str:
    """A category's points: 1,5 or 2."""
    return dutch_number(value)


register.filter("signal_sentence", signal_sentence)
register.filter("trend_sentence", trend_sentence)


@register.filter
def shown_count(value) -> str:
    """A count of the public figures as the reader reads it (`summary.public_count`)."""
    return public_count(value)


@register.simple_tag
def diversity_public(school, school_year):
    """School-level figures for the public SOP, counts below 5 suppressed (or None)."""
    return public_summary(school, school_year)


@register.simple_tag(takes_context=True)
def chapter_diversity(context, profile, chapter):
    """For the chapter on extra support: the year's signal sentences and the school index."""
    if getattr(chapter, "mandatory_part", None) != SIGNAL_CHAPTER_PART:
        return None
    invulschema = (
        Invulschema.objects.filter(school=profile.school, school_year=profile.school_year)
        .select_related("scheme_version")
        .first()
    )
    user = context.get("user")
    return {
        "school": profile.school,
        "school_year": profile.school_year,
        "invulschema": invulschema,
        "signals": invulschema.result.signals if invulschema else (),
        "index": index_text(invulschema.result.index) if invulschema else None,
        "pupils": invulschema.result.pupils if invulschema else 0,
        "can_edit": may_edit(user, profile.school),
    }

"""The stored SOP-check summaries follow the profiles, the partnership's lists and the school's
counted figures (the Invulschema): written when any of them is saved, in the same transaction,
never when a page is shown. Connected in QualityCheckConfig.ready."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.school_figures import counted_figures_changed

from .models import CheckSettings
from .report import summaries_refresh, summary_store

# What the check reads from the profile row (a step of the route changes none of them).
CHECKED_FIELDS = frozenset(
    {"answers", "version", "kind", "format_version", "format_version_id", "school", "school_id"}
)


@receiver(post_save, sender=Profile, dispatch_uid="check_summary_follows_profile")
def profile_saved(sender, instance, raw, update_fields, **kwargs):
    if raw or (update_fields is not None and not CHECKED_FIELDS & update_fields):
        return
    summary_store(instance)


@receiver(post_save, sender=CheckSettings, dispatch_uid="check_summaries_follow_lists")
def lists_saved(sender, instance, raw, **kwargs):
    """Other lists give other counts: the region's summaries are made again."""
    if raw:
        return
    summaries_refresh(
        profiles=Profile.objects.filter(school__board__partnership_id=instance.partnership_id)
    )


@receiver(counted_figures_changed, dispatch_uid="check_summaries_follow_counted_figures")
def counted_figures_saved(sender, school, school_year, **kwargs):
    """The SOP of that school year is held against the new figures; every year's SOP when the
    school's pupil count changed (`school_year` None)."""
    profiles = Profile.objects.filter(school=school)
    if school_year is not None:
        profiles = profiles.filter(school_year=school_year)
    summaries_refresh(profiles=profiles)

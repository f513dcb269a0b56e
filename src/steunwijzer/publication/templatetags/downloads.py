"""Links to the downloads, for pages of other apps: the route page and the partnership's."""

from django import template
from django.db.models import Count

from steunwijzer.organisations.models import Membership
from steunwijzer.profiles.models import Profile

register = template.Library()


@register.inclusion_tag("publication/export/_profile_downloads.html")
def profile_downloads(profile, user):
    """The schoolgids chapter of the established version (for the school's editors)."""
    return {
        "profile": profile,
        "may_download": profile.established_revision_id is not None
        and Membership.is_school_editor(user, profile.school),
    }


@register.inclusion_tag("publication/export/_partnership_publications.html")
def partnership_publications(partnership):
    """Per school year with published SOPs: how many, and the zip with all of them."""
    years = (
        Profile.objects.filter(
            school__board__partnership=partnership, published_revision__isnull=False
        )
        .values("school_year")
        .annotate(count=Count("pk"))
        .order_by("-school_year")
    )
    return {"partnership": partnership, "years": years}

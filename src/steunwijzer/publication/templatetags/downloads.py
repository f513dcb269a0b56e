"""Links to the downloads, for pages of other apps: the route page and the partnership's."""

from django import template
from django.db.models import Count
from django.urls import reverse

from steunwijzer.organisations.models import Membership
from steunwijzer.profiles.models import Profile

from ..exports import EXPORTS
from ..lookup import public_path_kwargs

register = template.Library()


def public_links(request, school) -> list[tuple[str, str]]:
    """(link text, full address) of each public download of the school's newest publication."""
    kwargs = public_path_kwargs(school)
    return [
        (export.label, request.build_absolute_uri(reverse(export.url_name, kwargs=kwargs)))
        for export in EXPORTS.values()
    ]


@register.inclusion_tag("publication/export/_profile_downloads.html", takes_context=True)
def profile_downloads(context, profile, user):
    """The schoolgids chapter of the established version (for the school's editors), and
    the public downloads once a version is published."""
    published = profile.published_revision_id is not None
    return {
        "profile": profile,
        "may_download": profile.established_revision_id is not None
        and Membership.is_school_editor(user, profile.school),
        "public_links": public_links(context["request"], profile.school) if published else [],
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

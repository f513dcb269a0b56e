"""The school finder page at /scholen/: a GET form that works without JavaScript."""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from steunwijzer.organisations.changes import content_version
from steunwijzer.organisations.models import Partnership

from .finder import (
    DISTANCES,
    facet_values,
    offer_labels,
    offer_options,
    offer_options_of,
    parse_query,
    search,
)
from .finder_summary import chosen_filters
from .models import FinderEntry

FINDER_MAX_AGE = 60


def _partnerships() -> list[Partnership]:
    with_schools = FinderEntry.objects.values("partnership_id")
    return list(Partnership.objects.defer("logo").filter(pk__in=with_schools).order_by("name"))


def _chosen(partnerships, slug: str):
    """The one partnership searched in; None: all of them (a parent near a border)."""
    if len(partnerships) == 1:
        return partnerships[0]
    return next((p for p in partnerships if p.slug == slug), None)


@require_GET
def finder(request):
    partnerships = _partnerships()
    partnership = _chosen(partnerships, request.GET.get("swv", ""))
    context = {"partnerships": partnerships, "partnership": partnership}
    if partnerships:
        searched = [partnership] if partnership else partnerships
        # Read before the rows it names.
        version = content_version([p.pk for p in searched])
        if partnership is not None:
            options = offer_options(partnership, version)
        else:
            options = offer_options_of(partnerships, version)
        query = parse_query(request.GET, partnership, options)
        labels = offer_labels(options)
        results, page = search(query, labels)
        params = request.GET.copy()
        params.pop("pagina", None)
        chosen = chosen_filters(query, labels, request.GET)
        context |= {
            "theme_partnership": partnership,
            "options": options,
            "query": query,
            "results": results,
            "page": page,
            "facets": facet_values(partnership, version),
            "page_query": params.urlencode(),
            "chosen": chosen,
            "folded_chosen": sum(1 for choice in chosen if not choice.place),
            "distances": sorted(DISTANCES),
            "map_tiles": settings.MAP_TILE_URL,
        }
    response = render(request, "publication/finder.html", context)
    patch_cache_control(response, public=True, max_age=FINDER_MAX_AGE)
    response["Permissions-Policy"] = settings.FINDER_PERMISSIONS_POLICY
    return response

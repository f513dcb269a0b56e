"""The school finder page at /scholen/: a GET form that works without JavaScript."""

from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from steunwijzer.organisations.changes import content_version
from steunwijzer.organisations.models import Partnership

from .finder import facet_values, offer_labels, offer_options, parse_query, search
from .models import FinderEntry

FINDER_MAX_AGE = 60


def _partnerships() -> list[Partnership]:
    with_schools = FinderEntry.objects.values("partnership_id")
    return list(Partnership.objects.defer("logo").filter(pk__in=with_schools).order_by("name"))


def _chosen(partnerships, slug: str):
    if len(partnerships) == 1:
        return partnerships[0]
    return next((p for p in partnerships if p.slug == slug), None)


@require_GET
def finder(request):
    partnerships = _partnerships()
    partnership = _chosen(partnerships, request.GET.get("swv", ""))
    context = {"partnerships": partnerships, "partnership": partnership}
    if partnership is not None:
        version = content_version([partnership.pk])  # before the rows it names
        options = offer_options(partnership, version)
        query = parse_query(request.GET, partnership, options)
        results, page = search(query, offer_labels(options))
        params = request.GET.copy()
        params.pop("pagina", None)
        context |= {
            "theme_partnership": partnership,
            "options": options,
            "query": query,
            "results": results,
            "page": page,
            "facets": facet_values(partnership, version),
            "page_query": params.urlencode(),
        }
    response = render(request, "publication/finder.html", context)
    patch_cache_control(response, public=True, max_age=FINDER_MAX_AGE)
    return response

"""The school finder: search the published SOPs of a partnership through the search index.

Pure query logic over `FinderEntry` rows: filters become column comparisons (a LIKE on the
offer keys and on the lowercased text), so the finder never touches the profiles' answers.
Each result says why it matches: the offers that were asked for, and where the words stand.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.core.paginator import Paginator
from django.db.models import Count
from django.urls import reverse

from steunwijzer.core.geo import bounding_box, distance_km, is_valid_point
from steunwijzer.core.geocoder import GeocodeError, geocode_postcode
from steunwijzer.instruments.diversity.summary import public_summaries
from steunwijzer.organisations.models import Partnership, School
from steunwijzer.regional_model.models import FormatVersion

from .models import FinderEntry, FinderText, FinderWord
from .page_cache import keep_store, page_key
from .published import pupils_shown
from .search_index import offer_choices, words_of

PER_PAGE = 20
SNIPPET_CHARS = 80
MAX_QUERY_LENGTH = 100
# How far a parent may look from home (km); the first is the default.
DISTANCES = (5, 2, 10, 25)
# Coordinates from the browser are rounded to about 100 metres: enough to sort by, and the
# address stays the parent's own (nothing is stored, but URLs end up in logs).
BROWSER_PLACES = 3


@dataclass
class FinderQuery:
    partnership: Partnership | None  # None: every partnership
    text: str = ""
    municipality: str = ""
    district: str = ""
    denomination: str = ""
    offers: list[str] = field(default_factory=list)
    page: int = 1
    postcode: str = ""
    point: tuple[float, float] | None = None  # where the parent searches from
    within_km: int = DISTANCES[0]
    place_problem: str = ""  # the geocoder's Dutch message, when the postcode gave no place

    @property
    def is_empty(self) -> bool:
        return not (
            self.text
            or self.municipality
            or self.district
            or self.denomination
            or self.offers
            or self.postcode
            or self.point
        )


@dataclass
class Result:
    entry: FinderEntry
    matched_offers: list[str]
    snippets: list[tuple[str, str]]  # (field label, text around the words)
    url: str = ""
    distance_km: float | None = None
    # As the school's page says it (`pupils_shown`): its SOP year's Invulschema with small
    # counts suppressed, else the school's own count; "" when unknown.
    pupils: str = ""

    @property
    def pupils_number(self) -> int | None:
        """The count when it is a number, for the plural; None when it reads as a reason."""
        return int(self.pupils) if self.pupils.isdigit() else None


def offer_options(partnership: Partnership, content_version: str) -> tuple:
    """The checklist filters of the partnership's newest model, kept per content version of
    the partnership (`organisations.changes.content_version`, read before)."""
    return _offer_options(partnership.pk, content_version)


@lru_cache(maxsize=32)
def _offer_options(partnership_id: int, content_version: str) -> tuple:
    version = FormatVersion.objects.current_for(partnership_id)
    return tuple(offer_choices(version.format)) if version else ()


def offer_options_of(partnerships, content_version: str) -> tuple:
    """The filters of several partnerships together: each checklist and choice once (their
    models may share them), in the order they first appear."""
    fields: dict[str, tuple[str, dict]] = {}
    for partnership in partnerships:
        for key, label, choices in offer_options(partnership, content_version):
            fields.setdefault(key, (label, {}))[1].update(
                {k: v for k, v in choices if k not in fields[key][1]}
            )
    return tuple((key, label, tuple(c.items())) for key, (label, c) in fields.items())


def offer_labels(options) -> dict[str, str]:
    return {key: label for _, _, choices in options for key, label in choices}


def parse_query(params, partnership: Partnership, options) -> FinderQuery:
    """Read the GET form; unknown offers and an impossible page are ignored, not errors."""
    known = offer_labels(options)
    try:
        page = max(1, int(params.get("pagina", 1)))
    except ValueError:
        page = 1
    try:
        within = int(params.get("afstand", DISTANCES[0]))
    except ValueError:
        within = DISTANCES[0]
    query = FinderQuery(
        partnership=partnership,
        text=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH],
        municipality=params.get("gemeente", "").strip(),
        district=params.get("wijk", "").strip(),
        denomination=params.get("denominatie", "").strip(),
        offers=[key for key in params.getlist("aanbod") if key in known],
        page=page,
        postcode=params.get("postcode", "").strip()[:10],
        within_km=within if within in DISTANCES else DISTANCES[0],
    )
    query.point = _browser_point(params.get("lat", ""), params.get("lon", ""))
    if query.point is None and query.postcode:
        try:
            query.point = geocode_postcode(query.postcode)
        except GeocodeError as problem:
            query.place_problem = problem.message
    return query


def _browser_point(lat: str, lon: str) -> tuple[float, float] | None:
    """The place the browser gave ("use my location"), rounded; None when absent or not a
    place on earth (a hand-edited URL is ignored, not an error)."""
    try:
        point = round(float(lat), BROWSER_PLACES), round(float(lon), BROWSER_PLACES)
    except ValueError:
        return None
    return point if is_valid_point(*point) else None


def filtered_entries(query: FinderQuery):
    rows = FinderEntry.objects.all()
    if query.partnership is not None:
        rows = rows.filter(partnership=query.partnership)
    if query.municipality:
        rows = rows.filter(municipality=query.municipality)
    if query.district:
        rows = rows.filter(district=query.district)
    if query.denomination:
        rows = rows.filter(denomination=query.denomination)
    for key in query.offers:
        rows = rows.filter(offers__contains=f" {key} ")
    for word in words_of(query.text):
        # Words that start with it: a range on the indexed column, on SQLite and PostgreSQL.
        after = word[:-1] + chr(ord(word[-1]) + 1)
        matching = FinderWord.objects.filter(word__gte=word, word__lt=after)
        rows = rows.filter(pk__in=matching.values("entry_id"))
    return rows


def snippets(texts: list, text_query: str, limit: int = 2) -> list[tuple[str, str]]:
    """Where the first word of the search stands: (label, "…text around it…")."""
    words = text_query.lower().split()
    if not words:
        return []
    found = []
    for label, text in texts:
        at = text.lower().find(words[0])
        if at < 0:
            continue
        start = max(0, at - SNIPPET_CHARS // 2)
        end = min(len(text), at + len(words[0]) + SNIPPET_CHARS)
        # Whole words only: from the first space after the cut, to the last before it.
        if start:
            start = text.find(" ", start, at) + 1 or start
        if end < len(text):
            end = text.rfind(" ", at, end) if text.rfind(" ", at, end) > at else end
        snippet = (
            ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
        )
        found.append((label, snippet))
        if len(found) == limit:
            break
    return found


SHOWN = (
    "school_id",
    "brin_code",
    "name",
    "city",
    "municipality",
    "district",
    "denomination",
    "school_type",
    "school_year",
    "offers",
    "partnership_id",
    "latitude",
    "longitude",
    "partnership__name",
    "partnership__short_name",
    "school__street_address",
    "school__postcode",
    "school__pupil_count",
    "school__school_type",
)


def nearest(rows, point: tuple[float, float], within_km: float) -> list[tuple[int, float]]:
    """(pk, km) of the rows within `within_km` of the point, nearest first: a box on the
    indexed coordinates in the query, then the exact distance of what is inside it."""
    south, north, west, east = bounding_box(*point, within_km)
    inside = rows.filter(
        latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east
    ).values_list("pk", "latitude", "longitude", "name")
    measured = [(distance_km(*point, lat, lon), name, pk) for pk, lat, lon, name in inside]
    return [(pk, km) for km, _, pk in sorted(measured) if km <= within_km]


def search(query: FinderQuery, labels: dict[str, str]):
    """One page of results, each with why it matches; and the paginator's page. From a place,
    the schools nearby, nearest first; else by name."""
    rows = filtered_entries(query)
    distances = {}
    if query.point is not None:
        found = nearest(rows, query.point, query.within_km)
        page = Paginator(found, PER_PAGE).get_page(query.page)
        distances = dict(page.object_list)
        by_pk = rows.model.objects.select_related("school", "partnership").only(*SHOWN)
        by_pk = by_pk.in_bulk(list(distances))
        entries = [by_pk[pk] for pk in distances]
    else:
        rows = rows.select_related("school", "partnership").only(*SHOWN)
        page = Paginator(rows, PER_PAGE).get_page(query.page)
        entries = list(page.object_list)
    several = brins_with_several_locations({e.brin_code[:4] for e in entries})
    texts = {}
    if query.text:
        found = FinderText.objects.filter(entry__in=[e.pk for e in entries])
        texts = dict(found.values_list("entry_id", "texts"))
    figures = public_summaries({(e.school_id, e.school_year) for e in entries})
    results = [
        Result(
            entry=entry,
            matched_offers=[labels[k] for k in query.offers if k in entry.offer_keys()],
            snippets=snippets(texts.get(entry.pk, []), query.text),
            url=school_url(entry.brin_code, several),
            distance_km=distances.get(entry.pk),
            pupils=pupils_shown(entry.school, figures.get((entry.school_id, entry.school_year))),
        )
        for entry in entries
    ]
    return results, page


def brins_with_several_locations(brins: set[str]) -> set[str]:
    return set(
        School.objects.filter(brin__in=brins)
        .values("brin")
        .annotate(locations=Count("pk"))
        .filter(locations__gt=1)
        .values_list("brin", flat=True)
    )


def school_url(brin_code: str, several: set[str]) -> str:
    brin, vestiging = brin_code[:4], brin_code[4:]
    if brin in several:
        return reverse("public_school", kwargs={"brin": brin, "vestiging": vestiging})
    return reverse("public_school", kwargs={"brin": brin})


def facet_values(partnership: Partnership | None, content_version: str) -> dict[str, list]:
    """The choices of the select boxes: what the published schools of the partnership (None:
    of all) have, kept per content version of the partnership (read before)."""
    store = keep_store()
    key = page_key("facets", partnership.pk if partnership else "all", content_version)
    facets = store.get(key)
    if facets is None:
        rows = FinderEntry.objects.all()
        if partnership is not None:
            rows = rows.filter(partnership=partnership)
        places = list(
            rows.values_list("municipality", "district")
            .distinct()
            .order_by("municipality", "district")
        )
        denominations = (
            rows.exclude(denomination="")
            .values_list("denomination", flat=True)
            .distinct()
            .order_by("denomination")
        )
        facets = {
            "municipalities": sorted({m for m, _ in places}),
            "districts": [(m, d) for m, d in places if d],
            "denominations": list(denominations),
        }
        store.set(key, facets, None)
    return facets

"""The analyses behind the board and partnership pages: IJK scores against the averages,
the Verscheidenheidsindex side by side, distributions and trends over school years.

Every function reads a fixed number of queries (the instruments' summary functions are
constant-query too) and returns plain data and `core.charts.Chart`s.
"""

from collections import Counter
from itertools import pairwise
from math import ceil, floor, fsum

from django.core.cache import cache
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from steunwijzer.core.charts import Chart, Series
from steunwijzer.core.numbers import dutch_number
from steunwijzer.core.school_year import previous_school_year
from steunwijzer.organisations.changes import content_version
from steunwijzer.organisations.models import School
from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check.findings import CHECKS
from steunwijzer.quality_check.presenters import CHECK_LABELS

from .instruments import CACHE_SECONDS, diversity_index, ijk_by_year, ijk_scores, index_by_year

TREND_YEARS = 6
DONE_STATES = ("vastgesteld", "aangeleverd", "ontvangen", "gepubliceerd")


def _avg(values):
    values = [float(v) for v in values if v is not None]
    return round(fsum(values) / len(values), 2) if values else None


def standard_averages(scores: dict, school_ids) -> dict:
    """standard → average of the schools' averages, over the given schools."""
    per_standard: dict = {}
    for pk in school_ids:
        for standard, value in scores.get(pk, {}).items():
            per_standard.setdefault(standard, []).append(value)
    return {standard: _avg(values) for standard, values in per_standard.items()}


def ijk_comparison(board_schools, partnership_school_ids, school_year, titles=None) -> dict:
    """IJK per standard: each school of the board, the board's and the partnership's average.

    `titles` (code → "code title") names the standards; codes stand alone without it."""
    titles = titles or {}
    scores = ijk_scores(partnership_school_ids, school_year)
    board_ids = [s.pk for s in board_schools]
    board_avg = standard_averages(scores, board_ids)
    region_avg = standard_averages(scores, partnership_school_ids)
    standards = sorted(region_avg)
    chart = (
        Chart(
            title=_("IJK: average score per standard, %(school_year)s")
            % {"school_year": school_year},
            categories=tuple(titles.get(s, s) for s in standards),
            series=(
                Series(_("Board"), tuple(board_avg.get(s) for s in standards)),
                Series(_("Partnership"), tuple(region_avg.get(s) for s in standards)),
            ),
            category_label=_("Standard"),
            decimals=2,
        )
        if standards
        else None
    )
    return {
        "standards": standards,
        "titles": [titles.get(s, s) for s in standards],
        "schools": [(s, [scores.get(s.pk, {}).get(st) for st in standards]) for s in board_schools],
        "board": [board_avg.get(s) for s in standards],
        "region": [region_avg.get(s) for s in standards],
        "chart": chart,
    }


def diversity_side_by_side(schools, school_year) -> dict:
    index = diversity_index([s.pk for s in schools], school_year)
    rows = [(s, index.get(s.pk)) for s in schools]
    with_index = [(s, f) for s, f in rows if f and f["index"] is not None]
    chart = (
        Chart(
            title=_("Verscheidenheidsindex per school, %(school_year)s")
            % {"school_year": school_year},
            categories=tuple(s.name for s, _f in with_index),
            series=(
                Series(
                    pgettext("diversity index", "Index"),
                    tuple(float(f["index"]) for _s, f in with_index),
                ),
            ),
            category_label=pgettext("table column", "School"),
            decimals=2,
        )
        if with_index
        else None
    )
    return {"rows": rows, "chart": chart}


# Class widths a reader takes in at a glance ("1,5 tot 2"), smallest first.
NICE_STEPS = (0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10)
CLASSES = 6


def index_classes(values) -> list[float]:
    """Edges of six equal classes that take in every index, in the narrowest nice width, from
    1 (every pupil weighs at least one point): 1, 1,5, 2, … rather than 1, 1,47, 1,94."""
    if not values:
        return []
    start, high = min(1, floor(min(values))), max(values)
    step = next((s for s in NICE_STEPS if start + CLASSES * s >= high), None)
    if step is None:
        step = ceil((high - start) / CLASSES)
    return [round(start + i * step, 2) for i in range(CLASSES + 1)]


def histogram(values, edges, title, label) -> Chart | None:
    if not values:
        return None
    buckets = Counter()
    names = [f"{dutch_number(lo)} tot {dutch_number(hi)}" for lo, hi in pairwise(edges)]
    for value in values:
        for name, lo, hi in zip(names, edges, edges[1:], strict=False):
            if lo <= value < hi or (hi == edges[-1] and value == hi):
                buckets[name] += 1
                break
    return Chart(
        title=title,
        categories=tuple(names),
        series=(Series(_("Schools"), tuple(buckets[n] for n in names)),),
        category_label=label,
        decimals=0,
    )


def region_figures(partnership, school_year: str) -> dict:
    """The instruments' figures of the partnership analysis: per school the average IJK score
    and the index of the year (`ijk_by_school`, `index_by_school`), and per school year of the
    trend the region's averages (`trend`: year → (IJK, index)).

    Kept under the partnership's content version (`organisations.changes`), which every
    change to its schools, boards, Invulschemas, self-evaluations and scores renews: a warm
    request then reads a few thousand numbers instead of six years of figures per school."""
    version = content_version([partnership.pk])  # before the figures it names
    key = f"dashboards:region-figures:{partnership.pk}:{school_year}:{version}"
    figures = cache.get(key)
    if figures is None:
        schools = School.objects.filter(board__partnership=partnership)
        ids = list(schools.values_list("pk", flat=True))
        years = school_years_back(school_year)
        scores, indexes = ijk_by_year(ids, years), index_by_year(ids, years)
        figures = {
            "ijk_by_school": {pk: _avg(v.values()) for pk, v in scores[school_year].items() if v},
            "index_by_school": {
                pk: float(v) for pk, v in indexes[school_year].items() if v is not None
            },
            "trend": {
                year: (
                    _avg(_avg(v.values()) for v in scores[year].values() if v),
                    _avg(indexes[year].values()),
                )
                for year in years
            },
        }
        cache.set(key, figures, CACHE_SECONDS)
    return figures


def distributions(figures: dict, school_year, check_totals: Counter | None) -> dict:
    """Region-wide: IJK averages per school, index per school, SOP-check findings per check
    (`check_totals`: None when the region has no profiles that year)."""
    # Per school, so that an export can name the school behind every figure.
    ijk_by_school, index_by_school = figures["ijk_by_school"], figures["index_by_school"]
    ijk_school = list(ijk_by_school.values())
    index = list(index_by_school.values())
    totals = check_totals or Counter()
    return {
        "ijk": histogram(
            ijk_school,
            [1, 1.5, 2, 2.5, 3, 3.5, 4],
            _("IJK: schools by average score, %(school_year)s") % {"school_year": school_year},
            _("Average score"),
        ),
        "index": histogram(
            index,
            index_classes(index),
            _("Verscheidenheidsindex: schools per class, %(school_year)s")
            % {"school_year": school_year},
            pgettext("diversity index", "Index"),
        ),
        "checks": Chart(
            title=_("SOP check: findings in the region per kind, %(school_year)s")
            % {"school_year": school_year},
            categories=tuple(str(CHECK_LABELS[k]) for k in CHECKS),
            series=(Series(_("Findings"), tuple(totals.get(k, 0) for k in CHECKS)),),
            category_label=pgettext("finding", "Kind"),
            decimals=0,
        )
        if check_totals is not None
        else None,
        "ijk_by_school": ijk_by_school,
        "index_by_school": index_by_school,
        "check_totals": {str(CHECK_LABELS[k]): totals.get(k, 0) for k in CHECKS},
    }


def school_years_back(school_year: str, n: int = TREND_YEARS) -> list[str]:
    years = [school_year]
    while len(years) < n:
        years.append(previous_school_year(years[-1]))
    return list(reversed(years))


def trends(partnership, figures: dict) -> dict:
    """Per school year of `region_figures`: SOPs established or further (counted afresh: a
    step in the route does not renew the content version), average IJK score, average index."""
    done = dict(
        Profile.objects.filter(
            school__board__partnership=partnership,
            school_year__in=list(figures["trend"]),
            state__in=DONE_STATES,
        )
        .values("school_year")
        .annotate(n=Count("pk"))
        .order_by()  # counted in the database, without the default order's join on schools
        .values_list("school_year", "n")
    )
    rows = [
        {"year": year, "done": done.get(year, 0), "ijk": ijk, "index": index}
        for year, (ijk, index) in figures["trend"].items()
    ]
    chart = lambda key, title, decimals: Chart(  # noqa: E731
        title=title,
        categories=tuple(r["year"] for r in rows),
        series=(Series(title.split(":")[0], tuple(r[key] for r in rows)),),
        category_label=_("School year"),
        decimals=decimals,
    )
    return {
        "rows": rows,
        "charts": [
            chart("done", _("Established SOPs: per school year"), 0),
            chart("ijk", _("IJK: average score per school year"), 2),
            chart("index", _("Verscheidenheidsindex: average per school year"), 2),
        ],
    }

"""The instruments' figures as the overviews need them, per school.

The IJK self-evaluation and the Verscheidenheidsindex live in their own apps; each offers one
pure, constant-query summary function (`ijk.summary.scores_by_standard`,
`diversity.summary.index_by_school`). These adapters turn their results into plain dicts so
the overviews, exports and allocation do not depend on the instruments' own types.
"""

import hashlib
from decimal import Decimal
from fractions import Fraction

from django.core.cache import cache
from django.db.models import Count, Max, Sum

from steunwijzer.instruments.diversity.models import Invulschema
from steunwijzer.instruments.diversity.summary import index_by_school
from steunwijzer.instruments.ijk.models import CatalogueVersion, SelfEvaluation
from steunwijzer.instruments.ijk.summary import scores_by_standard


def ijk_scores(school_ids, school_year: str) -> dict:
    """school id → {standard code: mean self-score}; schools without scores are absent."""
    return ijk_by_year(school_ids, [school_year])[school_year]


def ijk_by_year(school_ids, school_years) -> dict:
    """school year → `ijk_scores` of that year, cached by the self-evaluations' last change."""
    return _cached_by_year(
        "ijk",
        SelfEvaluation,
        school_ids,
        school_years,
        lambda ids, year: scores_by_standard(ids, year),
    )


def standard_titles(partnership) -> dict:
    """standard code → "code title" from the partnership's current IJK catalogue."""
    version = CatalogueVersion.objects.current_for(partnership)
    if version is None:
        return {}
    return {s.code: f"{s.code} {s.title}" for s in version.catalogue.standards}


def _number(value: Fraction | None, places: int = 4) -> float | None:
    # Floats: cached for whole regions, and Decimals unpickle slowly.
    return None if value is None else round(float(value), places)


CACHE_SECONDS = 24 * 3600


def diversity_index(school_ids, school_year: str) -> dict:
    """school id → {"pupils", "points", "index", "groups": [{"label", "pupils", "points",
    "index"}]}; schools without an Invulschema for that year are absent."""
    return diversity_by_year(school_ids, [school_year])[school_year]


def diversity_by_year(school_ids, school_years) -> dict:
    """school year → `diversity_index` of that year, for several years at once."""
    return _cached_by_year(
        "diversity", Invulschema, school_ids, school_years, _convert, sums=INVULSCHEMA_SUMS
    )


def index_by_year(school_ids, school_years) -> dict:
    """school year → {school id: index}: the trends need no groups, and reading a region's
    groups for six years from the cache costs more than the rest of the page."""
    return _cached_by_year(
        "diversity-index",
        Invulschema,
        school_ids,
        school_years,
        lambda ids, year: {pk: f["index"] for pk, f in _convert(ids, year).items()},
        sums=INVULSCHEMA_SUMS,
    )


# Besides the school: an Invulschema's counts version and the scheme it was filled in under.
INVULSCHEMA_SUMS = ("version", "scheme_version_id")


def _cached_by_year(name, model, school_ids, school_years, compute, sums=()) -> dict:
    """Each year's figures from the cache, under a fingerprint of the rows they come from.

    Computing the instruments' figures takes milliseconds per school, which adds up over a
    region and six school years. One aggregate query per request says whether anything
    changed: per year the number of source rows, their last change (`updated_at` moves on
    every save), and the sums of the schools, versions and schemes they point to. Only
    changed years are computed again (this trusts the server's clock not to step back past
    the region's newest save). The key also names the schools asked for, so a board and its
    partnership never share an entry.
    """
    school_ids = sorted(school_ids)
    asked_for = hashlib.sha256(repr(school_ids).encode()).hexdigest()[:16]
    aggregates = {
        "rows": Count("pk"),
        "changed": Max("updated_at"),
        "schools": Sum("school_id"),
        **{field: Sum(field) for field in sums},
    }
    stamps = {
        row.pop("school_year"): row
        for row in model.objects.filter(school_id__in=school_ids, school_year__in=school_years)
        .values("school_year")
        .annotate(**aggregates)
        .order_by()
    }
    keys = {
        year: f"dashboards:{name}:{year}:{asked_for}:"
        + hashlib.sha256(repr(sorted(stamp.items())).encode()).hexdigest()
        for year, stamp in stamps.items()
    }
    found = cache.get_many(list(keys.values()))
    result = {year: {} for year in school_years}
    for year, key in keys.items():
        if key in found:
            result[year] = found[key]
        else:
            result[year] = compute(school_ids, year)
            cache.set(key, result[year], CACHE_SECONDS)
    return result


def _convert(school_ids, school_year: str) -> dict:
    return {
        pk: {
            "pupils": figures.pupils,
            "points": _number(figures.points, 2),
            "index": _number(figures.index),
            "groups": [
                {
                    "label": g.group,
                    "pupils": g.pupils,
                    "points": _number(g.points, 2),
                    "index": _number(g.index),
                }
                for g in figures.groups
            ],
        }
        for pk, figures in index_by_school(list(school_ids), school_year).items()
    }


def as_decimal(value) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(0)

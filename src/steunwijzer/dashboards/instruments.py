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

from steunwijzer.instruments.diversity.summary import index_by_school
from steunwijzer.instruments.ijk.models import CatalogueVersion
from steunwijzer.instruments.ijk.summary import scores_by_standard
from steunwijzer.organisations.changes import content_version_of_schools


def ijk_scores(school_ids, school_year: str) -> dict:
    """school id → {standard code: mean self-score}; schools without scores are absent."""
    return ijk_by_year(school_ids, [school_year])[school_year]


def ijk_by_year(school_ids, school_years) -> dict:
    """school year → `ijk_scores` of that year, cached per content version."""
    return _cached_by_year("ijk", school_ids, school_years, scores_by_standard)


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
    return _cached_by_year("diversity", school_ids, school_years, _convert)


def index_by_year(school_ids, school_years) -> dict:
    """school year → {school id: index}: the trends need no groups, and reading a region's
    groups for six years from the cache costs more than the rest of the page."""
    return _cached_by_year(
        "diversity-index",
        school_ids,
        school_years,
        lambda ids, year: {pk: f["index"] for pk, f in _convert(ids, year).items()},
    )


def _cached_by_year(name, school_ids, school_years, compute) -> dict:
    """Each year's figures from the cache, under the content version of the schools'
    partnerships.

    Computing the instruments' figures takes milliseconds per school, which adds up over a
    region and six school years. Every save of an Invulschema, a self-evaluation or its scores
    gives the partnership a new content version (`organisations.changes`), read here with one
    query before the figures, so a change shows at once. The key also names the schools asked
    for, so a board and its partnership never share an entry.
    """
    school_ids = sorted(school_ids)
    version = content_version_of_schools(pk__in=school_ids)
    asked_for = hashlib.sha256(repr(school_ids).encode()).hexdigest()[:16]
    keys = {year: f"dashboards:{name}:{year}:{asked_for}:{version}" for year in school_years}
    found = cache.get_many(list(keys.values()))
    result = {}
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

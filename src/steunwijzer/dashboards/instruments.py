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

from steunwijzer.instruments.diversity.models import Invulschema
from steunwijzer.instruments.diversity.summary import index_by_school
from steunwijzer.instruments.ijk.models import CatalogueVersion
from steunwijzer.instruments.ijk.summary import scores_by_standard


def ijk_scores(school_ids, school_year: str) -> dict:
    """school id → {standard code: mean self-score}; schools without scores are absent."""
    return scores_by_standard(list(school_ids), school_year)


def standard_titles(partnership) -> dict:
    """standard code → "code title" from the partnership's current IJK catalogue."""
    version = CatalogueVersion.objects.current_for(partnership)
    if version is None:
        return {}
    return {s.code: f"{s.code} {s.title}" for s in version.catalogue.standards}


def _number(value: Fraction | None, places: int = 4) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal(1).scaleb(-places)
    )


CACHE_SECONDS = 24 * 3600


def diversity_index(school_ids, school_year: str) -> dict:
    """school id → {"pupils", "points", "index", "groups": [{"label", "pupils", "points",
    "index"}]}; schools without an Invulschema for that year are absent."""
    return diversity_by_year(school_ids, [school_year])[school_year]


def diversity_by_year(school_ids, school_years) -> dict:
    """school year → `diversity_index` of that year, for several years at once.

    Computing the index takes milliseconds per school, which adds up over a region and six
    school years; so each year's result is kept in the cache under a fingerprint of the
    Invulschemas it was computed from (school, version, scheme version, last change). One
    query answers whether anything changed; only changed years are computed again.
    """
    school_ids = list(school_ids)
    stamps: dict = {year: [] for year in school_years}
    for row in (
        Invulschema.objects.filter(school_id__in=school_ids, school_year__in=list(school_years))
        .order_by("school_year", "school_id")
        .values_list("school_year", "school_id", "version", "scheme_version_id", "updated_at")
    ):
        stamps[row[0]].append(row[1:])
    keys = {
        year: "dashboards:diversity:" + year + ":" + hashlib.sha256(repr(rows).encode()).hexdigest()
        for year, rows in stamps.items()
    }
    found = cache.get_many(list(keys.values()))
    result = {}
    for year, key in keys.items():
        if key in found:
            result[year] = found[key]
        else:
            ids = [row[0] for row in stamps[year]]
            result[year] = _convert(ids, year) if ids else {}
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

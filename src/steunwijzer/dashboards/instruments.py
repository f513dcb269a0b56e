"""The instruments' figures as the overviews need them, per school.

The IJK self-evaluation and the Verscheidenheidsindex live in their own apps; each offers one
pure, constant-query summary function (`ijk.summary.scores_by_standard`,
`diversity.summary.index_by_school`). These adapters turn their results into plain dicts so
the overviews, exports and allocation do not depend on the instruments' own types.
"""

from decimal import Decimal
from fractions import Fraction

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


def diversity_index(school_ids, school_year: str) -> dict:
    """school id → {"pupils", "points", "index", "groups": [{"label", "pupils", "points",
    "index"}]}; schools without an Invulschema for that year are absent."""
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

"""The instruments' figures as the overviews need them, per school.

The IJK self-evaluation and the Verscheidenheidsindex live in their own apps; each offers one
pure, constant-query summary function. These adapters turn them into plain dicts so the
overviews, exports and allocation do not depend on the instruments' internal shapes.
"""

from decimal import Decimal


def ijk_scores(school_ids, school_year: str) -> dict:
    """school id → {standard label: average score}; empty when there is no IJK data."""
    try:
        from steunwijzer.instruments.ijk.summary import scores_by_standard
    except ImportError:
        return {}
    return scores_by_standard(list(school_ids), school_year)


def diversity_index(school_ids, school_year: str) -> dict:
    """school id → {"pupils", "points", "index", "groups": [{"label", "pupils", "points",
    "index"}]}; empty when no Invulschema was filled in for that year."""
    try:
        from steunwijzer.instruments.diversity.summary import index_by_school
    except ImportError:
        return {}
    return index_by_school(list(school_ids), school_year)


def as_decimal(value) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(0)

"""IJK figures for pages that show many schools at once (board and partnership overviews)."""

from collections import defaultdict

from django.db.models import Avg

from .models import IndicatorScore


def scores_by_standard(school_ids, school_year: str) -> dict[int, dict[str, float]]:
    """School id → {standard code → mean self-score of its scored indicators} for a school year.

    One query, however many schools. Schools without scores are left out; a standard without
    any scored indicator is left out of its school's dict. Codes are those of the catalogue
    version each school's self-evaluation uses.
    """
    rows = (
        IndicatorScore.objects.filter(
            evaluation__school_id__in=list(school_ids), evaluation__school_year=school_year
        )
        .values_list("evaluation__school_id", "standard")
        .annotate(mean=Avg("score"))
        .order_by()
    )
    result: dict[int, dict[str, float]] = defaultdict(dict)
    for school_id, standard, mean in rows:
        result[school_id][standard] = float(mean)
    return dict(result)

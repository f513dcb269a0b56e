"""Figures for overviews of many schools: pupils, points and index per school and per group.

`index_by_school` reads every requested school's Invulschema with its scheme in one query,
however many schools are asked for, and computes the rest in Python.
"""

from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from steunwijzer.core.charts import Chart, Series
from steunwijzer.profiles.school_figures import CountedFigures

from .computation import category_totals, compute
from .models import Invulschema
from .presentation import signal_sentence
from .public import LESS_THAN, NOT_SHOWN, PublicFigures, public_figures
from .scheme import Scheme


@dataclass(frozen=True)
class GroupIndex:
    group: str
    pupils: int
    points: Fraction
    index: Fraction | None
    signals: tuple[str, ...]  # the signal sentences for this group


@dataclass(frozen=True)
class SchoolIndex:
    school_id: int
    school_year: str
    pupils: int
    points: Fraction
    index: Fraction | None
    groups: tuple[GroupIndex, ...]

    @property
    def signal_count(self) -> int:
        return sum(len(g.signals) for g in self.groups)


def index_by_school(school_ids, school_year: str) -> dict[int, SchoolIndex]:
    """Per school id that has an Invulschema for the year: its figures. One query in all.

    Schools without an Invulschema for that year are absent from the result."""
    rows = Invulschema.objects.filter(
        school_id__in=list(school_ids), school_year=school_year
    ).select_related("scheme_version", "school")
    result = {}
    for row in rows:
        computed = compute(row.scheme, row.counts, school_type=row.school.school_type)
        signals: dict[str, list[str]] = {}
        for s in computed.signals:
            signals.setdefault(s.group, []).append(signal_sentence(s))
        result[row.school_id] = SchoolIndex(
            school_id=row.school_id,
            school_year=school_year,
            pupils=computed.pupils,
            points=computed.points,
            index=computed.index,
            groups=tuple(
                GroupIndex(g.group, g.pupils, g.points, g.index, tuple(signals.get(g.group, ())))
                for g in computed.groups
            ),
        )
    return result


def public_summary(school, school_year: str) -> PublicFigures | None:
    """School-level figures for the public SOP page, counts below 5 suppressed; None if the
    school has no Invulschema for the year."""
    return public_summaries({(school.pk, school_year)}).get((school.pk, school_year))


def counted_figures(school, school_year: str) -> CountedFigures | None:
    """The groups with pupils and the pupils in the school's Invulschema of the year, or None
    when it has none (registered for the SOP-check in apps.py)."""
    counts = (
        Invulschema.objects.filter(school=school, school_year=school_year)
        .values_list("counts", flat=True)
        .first()
    )
    if counts is None:
        return None
    sizes = [sum(cells.values()) for cells in counts.values()]
    return CountedFigures(groups=sum(1 for size in sizes if size), pupils=sum(sizes))


def public_summaries(pairs: set[tuple[int, str]]) -> dict[tuple[int, str], PublicFigures]:
    """`public_summary` of each (school id, school year) asked for that has an Invulschema, in
    one query (the finder's page of results): small counts suppressed as on the school's
    page. Only the school's totals are needed, not its whole index, and each scheme version is
    read once."""
    if not pairs:
        return {}
    rows = Invulschema.objects.filter(
        school_id__in={school for school, _ in pairs}, school_year__in={y for _, y in pairs}
    ).select_related("scheme_version")
    schemes: dict[int, Scheme] = {}
    figures = {}
    for row in rows:
        if (row.school_id, row.school_year) in pairs:
            if row.scheme_version_id not in schemes:
                schemes[row.scheme_version_id] = row.scheme
            scheme = schemes[row.scheme_version_id]
            totals = category_totals(scheme, row.counts)
            figures[row.school_id, row.school_year] = public_figures(scheme, totals)
    return figures


def public_count(count: str) -> str:
    """A public count as the reader reads it: a number, or why it is not shown."""
    if count == LESS_THAN:
        return _("fewer than 5")
    if count == NOT_SHOWN:
        return _("not shown")
    return count


def public_chart(figures: PublicFigures, school_year: str) -> Chart:
    """The public figures as a chart (for the PDF): suppressed counts draw no bar and read
    as a dash, with the reason in the description."""
    return Chart(
        title=_("Pupils per support need, %(school_year)s") % {"school_year": school_year},
        categories=tuple(row.label for row in figures.rows),
        series=(
            Series(
                pgettext("chart series: number of pupils", "Pupils"),
                tuple(None if row.suppressed else int(row.count) for row in figures.rows),
            ),
        ),
        category_label=pgettext("chart axis", "Support need"),
        decimals=0,
        description=_("Number of pupils: %(pupils)s. %(counts)s. We do not show numbers below 5.")
        % {
            "pupils": public_count(figures.pupils),
            "counts": "; ".join(f"{row.label}: {public_count(row.count)}" for row in figures.rows),
        },
    )

"""Tables and charts for a computed Invulschema, shared by the school page, the import preview
and the chapter aside in the editor. No request and no database: plain data in, plain data out."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from steunwijzer.core.charts import Chart, Series

from .computation import SchoolResult, Trend, decimal, group_name, percentage
from .scheme import Scheme


@dataclass(frozen=True)
class Row:
    name: str
    pupils: int
    counts: list[int]
    points: str
    index: str
    signalled: bool


def result_rows(scheme: Scheme, result: SchoolResult) -> list[Row]:
    signalled = {s.group for s in result.signals}
    rows = [
        Row(
            _title(g.group),
            g.pupils,
            [g.counts[k] for k in scheme.category_keys],
            decimal(g.points, 1),
            decimal(g.index),
            g.group in signalled,
        )
        for g in result.groups
    ]
    t = result.total
    rows.append(
        Row(
            _("Whole school"),
            t.pupils,
            [t.counts[k] for k in scheme.category_keys],
            decimal(t.points, 1),
            decimal(t.index),
            False,
        )
    )
    return rows


def index_chart(scheme: Scheme, result: SchoolResult) -> Chart:
    markers = tuple(
        (
            _("limit %(limit)s (from %(size)s pupils)")
            % {"limit": decimal(level.above), "size": level.from_size}
            if level.from_size
            else _("limit %(limit)s") % {"limit": decimal(level.above)},
            float(level.above),
        )
        for signal in scheme.signals
        if signal.measure == "index"
        for level in signal.levels
    )
    return Chart(
        title=_("Diversity index per group"),
        categories=(*tuple(_title(g.group) for g in result.groups), _("Whole school")),
        series=(
            Series(
                pgettext("chart series: diversity index", "Index"),
                (
                    *tuple(float(g.index) if g.index else None for g in result.groups),
                    float(result.index) if result.index else None,
                ),
            ),
        ),
        category_label=pgettext("chart axis", "Group"),
        decimals=2,
        markers=markers,
        description=_("Points per pupil per group; the dotted lines are the limits for a signal."),
    )


def category_chart(scheme: Scheme, result: SchoolResult) -> Chart:
    return Chart(
        title=_("Pupils per category per group"),
        categories=tuple(_title(g.group) for g in result.groups),
        series=tuple(
            Series(c.short_label, tuple(float(g.counts[c.key]) for g in result.groups))
            for c in scheme.categories
        ),
        category_label=pgettext("chart axis", "Group"),
        decimals=0,
    )


def trend_chart(
    scheme: Scheme, now: SchoolResult, before: SchoolResult | None, years: tuple[str, str]
) -> Chart | None:
    if before is None:
        return None
    return Chart(
        title=_("Share per category, last and this school year"),
        categories=tuple(c.short_label for c in scheme.categories),
        series=tuple(
            Series(
                year,
                tuple(
                    float(r.total.share(c.key) or 0) * 100 if r.pupils else None
                    for c in scheme.categories
                ),
            )
            for year, r in zip(years, (before, now), strict=True)
        ),
        category_label=pgettext("chart axis", "Category"),
        unit="%",
        decimals=0,
    )


def shares(scheme: Scheme, result: SchoolResult) -> list[tuple[str, int, str]]:
    return [
        (c.label, result.total.counts[c.key], percentage(result.total.share(c.key)))
        for c in scheme.categories
    ]


__all__ = ["Row", "Trend", "category_chart", "index_chart", "result_rows", "shares", "trend_chart"]


def _title(group: str) -> str:
    """'Groep 6' at the start of a table row; a named group keeps its own capitals."""
    name = group_name(group)
    return name[:1].upper() + name[1:]

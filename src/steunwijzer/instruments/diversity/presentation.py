"""Tables, charts and sentences for a computed Invulschema, shared by the school page, the
import preview, the chapter aside in the editor and the API. No request and no database: plain
data in, plain data out. `computation` is pure and gives numbers; the words and the Dutch
numbers (`core.numbers.dutch_number`) are made here."""

from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from steunwijzer.core.charts import Chart, Series
from steunwijzer.core.numbers import dutch_number

from .computation import SchoolResult, SignalResult, Trend, group_name, percentage
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
            index_text(g.points, 1),
            index_text(g.index),
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
            index_text(t.points, 1),
            index_text(t.index),
            False,
        )
    )
    return rows


def index_chart(scheme: Scheme, result: SchoolResult) -> Chart:
    markers = tuple(
        (
            _("limit %(limit)s (from %(size)s pupils)")
            % {"limit": index_text(level.above), "size": level.from_size}
            if level.from_size
            else _("limit %(limit)s") % {"limit": index_text(level.above)},
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


def index_text(value: Fraction | None, places: int = 2) -> str:
    """An index or a number of points as the pages write it ("1,36"); a dash for none. Rounded
    as a float, as these figures always were."""
    return "\N{EN DASH}" if value is None else dutch_number(float(value), places=places)


def signal_sentence(signal: SignalResult) -> str:
    """A group past a limit, in a sentence the SOP can use as it stands."""
    values = {
        "group": group_name(signal.group),
        "pupils": signal.pupils,
        "label": signal.label,
        "size": signal.size,
    }
    if signal.measure == "index":
        values |= {"value": index_text(signal.value), "limit": index_text(signal.limit)}
        said = (
            _(
                "In %(group)s with %(pupils)s pupils, %(label)s is %(value)s; that is more "
                "than the limit for a group of %(size)s or more pupils (%(limit)s)."
            )
            if signal.size
            else _(
                "In %(group)s with %(pupils)s pupils, %(label)s is %(value)s; that is more "
                "than the limit (%(limit)s)."
            )
        )
        return said % values
    n = int(signal.value)
    values |= {"n": n, "limit": int(signal.limit)}
    said = (
        ngettext(
            "In %(group)s with %(pupils)s pupils, %(n)s pupil has %(label)s; that is more "
            "than the limit for a group of %(size)s or more pupils (%(limit)s).",
            "In %(group)s with %(pupils)s pupils, %(n)s pupils have %(label)s; that is more "
            "than the limit for a group of %(size)s or more pupils (%(limit)s).",
            n,
        )
        if signal.size
        else ngettext(
            "In %(group)s with %(pupils)s pupils, %(n)s pupil has %(label)s; that is more "
            "than the limit (%(limit)s).",
            "In %(group)s with %(pupils)s pupils, %(n)s pupils have %(label)s; that is more "
            "than the limit (%(limit)s).",
            n,
        )
    )
    return said % values


def trend_sentence(trend: Trend) -> str:
    """The school's index this year against last year."""
    if trend.change is None:
        return _("There is no Invulschema of last school year to compare with.")
    if round(float(trend.change), 2) == 0:
        said = _(
            "The school's diversity index has stayed the same: from %(before)s last school "
            "year to %(now)s now (%(pupils_before)s and %(pupils_now)s pupils)."
        )
    elif trend.change > 0:
        said = _(
            "The school's diversity index has risen: from %(before)s last school year to "
            "%(now)s now (%(pupils_before)s and %(pupils_now)s pupils)."
        )
    else:
        said = _(
            "The school's diversity index has fallen: from %(before)s last school year to "
            "%(now)s now (%(pupils_before)s and %(pupils_now)s pupils)."
        )
    return said % {
        "before": index_text(trend.index_before),
        "now": index_text(trend.index_now),
        "pupils_before": trend.pupils_before,
        "pupils_now": trend.pupils_now,
    }


__all__ = [
    "Row",
    "Trend",
    "category_chart",
    "index_chart",
    "index_text",
    "result_rows",
    "shares",
    "signal_sentence",
    "trend_chart",
    "trend_sentence",
]


def _title(group: str) -> str:
    """'Groep 6' at the start of a table row; a named group keeps its own capitals."""
    name = group_name(group)
    return name[:1].upper() + name[1:]

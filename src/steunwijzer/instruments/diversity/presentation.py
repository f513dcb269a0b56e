"""Tables and charts for a computed Invulschema, shared by the school page, the import preview
and the chapter aside in the editor. No request and no database: plain data in, plain data out."""

from dataclasses import dataclass

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
            "Hele school",
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
            f"grens {decimal(level.above)}"
            + (f" (vanaf {level.from_size} lln.)" if level.from_size else ""),
            float(level.above),
        )
        for signal in scheme.signals
        if signal.measure == "index"
        for level in signal.levels
    )
    return Chart(
        title="Verscheidenheidsindex per groep",
        categories=(*tuple(_title(g.group) for g in result.groups), "Hele school"),
        series=(
            Series(
                "Index",
                (
                    *tuple(float(g.index) if g.index else None for g in result.groups),
                    float(result.index) if result.index else None,
                ),
            ),
        ),
        category_label="Groep",
        decimals=2,
        markers=markers,
        description=(
            "Punten per leerling per groep; de stippellijnen zijn de grenzen voor een signaal."
        ),
    )


def category_chart(scheme: Scheme, result: SchoolResult) -> Chart:
    return Chart(
        title="Leerlingen per categorie per groep",
        categories=tuple(_title(g.group) for g in result.groups),
        series=tuple(
            Series(c.short_label, tuple(float(g.counts[c.key]) for g in result.groups))
            for c in scheme.categories
        ),
        category_label="Groep",
        decimals=0,
    )


def trend_chart(
    scheme: Scheme, now: SchoolResult, before: SchoolResult | None, years: tuple[str, str]
) -> Chart | None:
    if before is None:
        return None
    return Chart(
        title="Aandeel per categorie, vorig en dit schooljaar",
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
        category_label="Categorie",
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

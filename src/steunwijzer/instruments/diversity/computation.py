"""The Verscheidenheidsindex from counts: per group and for the school. Pure Python, no Django.

Counts are `{group: {category_key: pupils}}`. A group's points are the sum of its pupils times
their category's points; its index is points per pupil. Signals name a group whose index, or
whose number of pupils in the heaviest categories, passes the scheme's limit for a group of
its size, in a sentence the SOP can use as it stands, translated (`wording`) when the result
is computed. Formulas: docs/instruments-diversity.md.
"""

from dataclasses import dataclass
from fractions import Fraction

from steunwijzer.instruments.wording import _, gettext_noop, ngettext_lazy

from .scheme import Scheme, Signal, points_text

Counts = dict[str, dict[str, int]]


@dataclass(frozen=True)
class GroupResult:
    group: str
    pupils: int
    points: Fraction
    counts: dict[str, int]

    @property
    def index(self) -> Fraction | None:
        return self.points / self.pupils if self.pupils else None

    def share(self, category: str) -> Fraction | None:
        return Fraction(self.counts.get(category, 0), self.pupils) if self.pupils else None


@dataclass(frozen=True)
class SignalResult:
    group: str
    signal_key: str
    sentence: str
    value: Fraction
    limit: Fraction


@dataclass(frozen=True)
class SchoolResult:
    groups: tuple[GroupResult, ...]
    total: GroupResult
    signals: tuple[SignalResult, ...]

    @property
    def pupils(self) -> int:
        return self.total.pupils

    @property
    def points(self) -> Fraction:
        return self.total.points

    @property
    def index(self) -> Fraction | None:
        return self.total.index


def group_result(scheme: Scheme, group: str, counts: dict[str, int]) -> GroupResult:
    points = sum((c.points * counts.get(c.key, 0) for c in scheme.categories), start=Fraction(0))
    pupils = sum(counts.get(key, 0) for key in scheme.category_keys)
    return GroupResult(group, pupils, points, {k: counts.get(k, 0) for k in scheme.category_keys})


def compute(scheme: Scheme, counts: Counts, *, school_type: str) -> SchoolResult:
    groups = tuple(
        group_result(scheme, name, counts[name]) for name in sorted(counts, key=scheme.group_order)
    )
    totals = {key: sum(g.counts[key] for g in groups) for key in scheme.category_keys}
    total = group_result(scheme, "school", totals)
    signals = tuple(
        result
        for g in groups
        for signal in scheme.signals_for(school_type)
        if (result := check_signal(scheme, signal, g)) is not None
    )
    return SchoolResult(groups, total, signals)


def check_signal(scheme: Scheme, signal: Signal, group: GroupResult) -> SignalResult | None:
    if not group.pupils:
        return None
    level = signal.level_for(group.pupils)
    values = {
        "group": group_name(group.group),
        "pupils": group.pupils,
        "label": signal.label,
        "size": level.from_size,
    }
    if signal.measure == "index":
        value = group.index
        if value <= level.above:
            return None
        values |= {"value": decimal(value), "limit": decimal(level.above)}
        sentence = _(_INDEX_SIZED if level.from_size else _INDEX, **values)
    else:
        value = Fraction(sum(group.counts.get(key, 0) for key in signal.categories))
        if value <= level.above:
            return None
        values |= {"n": int(value), "limit": int(level.above)}
        if level.from_size:
            sentence = ngettext_lazy(
                "In %(group)s with %(pupils)s pupils, %(n)s pupil has %(label)s; that is more "
                "than the limit for a group of %(size)s or more pupils (%(limit)s).",
                "In %(group)s with %(pupils)s pupils, %(n)s pupils have %(label)s; that is more "
                "than the limit for a group of %(size)s or more pupils (%(limit)s).",
                int(value),
                **values,
            )
        else:
            sentence = ngettext_lazy(
                "In %(group)s with %(pupils)s pupils, %(n)s pupil has %(label)s; that is more "
                "than the limit (%(limit)s).",
                "In %(group)s with %(pupils)s pupils, %(n)s pupils have %(label)s; that is more "
                "than the limit (%(limit)s).",
                int(value),
                **values,
            )
    # Said now, in the language of the request: a result is computed for the page showing it.
    return SignalResult(group.group, signal.key, str(sentence), value, level.above)


# The index signal sentences (msgids; `check_signal` gives them their values).
_INDEX = gettext_noop(
    "In %(group)s with %(pupils)s pupils, %(label)s is %(value)s; that is more than the limit "
    "(%(limit)s)."
)
_INDEX_SIZED = gettext_noop(
    "In %(group)s with %(pupils)s pupils, %(label)s is %(value)s; that is more than the limit "
    "for a group of %(size)s or more pupils (%(limit)s)."
)


def group_name(group: str) -> str:
    """'groep 6', 'groep 5/6', or a named SBO/SO group as it is."""
    return str(_("group %(number)s", number=group)) if group[:1].isdigit() else group


def decimal(value: Fraction | float | None, places: int = 2) -> str:
    """Dutch decimal comma: 1.234 as '1,23'."""
    if value is None:
        return "\N{EN DASH}"
    return f"{float(value):.{places}f}".replace(".", ",")


def percentage(value: Fraction | None) -> str:
    return "\N{EN DASH}" if value is None else f"{round(float(value) * 100)}%"


@dataclass(frozen=True)
class Trend:
    """The school's index and pupils this year against last year."""

    index_now: Fraction | None
    index_before: Fraction | None
    pupils_now: int
    pupils_before: int

    @property
    def change(self) -> Fraction | None:
        if self.index_now is None or self.index_before is None:
            return None
        return self.index_now - self.index_before

    @property
    def sentence(self) -> str:
        if self.change is None:
            return str(_("There is no Invulschema of last school year to compare with."))
        if round(float(self.change), 2) == 0:
            said = _TREND_SAME
        else:
            said = _TREND_UP if self.change > 0 else _TREND_DOWN
        return str(
            _(
                said,
                before=decimal(self.index_before),
                now=decimal(self.index_now),
                pupils_before=self.pupils_before,
                pupils_now=self.pupils_now,
            )
        )


_TREND_SAME = gettext_noop(
    "The school's diversity index has stayed the same: from %(before)s last school year to "
    "%(now)s now (%(pupils_before)s and %(pupils_now)s pupils)."
)
_TREND_UP = gettext_noop(
    "The school's diversity index has risen: from %(before)s last school year to %(now)s now "
    "(%(pupils_before)s and %(pupils_now)s pupils)."
)
_TREND_DOWN = gettext_noop(
    "The school's diversity index has fallen: from %(before)s last school year to %(now)s now "
    "(%(pupils_before)s and %(pupils_now)s pupils)."
)


def trend(now: SchoolResult, before: SchoolResult | None) -> Trend:
    return Trend(
        now.index,
        before.index if before else None,
        now.pupils,
        before.pupils if before else 0,
    )


__all__ = [
    "Counts",
    "GroupResult",
    "SchoolResult",
    "SignalResult",
    "Trend",
    "compute",
    "decimal",
    "group_name",
    "percentage",
    "points_text",
    "trend",
]

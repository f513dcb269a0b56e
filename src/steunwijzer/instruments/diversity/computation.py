"""The Verscheidenheidsindex from counts: per group and for the school. Pure Python, no Django.

Counts are `{group: {category_key: pupils}}`. A group's points are the sum of its pupils times
their category's points; its index is points per pupil. Signals name a group whose index, or
whose number of pupils in the heaviest categories, passes the scheme's limit for a group of
its size; `presentation.signal_sentence` says it in a sentence the SOP can use as it stands,
and `presentation.trend_sentence` the change since last year, with Dutch numbers.
Formulas: docs/instruments-diversity.md.
"""

from dataclasses import dataclass
from fractions import Fraction

from steunwijzer.instruments.wording import _

from .scheme import Scheme, Signal

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
    """A group past a signal's limit: what `presentation.signal_sentence` says."""

    group: str
    signal_key: str
    value: Fraction
    limit: Fraction
    measure: str  # "index", or a number of pupils
    label: str  # the signal's label in the scheme
    pupils: int
    size: int  # the group size from which this limit applies (0: every size)


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


def category_totals(scheme: Scheme, counts: Counts) -> dict[str, int]:
    """The school's pupils per category, over all its groups."""
    return {
        key: sum(cells.get(key, 0) for cells in counts.values()) for key in scheme.category_keys
    }


def compute(scheme: Scheme, counts: Counts, *, school_type: str) -> SchoolResult:
    groups = tuple(
        group_result(scheme, name, counts[name]) for name in sorted(counts, key=scheme.group_order)
    )
    total = group_result(scheme, "school", category_totals(scheme, counts))
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
    if signal.measure == "index":
        value = group.index
    else:
        value = Fraction(sum(group.counts.get(key, 0) for key in signal.categories))
    if value <= level.above:
        return None
    return SignalResult(
        group.group,
        signal.key,
        value,
        level.above,
        signal.measure,
        signal.label,
        group.pupils,
        level.from_size,
    )


def group_name(group: str) -> str:
    """'groep 6', 'groep 5/6', or a named SBO/SO group as it is."""
    return str(_("group %(number)s", number=group)) if group[:1].isdigit() else group


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
    "group_name",
    "percentage",
    "trend",
]

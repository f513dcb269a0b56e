"""School-level figures for the public SOP, with every count below 5 suppressed.

Pure Python, no Django. A count below 5 is shown as "fewer than 5" (`LESS_THAN`; the
presenter, `summary.public_count`, says it in the reader's language). Because the total is
shown, one hidden count could be found by subtracting the others from it; so more counts are
hidden ("not shown") until no hidden count can be worked out from what is shown, the index
included. That is checked by trying every combination of hidden counts that fits the shown
figures (`_leaks`); the hidden cells are few and small, so this stays cheap.
"""

from dataclasses import dataclass
from fractions import Fraction
from itertools import product

from .computation import percentage
from .scheme import Scheme

THRESHOLD = 5
# What a hidden count reads as: the English msgids, translated by `summary.public_count`.
LESS_THAN = "fewer than 5"
NOT_SHOWN = "not shown"


@dataclass(frozen=True)
class PublicRow:
    key: str
    label: str
    points: Fraction
    count: str  # a number, LESS_THAN or NOT_SHOWN
    share: str
    suppressed: bool


@dataclass(frozen=True)
class PublicFigures:
    pupils: str
    index: str | None  # None when the index is not shown
    rows: tuple[PublicRow, ...]

    @property
    def any_suppressed(self) -> bool:
        return any(r.suppressed for r in self.rows)


def public_figures(scheme: Scheme, totals: dict[str, int]) -> PublicFigures:
    """What the public may see of the school's counts per category (`totals`)."""
    counts = {c.key: totals.get(c.key, 0) for c in scheme.categories}
    points = {c.key: c.points for c in scheme.categories}
    total = sum(counts.values())
    less = {k for k, v in counts.items() if v < THRESHOLD}
    hidden = set(less)
    show_total = total >= THRESHOLD
    while hidden and show_total and _leaks(counts, points, less, hidden, None):
        shown = sorted((v, k) for k, v in counts.items() if k not in hidden)
        if shown:
            hidden.add(shown[0][1])
        else:
            show_total = False
    index_text, places = None, None
    if show_total:
        for candidate in (2, 1):
            if not hidden or not _leaks(counts, points, less, hidden, candidate):
                places = candidate
                break
        if places is not None:
            index_text = _decimal(_index(counts, points), places)
    rows = tuple(
        PublicRow(
            key=c.key,
            label=c.label,
            points=c.points,
            count=(LESS_THAN if c.key in less else NOT_SHOWN)
            if c.key in hidden or not show_total
            else str(counts[c.key]),
            share=""
            if c.key in hidden or not show_total
            else percentage(Fraction(counts[c.key], total)),
            suppressed=c.key in hidden or not show_total,
        )
        for c in scheme.categories
    )
    return PublicFigures(
        pupils=str(total) if show_total else LESS_THAN if total < THRESHOLD else NOT_SHOWN,
        index=index_text,
        rows=rows,
    )


def _index(counts, points) -> Fraction | None:
    total = sum(counts.values())
    return (
        sum((points[k] * v for k, v in counts.items()), start=Fraction(0)) / total
        if total
        else None
    )


def _leaks(counts, points, less, hidden, places) -> bool:
    """Whether some hidden count has only one value that fits the shown figures.

    A reader knows the total, the shown counts, that a LESS_THAN cell is 0 to 4 and a NOT_SHOWN
    cell 5 or more, and (when `places` is given) the index rounded to that many places."""
    keys = sorted(hidden)
    residual = sum(counts[k] for k in keys)
    shown_points = sum((points[k] * v for k, v in counts.items() if k not in hidden), start=0)
    grand_total = sum(counts.values())
    target = _decimal(_index(counts, points), places) if places else None
    ranges = [range(0, THRESHOLD) if k in less else range(THRESHOLD, residual + 1) for k in keys]
    seen: list[set[int]] = [set() for _ in keys]
    for head in product(*ranges[:-1]):
        last = residual - sum(head)
        if last not in ranges[-1]:
            continue
        values = (*head, last)
        if target is not None:
            hidden_points = sum((points[k] * v for k, v in zip(keys, values, strict=True)), start=0)
            if _decimal((shown_points + hidden_points) / grand_total, places) != target:
                continue
        for i, v in enumerate(values):
            seen[i].add(v)
        if all(len(s) > 1 for s in seen):
            return False
    return True


def _decimal(value: Fraction, places: int) -> str:
    """The index as the public reads it ("1,28"), also what the leak check compares: this pure
    module has no Django for `core.numbers` (tests/test_number_format.py allows it)."""
    return f"{float(value):.{places}f}".replace(".", ",")

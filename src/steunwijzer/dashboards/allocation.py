"""Money and staff follow the support load: dividing a budget over schools and their groups.

Pure Python with Decimal arithmetic, importable without Django. A board (for its schools) or
the partnership (for its own means) divides an amount (euro, FTE or hours) over the schools:

1. every school first gets the fixed base (may be 0);
2. what is left, the variable part, is divided in proportion to each school's weight
   (Verscheidenheidsindex points or pupils);
3. exact shares are rounded down to the unit (whole euros, 0.01 FTE, whole hours) and the
   units left over go one by one to the largest remainders (largest-remainder method), so
   the parts always add up exactly to the whole.

Before dividing, a school's weight may be multiplied by a factor for its school type (bao,
sbo, so; `weigh_by_type`): a factor of 2 for SO counts every SO point twice, 0 gives SO schools
only the fixed base. All factors 1 (the default) leaves the weights, and so the division, as
they were.

A school's share is then divided over its groups the same way, by the groups' weights.
The calculation in words, with Dutch numbers, is written by `calculation.steps`, and the
words of an `AllocationError` by `calculation.error_message`: this module has no gettext.
"""

import re
from dataclasses import dataclass, replace
from decimal import ROUND_FLOOR, Decimal

# unit key → the smallest amount of it that is handed out; the units' words are in
# dashboards/labels.py.
UNITS = {"euro": Decimal("1"), "fte": Decimal("0.01"), "uren": Decimal("1")}
# The bases an allocation can divide by; their labels are in dashboards/labels.py.
BASES = ("punten", "leerlingen")
# A saved total or fixed base has 14 digits, 2 of them after the comma.
MAXIMUM = Decimal("999999999999")
# The school types an allocation can weigh apart (the keys of `School.Type`), and the largest
# factor one may get: beyond that a type takes everything and a factor is a typing error.
SCHOOL_TYPES = ("bao", "sbo", "so")
MAX_FACTOR = Decimal(100)

# Dutch writes 125.000 and 12,5; many people still type 12.5. A point followed by groups of
# exactly three digits (and a first group not starting with 0) is a thousands separator.
_DUTCH = re.compile(r"-?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?")
_POINT_DECIMAL = re.compile(r"-?\d*\.\d+")


class AllocationError(ValueError):
    """Input that cannot be divided: `code` says what is wrong and `params` hold what the
    message needs (the field's name, the school, the numbers); `calculation.error_message`
    words it in Dutch."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Part:
    """Something that gets a share: a school, or a group within a school."""

    key: str
    label: str
    weight: Decimal


@dataclass(frozen=True)
class Share:
    key: str
    label: str
    weight: Decimal
    base: Decimal
    exact: Decimal
    floor: Decimal
    remainder: Decimal
    # 1-based place in the order in which leftover units are handed out.
    rank: int
    extra: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Allocation:
    total: Decimal
    unit: str
    quantum: Decimal
    fixed_base: Decimal
    variable: Decimal
    total_weight: Decimal
    per_weight: Decimal
    leftover_units: int
    shares: tuple[Share, ...]


def read_number(value, name: str | None) -> Decimal:
    """A number as a person types it in Dutch (125.000 or 12,5) or with a decimal point."""
    text = re.sub(r"\s", "", str(value))
    if _DUTCH.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif not _POINT_DECIMAL.fullmatch(text):
        raise AllocationError("not_a_number", field=name)
    number = Decimal(text)
    if number > MAXIMUM:
        raise AllocationError("too_large", field=name, maximum=MAXIMUM)
    return number


def parse_amount(value, unit: str, name: str | None = None) -> Decimal:
    """A user's input as a Decimal that is a whole number of the unit's quantum; `name` is
    the field's name in an error (None: the amount)."""
    if unit not in UNITS:
        raise AllocationError("unknown_unit", units=tuple(UNITS))
    number = read_number(value, name)
    if number < 0:
        raise AllocationError("negative", field=name)
    quantum = UNITS[unit]
    if number % quantum:
        raise AllocationError("too_fine", field=name, unit=unit)
    # In the unit's own precision, so 3,5 fte reads 3,50 fte everywhere, as it is saved.
    return number.quantize(quantum)


def parse_factor(value, name: str) -> Decimal:
    """A school type's factor as a person types it (1, 1,5, 0), from 0 up to MAX_FACTOR."""
    number = read_number(value, name)
    if number < 0:
        raise AllocationError("negative", field=name)
    if number > MAX_FACTOR:
        raise AllocationError("too_large", field=name, maximum=MAX_FACTOR)
    return number


def weigh_by_type(parts: list[Part], types: list[str], factors: dict[str, Decimal]) -> list[Part]:
    """Each part's weight times the factor of its school type (`types` in the order of
    `parts`); a type without a factor counts once."""
    return [
        replace(p, weight=p.weight * factors.get(t, Decimal(1)))
        for p, t in zip(parts, types, strict=True)
    ]


def divide_by_type(
    total: Decimal,
    parts: list[Part],
    types: list[str],
    factors: dict[str, Decimal],
    *,
    unit: str = "euro",
    fixed_base: Decimal = Decimal(0),
) -> Allocation:
    """`divide` over the parts weighed by their school types' factors. When the schools have
    points but the factors take them all away, the refusal says so (`no_weight_by_type`)
    rather than that no school has points."""
    try:
        return divide(total, weigh_by_type(parts, types, factors), unit=unit, fixed_base=fixed_base)
    except AllocationError as error:
        if error.code == "no_weight" and any(p.weight for p in parts):
            raise AllocationError("no_weight_by_type") from error
        raise


def divide(
    total: Decimal,
    parts: list[Part],
    *,
    unit: str = "euro",
    fixed_base: Decimal = Decimal(0),
) -> Allocation:
    """Divide `total` over `parts`: fixed base each, the rest by weight, largest remainder."""
    if unit not in UNITS:
        raise AllocationError("unknown_unit", units=tuple(UNITS))
    quantum = UNITS[unit]
    if total < 0 or total % quantum:
        raise AllocationError("total_not_a_multiple", quantum=quantum, unit=unit)
    if fixed_base < 0 or fixed_base % quantum:
        raise AllocationError("fixed_base_not_a_multiple", quantum=quantum, unit=unit)
    for part in parts:
        if part.weight < 0:
            raise AllocationError("negative_weight", part=part.label)
    if not parts:
        if total:
            raise AllocationError("no_schools")
        return Allocation(total, unit, quantum, fixed_base, total, Decimal(0), Decimal(0), 0, ())
    fixed_total = fixed_base * len(parts)
    # `calculation.check_fixed_base` tells the user the sum; this keeps the arithmetic sound.
    if fixed_total > total:
        raise AllocationError("fixed_base_over_total")
    variable = total - fixed_total
    total_weight = sum((p.weight for p in parts), Decimal(0))
    if variable and not total_weight:
        raise AllocationError("no_weight")
    per_weight = variable / total_weight if total_weight else Decimal(0)
    exact = [
        fixed_base + (variable * p.weight / total_weight if total_weight else 0) for p in parts
    ]
    floors = [(e / quantum).to_integral_value(rounding=ROUND_FLOOR) * quantum for e in exact]
    leftover = int((total - sum(floors, Decimal(0))) / quantum)
    remainders = [e - f for e, f in zip(exact, floors, strict=True)]
    # Largest remainder first; ties to the larger weight, then the order given (stable).
    order = sorted(range(len(parts)), key=lambda i: (-remainders[i], -parts[i].weight, i))
    rank = {i: place + 1 for place, i in enumerate(order)}
    shares = tuple(
        Share(
            key=p.key,
            label=p.label,
            weight=p.weight,
            base=fixed_base,
            exact=exact[i],
            floor=floors[i],
            remainder=remainders[i],
            rank=rank[i],
            extra=quantum if rank[i] <= leftover else Decimal(0),
            amount=floors[i] + (quantum if rank[i] <= leftover else Decimal(0)),
        )
        for i, p in enumerate(parts)
    )
    return Allocation(
        total=total,
        unit=unit,
        quantum=quantum,
        fixed_base=fixed_base,
        variable=variable,
        total_weight=total_weight,
        per_weight=per_weight,
        leftover_units=leftover,
        shares=shares,
    )

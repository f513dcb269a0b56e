"""The allocation's calculation in words, for the page and the export.

`allocation.divide` is pure arithmetic without Django; this presenter writes its numbers the
Dutch way (125.000; 0,72) through `core.numbers`, so the pure module needs no formatting.
"""

from decimal import Decimal
from functools import partial

from steunwijzer.core.numbers import dutch_number

from .allocation import ROUNDED_TO, TIMES, UNITS, Allocation, AllocationError

# Amounts and weights are written with the thousands point: 10.001 - 3.000 = 7.001 euro.
_n = partial(dutch_number, grouping=True)


def check_fixed_base(total: Decimal, fixed_base: Decimal, schools: int) -> None:
    """Before dividing: the fixed base for every school together may not exceed the total;
    the message shows the sum, so the user sees why."""
    fixed_total = fixed_base * schools
    if fixed_total > total:
        raise AllocationError(
            f"Vast deel per school: {schools} {TIMES} {_n(fixed_base)} = {_n(fixed_total)} "
            f"is meer dan het totaal {_n(total)}."
        )


def steps(allocation: Allocation, weight_name: str = "punt") -> tuple[str, ...]:
    """Every step of the division, in Dutch, with the numbers it used."""
    if not allocation.shares:
        return ()
    unit_name = UNITS[allocation.unit][0]
    total, fixed_base = allocation.total, allocation.fixed_base
    count = len(allocation.shares)
    fixed_total = fixed_base * count
    variable, total_weight = allocation.variable, allocation.total_weight
    per = _n(allocation.per_weight.quantize(Decimal("0.000001")).normalize())
    leftover = allocation.leftover_units
    handed_out = (
        f"Na afronden blijven {leftover} {TIMES} {_n(allocation.quantum)} {unit_name} over; "
        "die gaan één voor één naar de scholen met de grootste restjes (bij gelijke restjes "
        "eerst het grootste gewicht)."
        if leftover
        else "Na afronden blijft niets over: de afgeronde delen zijn samen precies het totaal."
    )
    return (
        f"Totaal te verdelen: {_n(total)} {unit_name}.",
        f"Vast deel: {count} {TIMES} {_n(fixed_base)} = {_n(fixed_total)} {unit_name}.",
        f"Variabel deel: {_n(total)} - {_n(fixed_total)} = {_n(variable)} {unit_name}.",
        f"Totaal gewicht: {_n(total_weight)}; per {weight_name}: {_n(variable)} ÷ "
        f"{_n(total_weight)} = {per} {unit_name}.",
        f"Exact aandeel = vast deel + gewicht {TIMES} {per}; naar beneden afgerond "
        f"{ROUNDED_TO[allocation.unit]}.",
        handed_out,
    )

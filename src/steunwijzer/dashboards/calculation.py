"""The allocation in words, for the page and the export: its calculation and its errors.

`allocation.divide` is pure arithmetic without Django; this presenter words what it computed
and what it refused, with English msgids and the Dutch catalogue, and writes its numbers the
Dutch way (125.000; 0,72) through `core.numbers`, so the pure module needs no formatting.
"""

from decimal import Decimal
from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from steunwijzer.core.numbers import dutch_number
from steunwijzer.organisations.models import School

from .allocation import Allocation, AllocationError
from .labels import UNIT_NAMES

TIMES = "\N{MULTIPLICATION SIGN}"
# Amounts and weights are written with the thousands point: 10.001 - 3.000 = 7.001 euro.
_n = partial(dutch_number, grouping=True)


def _too_fine(unit: str) -> str:
    return {
        "euro": _("%(field)s: enter whole euros, without cents."),
        "fte": _("%(field)s: enter fte with at most two digits after the decimal point."),
        "uren": _("%(field)s: enter whole hours."),
    }[unit]


def _rounded_to(unit: str) -> str:
    return {
        "euro": _("to whole euros"),
        "fte": _("to 0.01 fte"),
        "uren": _("to whole hours"),
    }[unit]


def error_message(error: AllocationError) -> str:
    """What `allocation` refused, as the user reads it; the field's name leads, as on the
    form."""
    params = dict(error.params)
    if "field" in params:
        params["field"] = params["field"] or pgettext("allocation", "Amount")
    if "unit" in params:
        params["unit_name"] = UNIT_NAMES[params["unit"]]
    if "quantum" in params:
        params["quantum"] = dutch_number(params["quantum"])
    match error.code:
        case "not_a_number":
            text = _("%(field)s: enter a number, such as 125.000 or 12,5.")
        case "too_large":
            text = _("%(field)s: at most %(maximum)s.")
            params["maximum"] = _n(params["maximum"])
        case "unknown_unit":
            text = _("Unit: choose from %(units)s.")
            params["units"] = ", ".join(params["units"])
        case "negative":
            text = _("%(field)s: may not be negative.")
        case "too_fine":
            text = _too_fine(params["unit"])
        case "total_not_a_multiple":
            text = _("Amount: a non-negative multiple of %(quantum)s %(unit_name)s.")
        case "fixed_base_not_a_multiple":
            text = _("Fixed part per school: a multiple of %(quantum)s %(unit_name)s.")
        case "negative_weight":
            text = _("%(part)s: the weight may not be negative.")
        case "no_schools":
            text = _("There are no schools to divide over.")
        case "fixed_base_over_total":
            text = _("Fixed part per school: together more than the total.")
        case "fixed_base_sum":
            text = _(
                "Fixed part per school: %(schools)s %(times)s %(fixed_base)s = %(fixed_total)s "
                "is more than the total %(total)s."
            )
            params = {
                "schools": params["schools"],
                "times": TIMES,
                "fixed_base": _n(params["fixed_base"]),
                "fixed_total": _n(params["fixed_total"]),
                "total": _n(params["total"]),
            }
        case "no_weight":
            text = _(
                "No school has points or pupils: choose another basis or only a fixed amount "
                "per school."
            )
        case "no_weight_by_type":
            text = _(
                "Every school with points or pupils has factor 0 for its school type: give at "
                "least one of those types a factor above 0."
            )
    return text % params


def check_fixed_base(total: Decimal, fixed_base: Decimal, schools: int) -> None:
    """Before dividing: the fixed base for every school together may not exceed the total;
    the message shows the sum, so the user sees why."""
    fixed_total = fixed_base * schools
    if fixed_total > total:
        raise AllocationError(
            "fixed_base_sum",
            schools=schools,
            fixed_base=fixed_base,
            fixed_total=fixed_total,
            total=total,
        )


def factors_text(factors: dict[str, Decimal]) -> str:
    """The factor per school type, as one line: "Factor per schoolsoort: basisonderwijs 1,
    speciaal basisonderwijs 1,5, speciaal onderwijs 2"."""
    listed = ", ".join(
        f"{School.Type(key).label} {dutch_number(Decimal(value))}" for key, value in factors.items()
    )
    return _(
        "Factor per school type: %(factors)s; a school's weight is its points or pupils "
        "times the factor of its type."
    ) % {"factors": listed}


def steps(allocation: Allocation, weight_name: str | None = None) -> tuple[str, ...]:
    """Every step of the division, with the numbers it used; `weight_name` is what one unit
    of weight is called ("per leerling"), a point by default."""
    if not allocation.shares:
        return ()
    unit = UNIT_NAMES[allocation.unit]
    total, fixed_base = allocation.total, allocation.fixed_base
    count = len(allocation.shares)
    fixed_total = fixed_base * count
    variable, total_weight = allocation.variable, allocation.total_weight
    per = _n(allocation.per_weight.quantize(Decimal("0.000001")).normalize())
    leftover = allocation.leftover_units
    values = {
        "unit": unit,
        "times": TIMES,
        "count": count,
        "total": _n(total),
        "fixed_base": _n(fixed_base),
        "fixed_total": _n(fixed_total),
        "variable": _n(variable),
        "total_weight": _n(total_weight),
        "weight_name": weight_name or pgettext("unit of weight", "point"),
        "per": per,
        "rounded_to": _rounded_to(allocation.unit),
        "leftover": leftover,
        "quantum": _n(allocation.quantum),
    }
    handed_out = (
        _(
            "After rounding %(leftover)s %(times)s %(quantum)s %(unit)s are left; they go one "
            "by one to the schools with the largest remainders (with equal remainders, the "
            "largest weight first)."
        )
        if leftover
        else _("After rounding nothing is left: the rounded shares add up to exactly the total.")
    )
    return (
        _("Total to divide: %(total)s %(unit)s.") % values,
        _("Fixed part: %(count)s %(times)s %(fixed_base)s = %(fixed_total)s %(unit)s.") % values,
        _("Variable part: %(total)s - %(fixed_total)s = %(variable)s %(unit)s.") % values,
        _(
            "Total weight: %(total_weight)s; per %(weight_name)s: %(variable)s ÷ "
            "%(total_weight)s = %(per)s %(unit)s."
        )
        % values,
        _("Exact share = fixed part + weight %(times)s %(per)s; rounded down %(rounded_to)s.")
        % values,
        handed_out % values,
    )

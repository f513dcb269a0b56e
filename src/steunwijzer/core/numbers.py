"""Numbers as Dutch readers write them (12,5 and 1.234.567,89), through Django's `nl` formats.

The one place that turns a number into Dutch text: everything else calls `dutch_number` (or
uses the template filters), so the decimal comma and the thousands point follow Django's
localisation instead of string replacements scattered over the code. Pure modules, which
must not import Django, get their numbers formatted by the presenter or template that shows
them.
"""

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from django.utils import translation
from django.utils.formats import number_format


def _as_decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        # The shortest text that reads back as this float (12.5, not 12.4999...).
        return Decimal(repr(value))
    return Decimal(value)


def dutch_number(value, places: int | None = None, grouping: bool = False) -> str:
    """`value` (int, float, Decimal or Fraction) as Dutch text; "" for None.

    `places` rounds to that many decimals (half to even, as Python's own formatting); without
    it a number keeps the decimals it has, and a whole number shows none ("252.000", not
    "252.000,00"). `grouping` adds the thousands point.
    """
    if value is None:
        return ""
    number = _as_decimal(value)
    if places is not None:
        if isinstance(value, float):
            # Round the float itself, as f"{value:.1f}" does, not its shortest text.
            number = Decimal(value)
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    elif number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    with translation.override("nl"):
        return number_format(number, decimal_pos=places, force_grouping=grouping)

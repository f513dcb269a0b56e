"""`|amount`: an allocation's numbers on the page as Dutch readers write them (125.000; 0,72)."""

from decimal import Decimal

from django import template

from steunwijzer.core.numbers import dutch_number

register = template.Library()


@register.filter
def amount(value):
    # Saved results hold their numbers as text, so both Decimals and strings come here.
    if value is None or value == "":
        return value
    return dutch_number(Decimal(value), grouping=True)

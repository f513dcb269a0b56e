"""`|amount`: an allocation's numbers on the page as Dutch readers write them (125.000; 0,72)."""

from django import template

from steunwijzer.dashboards.allocation import dutch_amount

register = template.Library()


@register.filter
def amount(value):
    # Saved results hold their numbers as text, so both Decimals and strings come here.
    if value is None or value == "":
        return value
    return dutch_amount(value)

"""The finder's long option lists, built in Python: hundreds of districts at national scale."""

from django import template
from django.utils.html import format_html, format_html_join

from steunwijzer.publication.finder_summary import kilometres

register = template.Library()


@register.simple_tag
def options(choices, selected: str):
    """<option>s for (value, label) pairs, the selected one marked."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if value == selected else "", label) for value, label in choices),
    )


@register.simple_tag
def offer_checkboxes(group: int, choices, chosen: list):
    return format_html_join(
        "",
        '<li><input class="utrecht-checkbox" type="checkbox" id="aanbod-{0}-{1}" name="aanbod" '
        'value="{2}"{3}> <label for="aanbod-{0}-{1}">{4}</label></li>',
        (
            (group, index, key, " checked" if key in chosen else "", label)
            for index, (key, label) in enumerate(choices, start=1)
        ),
    )


@register.filter
def as_choices(values):
    return [(v, v) for v in values]


@register.filter
def district_choices(pairs):
    return [
        (district, format_html("{} ({})", district, municipality))
        for municipality, district in pairs
    ]


@register.filter
def km(value):
    """A distance in km as Dutch text with one decimal: 1.234 → "1,2"."""
    return kilometres(value)

"""Sortable column headers and the query of a pager's links (`dashboards.listing`)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from steunwijzer.dashboards.listing import PAGE_KEY, SORT_KEY, query_without

register = template.Library()


def _with(base: str, key: str, value) -> str:
    return f"?{base}&{key}={value}" if base else f"?{key}={value}"


@register.simple_tag(takes_context=True)
def sort_header(context, label, key, css_class=""):
    """A column header that sorts the table by this column; a second click reverses it.

    The sorted column says so with `aria-sort` (read by screen readers) and an arrow."""
    order = context["order"]
    base = query_without(context["request"].GET, SORT_KEY, PAGE_KEY)
    current = order.key == key
    target = f"-{key}" if current and not order.descending else key
    aria, arrow = "", ""
    if current:
        aria = "descending" if order.descending else "ascending"
        arrow = (
            "\N{BLACK DOWN-POINTING TRIANGLE}"
            if order.descending
            else ("\N{BLACK UP-POINTING TRIANGLE}")
        )
    return format_html(
        '<th scope="col"{}{}><a class="utrecht-link" href="{}" title="{}">{}</a>{}</th>',
        format_html(' class="{}"', css_class) if css_class else "",
        format_html(' aria-sort="{}"', aria) if aria else "",
        _with(base, SORT_KEY, target),
        _("Sort by this column"),
        label,
        format_html(' <span aria-hidden="true">{}</span>', arrow) if arrow else "",
    )


@register.simple_tag(takes_context=True)
def page_link(context, number):
    """The link to page `number` of the table, keeping its filters and order."""
    return _with(query_without(context["request"].GET, PAGE_KEY), PAGE_KEY, number)

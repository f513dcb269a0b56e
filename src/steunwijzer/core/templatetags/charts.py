"""`{% chart c "id" %}`: a `core.charts.Chart` as a figure with its SVG and its data table."""

from django import template
from django.utils.safestring import mark_safe

from steunwijzer.core.numbers import dutch_number

register = template.Library()


@register.inclusion_tag("core/_chart.html")
def chart(chart, chart_id):
    return {
        "chart": chart,
        "chart_id": chart_id,
        "svg": mark_safe(chart.svg(chart_id, dutch_number)),
        "rows": chart.table_rows(dutch_number),
    }

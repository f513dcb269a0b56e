"""`css_string` for the text that the PDF templates put in a CSS string (`content: "…"`)."""

from django import template
from django.utils.safestring import mark_safe
from tinycss2.serializer import serialize_string_value

register = template.Library()


@register.filter
def css_string(value) -> str:
    """Escaped for inside a CSS string's double quotes. Not `escapejs`: CSS reads its
    `\\u0026` as "u0026" (a partnership named "A&B" showed as "Au0026B" in the footer)."""
    escaped = serialize_string_value(str(value))
    # "<" too, so that no "</style>" in a name can end the stylesheet it stands in.
    return mark_safe(escaped.replace("<", "\\3c ").replace(">", "\\3e "))

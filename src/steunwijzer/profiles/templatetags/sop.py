"""Rendering model texts and answers, the same way in the editor, preview and history."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from steunwijzer.core.dates import date_text
from steunwijzer.profiles.answers import is_filled
from steunwijzer.profiles.editor_form import TABLE_EXTRA_ROWS, input_name
from steunwijzer.profiles.richtext import markup_to_html

register = template.Library()


@register.filter
def fixed_text(text: str):
    """A vaste tekst from the model, written in the same markup as long answers."""
    return mark_safe(markup_to_html(text or ""))


@register.filter
def owns_fixed_text(partnership, item) -> bool:
    """Whether this fixed text is labelled as the partnership's own (not a default still to
    confirm)."""
    return partnership.owns_fixed_text(item)


@register.filter
def summary_of(summaries, key: str) -> str:
    """The partnership's plain-language summary of a fixed text ("" when it has none)."""
    return summaries.get(key, "") if summaries else ""


def _choice_label(choices, key):
    return next((c.label for c in choices if c.key == key), key)


def _cell(column, value):
    if column.type == "single_choice":
        return _choice_label(column.choices, value)
    if column.type == "date":
        return date_text(value, "nl")
    if column.type == "url" and value:
        return format_html('<a class="utrecht-link" href="{}">{}</a>', value, value)
    return "" if value is None else value


@register.simple_tag
def render_answer(field, value):
    """An answer as parents read it; empty answers render as nothing."""
    if not is_filled(value):
        return ""
    match field.type:
        case "long_text":
            return mark_safe(f'<div class="utrecht-rich-text">{markup_to_html(value)}</div>')
        case "single_choice":
            return format_html(
                '<p class="utrecht-paragraph">{}</p>', _choice_label(field.choices, value)
            )
        case "checklist":
            items = format_html_join(
                "", "<li>{}</li>", ((_choice_label(field.choices, v),) for v in value)
            )
            return format_html('<ul class="utrecht-unordered-list">{}</ul>', items)
        case "table":
            head = format_html_join(
                "", '<th scope="col">{}</th>', ((c.label,) for c in field.columns)
            )
            body = format_html_join(
                "",
                "<tr>{}</tr>",
                (
                    (
                        format_html_join(
                            "", "<td>{}</td>", ((_cell(c, row.get(c.key)),) for c in field.columns)
                        ),
                    )
                    for row in value
                ),
            )
            return format_html(
                '<div class="utrecht-table-container">'
                '<table class="utrecht-table utrecht-table--html-table">'
                '<caption class="sw-visually-hidden">{}</caption><thead><tr>{}</tr></thead>'
                "<tbody>{}</tbody></table></div>",
                field.label,
                head,
                body,
            )
        case "date":
            return format_html('<p class="utrecht-paragraph">{}</p>', date_text(value, "nl"))
        case "url":
            return format_html(
                '<p class="utrecht-paragraph"><a class="utrecht-link" href="{}">{}</a></p>',
                value,
                value,
            )
    return format_html('<p class="utrecht-paragraph">{}</p>', value)


@register.simple_tag
def answer_of(values: dict, field):
    return values.get(field.key)


@register.simple_tag
def table_rows(field, value):
    """Existing rows plus a few empty ones to fill."""
    rows = list(value) if isinstance(value, list) else []
    rows += [{}] * TABLE_EXTRA_ROWS
    return [
        {
            "index": i,
            "cells": [
                {
                    "column": c,
                    "name": f"{input_name(field.key)}-{i}-{c.key}",
                    "value": row.get(c.key, "") if isinstance(row, dict) else "",
                }
                for c in field.columns
            ],
        }
        for i, row in enumerate(rows)
    ]


@register.filter
def field_input_name(field):
    return input_name(field.key)


@register.filter
def contains(values, key):
    return isinstance(values, list) and key in values


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def get_field(sop_format, key):
    return sop_format.field(key)


@register.filter
def applies_to(field, school_type):
    return field.applies_to(school_type)

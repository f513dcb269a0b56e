"""The rows of the overviews' long tables, built in Python.

A region's overview has a row per school (300 and more), and the dekkend-aanbod tables a
cell per school and kind of support; in template tags every cell costs several lookups and
these tables took most of the page's time. The HTML is the same as the template's was, and
every value is escaped by `format_html`.
"""

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

DASH = "\N{EN DASH}"
DATE = "j F Y"


def _date(value) -> str:
    return date_format(value, DATE) if value else ""


def _school_cell(row, show_board):
    school = row.school
    name = (
        format_html(
            '<a class="utrecht-link" href="{}">{}</a>',
            reverse("profile_route", args=[row.profile.pk]),
            school.name,
        )
        if row.profile
        else format_html("{}", school.name)
    )
    if not show_board:
        return name
    district = format_html(" {} {}", DASH, school.district) if school.district else ""
    return format_html(
        '{}<br><span class="sw-muted">{}, {}{}</span>',
        name,
        school.board.name,
        school.municipality,
        district,
    )


def _due_cell(row):
    badge = ""
    if row.late:
        badge = mark_safe(' <span class="sw-badge sw-badge--late">te laat</span>')
    elif row.soon:
        badge = mark_safe(' <span class="sw-badge">binnenkort</span>')
    return format_html("{}{}", _date(row.due_on), badge)


def _check_cell(row):
    if row.check_blocking is None:
        return DASH
    return format_html("{} blokkerend, {} aandachtspunten", row.check_blocking, row.check_warnings)


def _advice_cell(row):
    if not row.advice:
        return DASH
    on = format_html(" ({})", row.advice_on) if row.advice_on else ""
    statement = (
        format_html(
            '<br><a class="utrecht-link" href="{}">verklaring (PDF)'
            '<span class="sw-visually-hidden"> van {}</span></a>',
            reverse("transition_statement", args=[row.profile.pk, row.statement.pk]),
            row.school.name,
        )
        if row.statement
        else ""
    )
    return format_html("{}{}{}", row.advice, on, statement)


def _delivered_cell(row):
    received = (
        format_html('<br><span class="sw-muted">ontvangen {}</span>', row.received_on)
        if row.received_on
        else ""
    )
    return format_html("{}{}", _date(row.delivered_on) or DASH, received)


@register.simple_tag
def overview_rows(rows, show_board=False):
    """The <tr> of every `overview.SchoolRow`."""
    return format_html_join(
        "\n",
        "  <tr>\n"
        '    <th scope="row">{}</th>\n'
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        '    <td class="sw-num">{}</td>\n'
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "  </tr>",
        (
            (
                _school_cell(row, show_board),
                row.state_label,
                row.actor_label or "niemand",
                _due_cell(row),
                row.open_comments if row.profile else DASH,
                _check_cell(row),
                _advice_cell(row),
                _date(row.established_on) or DASH,
                _delivered_cell(row),
            )
            for row in rows
        ),
    )


YES = mark_safe("<td>ja</td>")
NO = mark_safe('<td><span class="sw-muted">nee</span></td>')


@register.simple_tag
def offer_cells(offer, choices):
    """A "ja"/"nee" cell per kind of support in `choices` ([(key, label)])."""
    return mark_safe("".join(YES if key in offer.offers else NO for key, _ in choices))


DESCRIBED = mark_safe("<td>beschreven</td>")
NOT_DESCRIBED = mark_safe('<td><span class="sw-muted">niet beschreven</span></td>')


@register.simple_tag
def limit_cells(offer, columns):
    """Per limit field whether the school describes it, or one cell across all `columns`."""
    if not offer.limits_filled:
        return format_html('<td colspan="{}">geen vastgesteld SOP</td>', len(columns))
    return mark_safe(
        "".join(DESCRIBED if filled else NOT_DESCRIBED for filled in offer.limits_filled.values())
    )

"""The rows of the overviews' long tables, built in Python.

A region's overview has a row per school (300 and more), and the dekkend-aanbod tables a
cell per school and kind of support; in template tags every cell costs several lookups and
these tables took most of the page's time. Even `format_html` costs more per cell than the
rest of the row (it checks every argument for lazy and safe strings), so the school rows are
joined as plain strings and every value from the database passes `_e` (`html.escape`, the
escaping Django's own `escape` does). The HTML is the same as the template's was.
"""

from functools import lru_cache
from html import escape

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

DASH = "\N{EN DASH}"
DATE = "j F Y"


def _e(value) -> str:
    return escape(str(value))


def _date(value) -> str:
    # A region's rows share a handful of dates (due dates above all).
    return _formatted_date(value, get_language()) if value else ""


@lru_cache(maxsize=4096)
def _formatted_date(value, language) -> str:
    """`language` is part of the cache key only: date_format reads the active language."""
    return date_format(value, DATE)


def _school_cell(row, show_board) -> str:
    school = row.school
    name = (
        f'<a class="utrecht-link" href="{_e(reverse("profile_route", args=[row.profile.pk]))}">'
        f"{_e(school.name)}</a>"
        if row.profile
        else _e(school.name)
    )
    if not show_board:
        return name
    district = f" {DASH} {_e(school.district)}" if school.district else ""
    return (
        f'{name}<br><span class="sw-muted">{_e(school.board.name)}, '
        f"{_e(school.municipality)}{district}</span>"
    )


def _due_cell(row) -> str:
    badge = ""
    if row.late:
        badge = ' <span class="sw-badge sw-badge--late">te laat</span>'
    elif row.soon:
        badge = ' <span class="sw-badge">binnenkort</span>'
    return f"{_e(_date(row.due_on))}{badge}"


def _check_cell(row) -> str:
    if row.check_blocking is None:
        return DASH
    return f"{row.check_blocking:d} blokkerend, {row.check_warnings:d} aandachtspunten"


def _advice_cell(row) -> str:
    if not row.advice:
        return DASH
    on = f" ({_e(row.advice_on)})" if row.advice_on else ""
    statement = (
        '<br><a class="utrecht-link" href="'
        f'{_e(reverse("transition_statement", args=[row.profile.pk, row.statement.pk]))}">'
        f'verklaring (PDF)<span class="sw-visually-hidden"> van {_e(row.school.name)}</span></a>'
        if row.statement
        else ""
    )
    return f"{_e(row.advice)}{on}{statement}"


def _delivered_cell(row) -> str:
    received = (
        f'<br><span class="sw-muted">ontvangen {_e(row.received_on)}</span>'
        if row.received_on
        else ""
    )
    return f"{_e(_date(row.delivered_on) or DASH)}{received}"


def _school_row(row, show_board) -> str:
    return (
        "  <tr>\n"
        f'    <th scope="row">{_school_cell(row, show_board)}</th>\n'
        f"    <td>{_e(row.state_label)}</td>\n"
        f"    <td>{_e(row.actor_label or 'niemand')}</td>\n"
        f"    <td>{_due_cell(row)}</td>\n"
        f'    <td class="sw-num">{row.open_comments if row.profile else DASH}</td>\n'
        f"    <td>{_check_cell(row)}</td>\n"
        f"    <td>{_advice_cell(row)}</td>\n"
        f"    <td>{_e(_date(row.established_on) or DASH)}</td>\n"
        f"    <td>{_delivered_cell(row)}</td>\n"
        "  </tr>"
    )


@register.simple_tag
def overview_rows(rows, show_board=False):
    """The <tr> of every `overview.SchoolRow`."""
    return mark_safe("\n".join(_school_row(row, show_board) for row in rows))


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

"""The rows of the overviews' long tables, built in Python.

A region's overview has a row per school (300 and more), and the dekkend-aanbod tables a
row per school with a cell per kind of support; in template tags every cell costs several
lookups and these tables took most of the page's time. Even `format_html` costs more per cell
than the rest of the row (it checks every argument for lazy and safe strings), so the rows are
joined as plain strings and every value from the database passes `_e` (`html.escape`, the
escaping Django's own `escape` does). The HTML is the same as the templates' was.
"""

from html import escape

from django import template
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.safestring import mark_safe

from steunwijzer.dashboards.coverage import area_of, gap_sentence
from steunwijzer.profiles.dates import dutch_date

register = template.Library()
register.simple_tag(gap_sentence)

DASH = "\N{EN DASH}"


def _e(value) -> str:
    return escape(str(value))


# Stand-ins for the ids in a URL reversed once per table instead of once per row: reverse()
# resolves the pattern anew on every call, and a region's table links 300 to 600 times.
_ID_MARKS = (2_000_000_001, 2_000_000_002)


def _url_pattern(name: str, n_ids: int) -> str:
    """The URL of `name` as a format string with `{0}`, `{1}` for its ids."""
    url = reverse(name, args=_ID_MARKS[:n_ids])
    for i, mark in enumerate(_ID_MARKS[:n_ids]):
        url = url.replace(str(mark), f"{{{i}}}")
    return _e(url)


def _school_cell(row, show_board, links) -> str:
    school = row.school
    name = (
        f'<a class="utrecht-link" href="{links["route"].format(row.profile.pk)}">'
        f"{_e(school.name)}</a>"
        if row.profile
        else _e(school.name)
    )
    if not show_board:
        return name
    return f'{name}<br><span class="sw-muted">{_e(school.board.name)}, {_e(area_of(school))}</span>'


def _due_cell(row) -> str:
    badge = ""
    if row.late:
        badge = ' <span class="sw-badge sw-badge--late">te laat</span>'
    elif row.soon:
        badge = ' <span class="sw-badge">binnenkort</span>'
    return f"{_e(dutch_date(row.due_on))}{badge}"


def _check_cell(row) -> str:
    if row.check_blocking is None:
        return DASH
    return f"{row.check_blocking:d} blokkerend, {row.check_warnings:d} aandachtspunten"


def _advice_cell(row, links) -> str:
    if not row.advice:
        return DASH
    on = f" ({_e(dutch_date(row.advice_on))})" if row.advice_on else ""
    statement = (
        '<br><a class="utrecht-link" href="'
        f'{links["statement"].format(row.profile.pk, row.statement_pk)}">'
        f'verklaring (PDF)<span class="sw-visually-hidden"> van {_e(row.school.name)}</span></a>'
        if row.statement_pk
        else ""
    )
    return f"{_e(row.advice)}{on}{statement}"


def _delivered_cell(row) -> str:
    received = (
        f'<br><span class="sw-muted">ontvangen {_e(dutch_date(row.received_on))}</span>'
        if row.received_on
        else ""
    )
    return f"{_e(dutch_date(row.delivered_on) or DASH)}{received}"


def _school_row(row, show_board, links) -> str:
    return (
        "  <tr>\n"
        f'    <th scope="row">{_school_cell(row, show_board, links)}</th>\n'
        f"    <td>{_e(row.state_label)}</td>\n"
        f"    <td>{_e(row.actor_label or 'niemand')}</td>\n"
        f"    <td>{_due_cell(row)}</td>\n"
        f'    <td class="sw-num">{row.open_comments if row.profile else DASH}</td>\n'
        f"    <td>{_check_cell(row)}</td>\n"
        f"    <td>{_advice_cell(row, links)}</td>\n"
        f"    <td>{_e(dutch_date(row.established_on) or DASH)}</td>\n"
        f"    <td>{_delivered_cell(row)}</td>\n"
        "  </tr>"
    )


@register.simple_tag
def overview_rows(rows, show_board=False):
    """The <tr> of every `overview.SchoolRow`."""
    links = {
        "route": _url_pattern("profile_route", 1),
        "statement": _url_pattern("transition_statement", 2),
    }
    return mark_safe("\n".join(_school_row(row, show_board, links) for row in rows))


YES = "<td>ja</td>"
NO = '<td><span class="sw-muted">nee</span></td>'


def _listed(values) -> str:
    """As `{{ values|join:", "|default:DASH }}` would be."""
    return ", ".join(_e(v) for v in values) or DASH


UNKNOWN = f"<td>{DASH}</td>"


def _offer_cells(offer, choices) -> str:
    # Without an established SOP nothing is known: a dash, not "nee" and 0 hours.
    if not offer.source:
        return UNKNOWN * len(choices) + f'<td class="sw-num">{DASH}</td>'
    return (
        "".join(YES if key in offer.offers else NO for key, _ in choices)
        + f'<td class="sw-num">{floatformat(offer.expertise_hours, "-1")}</td>'
    )


@register.simple_tag
def offer_rows(offers, choices):
    """A row per `coverage.SchoolOffer`: its source, "ja"/"nee" per kind of support in
    `choices` ([(key, label)]), hours of expertise and partners."""
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{_e(o.school.name)}</th>'
            f"<td>{_e(o.source or 'geen vastgesteld SOP')}</td>"
            f"{_offer_cells(o, choices)}<td>{_listed(o.partners)}</td></tr>"
            for o in offers
        )
    )


DESCRIBED = "<td>beschreven</td>"
NOT_DESCRIBED = '<td><span class="sw-muted">niet beschreven</span></td>'


def _limit_cells(offer, columns) -> str:
    """Per limit field whether the school describes it, or one cell across all `columns`."""
    if not offer.source:
        return f'<td colspan="{len(columns)}">geen vastgesteld SOP</td>'
    return "".join(
        DESCRIBED if filled else NOT_DESCRIBED for filled in offer.limits_filled.values()
    )


@register.simple_tag
def limit_rows(offers, columns):
    """A row per `coverage.SchoolOffer`: where it describes its limits, and the areas of
    support its "wat kunnen wij niet bieden" names."""
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{_e(o.school.name)}</th><td>{_e(o.area)}</td>'
            f"{_limit_cells(o, columns)}<td>{_listed(o.limit_areas)}</td></tr>"
            for o in offers
        )
    )

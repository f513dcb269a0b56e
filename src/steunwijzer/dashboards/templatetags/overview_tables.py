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
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from steunwijzer.core.dates import date_text
from steunwijzer.dashboards.coverage import area_of
from steunwijzer.dashboards.overview import RECEIVABLE_STATE

register = template.Library()

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


def _row_words() -> dict:
    """The words in an overview row, translated once per table rather than once per cell."""
    return {
        "late": _("late"),
        "soon": _("soon"),
        # In a check year of the cycle the date is that of the yearly check, not a new SOP.
        "yearly_check": _("(yearly check)"),
        "check_late": pgettext("deadline", "check late"),
        "check": _("%(blocking)d blocking, %(warnings)d points of attention"),
        # The school's name is for screen readers, which read the link out of its row.
        "statement": _('statement (PDF)<span class="sw-visually-hidden"> of %(school)s</span>'),
        "received": _("received %(date)s"),
        "nobody": _("nobody"),
        "select": _("Confirm receipt of the SOP of %(school)s"),
    }


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


def _due_cell(row, words) -> str:
    badge = ""
    if row.late:
        late = words["check_late"] if row.check else words["late"]
        badge = f' <span class="sw-badge sw-badge--late">{late}</span>'
    elif row.soon:
        badge = f' <span class="sw-badge">{words["soon"]}</span>'
    check = f" {words['yearly_check']}" if row.check else ""
    return f"{_e(date_text(row.due_on))}{check}{badge}"


def _check_cell(row, words) -> str:
    if row.check_blocking is None:
        return DASH
    return words["check"] % {"blocking": row.check_blocking, "warnings": row.check_warnings}


def _advice_cell(row, links, words) -> str:
    if not row.advice:
        return DASH
    on = f" ({_e(date_text(row.advice_on))})" if row.advice_on else ""
    statement = (
        '<br><a class="utrecht-link" href="'
        f'{links["statement"].format(row.profile.pk, row.statement_pk)}">'
        f"{words['statement'] % {'school': _e(row.school.name)}}</a>"
        if row.statement_pk
        else ""
    )
    return f"{_e(row.advice)}{on}{statement}"


def _delivered_cell(row, words) -> str:
    received = (
        '<br><span class="sw-muted">'
        f"{words['received'] % {'date': _e(date_text(row.received_on))}}</span>"
        if row.received_on
        else ""
    )
    return f"{_e(date_text(row.delivered_on) or DASH)}{received}"


def _select_cell(row, words) -> str:
    """A checkbox for confirming receipt, on a row whose SOP has been delivered."""
    if row.state != RECEIVABLE_STATE:
        return "    <td></td>\n"
    pk = row.profile.pk
    return (
        f'    <td><input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" '
        f'name="profiles" value="{pk}" id="ontvangst-{pk}">'
        f'<label class="sw-visually-hidden" for="ontvangst-{pk}">'
        f"{words['select'] % {'school': _e(row.school.name)}}</label></td>\n"
    )


def _school_row(row, show_board, links, words, selectable=False) -> str:
    return (
        "  <tr>\n"
        f"{_select_cell(row, words) if selectable else ''}"
        f'    <th scope="row">{_school_cell(row, show_board, links)}</th>\n'
        f"    <td>{_e(row.state_label)}</td>\n"
        f"    <td>{_e(row.actor_label or words['nobody'])}</td>\n"
        f"    <td>{_due_cell(row, words)}</td>\n"
        f'    <td class="sw-num">{row.open_comments if row.profile else DASH}</td>\n'
        f"    <td>{_check_cell(row, words)}</td>\n"
        f"    <td>{_advice_cell(row, links, words)}</td>\n"
        f"    <td>{_e(date_text(row.established_on) or DASH)}</td>\n"
        f"    <td>{_delivered_cell(row, words)}</td>\n"
        "  </tr>"
    )


@register.simple_tag
def overview_rows(rows, show_board=False, selectable=False):
    """The <tr> of every `overview.SchoolRow`; `selectable`: with a first column of checkboxes
    for confirming receipt."""
    links = {
        "route": _url_pattern("profile_route", 1),
        "statement": _url_pattern("transition_statement", 2),
    }
    words = _row_words()
    return mark_safe(
        "\n".join(_school_row(row, show_board, links, words, selectable) for row in rows)
    )


def _listed(values) -> str:
    """As `{{ values|join:", "|default:DASH }}` would be."""
    return ", ".join(_e(v) for v in values) or DASH


UNKNOWN = f"<td>{DASH}</td>"


def _offer_cells(offer, choices, yes, no) -> str:
    # Without an established SOP nothing is known: a dash, not "nee" and 0 hours.
    if not offer.source:
        return UNKNOWN * len(choices) + f'<td class="sw-num">{DASH}</td>'
    return (
        "".join(yes if key in offer.offers else no for key, _label in choices)
        + f'<td class="sw-num">{floatformat(offer.expertise_hours, "-1")}</td>'
    )


@register.simple_tag
def offer_rows(offers, choices):
    """A row per `coverage.SchoolOffer`: its source, "ja"/"nee" per kind of support in
    `choices` ([(key, label)]), hours of expertise and partners."""
    yes = f"<td>{pgettext('offered', 'yes')}</td>"
    no = f'<td><span class="sw-muted">{pgettext("offered", "no")}</span></td>'
    no_sop = _("no established SOP")
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{_e(o.school.name)}</th>'
            f"<td>{_e(o.source or no_sop)}</td>"
            f"{_offer_cells(o, choices, yes, no)}<td>{_listed(o.partners)}</td></tr>"
            for o in offers
        )
    )


def _limit_cells(offer, columns, words) -> str:
    """Per limit field whether the school describes it, or one cell across all `columns`."""
    if not offer.source:
        return f'<td colspan="{len(columns)}">{words["no_sop"]}</td>'
    return "".join(
        words["described"] if filled else words["not_described"]
        for filled in offer.limits_filled.values()
    )


@register.simple_tag
def limit_rows(offers, columns):
    """A row per `coverage.SchoolOffer`: where it describes its limits, and the areas of
    support its "wat kunnen wij niet bieden" names."""
    # Translated outside the f-strings: xgettext does not look inside them.
    described, not_described = _("described"), _("not described")
    words = {
        "no_sop": _("no established SOP"),
        "described": f"<td>{described}</td>",
        "not_described": f'<td><span class="sw-muted">{not_described}</span></td>',
    }
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{_e(o.school.name)}</th><td>{_e(o.area)}</td>'
            f"{_limit_cells(o, columns, words)}<td>{_listed(o.limit_areas)}</td></tr>"
            for o in offers
        )
    )


@register.simple_tag
def matrix_rows(matrix):
    """A row per area of a `coverage.Matrix`: the number of schools per kind of support, a gap
    in words (not only in colour), and the number of gaps."""
    no_school = _("no school")
    gap = f'<td class="sw-num sw-gap"><strong>{no_school}</strong></td>'
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{_e(area)}</th>'
            + "".join(f'<td class="sw-num">{n}</td>' if n else gap for n in counts)
            + f'<td class="sw-num">{len(missing)}</td></tr>'
            for area, counts, missing in matrix.rows
        )
    )

"""Overviews for a board's quality officer and for the partnership's staff.

Every view fetches with permission first (`get_board_for_officer`, `get_partnership_for_staff`,
`AllocationScenario.objects.get_for_user`), then asks the pure-ish modules for its data.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from steunwijzer.core.forms import error_text
from steunwijzer.core.school_year import school_year_of
from steunwijzer.core.uploads import attachment_response
from steunwijzer.organisations.permissions import get_board_for_officer, get_partnership_for_staff
from steunwijzer.route.errors import ForbiddenAction, WrongState
from steunwijzer.route.labels import payload_messages
from steunwijzer.route.payloads import InvalidPayload
from steunwijzer.route.services import profiles_acknowledge
from steunwijzer.steunpunt.services import counts_per_school

from . import tables
from .allocation import AllocationError
from .analysis import (
    distributions,
    diversity_side_by_side,
    ijk_comparison,
    region_figures,
    trends,
)
from .calculation import error_message
from .coverage import (
    OFFER_FIELDS,
    OFFER_SORTS,
    fill_offer_details,
    matrix,
    offer_choices,
    offer_schools,
    offers_shown,
    school_offers,
    search_offers,
)
from .exports import FORMATS, XLSX_TYPE, download
from .forms import AcknowledgeForm, AllocationForm
from .instruments import standard_titles
from .labels import BASES, FACTOR_FIELDS, UNIT_LABELS
from .listing import page_of, search_text, sort_order, sorted_rows
from .models import AllocationScenario
from .overview import (
    OVERVIEW_DEFAULT_SORT,
    OVERVIEW_SORT_CHOICES,
    OVERVIEW_SORTS,
    RECEIVABLE_STATE,
    STATE_FILTERS,
    accepted_filters,
    check_totals,
    detailed_rows,
    filter_choices,
    filter_rows,
    filter_schools,
    offered_filters,
    region_state,
    row_check_totals,
    row_keys,
    school_rows,
    schools_in,
    search_schools,
)
from .report import report_pdf
from .scenarios import (
    comparison,
    compute,
    last_years,
    scenario_save,
    scenario_sheets,
    scenario_xlsx,
)


def _year(request) -> str:
    return school_year_of(timezone.localdate())


def _check_format(fmt):
    if fmt not in FORMATS:
        raise Http404(_("Choose csv or xlsx."))


# --- Board ---------------------------------------------------------------------------------


def _filtered_rows(request, schools, offered) -> tuple[list, dict, list[str]]:
    """The overview rows of these schools under the query's filters, the filter values that
    were accepted, and the notices about those that were left out (`accepted_filters`)."""
    values, notices = accepted_filters(request.GET, offered)
    rows = school_rows(filter_schools(schools, values), _year(request), timezone.localdate())
    rows = filter_rows(rows, state=values.get("status", ""), late=request.GET.get("te_laat", ""))
    return rows, values, notices


@login_required
def board_overview(request, board_id):
    board = get_board_for_officer(request, board_id)
    rows, values, notices = _filtered_rows(request, schools_in(board=board), offered_filters())
    return render(
        request,
        "dashboards/board_overview.html",
        {
            "board": board,
            "rows": rows,
            "school_year": _year(request),
            "states": STATE_FILTERS,
            "status": values.get("status", ""),
            "te_laat": request.GET.get("te_laat", ""),
            "filter_notices": notices,
            "late_count": sum(r.late for r in rows),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def board_overview_export(request, board_id, fmt):
    board = get_board_for_officer(request, board_id)
    _check_format(fmt)
    rows, _values, _notices = _filtered_rows(request, schools_in(board=board), offered_filters())
    sheet = tables.overview_sheet(
        _("Board overview %(board)s %(school_year)s")
        % {"board": board.name, "school_year": _year(request)},
        rows,
    )
    return download(f"bestuursoverzicht-{board.pk}-{_year(request)}", fmt, [sheet])


def _board_analysis(request, board):
    year = _year(request)
    schools = list(schools_in(board=board))
    region_ids = list(schools_in(partnership=board.partnership).values_list("pk", flat=True))
    choices = offer_choices(board.partnership)
    return {
        "board": board,
        "school_year": year,
        "ijk": ijk_comparison(schools, region_ids, year, standard_titles(board.partnership)),
        "diversity": diversity_side_by_side(schools, year),
        "offers": school_offers(schools, choices),
        "choices": choices,
    }


@login_required
def board_analysis(request, board_id):
    board = get_board_for_officer(request, board_id)
    return render(request, "dashboards/board_analysis.html", _board_analysis(request, board))


@login_required
def board_analysis_export(request, board_id, fmt):
    board = get_board_for_officer(request, board_id)
    _check_format(fmt)
    data = _board_analysis(request, board)
    return download(f"analyse-{board.pk}-{data['school_year']}", fmt, tables.analysis_sheets(data))


# --- Allocation (board and partnership) ------------------------------------------------------


def _allocation_page(request, *, partnership, board, schools, owner_name):
    year = _year(request)
    inputs, errors, result = None, {}, None
    if request.method == "POST" or "total" in request.GET:
        form = AllocationForm(request.POST if request.method == "POST" else request.GET)
        inputs = form.cleaned_data["inputs"] if form.is_valid() else None
        errors = {name: problems[0] for name, problems in form.errors.items()}
        if inputs is not None:
            try:
                _allocation, result = compute(schools, year, inputs)
            except AllocationError as exc:
                errors["total"] = error_message(exc)
        # "Bereken" posts too (a GET form would put the CSRF token in the address) but only
        # "Bereken en bewaar" saves.
        if result is not None and request.method == "POST" and not form.cleaned_data["preview"]:
            scenario = scenario_save(
                partnership=partnership,
                board=board,
                school_year=year,
                inputs=inputs,
                result=result,
                user=request.user,
                today=timezone.localdate(),
            )
            messages.success(
                request, _("The allocation “%(name)s” has been saved.") % {"name": scenario.name}
            )
            return redirect("allocation_scenario", pk=scenario.pk)
    scenarios = AllocationScenario.objects.of_owner(partnership=partnership, board=board)
    return render(
        request,
        "dashboards/allocation.html",
        {
            "owner_name": owner_name,
            "board": board,
            "partnership": partnership,
            "school_year": year,
            "errors": errors,
            "result": result,
            "inputs": inputs,
            "posted": request.POST or request.GET,
            "units": UNIT_LABELS,
            "bases": BASES,
            "factors": [
                (key, label, (request.POST or request.GET).get(key, "1"))
                for key, label in FACTOR_FIELDS.items()
            ],
            "scenarios": scenarios,
        },
        status=422 if errors else 200,
    )


@login_required
def board_allocation(request, board_id):
    board = get_board_for_officer(request, board_id)
    return _allocation_page(
        request,
        partnership=board.partnership,
        board=board,
        schools=list(schools_in(board=board)),
        owner_name=board.name,
    )


@login_required
def partnership_allocation(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    return _allocation_page(
        request,
        partnership=partnership,
        board=None,
        schools=list(schools_in(partnership=partnership)),
        owner_name=partnership.name,
    )


@login_required
def allocation_scenario(request, pk):
    scenario = AllocationScenario.objects.get_for_user(request.user, pk)
    previous = last_years(scenario)
    return render(
        request,
        "dashboards/scenario.html",
        {
            "scenario": scenario,
            "previous": previous,
            "comparison": comparison(scenario, previous),
        },
    )


@login_required
def allocation_scenario_delete(request, pk):
    scenario = AllocationScenario.objects.get_for_user(request.user, pk)
    if request.method != "POST":
        return render(request, "dashboards/scenario_delete.html", {"scenario": scenario})
    back = scenario.get_list_url()
    scenario.delete()
    messages.success(
        request, _("The allocation “%(name)s” has been deleted.") % {"name": scenario.name}
    )
    return redirect(back)


@login_required
def allocation_scenario_export(request, pk, fmt):
    scenario = AllocationScenario.objects.get_for_user(request.user, pk)
    _check_format(fmt)
    name = f"verdeling-{scenario.pk}-{slugify(scenario.name)[:60]}-{scenario.school_year}"
    if fmt == "xlsx":
        return attachment_response(scenario_xlsx(scenario), XLSX_TYPE, f"{name}.xlsx")
    return download(name, fmt, scenario_sheets(scenario))


# --- Partnership ---------------------------------------------------------------------------


def _partnership_rows(request, partnership, choices):
    """The overview's `RowKey`s under the query's filters and search, in the query's order."""
    schools = search_schools(schools_in(partnership=partnership), search_text(request.GET))
    values, notices = accepted_filters(request.GET, offered_filters(choices))
    keys = row_keys(filter_schools(schools, values), _year(request), timezone.localdate())
    keys = filter_rows(keys, state=values.get("status", ""), late=request.GET.get("te_laat", ""))
    order = sort_order(request.GET, OVERVIEW_SORTS, OVERVIEW_DEFAULT_SORT)
    return sorted_rows(keys, OVERVIEW_SORTS, order), values, notices, order


@login_required
def partnership_overview(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    choices = filter_choices(partnership)
    keys, values, notices, order = _partnership_rows(request, partnership, choices)
    page = page_of(keys, request.GET)
    return render(
        request,
        "dashboards/partnership_overview.html",
        {
            "partnership": partnership,
            "rows": detailed_rows(page.object_list, _year(request)),
            "page": page,
            "order": order,
            "sorts": OVERVIEW_SORT_CHOICES,
            "school_year": _year(request),
            **choices,
            "states": STATE_FILTERS,
            # Only the accepted values: a dropped one shows "alle", as the table does.
            "f": {"te_laat": request.GET.get("te_laat", ""), **values},
            "q": search_text(request.GET),
            "filter_notices": notices,
            "late_count": sum(k.late for k in keys),
            "receivable_count": sum(k.state == RECEIVABLE_STATE for k in keys),
            "reminders": tables.reminders(partnership, _year(request), keys),
            # The reminders follow the filter: "none this year" would be untrue under one.
            "filtered": bool(
                search_text(request.GET) or any(values.values()) or request.GET.get("te_laat")
            ),
            "query": request.GET.urlencode(),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def partnership_acknowledge(request, slug):
    """Confirm receipt of the SOPs chosen on the overview: all of them, or none."""
    partnership = get_partnership_for_staff(request, slug)
    form = AcknowledgeForm(request.POST, partnership=partnership)
    if not form.is_valid():
        messages.error(request, error_text(form))
    else:
        try:
            done = profiles_acknowledge(
                profile_ids=[p.pk for p in form.cleaned_data["profiles"]],
                user=request.user,
                received_on=form.cleaned_data["received_on"],
                messages=payload_messages(),
            )
        except (ForbiddenAction, WrongState, InvalidPayload) as exc:
            messages.error(request, _("Nothing has been confirmed: %(reason)s") % {"reason": exc})
        else:
            schools = ", ".join(sorted(t.profile.school.name for t in done))
            messages.success(
                request,
                ngettext(
                    "Receipt confirmed of %(count)s SOP: %(schools)s.",
                    "Receipt confirmed of %(count)s SOPs: %(schools)s.",
                    len(done),
                )
                % {"count": len(done), "schools": schools},
            )
    back = form.back_query() if form.is_valid() else ""
    url = reverse("partnership_overview", args=[partnership.slug])
    return redirect(f"{url}?{back}" if back else url)


@login_required
def partnership_overview_export(request, slug, fmt):
    partnership = get_partnership_for_staff(request, slug)
    _check_format(fmt)
    keys, _values, _notices, _order = _partnership_rows(
        request, partnership, filter_choices(partnership)
    )
    sheets = [
        tables.overview_sheet(
            _("Overview %(partnership)s %(school_year)s")
            % {"partnership": partnership.short_name, "school_year": _year(request)},
            detailed_rows(keys, _year(request)),
        ),
        tables.reminders_sheet(tables.reminders(partnership, _year(request), keys)),
    ]
    return download(f"overzicht-{partnership.slug}-{_year(request)}", fmt, sheets)


def _coverage(request, partnership, *, details: bool = True):
    """The dekkend aanbod; `details=False` leaves the schools' hours of expertise, partners
    and limits out (`coverage.fill_offer_details`): the page shows them for fifty schools."""
    kind = request.GET.get("soort", "extra")
    if kind not in OFFER_FIELDS:
        kind = "extra"
    choices = offer_choices(partnership)
    offers = school_offers(offer_schools(partnership), choices, details=details)
    shown, wanted, notice = offers_shown(choices[kind], kind, request.GET.get("aanbod", ""))
    grid = matrix(offers, shown)
    # The tables per school show the schools of one area, or those whose name is searched.
    area = request.GET.get("gebied", "")
    if area not in grid.areas:
        area = ""
    listed = search_offers(offers, area=area, text=search_text(request.GET))
    order = sort_order(request.GET, OFFER_SORTS, "school")
    return {
        "partnership": partnership,
        "kind": kind,
        "kind_label": OFFER_FIELDS[kind][1],
        "kinds": OFFER_FIELDS,
        "offers": offers,
        "listed": sorted_rows(listed, OFFER_SORTS, order),
        "area": area,
        "q": search_text(request.GET),
        "order": order,
        "matrix": grid,
        "choices": choices[kind],
        "wanted": wanted,
        "notice": notice,
        "limit_fields": tables.LIMIT_LABELS,
        "query": request.GET.urlencode(),
    }


@login_required
def coverage(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    data = _coverage(request, partnership, details=False)
    data["page"] = page_of(data.pop("listed"), request.GET)
    fill_offer_details(data["page"].object_list)
    data["counts"] = counts_per_school(partnership)
    return render(request, "dashboards/coverage.html", data)


@login_required
def coverage_export(request, slug, fmt):
    partnership = get_partnership_for_staff(request, slug)
    _check_format(fmt)
    data = _coverage(request, partnership)
    data["counts"] = counts_per_school(partnership)
    # The year and the chosen offer in the name, so two downloads do not overwrite each other.
    offer = f"-{slugify(data['wanted'])}" if data["wanted"] else ""
    name = f"dekkend-aanbod-{partnership.slug}-{_year(request)}{offer}"
    return download(name, fmt, tables.coverage_sheets(data))


def _partnership_analysis(request, partnership, *, with_rows: bool = False):
    """The analysis's figures; `with_rows` adds a row per school (the export and the PDF
    show them, the page only counts them)."""
    year = _year(request)
    today = timezone.localdate()
    figures = region_figures(partnership, year)
    rows = school_rows(schools_in(partnership=partnership), year, today) if with_rows else None
    # The rows carry their checks: added up, rather than checked again by `check_totals`.
    totals = row_check_totals(rows) if with_rows else check_totals(partnership, year)
    data = {
        "partnership": partnership,
        "school_year": year,
        **region_state(partnership, year, today),
        "distributions": distributions(figures, year, totals),
        "trends": trends(partnership, figures),
        "generated_on": today,
    }
    if with_rows:
        data["rows"] = rows
    return data


@login_required
def partnership_analysis(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    return render(
        request, "dashboards/partnership_analysis.html", _partnership_analysis(request, partnership)
    )


@login_required
def partnership_analysis_export(request, slug, fmt):
    partnership = get_partnership_for_staff(request, slug)
    _check_format(fmt)
    data = _partnership_analysis(request, partnership, with_rows=True)
    return download(
        f"analyse-{partnership.slug}-{data['school_year']}",
        fmt,
        tables.partnership_analysis_sheets(data),
    )


@login_required
def partnership_report_pdf(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    data = _partnership_analysis(request, partnership, with_rows=True)
    # The report shows the matrix of the dekkend aanbod, not the schools' details.
    data["coverage"] = _coverage(request, partnership, details=False)
    return attachment_response(
        report_pdf(data),
        "application/pdf",
        f"jaaranalyse-{partnership.slug}-{data['school_year']}.pdf",
    )

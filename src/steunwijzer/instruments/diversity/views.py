"""The Invulschema pages: the figures, filling in by hand, and importing a pupil export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from steunwijzer.core.forms import error_messages
from steunwijzer.core.problems import ProblemsError
from steunwijzer.core.school_year import (
    is_valid_school_year,
    previous_school_year,
    school_year_of,
)

from . import presentation
from .computation import compute, trend
from .forms import GridForm, ImportConfirmForm, PupilFileForm
from .grid import grid_rows, int_or
from .models import Invulschema, may_edit, school_for_diversity
from .pupil_file import MAX_IMPORT_BYTES, PupilFileError, read_pupil_file, too_large_message
from .sample import SAMPLE_PATH
from .services import invulschema_save, pupil_count_problem, scheme_for


def _year_or_404(school_year):
    if not is_valid_school_year(school_year):
        raise Http404(_("Not a valid school year."))
    return school_year


def _invulschema(school, school_year):
    return (
        Invulschema.objects.filter(school=school, school_year=school_year)
        .select_related("scheme_version", "updated_by")
        .first()
    )


def _figures(scheme, result, before=None, years=None):
    return {
        "scheme": scheme,
        "result": result,
        "rows": presentation.result_rows(scheme, result),
        "shares": presentation.shares(scheme, result),
        "index_chart": presentation.index_chart(scheme, result),
        "category_chart": presentation.category_chart(scheme, result),
        "trend": trend(result, before) if years else None,
        "trend_chart": presentation.trend_chart(scheme, result, before, years) if years else None,
    }


@login_required
def diversity_current(request, brin_code):
    school = school_for_diversity(request.user, brin_code)
    year = school_year_of(timezone.localdate())
    return redirect("diversity_school", brin_code=school.brin_code, school_year=year)


@login_required
def diversity_school(request, brin_code, school_year):
    school = school_for_diversity(request.user, brin_code)
    _year_or_404(school_year)
    invulschema = _invulschema(school, school_year)
    context = {
        "school": school,
        "school_year": school_year,
        "invulschema": invulschema,
        "can_edit": may_edit(request.user, school),
    }
    if invulschema is not None:
        last_year = previous_school_year(school_year)
        before = _invulschema(school, last_year)
        context |= _figures(
            invulschema.scheme,
            invulschema.result,
            before.result if before else None,
            (last_year, school_year),
        )
        context["previous"] = before
    else:
        context["scheme"] = scheme_for(school.board.partnership)
    return render(request, "diversity/school.html", context)


@login_required
def diversity_edit(request, brin_code, school_year):
    school = school_for_diversity(request.user, brin_code, edit=True)
    _year_or_404(school_year)
    invulschema = _invulschema(school, school_year)
    scheme = invulschema.scheme if invulschema else scheme_for(school.board.partnership)
    problems = []
    if request.method == "POST":
        form = GridForm(request.POST, scheme=scheme)
        if not form.is_valid():
            problems = form.problems
        else:
            try:
                invulschema_save(
                    school=school,
                    school_year=school_year,
                    counts=form.cleaned_data["counts"],
                    domain_counts=form.cleaned_data["domain_counts"],
                    user=request.user,
                    update_pupil_count=form.cleaned_data["update_pupil_count"],
                )
            except ProblemsError as exc:
                problems = exc.problems
            else:
                messages.success(request, _("The Invulschema has been saved."))
                return redirect(
                    "diversity_school", brin_code=school.brin_code, school_year=school_year
                )
    rows = grid_rows(
        scheme,
        invulschema,
        request.POST if request.method == "POST" else None,
        extra=int_or(request.GET.get("rijen"), 3),
    )
    return render(
        request,
        "diversity/edit.html",
        {
            "school": school,
            "school_year": school_year,
            "scheme": scheme,
            "rows": rows,
            "problems": problems,
            "pupil_problem": any(p.path == "total" for p in problems),
        },
    )


def _pending_key(school, school_year) -> str:
    return f"diversity-import-{school.pk}-{school_year}"


@csrf_exempt
def diversity_import(request, brin_code, school_year):
    """Upload form and preview. A too large upload is refused on its Content-Length, before
    the body is read or the CSRF check parses it; everything else goes through csrf_protect."""
    if request.method == "POST" and int(request.META.get("CONTENT_LENGTH") or 0) > (
        MAX_IMPORT_BYTES + 64 * 1024
    ):
        return _import_page(
            request,
            brin_code,
            school_year,
            too_large=too_large_message(int(request.META["CONTENT_LENGTH"])),
        )
    return csrf_protect(_import_page)(request, brin_code, school_year)


@login_required
def _import_page(request, brin_code, school_year, too_large=None):
    school = school_for_diversity(request.user, brin_code, edit=True)
    _year_or_404(school_year)
    scheme = scheme_for(school.board.partnership)
    context = {
        "school": school,
        "school_year": school_year,
        "scheme": scheme,
        "problems": [too_large] if too_large else [],
    }
    posted = request.method == "POST" and not too_large
    form = PupilFileForm(request.POST, request.FILES) if posted else None
    if form is not None and not form.is_valid():
        context["problems"] = error_messages(form)
    elif form is not None:
        upload = form.cleaned_data["file"]
        try:
            parsed = read_pupil_file(upload.read(), upload.name, scheme, school.school_type)
        except PupilFileError as exc:
            context["problems"] = exc.messages
        else:
            request.session[_pending_key(school, school_year)] = {
                "counts": parsed.counts,
                "domain_counts": parsed.domain_counts,
                "rows": parsed.rows,
                "filename": upload.name[:200],
            }
            return redirect(
                "diversity_import_confirm", brin_code=school.brin_code, school_year=school_year
            )
    return render(
        request,
        "diversity/import.html",
        context,
        status=413 if too_large else 422 if context["problems"] else 200,
    )


@login_required
def diversity_import_confirm(request, brin_code, school_year):
    school = school_for_diversity(request.user, brin_code, edit=True)
    _year_or_404(school_year)
    pending = request.session.get(_pending_key(school, school_year))
    if pending is None:
        messages.info(request, _("There is no imported file waiting. Choose a file."))
        return redirect("diversity_import", brin_code=school.brin_code, school_year=school_year)
    scheme = scheme_for(school.board.partnership)
    problems = []
    if request.method == "POST":
        form = ImportConfirmForm(request.POST)  # a button and a checkbox: always readable
        if form.is_valid() and form.cleaned_data["cancel"]:
            del request.session[_pending_key(school, school_year)]
            messages.info(request, _("The import has been stopped; nothing has been saved."))
            return redirect("diversity_school", brin_code=school.brin_code, school_year=school_year)
        try:
            invulschema_save(
                school=school,
                school_year=school_year,
                counts=pending["counts"],
                domain_counts=pending["domain_counts"],
                user=request.user,
                source=Invulschema.Source.IMPORT,
                update_pupil_count=form.cleaned_data["update_pupil_count"],
            )
        except ProblemsError as exc:
            problems = exc.problems
        else:
            del request.session[_pending_key(school, school_year)]
            messages.success(
                request, _("%(pupils)s pupils counted and saved.") % {"pupils": pending["rows"]}
            )
            return redirect("diversity_school", brin_code=school.brin_code, school_year=school_year)
    result = compute(scheme, pending["counts"], school_type=school.school_type)
    current = school_year == school_year_of(timezone.localdate())
    return render(
        request,
        "diversity/import_confirm.html",
        {
            "school": school,
            "school_year": school_year,
            "pending": pending,
            "problems": problems,
            "pupil_problem": pupil_count_problem(school, result.pupils) if current else None,
            **_figures(scheme, result),
        },
    )


@login_required
def diversity_sample(request):
    return FileResponse(
        SAMPLE_PATH.open("rb"),
        as_attachment=True,
        filename="voorbeeld-leerlingexport.csv",
        content_type="text/csv; charset=utf-8",
    )

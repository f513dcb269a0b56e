"""API v1: diversity_get, diversity_put and diversity_import (paths and schemas in openapi.py)."""

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from steunwijzer.core.forms import error_text
from steunwijzer.core.json_api import error, json_body, token_required
from steunwijzer.core.problems import ProblemsError
from steunwijzer.core.school_year import is_valid_school_year, school_year_of

from .computation import SchoolResult, compute
from .forms import PupilFileApiForm
from .models import Invulschema, school_for_diversity
from .pupil_file import MAX_IMPORT_BYTES, PupilFileError, read_pupil_file, too_large_message
from .scheme import Scheme
from .services import invulschema_save, pupil_count_problem, scheme_for


def _number(value):
    return None if value is None else round(float(value), 4)


def _result(result: SchoolResult) -> dict:
    return {
        "pupils": result.pupils,
        "points": _number(result.points),
        "index": _number(result.index),
        "groups": [
            {
                "group": g.group,
                "pupils": g.pupils,
                "points": _number(g.points),
                "index": _number(g.index),
                "counts": g.counts,
            }
            for g in result.groups
        ],
        "signals": [
            {"group": s.group, "signal": s.signal_key, "sentence": s.sentence}
            for s in result.signals
        ],
    }


def _scheme(scheme: Scheme) -> dict:
    return {
        "id": scheme.id,
        "version": scheme.version,
        "name": scheme.name,
        "categories": [
            {"key": c.key, "label": c.label, "points": float(c.points)} for c in scheme.categories
        ],
        "domains": [{"key": d.key, "label": d.label} for d in scheme.domains],
    }


def _detail(invulschema: Invulschema) -> dict:
    school = invulschema.school
    return {
        "school": {"brin": school.brin, "vestiging": school.vestiging, "name": school.name},
        "school_year": invulschema.school_year,
        "version": invulschema.version,
        "source": invulschema.source,
        "updated_at": invulschema.updated_at.isoformat(),
        "scheme": _scheme(invulschema.scheme),
        "counts": invulschema.counts,
        "domain_counts": invulschema.domain_counts,
        "result": _result(invulschema.result),
    }


def _problems(problems) -> list[dict]:
    return [{"path": p.path, "message": p.message} for p in problems]


def _year_error(school_year):
    if not is_valid_school_year(school_year):
        return error(404, "Geen geldig schooljaar; schrijf het als 2026-2027.")
    return None


@require_http_methods(["GET", "PUT"])
@token_required
def diversity(request, brin_code, school_year):
    school = school_for_diversity(request.user, brin_code, edit=request.method == "PUT")
    if response := _year_error(school_year):
        return response
    if request.method == "PUT":
        body = json_body(request)
        if isinstance(body, JsonResponse):
            return body
        try:
            invulschema_save(
                school=school,
                school_year=school_year,
                counts=body.get("counts"),
                domain_counts=body.get("domain_counts") or {},
                user=request.user,
                source=Invulschema.Source.API,
                update_pupil_count=body.get("update_pupil_count") is True,
            )
        except ProblemsError as exc:
            return error(
                422, "De aantallen zijn niet opgeslagen.", problems=_problems(exc.problems)
            )
    invulschema = (
        Invulschema.objects.filter(school=school, school_year=school_year)
        .select_related("school", "scheme_version")
        .first()
    )
    if invulschema is None:
        return error(404, f"Er is nog geen Invulschema voor {school_year}.")
    return JsonResponse(_detail(invulschema))


@require_POST
@token_required
def diversity_import(request, brin_code, school_year):
    """Without confirm=true: the preview, nothing stored. With it: the counts are stored."""
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > MAX_IMPORT_BYTES + 64 * 1024:
        return error(413, too_large_message(length))
    school = school_for_diversity(request.user, brin_code, edit=True)
    if response := _year_error(school_year):
        return response
    form = PupilFileApiForm(request.POST, request.FILES)
    if not form.is_valid():
        if form.too_large():
            return error(413, error_text(form))
        return error(
            422,
            "Stuur het bestand mee als multipart-veld 'file'.",
            problems=[{"path": "file", "message": "verplicht"}],
        )
    upload = form.cleaned_data["file"]
    scheme = scheme_for(school.board.partnership)
    try:
        parsed = read_pupil_file(upload.read(), upload.name, scheme, school.school_type)
    except PupilFileError as exc:
        problems = [
            {"path": p.path, "row": p.row, "column": p.column, "message": str(p)}
            for p in exc.problems
        ]
        return error(
            422,
            "Het bestand is niet ingelezen; er is niets opgeslagen.",
            problems=problems,
            more_problems=exc.more,
        )
    update = form.cleaned_data["update_pupil_count"]
    if not form.cleaned_data["confirm"]:
        current = school_year == school_year_of(timezone.localdate())
        mismatch = pupil_count_problem(school, parsed.total) if current and not update else None
        return JsonResponse(
            {
                "confirmed": False,
                "rows": parsed.rows,
                "counts": parsed.counts,
                "domain_counts": parsed.domain_counts,
                "result": _result(compute(scheme, parsed.counts)),
                "warnings": _problems([mismatch]) if mismatch else [],
            }
        )
    try:
        invulschema = invulschema_save(
            school=school,
            school_year=school_year,
            counts=parsed.counts,
            domain_counts=parsed.domain_counts,
            user=request.user,
            source=Invulschema.Source.IMPORT,
            update_pupil_count=update,
        )
    except ProblemsError as exc:
        return error(422, "De aantallen zijn niet opgeslagen.", problems=_problems(exc.problems))
    return JsonResponse({"confirmed": True, "rows": parsed.rows, **_detail(invulschema)})

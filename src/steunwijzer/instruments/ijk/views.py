"""Pages of the IJK self-evaluation, its result and the Kijkwijzer observations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from steunwijzer.core.school_year import school_year_of
from steunwijzer.core.uploads import attachment_response

from .access import observation_for, school_for
from .forms import (
    EvaluationForm,
    ObservationForm,
    PeerForm,
    ScoreForm,
    int_or_none,
)
from .models import (
    IndicatorScore,
    Observation,
    PeerObserver,
    may_assign_peers,
    may_edit,
    may_observe,
    may_read,
    observable_schools,
    peer_candidates,
)
from .result import alternatives, ijk_result
from .rules import ScoreError
from .services import catalogue_for, evaluation_for, observation_record, peer_assign, scores_save


@login_required
def ijk_current(request, school_id):
    year = school_year_of(timezone.localdate())
    return redirect("ijk_evaluation", school_id=school_id, school_year=year)


@login_required
@require_http_methods(["GET", "POST"])
def ijk_evaluation(request, school_id, school_year):
    """The whole IJK as one form: the editors save every changed indicator at once."""
    if request.method == "POST":
        return _evaluation_save(request, school_id, school_year)
    school = school_for(request.user, school_id, school_year)
    return _evaluation_page(request, school, school_year, opened=request.GET.getlist("open"))


def _evaluation_save(request, school_id, school_year):
    school = school_for(request.user, school_id, school_year, edit=True)
    evaluation = evaluation_for(school, school_year)
    version = evaluation.catalogue if evaluation else catalogue_for(school.board.partnership)
    stored = {s.indicator: s for s in evaluation.scores.defer("content")} if evaluation else {}
    form = EvaluationForm(request.POST, request.FILES, codes=version.catalogue.indicators)
    errors = form.problems()
    scores = {}
    if not errors:
        scores, files, remove = form.changes(stored)
        try:
            if scores:
                scores_save(
                    school=school,
                    school_year=school_year,
                    user=request.user,
                    scores=scores,
                    files=files,
                    remove_files=remove,
                )
        except ScoreError as exc:
            errors = _problems_by_indicator(exc)
    if errors:
        return _evaluation_page(request, school, school_year, errors, form.posted(), status=422)
    saved = len(scores)
    if saved:
        messages.success(
            request,
            ngettext("%(count)d indicator saved.", "%(count)d indicators saved.", saved)
            % {"count": saved},
        )
    else:
        messages.info(request, _("Nothing had changed; nothing was saved."))
    # Back to the page with the domains the editor worked in still open.
    worked = _groups_of(version.catalogue, scores)
    url = reverse("ijk_evaluation", args=[school.pk, school_year])
    return redirect(f"{url}?{urlencode({'open': worked}, doseq=True)}" if worked else url)


def _groups_of(catalogue, codes) -> list[str]:
    return [
        group.key
        for group in catalogue.groups
        if any(i.code in codes for standard in group.standards for i in standard.indicators)
    ]


def _problems_by_indicator(exc: ScoreError) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for problem in exc.problems:
        # "scores.OP1.explanation"; an unknown indicator has no field ("scores.OP9").
        _scores, code, *field = problem.path.split(".")
        found.setdefault(code, {})[field[0] if field else "score"] = problem.message
    return found


def _evaluation_page(request, school, school_year, errors=None, posted=None, status=200, opened=()):
    evaluation = evaluation_for(school, school_year)
    can_edit = may_edit(request.user, school)
    if evaluation is not None:
        catalogue = evaluation.catalogue.catalogue
    else:
        catalogue = catalogue_for(school.board.partnership).catalogue if can_edit else None
    stored = {s.indicator: s for s in evaluation.scores.defer("content")} if evaluation else {}
    errors = errors or {}
    groups = _indicator_rows(catalogue, stored, errors, posted or {}, opened) if catalogue else []
    context = {
        "school": school,
        "school_year": school_year,
        "evaluation": evaluation,
        "catalogue": catalogue,
        "can_edit": can_edit,
        "groups": groups,
        "refused": [row["indicator"] for g in groups for row in g["rows"] if row["errors"]],
        "scored": len(stored),
        "total": len(catalogue.indicators) if catalogue else 0,
    }
    return render(request, "ijk/evaluation.html", context, status=status)


def _indicator_rows(catalogue, stored, errors, posted, opened=()):
    groups = []
    for group in catalogue.groups:
        standards = [
            {
                "standard": standard,
                "indicators": [
                    _indicator_row(catalogue, i, stored.get(i.code), errors, posted)
                    for i in standard.indicators
                ],
            }
            for standard in group.standards
        ]
        rows = [row for s in standards for row in s["indicators"]]
        groups.append(
            {
                "group": group,
                "standards": standards,
                "rows": rows,
                "scored": sum(1 for row in rows if row["stored"]),
                "open": group.key in opened or any(row["errors"] for row in rows),
            }
        )
    # Folded per domain: open where something was refused or just saved; on a first visit of
    # an unfinished IJK, where the work goes on.
    if not opened and not any(g["open"] for g in groups):
        unfinished = [g for g in groups if g["scored"] < len(g["rows"])]
        if unfinished:
            unfinished[0]["open"] = True
    return groups


def _indicator_row(catalogue, indicator, stored, errors, posted):
    given = posted.get(indicator.code)
    return {
        "indicator": indicator,
        "stored": stored,
        "errors": errors.get(indicator.code, {}),
        "score": int_or_none(given["score"]) if given else getattr(stored, "score", None),
        "explanation": given["explanation"] if given else getattr(stored, "explanation", ""),
        "evidence_url": given["evidence_url"] if given else getattr(stored, "evidence_url", ""),
        "scale": catalogue.scale,
        "extreme_label": alternatives([catalogue.scale[0].label, catalogue.scale[-1].label]),
    }


@login_required
@require_POST
def ijk_score(request, school_id, school_year, code):
    """Save one indicator; htmx gets the indicator back, a plain form post the whole page."""
    school = school_for(request.user, school_id, school_year, edit=True)
    evaluation = evaluation_for(school, school_year)
    version = evaluation.catalogue if evaluation else catalogue_for(school.board.partnership)
    if code not in version.catalogue.indicators:
        raise Http404(
            _("Indicator %(code)s is not in %(catalogue)s.")
            % {"code": code, "catalogue": version.name}
        )
    form = ScoreForm(request.POST, request.FILES)
    errors = {name: " ".join(problems) for name, problems in form.errors.items()}
    if not errors:
        evidence = form.cleaned_data["evidence"]
        remove = form.cleaned_data["remove_evidence"]
        try:
            scores_save(
                school=school,
                school_year=school_year,
                user=request.user,
                scores={code: form.score_input()},
                files={code: evidence} if evidence else {},
                remove_files=frozenset({code}) if remove else frozenset(),
            )
        except ScoreError as exc:
            errors = {p.path.rsplit(".", 1)[-1]: p.message for p in exc.problems}
    if errors:
        posted = {code: form.posted()}
        if request.headers.get("HX-Request"):
            return _indicator_partial(request, school, school_year, code, errors, posted)
        return _evaluation_page(request, school, school_year, {code: errors}, posted, status=422)
    if request.headers.get("HX-Request"):
        return _indicator_partial(request, school, school_year, code, saved=True)
    messages.success(request, _("Score for %(code)s saved.") % {"code": code})
    url = reverse("ijk_evaluation", args=[school.pk, school_year])
    return redirect(f"{url}#ind-{code}")


def _indicator_partial(request, school, school_year, code, errors=None, posted=None, saved=False):
    evaluation = evaluation_for(school, school_year, create=True)
    catalogue = evaluation.catalogue.catalogue
    stored = evaluation.scores.defer("content").filter(indicator=code).first()
    # The view checked the code against this catalogue before saving.
    row = _indicator_row(
        catalogue, catalogue.indicators[code], stored, {code: errors or {}}, posted or {}
    )
    return render(
        request,
        "ijk/_indicator_response.html",
        {
            "row": row,
            "school": school,
            "school_year": school_year,
            "can_edit": True,
            "saved": saved,
            "scored": evaluation.scores.count(),
            "total": len(catalogue.indicators),
        },
    )


@login_required
def ijk_result_view(request, school_id, school_year):
    school = school_for(request.user, school_id, school_year)
    result = ijk_result(school, school_year)
    return render(
        request,
        "ijk/result.html",
        {
            "school": school,
            "school_year": school_year,
            "result": result,
            "can_edit": may_edit(request.user, school),
        },
    )


@login_required
def ijk_observations(request, school_id, school_year):
    school = school_for(request.user, school_id, school_year)
    return _observations_page(request, school, school_year)


def _observations_page(request, school, school_year, peer_error="", status=200):
    can_assign = may_assign_peers(request.user, school)
    return render(
        request,
        "ijk/observations.html",
        {
            "school": school,
            "school_year": school_year,
            "observations": Observation.objects.filter(school=school, school_year=school_year),
            "peers": PeerObserver.objects.filter(school=school, school_year=school_year)
            .select_related("user")
            .order_by("created_at"),
            "can_assign": can_assign,
            "candidates": peer_candidates(school) if can_assign else [],
            "can_observe": may_observe(request.user, school, school_year),
            "peer_error": peer_error,
        },
        status=status,
    )


@login_required
@require_POST
def ijk_peer_assign(request, school_id, school_year):
    school = school_for(request.user, school_id, school_year)
    peer = PeerForm(request.POST).chosen()
    try:
        assignment = peer_assign(
            school=school, school_year=school_year, user=request.user, peer=peer
        )
    except ScoreError as exc:
        return _observations_page(request, school, school_year, exc.problems[0].message, 422)
    messages.success(
        request,
        _("%(colleague)s may now observe.")
        % {"colleague": assignment.user.get_full_name() or assignment.user},
    )
    return redirect("ijk_observations", school_id=school.pk, school_year=school_year)


@login_required
def ijk_observation_new(request, school_id, school_year):
    school = school_for(request.user, school_id, school_year, observe=True)
    errors = {}
    if request.method == "POST":
        form = ObservationForm(request.POST)
        errors = {name: " ".join(problems) for name, problems in form.errors.items()}
        if not errors:
            try:
                observation = observation_record(
                    school=school,
                    school_year=school_year,
                    user=request.user,
                    observed_on=form.cleaned_data["observed_on"],
                    group_name=form.cleaned_data["group_name"],
                    notes=form.notes(),
                    scores=form.scores(),
                )
            except ScoreError as exc:
                errors = {p.path: p.message for p in exc.problems}
            else:
                messages.success(request, _("The observation has been recorded."))
                return redirect("ijk_observation", pk=observation.pk)
    evaluation = evaluation_for(school, school_year)
    version = evaluation.catalogue if evaluation else catalogue_for(school.board.partnership)
    catalogue = version.catalogue
    return render(
        request,
        "ijk/observation_form.html",
        {
            "school": school,
            "school_year": school_year,
            "catalogue": catalogue,
            "items": catalogue.items,
            "indicators": [
                catalogue.indicators[c] for c in catalogue.indicators if c in catalogue.observable
            ],
            "errors": errors,
            "error_list": [
                _("%(item)s: %(message)s") % {"item": path.split(".", 1)[1], "message": message}
                if "." in path
                else message
                for path, message in errors.items()
            ],
            "posted": request.POST,
            "today": timezone.localdate().isoformat(),
        },
        status=422 if errors else 200,
    )


@login_required
def ijk_observation(request, pk):
    observation = observation_for(request.user, pk)
    catalogue = observation.catalogue.catalogue
    return render(
        request,
        "ijk/observation.html",
        {
            "observation": observation,
            "school": observation.school,
            "catalogue": catalogue,
            "items": [(item, observation.notes.get(item.key, "")) for item in catalogue.items],
            "scores": [
                (catalogue.indicators[code], score, catalogue.label(score))
                for code, score in observation.scores.items()
                if code in catalogue.indicators
            ],
            "can_read_school": may_read(request.user, observation.school),
        },
    )


@login_required
def ijk_evidence_file(request, pk):
    row = get_object_or_404(
        IndicatorScore.objects.select_related("evaluation__school__board"), pk=pk
    )
    if not may_read(request.user, row.evaluation.school):
        raise PermissionDenied(_("You have no access to this piece of evidence."))
    if not row.has_file:
        raise PermissionDenied(_("This score has no file."))
    return attachment_response(row.content, row.content_type, row.filename)


@login_required
def ijk_observer_home(request):
    """Where a board's quality officer or an invited peer may observe this school year."""
    year = school_year_of(timezone.localdate())
    return render(
        request,
        "ijk/observer_home.html",
        {"schools": observable_schools(request.user, year), "school_year": year},
    )

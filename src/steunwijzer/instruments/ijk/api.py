"""API operations `ijk_get` and `ijk_put`: a school's IJK self-evaluation for a school year."""

from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

from steunwijzer.core.json_api import error, json_body, token_required
from steunwijzer.core.problems import Problem

from .access import school_by_brin_code, school_for
from .models import may_edit
from .result import ijk_result
from .rules import ScoreError, ScoreInput, group_averages, standard_averages
from .services import catalogue_for, scores_save

SCORE_KEYS = ("score", "explanation", "evidence_url")


@require_http_methods(["GET", "PUT"])
@token_required
def ijk(request, brin_code, school_year):
    school = school_by_brin_code(brin_code)
    if request.method == "PUT":
        return _put(request, school, school_year)
    school = school_for(request.user, school, school_year)
    return JsonResponse(_document(request.user, school, school_year))


def _put(request, school, school_year):
    school = school_for(request.user, school, school_year, edit=True)
    body = json_body(request)
    if isinstance(body, JsonResponse):
        return body
    try:
        scores = _scores_from(body)
        scores_save(school=school, school_year=school_year, user=request.user, scores=scores)
    except ScoreError as exc:
        return error(
            422,
            "Een of meer scores zijn ongeldig; er is niets opgeslagen.",
            problems=[{"path": p.path, "message": p.message} for p in exc.problems],
        )
    return JsonResponse(_document(request.user, school, school_year))


def _scores_from(body: dict) -> dict[str, ScoreInput]:
    """The body's `scores` as ScoreInput per indicator; ScoreError for wrong shapes."""
    problems = [
        Problem(key, "onbekend veld; alleen 'scores' is toegestaan")
        for key in body
        if key != "scores"
    ]
    raw = body.get("scores")
    if not isinstance(raw, dict):
        raise ScoreError(
            [*problems, Problem("scores", "verwacht een object: indicatorcode → score")]
        )
    scores = {}
    for code, entry in raw.items():
        path = f"scores.{code}"
        if not isinstance(entry, dict):
            problems.append(
                Problem(path, "verwacht een object met score, explanation, evidence_url")
            )
            continue
        problems += [
            Problem(f"{path}.{key}", "onbekend veld; toegestaan: " + ", ".join(SCORE_KEYS))
            for key in entry
            if key not in SCORE_KEYS
        ]
        texts = {}
        for key in ("explanation", "evidence_url"):
            value = entry.get(key) or ""
            if not isinstance(value, str):
                problems.append(Problem(f"{path}.{key}", "verwacht tekst"))
                value = ""
            texts[key] = value
        scores[code] = ScoreInput(entry.get("score"), texts["explanation"], texts["evidence_url"])
    if problems:
        raise ScoreError(problems)
    return scores


def _document(user, school, school_year) -> dict:
    result = ijk_result(school, school_year)
    version = (
        result.evaluation.catalogue
        if result.evaluation
        else catalogue_for(school.board.partnership)
    )
    catalogue = version.catalogue
    stored = (
        {s.indicator: s for s in result.evaluation.scores.defer("content")}
        if result.evaluation
        else {}
    )
    return {
        "school": {"brin": school.brin, "vestiging": school.vestiging, "name": school.name},
        "school_year": school_year,
        "catalogue": {
            "id": catalogue.id,
            "version": catalogue.version,
            "name": catalogue.name,
            "scale": [{"score": p.score, "label": p.label} for p in catalogue.scale],
        },
        "can_edit": may_edit(user, school),
        "progress": {"scored": len(stored), "total": len(catalogue.indicators)},
        "scores": {
            code: {
                "standard": row.standard,
                "score": row.score,
                "label": catalogue.label(row.score),
                "explanation": row.explanation,
                "evidence_url": row.evidence_url,
                "evidence_file": row.filename or None,
            }
            for code, row in stored.items()
        },
        "standards": standard_averages(catalogue, result.scores),
        "groups": group_averages(catalogue, result.scores),
        "previous_year": {
            "school_year": result.previous_year,
            "standards": standard_averages(catalogue, result.previous) if result.previous else None,
        },
        "realism": [
            {
                "indicator": row.code,
                "self_score": row.self_score,
                "observed": row.observed,
                "observations": row.observations,
                "flag": row.flag,
            }
            for row in (result.realism() if result.evaluation else [])
        ],
        "summary": result.summary() if result.evaluation else "",
    }

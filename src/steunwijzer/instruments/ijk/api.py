"""API operations `ijk_get` and `ijk_put`: a school's IJK self-evaluation for a school year."""

from typing import Annotated, Literal

from ninja import Body, Path, Router, Schema
from pydantic import ConfigDict, Field, StringConstraints

from steunwijzer.core.json_api import (
    TOKEN_ERRORS,
    AsSent,
    Error,
    SchoolYear,
    ValidationError,
    json_object,
    refused,
)
from steunwijzer.core.problems import Problem
from steunwijzer.organisations.schemas import School, school_ref

from .access import school_by_brin_code, school_for
from .models import may_edit
from .result import ijk_result
from .rules import ScoreError, ScoreInput, group_averages, standard_averages
from .services import catalogue_for, scores_save

SCORE_KEYS = ("score", "explanation", "evidence_url")

# --- schemas (their class names are the names in the OpenAPI document) --------------------------


class IjkScoreInput(Schema):
    model_config = ConfigDict(extra="forbid")

    score: int = Field(description="Een punt van de schaal van de catalogus.")
    explanation: str = Field(
        "", max_length=2000, description="Verplicht bij de laagste en de hoogste score."
    )
    evidence_url: str = Field("", max_length=500, json_schema_extra={"format": "uri"})


class IjkUpdate(Schema):
    model_config = ConfigDict(extra="forbid")

    scores: dict[str, IjkScoreInput] = Field(
        description='Indicatorcode → score, bijvoorbeeld {"OP1": {"score": 3}}.'
    )


class IjkScore(Schema):
    standard: str
    score: int
    label: str
    explanation: str
    evidence_url: str
    evidence_file: str | None


class ScalePoint(Schema):
    score: int
    label: str


class IjkCatalogue(Schema):
    id: str
    version: str
    name: str
    scale: list[ScalePoint]


class IjkProgress(Schema):
    scored: int
    total: int


class IjkPreviousYear(Schema):
    school_year: str
    standards: dict[str, float | None] | None


class IjkRealism(Schema):
    indicator: str
    self_score: int | None
    observed: float | None
    observations: int
    flag: Literal["differs", "not_observed"] | None


class Ijk(Schema):
    school: School
    school_year: str
    catalogue: IjkCatalogue
    can_edit: bool
    progress: IjkProgress
    scores: dict[str, IjkScore]
    standards: dict[str, float | None]
    groups: dict[str, float | None]
    previous_year: IjkPreviousYear
    realism: list[IjkRealism]
    summary: str = Field(description="Tekst voor hoofdstuk 2 van het SOP.")


# --- operations ---------------------------------------------------------------------------------

router = Router()
PATH = "/schools/{brin_code}/years/{school_year}/ijk/"
# Looked up, not pattern-matched: an unknown or malformed code is a 404.
BrinCode = AsSent[Annotated[str, StringConstraints(pattern="^[0-9A-Za-z]{4}[0-9]{2}$")]]
BRIN_CODE = Path(example="17XK00", description="BRIN plus vestiging.")
SCHOOL_YEAR = Path(example="2025-2026")


@router.get(
    PATH,
    operation_id="ijk_get",
    url_name="api_ijk",
    summary="IJK-zelfevaluatie: scores, gemiddelden, vorig jaar en realiteitscheck",
    response={200: Ijk, TOKEN_ERRORS: Error},
)
def ijk_get(request, brin_code: BrinCode = BRIN_CODE, school_year: SchoolYear = SCHOOL_YEAR):
    school = school_for(request.user, school_by_brin_code(brin_code), school_year)
    return _document(request.user, school, school_year)


@router.put(
    PATH,
    operation_id="ijk_put",
    url_name="api_ijk",
    summary="Scores zetten (alleen de meegegeven indicatoren; alles of niets)",
    response={200: Ijk, 400: Error, TOKEN_ERRORS: Error, 422: ValidationError},
)
def ijk_put(
    request,
    brin_code: BrinCode = BRIN_CODE,
    school_year: SchoolYear = SCHOOL_YEAR,
    body: AsSent[IjkUpdate] = Body({}),
):
    school = school_for(request.user, school_by_brin_code(brin_code), school_year, edit=True)
    body = json_object(body)
    try:
        scores = _scores_from(body)
        scores_save(school=school, school_year=school_year, user=request.user, scores=scores)
    except ScoreError as exc:
        raise refused(
            "Een of meer scores zijn ongeldig; er is niets opgeslagen.", exc.problems
        ) from exc
    return _document(request.user, school, school_year)


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
        "school": school_ref(school),
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

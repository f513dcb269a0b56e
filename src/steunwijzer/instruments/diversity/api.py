"""API v1: diversity_get, diversity_put and diversity_import, the Invulschema of a school year."""

from typing import Annotated, Literal

from django.utils import timezone
from ninja import Body, Path, Router, Schema
from ninja.files import UploadedFile
from pydantic import Field, NonNegativeInt

from steunwijzer.core.forms import error_text
from steunwijzer.core.json_api import (
    TOKEN_ERRORS,
    ApiError,
    AsSent,
    DateTimeText,
    Error,
    Problem,
    SchoolYear,
    ValidationError,
    json_object,
    problem_list,
    refused,
)
from steunwijzer.core.problems import ProblemsError
from steunwijzer.core.school_year import is_valid_school_year, school_year_of
from steunwijzer.organisations.schemas import BrinCode, School, school_ref

from .computation import SchoolResult, compute
from .forms import PupilFileApiForm
from .models import Invulschema as InvulschemaModel
from .models import school_for_diversity
from .presentation import signal_sentence
from .pupil_file import MAX_IMPORT_BYTES, PupilFileError, read_pupil_file, too_large_message
from .scheme import Scheme
from .services import invulschema_save, pupil_count_problem, scheme_for

# --- schemas (their class names are the names in the OpenAPI document) --------------------------

Counts = Annotated[
    dict[str, dict[str, NonNegativeInt]],
    Field(
        description='Per groep ("6", "5/6", "6a") het aantal leerlingen per sleutel.',
        examples=[{"6": {"geen": 18, "basis": 4, "extra": 5, "tlv": 2}}],
    ),
]


class GroupResult(Schema):
    group: str
    pupils: int
    points: float
    index: float | None
    counts: dict[str, int]


class DiversitySignal(Schema):
    group: str
    signal: str
    sentence: str


class DiversityResult(Schema):
    pupils: int
    points: float
    index: float | None
    groups: list[GroupResult]
    signals: list[DiversitySignal]


class SchemeCategory(Schema):
    key: str
    label: str
    points: float


class SchemeDomain(Schema):
    key: str
    label: str


class DiversityScheme(Schema):
    id: str
    version: str
    name: str
    categories: list[SchemeCategory]
    domains: list[SchemeDomain]


class Invulschema(Schema):
    school: School
    school_year: str
    version: int
    source: Literal["hand", "import", "api"]
    updated_at: DateTimeText
    scheme: DiversityScheme
    counts: Counts
    domain_counts: Counts
    result: DiversityResult


class InvulschemaUpdate(Schema):
    counts: Counts
    domain_counts: Counts = {}
    update_pupil_count: bool = Field(
        False, description="Maak het leerlingaantal van de school gelijk aan het totaal."
    )


class DiversityPreview(Schema):
    confirmed: Literal[False]
    rows: int
    counts: Counts
    domain_counts: Counts
    result: DiversityResult
    warnings: list[Problem]


class ImportConfirmed(Schema):
    confirmed: Literal[True]
    rows: int


# Bases in this order put `confirmed` and `rows` first in the answer, before the Invulschema.
class ImportedInvulschema(Invulschema, ImportConfirmed):
    pass


class DiversityImport(Schema):
    file: UploadedFile
    confirm: Literal["true", "false"] = "false"
    update_pupil_count: Literal["true", "false"] = "false"


# --- operations ---------------------------------------------------------------------------------

# exclude_unset: an answer has exactly the keys the operation gives it.
router = Router(exclude_unset=True)
YEAR = "/schools/{brin_code}/years/{school_year}/diversity/"
BRIN_CODE = Path(description="BRIN plus vestigingsnummer, zoals 17XK00.")
SCHOOL_YEAR = Path(example="2026-2027")


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
            {"group": s.group, "signal": s.signal_key, "sentence": signal_sentence(s)}
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


def _detail(invulschema: InvulschemaModel) -> dict:
    return {
        "school": school_ref(invulschema.school),
        "school_year": invulschema.school_year,
        "version": invulschema.version,
        "source": invulschema.source,
        "updated_at": invulschema.updated_at.isoformat(),
        "scheme": _scheme(invulschema.scheme),
        "counts": invulschema.counts,
        "domain_counts": invulschema.domain_counts,
        "result": _result(invulschema.result),
    }


def _check_year(school_year):
    if not is_valid_school_year(school_year):
        raise ApiError(404, "Geen geldig schooljaar; schrijf het als 2026-2027.")


def _stored(school, school_year) -> dict:
    invulschema = (
        InvulschemaModel.objects.filter(school=school, school_year=school_year)
        .select_related("school", "scheme_version")
        .first()
    )
    if invulschema is None:
        raise ApiError(404, f"Er is nog geen Invulschema voor {school_year}.")
    return _detail(invulschema)


@router.get(
    YEAR,
    operation_id="diversity_get",
    url_name="api_diversity",
    summary="Het Invulschema en de verscheidenheidsindex van een school in een jaar",
    response={200: Invulschema, TOKEN_ERRORS: Error},
)
def diversity_get(request, brin_code: BrinCode = BRIN_CODE, school_year: SchoolYear = SCHOOL_YEAR):
    school = school_for_diversity(request.user, brin_code)
    _check_year(school_year)
    return _stored(school, school_year)


@router.put(
    YEAR,
    operation_id="diversity_put",
    url_name="api_diversity",
    summary="De aantallen per groep en categorie opslaan (vervangt de vorige)",
    response={200: Invulschema, 400: Error, TOKEN_ERRORS: Error, 422: ValidationError},
)
def diversity_put(
    request,
    brin_code: BrinCode = BRIN_CODE,
    school_year: SchoolYear = SCHOOL_YEAR,
    body: AsSent[InvulschemaUpdate] = Body({}),
):
    school = school_for_diversity(request.user, brin_code, edit=True)
    _check_year(school_year)
    body = json_object(body)
    try:
        invulschema_save(
            school=school,
            school_year=school_year,
            counts=body.get("counts"),
            domain_counts=body.get("domain_counts") or {},
            user=request.user,
            source=InvulschemaModel.Source.API,
            update_pupil_count=body.get("update_pupil_count") is True,
        )
    except ProblemsError as exc:
        raise refused("De aantallen zijn niet opgeslagen.", exc.problems) from exc
    return _stored(school, school_year)


# The upload is read by the form inside the operation, after the size and access checks, so
# ninja must not parse it first; the document describes it from DiversityImport.
_UPLOAD = {"multipart/form-data": {"schema": DiversityImport.json_schema()}}


@router.post(
    YEAR + "import/",
    operation_id="diversity_import",
    url_name="api_diversity_import",
    summary="Een leerlingexport (CSV of xlsx) tellen; met confirm=true opslaan",
    description="Zonder confirm het voorbeeld (niets opgeslagen), met confirm=true het "
    "opgeslagen Invulschema.",
    response={
        200: DiversityPreview | ImportedInvulschema,
        TOKEN_ERRORS: Error,
        413: Error,
        422: ValidationError,
    },
    openapi_extra={"requestBody": {"required": True, "content": _UPLOAD}},
)
def diversity_import(
    request, brin_code: BrinCode = BRIN_CODE, school_year: SchoolYear = SCHOOL_YEAR
):
    """Without confirm=true: the preview, nothing stored. With it: the counts are stored."""
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > MAX_IMPORT_BYTES + 64 * 1024:
        raise ApiError(413, too_large_message(length))
    school = school_for_diversity(request.user, brin_code, edit=True)
    _check_year(school_year)
    form = PupilFileApiForm(request.POST, request.FILES)
    if not form.is_valid():
        if form.too_large():
            raise ApiError(413, error_text(form))
        raise ApiError(
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
        raise ApiError(
            422,
            "Het bestand is niet ingelezen; er is niets opgeslagen.",
            problems=problems,
            more_problems=exc.more,
        ) from exc
    update = form.cleaned_data["update_pupil_count"]
    if not form.cleaned_data["confirm"]:
        current = school_year == school_year_of(timezone.localdate())
        mismatch = pupil_count_problem(school, parsed.total) if current and not update else None
        return {
            "confirmed": False,
            "rows": parsed.rows,
            "counts": parsed.counts,
            "domain_counts": parsed.domain_counts,
            "result": _result(compute(scheme, parsed.counts)),
            "warnings": problem_list([mismatch]) if mismatch else [],
        }
    try:
        invulschema = invulschema_save(
            school=school,
            school_year=school_year,
            counts=parsed.counts,
            domain_counts=parsed.domain_counts,
            user=request.user,
            source=InvulschemaModel.Source.IMPORT,
            update_pupil_count=update,
        )
    except ProblemsError as exc:
        raise refused("De aantallen zijn niet opgeslagen.", exc.problems) from exc
    return {"confirmed": True, "rows": parsed.rows, **_detail(invulschema)}

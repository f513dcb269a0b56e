"""The profile operations of API v1: profiles_list, profile_get, profile_update, profile_diff,
profile_transition, profile_history, profile_check and profile_import. They sit in the top
layer because a profile's answer names the route's next steps and the SOP-check's findings."""

from django.utils import translation
from ninja import Body, Query, Router
from pydantic import NonNegativeInt

from steunwijzer.core.forms import error_text
from steunwijzer.core.json_api import (
    TOKEN_ERRORS,
    ApiError,
    AsSent,
    Error,
    ValidationError,
    json_object,
    refused,
)
from steunwijzer.organisations.schemas import school_ref
from steunwijzer.profiles import services as profile_services
from steunwijzer.profiles.answers import AnswerError, answers_as_html, answers_from_html
from steunwijzer.profiles.comparisons import UnknownRevision, compare
from steunwijzer.profiles.forms import OldSopApiForm
from steunwijzer.profiles.models import Profile, Revision
from steunwijzer.profiles.own_document import own_document_of
from steunwijzer.profiles.word_import import (
    MAX_IMPORT_BYTES,
    ImportRefused,
    profile_for_import,
    read_old_sop,
    reason_text,
)
from steunwijzer.quality_check.report import check_profile
from steunwijzer.route import services as route_services
from steunwijzer.route.lifecycle import allowed_actions
from steunwijzer.route.payloads import InvalidPayload

from . import schemas

# exclude_unset: an answer has exactly the keys the operation gives it (a regional profile has
# no `own_document` at all).
router = Router(exclude_unset=True)
PROFILE = "/profiles/{int:id}/"


def _summary(profile: Profile) -> dict:
    return {
        "id": profile.pk,
        "school": school_ref(profile.school),
        "school_year": profile.school_year,
        "state": profile.state,
        "version": profile.version,
        "updated_at": profile.updated_at.isoformat(),
    }


def _save(profile, user, base_version, changes, reason) -> None:
    """Save answers on the version the client read, as the API's operations answer a refusal
    (409 stale, 422 invalid); the profile is read again after."""
    try:
        profile_services.profile_update(
            profile_id=profile.pk,
            user=user,
            base_version=base_version,
            changes=changes,
            reason=reason,
            allow_merge=False,
        )
    except profile_services.StaleVersion as exc:
        raise _stale(exc, user) from exc
    except AnswerError as exc:
        raise refused("Een of meer antwoorden zijn ongeldig.", exc.problems) from exc
    profile.refresh_from_db()


def _stale(exc, user) -> ApiError:
    """409: someone saved the profile since the version the client read."""
    return ApiError(
        409,
        f"Dit profiel is intussen gewijzigd; de huidige versie is {exc.profile.version}. "
        "Haal de nieuwe versie op en probeer het opnieuw.",
        current_version=exc.profile.version,
        profile=_detail(exc.profile, user),
    )


def _detail(profile: Profile, user) -> dict:
    fv = profile.format_version
    return {
        **_summary(profile),
        "format": {"id": fv.format_id, "version": fv.version, "name": fv.name},
        "answers": answers_as_html(profile.sop_format, profile.answers),
        "allowed_actions": allowed_actions(profile, user),
        "kind": profile.kind,
        **({"own_document": _own_document(profile)} if profile.is_own_model else {}),
    }


def _own_document(profile: Profile) -> dict | None:
    document = own_document_of(profile)
    if document is None:
        return None
    return {
        "filename": document.filename,
        "content_type": document.content_type,
        "size": document.size,
        "locations": document.locations,
    }


@router.get(
    "/profiles/",
    operation_id="profiles_list",
    url_name="api_profiles_list",
    summary="Profielen die u mag zien",
    response={200: schemas.ProfileList, 401: Error},
)
def profiles_list(request, school_year: str = "", brin: str = ""):
    profiles = Profile.objects.visible_to(request.user).select_related("school")
    if school_year:
        profiles = profiles.filter(school_year=school_year)
    if brin:
        profiles = profiles.filter(school__brin=brin.upper())
    return {"profiles": [_summary(p) for p in profiles]}


@router.get(
    PROFILE,
    operation_id="profile_get",
    url_name="api_profile",
    summary="Eén profiel met modelversie, antwoorden, status en versie",
    response={200: schemas.Profile, TOKEN_ERRORS: Error},
)
def profile_get(request, id: int):
    return _detail(Profile.objects.get_for_user(request.user, id), request.user)


@router.patch(
    PROFILE,
    operation_id="profile_update",
    url_name="api_profile",
    summary="Antwoorden wijzigen",
    response={
        200: schemas.Profile,
        400: Error,
        TOKEN_ERRORS: Error,
        409: schemas.Conflict,
        422: ValidationError,
    },
)
def profile_update(request, id: int, body: AsSent[schemas.ProfileUpdate] = Body({})):
    profile = Profile.objects.get_for_user(request.user, id, edit=True)
    body = json_object(body)
    base_version = body.get("base_version")
    if not isinstance(base_version, int) or isinstance(base_version, bool):
        raise ApiError(
            422,
            "base_version ontbreekt of is geen geheel getal.",
            problems=[{"path": "base_version", "message": "verplicht geheel getal"}],
        )
    _save(
        profile,
        request.user,
        base_version,
        answers_from_html(profile.sop_format, body.get("answers", {})),
        Revision.Reason.API,
    )
    return _detail(profile, request.user)


def _transition(t) -> dict:
    return {
        "id": t.pk,
        "action": t.action,
        "from_state": t.from_state,
        "to_state": t.to_state,
        "version": t.version,
        "actor": t.actor_name,
        "at": t.created_at.isoformat(),
        "payload": t.payload,
    }


@router.post(
    PROFILE + "transitions/",
    operation_id="profile_transition",
    url_name="api_profile_transition",
    summary="Een stap in de route zetten (advies vragen, vaststellen, …)",
    response={
        200: schemas.TransitionTaken,
        400: Error,
        TOKEN_ERRORS: Error,
        409: Error,
        422: ValidationError,
    },
)
def profile_transition(request, id: int, body: AsSent[schemas.TransitionRequest] = Body({})):
    profile = Profile.objects.get_for_user(request.user, id)
    body = json_object(body)
    action = body.get("action")
    if not isinstance(action, str) or not action:
        raise ApiError(
            422,
            "Geef de handeling mee in 'action'.",
            problems=[{"path": "action", "message": "verplicht"}],
        )
    try:
        record = route_services.profile_transition(
            profile_id=profile.pk,
            user=request.user,
            action=action,
            payload=body.get("payload") or {},
        )
    except route_services.ForbiddenAction as exc:
        raise ApiError(403, str(exc)) from exc
    except route_services.WrongState as exc:
        profile.refresh_from_db()
        raise ApiError(409, str(exc), state=profile.state) from exc
    except InvalidPayload as exc:
        raise refused(
            "De gegevens bij deze stap zijn niet compleet of ongeldig.", exc.problems
        ) from exc
    profile.refresh_from_db()
    return {"transition": _transition(record), "profile": _detail(profile, request.user)}


@router.get(
    PROFILE + "history/",
    operation_id="profile_history",
    url_name="api_profile_history",
    summary="Tijdlijn van stappen en alle opgeslagen versies",
    response={200: schemas.History, TOKEN_ERRORS: Error},
)
def profile_history(request, id: int):
    profile = Profile.objects.get_for_user(request.user, id)
    revisions = profile.revisions.defer("answers")
    return {
        "transitions": [_transition(t) for t in profile.transitions.defer("attachment")],
        "revisions": [
            {
                "number": r.number,
                "at": r.created_at.isoformat(),
                "author": r.author_name,
                "reason": r.reason,
                "changed_fields": r.changed_fields,
            }
            for r in revisions
        ],
    }


# compare() reads the version numbers and says in Dutch what is wrong with them.
Version = AsSent[NonNegativeInt]


@router.get(
    PROFILE + "diff/",
    operation_id="profile_diff",
    url_name="api_profile_diff",
    summary="Verschillen tussen twee versies, per veld en per woord",
    response={200: schemas.ProfileDiff, TOKEN_ERRORS: Error, 422: Error},
    by_alias=True,
)
def profile_diff(
    request,
    id: int,
    from_: Version = Query(
        None,
        alias="from",
        description="De oude versie, bijvoorbeeld die waarover de MR adviseerde.",
    ),
    to: Version = Query(
        None, description="De nieuwe versie; de huidige is `version` van het profiel."
    ),
):
    profile = Profile.objects.get_for_user(request.user, id)
    try:
        comparison = compare(profile, from_, to)
    except UnknownRevision as exc:
        raise ApiError(422, str(exc)) from exc
    fields = [
        {
            "chapter": d.chapter_key,
            "field": d.field_key,
            "label": d.label,
            "status": d.status,
            "segments": [{"op": op, "text": text} for op, text in d.segments],
        }
        for d in comparison.fields
    ]
    return {"from": comparison.old.number, "to": comparison.new.number, "fields": fields}


@router.get(
    PROFILE + "check/",
    operation_id="profile_check",
    url_name="api_profile_check",
    summary="SOP-check: compleet, concreet, leesbaar, bondig, eigen",
    response={200: schemas.CheckReport, TOKEN_ERRORS: Error},
)
def profile_check(request, id: int):
    profile = Profile.objects.get_for_user(request.user, id)
    report = check_profile(profile)
    return {"id": profile.pk, "version": profile.version, **report.as_dict()}


# The upload is read by the form inside the operation, after the size and access checks, so
# ninja must not parse it first; the document describes it from ProfileImport.
_UPLOAD = {"multipart/form-data": {"schema": schemas.ProfileImport.json_schema()}}


def _import_preview(profile: Profile, matching) -> dict:
    sop_format = profile.sop_format
    parts = matching.parts
    return {
        "confirmed": False,
        "base_version": profile.version,
        "suggestions": [
            {
                "field": s.field_key,
                "label": sop_format.field(s.field_key).label,
                "chapter": sop_format.chapter_of(s.field_key).heading,
                "heading": parts[s.part].heading,
                "reason": reason_text(matching, s),
                "score": s.score,
                "text": s.text,
                "max_length": s.max_length,
                "too_long": s.too_long,
            }
            for s in matching.suggestions
        ],
        "fixed_texts": [
            {"key": f.key, "title": f.title, "heading": parts[f.part].heading}
            for f in matching.fixed_texts
        ],
        "unplaced": [
            {"heading": parts[i].heading, "text": "\n\n".join(parts[i].paragraphs)}
            for i in matching.unplaced
        ],
    }


@router.post(
    PROFILE + "import/",
    operation_id="profile_import",
    url_name="api_profile_import",
    summary="Een vorig SOP (.docx) over de velden verdelen; met confirm=true invullen",
    description="Zonder confirm het voorstel (niets opgeslagen). Met confirm=true worden de "
    "voorgestelde velden die passen ingevuld, in één versie die op de versiepagina terug te "
    "zetten is; vaste teksten van het model worden niet overgenomen.",
    response={
        200: schemas.ProfileImportPreview | schemas.ProfileImported,
        TOKEN_ERRORS: Error,
        409: schemas.Conflict,
        413: Error,
        422: ValidationError,
    },
    openapi_extra={"requestBody": {"required": True, "content": _UPLOAD}},
)
def profile_import(request, id: int):
    """Without confirm=true: the suggestions, nothing stored. With it: the fields filled."""
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > MAX_IMPORT_BYTES + 64 * 1024:
        raise ApiError(413, "Het bestand is te groot; er kan ten hoogste 10 MB worden ingelezen.")
    # The error bodies are Dutch whatever language is active (docs/localisation.md).
    with translation.override("nl"):
        profile = profile_for_import(request.user, id)
        form = OldSopApiForm(request.POST, request.FILES)
        if not form.is_valid():
            raise ApiError(
                422,
                "Stuur het bestand mee als multipart-veld 'file'.",
                problems=[{"path": "file", "message": error_text(form)}],
            )
        try:
            matching = read_old_sop(form.cleaned_data["file"], profile)
        except ImportRefused as exc:
            if exc.too_large:
                raise ApiError(413, str(exc)) from exc
            raise ApiError(
                422,
                "Het bestand is niet ingelezen; er is niets opgeslagen.",
                problems=[{"path": "file", "message": str(exc)}],
            ) from exc
    if not form.cleaned_data["confirm"]:
        return _import_preview(profile, matching)
    changes = {s.field_key: s.text for s in matching.suggestions if not s.too_long}
    if not changes:
        raise ApiError(
            422, "Geen deel van het oude SOP past in een veld; er is niets ingevuld.", problems=[]
        )
    _save(profile, request.user, profile.version, changes, Revision.Reason.IMPORT)
    too_long = [s.field_key for s in matching.suggestions if s.too_long]
    return {
        "confirmed": True,
        "filled": list(changes),
        "too_long": too_long,
        **_detail(profile, request.user),
    }

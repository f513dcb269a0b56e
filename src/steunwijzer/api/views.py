"""JSON API v1. Every operation is listed, with its operationId, in openapi.py."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from steunwijzer.core.json_api import error, json_body, token_required
from steunwijzer.profiles.answers import AnswerError, answers_as_html, answers_from_html
from steunwijzer.profiles.comparisons import UnknownRevision, compare
from steunwijzer.profiles.models import Profile, Revision
from steunwijzer.profiles.own_document import own_document_of
from steunwijzer.profiles.services import StaleVersion, profile_update
from steunwijzer.quality_check.report import check_profile
from steunwijzer.route import services as route_services
from steunwijzer.route.lifecycle import allowed_actions
from steunwijzer.route.payloads import InvalidPayload

from .openapi import openapi_document


def _summary(profile: Profile) -> dict:
    school = profile.school
    return {
        "id": profile.pk,
        "school": {"brin": school.brin, "vestiging": school.vestiging, "name": school.name},
        "school_year": profile.school_year,
        "state": profile.state,
        "version": profile.version,
        "updated_at": profile.updated_at.isoformat(),
    }


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


@require_GET
@token_required
def profiles_list(request):
    profiles = Profile.objects.visible_to(request.user).select_related("school")
    if school_year := request.GET.get("school_year"):
        profiles = profiles.filter(school_year=school_year)
    if brin := request.GET.get("brin"):
        profiles = profiles.filter(school__brin=brin.upper())
    return JsonResponse({"profiles": [_summary(p) for p in profiles]})


@require_http_methods(["GET", "PATCH"])
@token_required
def profile(request, pk):
    if request.method == "PATCH":
        return _profile_update(request, pk)
    return JsonResponse(_detail(Profile.objects.get_for_user(request.user, pk), request.user))


def _profile_update(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk, edit=True)
    body = json_body(request)
    if isinstance(body, JsonResponse):
        return body
    base_version = body.get("base_version")
    if not isinstance(base_version, int) or isinstance(base_version, bool):
        return error(
            422,
            "base_version ontbreekt of is geen geheel getal.",
            problems=[{"path": "base_version", "message": "verplicht geheel getal"}],
        )
    try:
        profile_update(
            profile_id=profile.pk,
            user=request.user,
            base_version=base_version,
            changes=answers_from_html(profile.sop_format, body.get("answers", {})),
            reason=Revision.Reason.API,
            allow_merge=False,
        )
    except StaleVersion as exc:
        return error(
            409,
            f"Dit profiel is intussen gewijzigd; de huidige versie is {exc.profile.version}. "
            "Haal de nieuwe versie op en probeer het opnieuw.",
            current_version=exc.profile.version,
            profile=_detail(exc.profile, request.user),
        )
    except AnswerError as exc:
        return error(
            422,
            "Een of meer antwoorden zijn ongeldig.",
            problems=[{"path": p.path, "message": p.message} for p in exc.problems],
        )
    profile.refresh_from_db()
    return JsonResponse(_detail(profile, request.user))


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


@require_POST
@token_required
def profile_transition(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    body = json_body(request)
    if isinstance(body, JsonResponse):
        return body
    action = body.get("action")
    if not isinstance(action, str) or not action:
        return error(
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
        return error(403, str(exc))
    except route_services.WrongState as exc:
        profile.refresh_from_db()
        return error(409, str(exc), state=profile.state)
    except InvalidPayload as exc:
        return error(
            422,
            "De gegevens bij deze stap zijn niet compleet of ongeldig.",
            problems=[{"path": p.path, "message": p.message} for p in exc.problems],
        )
    profile.refresh_from_db()
    return JsonResponse(
        {"transition": _transition(record), "profile": _detail(profile, request.user)}
    )


@require_GET
@token_required
def profile_history(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    revisions = profile.revisions.defer("answers")
    return JsonResponse(
        {
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
    )


@require_GET
@token_required
def profile_diff(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    try:
        comparison = compare(profile, request.GET.get("from"), request.GET.get("to"))
    except UnknownRevision as exc:
        return error(422, str(exc))
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
    return JsonResponse(
        {"from": comparison.old.number, "to": comparison.new.number, "fields": fields}
    )


@require_GET
@token_required
def profile_check(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    report = check_profile(profile)
    return JsonResponse({"id": profile.pk, "version": profile.version, **report.as_dict()})


@require_GET
def openapi(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})

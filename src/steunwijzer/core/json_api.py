"""What every JSON operation of the API shares: the error body, the token check and the
request's JSON object. In the base layer, so each app's `api.py` can use it without
importing the `api` app that gathers them all (which sits above every app).

`request.api_token_given` is set by the API's token middleware (`api.auth`).
"""

import json
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt


def error(status: int, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


def token_required(view):
    """The API signs in by personal token only, so no cookie can be used against it."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not getattr(request, "api_token_given", False) or not request.user.is_authenticated:
            response = error(401, "Geef een geldig API-token mee: Authorization: Bearer <token>.")
            response["WWW-Authenticate"] = "Bearer"
            return response
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            return error(403, str(exc) or "U heeft hier geen toegang toe.")
        except Http404:
            return error(404, "Dit bestaat niet (meer).")

    return csrf_exempt(wrapper)


def json_body(request):
    """The request's JSON object, or the 400 response that explains why there is none."""
    try:
        body = json.loads(request.body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return error(400, "De inhoud is geen geldige JSON.")
    if not isinstance(body, dict):
        return error(400, "Verwacht een JSON-object.")
    return body

"""API v1: the one NinjaAPI, gathering the routers of the apps that answer in JSON.

Ninja writes the OpenAPI document (`openapi_document`) from the operations and their schemas.
Paths, methods, operationIds, status codes and the error bodies are a public contract;
tests/test_openapi_contract.py holds the document to its snapshot.
"""

import json

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as InvalidParameters
from ninja.parser import Parser

from steunwijzer.core.json_api import ApiError, NotJson
from steunwijzer.instruments.diversity.api import router as diversity_router
from steunwijzer.instruments.ijk.api import router as ijk_router
from steunwijzer.publication.api import router as public_router

from .auth import bearerAuth
from .profiles import router as profiles_router

NO_TOKEN = "Geef een geldig API-token mee: Authorization: Bearer <token>."


class LenientJsonParser(Parser):
    """A body that is no JSON reaches the operation as NotJson, which says so with a 400 after
    the access checks (`core.json_api.json_object`), as the API always has."""

    def parse_body(self, request):
        try:
            return json.loads(request.body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return NotJson()


class SteunwijzerApi(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        # Paths relative to the server URL (…/api/v1), as the document has always had them.
        return super().get_openapi_schema(path_prefix="", path_params=path_params)

    def get_content_type(self) -> str:
        return self.renderer.media_type  # "application/json", as before, without a charset


api = SteunwijzerApi(
    title="Steunwijzer API",
    version="1.0.0",
    description="Schoolondersteuningsprofielen lezen en bewerken. Aanmelden met een "
    "persoonlijk API-token (Mijn account → API-tokens, of `steunwijzer token create`).",
    servers=[{"url": f"{settings.SITE_URL}/api/v1"}],
    # The document is served by `openapi` below, under the URL name it has always had.
    openapi_url=None,
    docs_url=None,
    parser=LenientJsonParser(),
)


def error_answer(request, exc):
    """The API's one exception handler: every refusal as {"error": "<Dutch>", ...}."""
    if isinstance(exc, ApiError):
        return api.create_response(request, exc.body(), status=exc.status)
    if isinstance(exc, AuthenticationError):
        response = api.create_response(request, {"error": NO_TOKEN}, status=401)
        response["WWW-Authenticate"] = "Bearer"
        return response
    if isinstance(exc, PermissionDenied):
        message = str(exc) or "U heeft hier geen toegang toe."
        return api.create_response(request, {"error": message}, status=403)
    if isinstance(exc, Http404):
        return api.create_response(request, {"error": "Dit bestaat niet (meer)."}, status=404)
    if isinstance(exc, InvalidParameters):
        # The operations take their values as sent (core.json_api.AsSent); should a typed
        # parameter be refused by ninja itself, it is told in the API's own words and shape.
        problems = [
            {"path": ".".join(map(str, e["loc"][1:])) or e["loc"][0], "message": e["msg"]}
            for e in exc.errors
        ]
        body = {"error": "De aanvraag is niet volledig of ongeldig.", "problems": problems}
        return api.create_response(request, body, status=422)
    if isinstance(exc, HttpError):
        return api.create_response(request, {"error": str(exc)}, status=exc.status_code)
    # Anything else is Django's to answer (handler500: a calm 503 in JSON when the database is
    # down), as for every other view.
    raise exc


for kind in (ApiError, HttpError, PermissionDenied, Http404, InvalidParameters, Exception):
    api.add_exception_handler(kind, error_answer)

# Who signs in is decided here, on top: the open data needs no token, the rest does.
token = bearerAuth()
api.add_router("", profiles_router, auth=token)
api.add_router("", diversity_router, auth=token)
api.add_router("", ijk_router, auth=token)
api.add_router("", public_router)


def openapi_document() -> dict:
    """The document as clients read it (status codes as text keys, as in JSON)."""
    return json.loads(json.dumps(api.get_openapi_schema()))


@require_GET
def openapi(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})

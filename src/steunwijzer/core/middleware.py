"""Refusing a request body that is too large before any of it is read."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from .uploads import size_text


class RequestSizeLimitMiddleware:
    """A request whose Content-Length passes MAX_REQUEST_BYTES gets a Dutch 413 at once:
    no upload handler, form or view ever reads it. Each upload field has its own, smaller
    limit on top of this (core/uploads.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            message = _(
                "What you are sending (%(size)s) is larger than the limit of %(limit)s. Choose "
                "a smaller file (a PDF can often be saved smaller) and try again."
            ) % {"size": size_text(length), "limit": size_text(settings.MAX_REQUEST_BYTES)}
            if request.path.startswith("/api/"):
                return JsonResponse({"error": message}, status=413)
            page = loader.render_to_string("413.html", {"message": message})
            response = HttpResponse(page, status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class PublicLanguageMiddleware:
    """Django's LocaleMiddleware, but only for the public pages for parents.

    On a path under settings.TRANSLATED_PATH_PREFIXES the visitor's language is used: the
    cookie that `set_language` sets, else the browser's Accept-Language, else Dutch. Everything
    else (the signed-in application, the API, the admin) is always Dutch, whatever the cookie
    or browser says. No URL prefixes: the public URLs are a contract with school websites.

    The answer names its language (Content-Language), and a public one says it depends on the
    cookie and Accept-Language (Vary), so no cache gives one language's page to the other.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = request.path_info.startswith(tuple(settings.TRANSLATED_PATH_PREFIXES))
        language = (
            translation.get_language_from_request(request) if public else settings.LANGUAGE_CODE
        )
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        try:
            response = self.get_response(request)
        finally:
            # Code after the request in this thread (a test, a command) gets the default again.
            translation.deactivate()
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        if public:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

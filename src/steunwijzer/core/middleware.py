"""Refusing a request body that is too large before any of it is read."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template import loader

from .uploads import size_text

TOO_LARGE = (
    "Wat u verstuurt ({size}) is groter dan de grens van {limit}. Kies een kleiner bestand "
    "(een PDF kan vaak kleiner worden opgeslagen) en probeer het opnieuw."
)


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
            message = TOO_LARGE.format(
                size=size_text(length), limit=size_text(settings.MAX_REQUEST_BYTES)
            )
            if request.path.startswith("/api/"):
                return JsonResponse({"error": message}, status=413)
            page = loader.render_to_string("413.html", {"message": message})
            response = HttpResponse(page, status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)

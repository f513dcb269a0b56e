import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults, i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

# Django's set_language (POST: language, next; sets the language cookie and goes back), without
# the CSRF check: its form is on the kept public pages, which are the same for every visitor
# and so carry no CSRF token (publication/page_cache.py). A forged request can only change the
# language the public pages are shown in.
set_language = csrf_exempt(i18n.set_language)


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database onbereikbaar\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


DATABASE_DOWN = (
    "Steunwijzer kan nu niet bij de database. Probeer het over een paar minuten opnieuw."
)


def server_error(request):
    """handler500: an unreachable database gets a calm 503 instead of 'something went wrong'.

    Django calls this for an exception anywhere (view or middleware), so it must not touch
    the database or the session: a static template, rendered without context processors."""
    if not isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return defaults.server_error(request)
    if request.path.startswith("/api/"):
        response = JsonResponse({"error": DATABASE_DOWN}, status=503)
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response


def not_found(request, exception):
    """handler404: the API answers in JSON, also for addresses no pattern matches."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": "Dit bestaat niet (meer)."}, status=404)
    return defaults.page_not_found(request, exception)

"""Kept public responses, served before sessions, CSRF and URL routing run.

The public pages and the open data are the same for everyone and change only with a
publication. This middleware sits right after WhiteNoise and the language middleware: a
request for a public URL whose response is kept (for the current content versions of all
partnerships, `public_version`, and the visitor's language, which `page_key` holds) gets it
back at about the cost of a static file — one small query and a cache read. Otherwise
the request goes its normal way, and a public response (200, an ETag, `Cache-Control: public`,
no cookies) is kept on the way out, with the headers every later middleware added. A response
that says something about today (`cached_page(day=…)`: a school's page says whether its planned
evaluation has passed) is kept for that day only.
"""

from django.utils import timezone
from django.utils.cache import get_conditional_response

from .page_cache import keep_store, page_key, public_version

PUBLIC_PREFIXES = ("/scholen/", "/api/v1/public/")


def _keepable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.has_header("ETag")
        and "public" in response.get("Cache-Control", "")
    )


class KeptPublicResponses:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or not request.path.startswith(PUBLIC_PREFIXES):
            return self.get_response(request)
        key = page_key("response", public_version(), request.get_full_path())
        store = keep_store()
        kept = store.get(key)
        if kept is not None and kept[1] not in (None, timezone.localdate()):
            kept = None  # kept on another day, and says something about that day
        if kept is not None:
            # The response itself is kept: unpickled, it is a new one for this request, with
            # its headers as they were (setting them one by one again cost a fifth of the
            # request).
            response, _day = kept
            not_modified = get_conditional_response(request, etag=response.get("ETag"))
            if not_modified is None:
                return response
            for name, value in response.items():
                not_modified[name] = value
            not_modified.headers.pop("Content-Length", None)
            return not_modified
        response = self.get_response(request)
        if _keepable(response):
            store.set(key, (response, getattr(response, "kept_for_day", None)), None)
        return response

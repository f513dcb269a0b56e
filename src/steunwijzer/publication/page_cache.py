"""Render once per published version: public pages are immutable, so their HTML is kept.

A page's key is its path plus the content version of the partnership(s) it shows
(`organisations.changes`: every change to a school, its board, its partnership, the model, a
publication, an evaluation or an Invulschema gives the partnership a new one, in the same
transaction), read with one query before anything else, so a kept page costs no ORM work at
all and a change shows at once. The code version is in the key too. The ETag is the key's hash,
so a browser or proxy that has the page gets a 304. Public responses read no session or user;
they vary only with the language (Dutch or English, core.middleware.PublicLanguageMiddleware),
which is in the key as well: a page in English is never given to a Dutch visitor, nor the
reverse.
"""

import hashlib
from importlib import metadata

from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import get_language

from steunwijzer.organisations.changes import content_version, content_version_of_schools


def _code_version() -> str:
    try:
        return metadata.version("steunwijzer")
    except metadata.PackageNotFoundError:
        return "dev"


CODE_VERSION = _code_version()

CACHE_ALIAS = "public_pages"
MAX_AGE = 300  # seconds a browser or proxy may reuse a page without asking


def keep_store():
    return caches[CACHE_ALIAS]


def public_version() -> str:
    """The content version of every partnership: for what spans partnerships (the finder, the
    comparison, the open data list, the kept responses of the middleware)."""
    return content_version()


def school_version(brin: str) -> str:
    """The content version of the partnership(s) of the schools with this BRIN."""
    return content_version_of_schools(brin=brin.upper())


def page_key(*parts) -> str:
    """A short cache key (a hash) that names everything the response shows, the language it
    is shown in included (the public pages can be read in Dutch and in English)."""
    named = ":".join([CODE_VERSION, get_language() or "", *(str(p) for p in parts)])
    return "public:" + hashlib.sha256(named.encode()).hexdigest()


def etag_for(key: str) -> str:
    return f'"{key.removeprefix("public:")[:32]}"'


def public_headers(response, etag: str):
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def cached_page(request, key: str, render, content_type="text/html; charset=utf-8", *, day=None):
    """The response for `key`: 304 if the client has it, else the kept (or fresh) body.

    `day`: the page says something about that day (it is in the key too); the middleware then
    keeps the response for that day only (`KeptPublicResponses`)."""
    etag = etag_for(key)
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        response = public_headers(not_modified, etag)
    else:
        store = keep_store()
        body = store.get(key)
        if body is None:
            body = render()
            store.set(key, body, None)
        response = public_headers(HttpResponse(body, content_type=content_type), etag)
    response.kept_for_day = day
    return response

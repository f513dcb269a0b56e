"""Render once per published version: public pages are immutable, so their HTML is kept.

A page's key is its path plus the publication generation: the moment of the newest
publication (every publish rewrites its school's finder row), the newest evaluation, the
newest change to an Invulschema (the page shows its school-level figures) and today's date
(a page says when a school's planned evaluation or school year has passed). One query reads
them, so a kept page costs no ORM work at all; any new publication gives every
page a new key, and each is rendered once more when next asked for. The code version is in
the key too. The ETag is the key's hash, so a browser or proxy that has the page gets a 304.
Public responses read no session or user, so they never vary per visitor.
"""

import hashlib
from importlib import metadata

from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control


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


def publication_generation() -> str:
    """Changes with every publication, evaluation and Invulschema, and every day (a page says
    when its school's planned evaluation has passed); read with one query."""
    from steunwijzer.instruments.diversity.models import Invulschema
    from steunwijzer.profiles.models import Evaluation

    from .models import FinderEntry

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX(indexed_at) FROM {FinderEntry._meta.db_table}), "
            f"(SELECT MAX(id) FROM {Evaluation._meta.db_table}), "
            f"(SELECT MAX(updated_at) FROM {Invulschema._meta.db_table})"
        )
        return "/".join(str(value) for value in (*cursor.fetchone(), timezone.localdate()))


def page_key(*parts) -> str:
    """A short cache key (a hash) that names everything the response shows."""
    named = ":".join([CODE_VERSION, *(str(p) for p in parts)])
    return "public:" + hashlib.sha256(named.encode()).hexdigest()


def etag_for(key: str) -> str:
    return f'"{key.removeprefix("public:")[:32]}"'


def public_headers(response, etag: str):
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def cached_page(request, key: str, render, content_type="text/html; charset=utf-8"):
    """The response for `key`: 304 if the client has it, else the kept (or fresh) body."""
    etag = etag_for(key)
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return public_headers(not_modified, etag)
    store = keep_store()
    body = store.get(key)
    if body is None:
        body = render()
        store.set(key, body, None)
    return public_headers(HttpResponse(body, content_type=content_type), etag)

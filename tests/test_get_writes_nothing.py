"""A GET never writes to the database (sessions aside): every URL pattern of the project, as
every persona of tests/permission_matrix.py, in the world its test builds."""

import re
from contextlib import contextmanager

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .permission_matrix import MATRIX, PERSONAS
from .test_permission_matrix import World

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
# Being signed in is the session's business, not the page's: the session row, and the moment
# an API token was last used (the API's session, shown on Mijn account).
SIGN_IN = (
    re.compile(r'"django_session"'),
    re.compile(
        r'^UPDATE "api_apitoken" SET "last_used_at" = [^,]+ WHERE "api_apitoken"."id" = \d+$'
    ),
)


@contextmanager
def captured_queries():
    """The queries run inside, over an emptied log. Django keeps the last 9,000 queries of a
    connection, and a capture taken by position in a full log sees none: after a few hundred
    pages every later capture came back empty."""
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        yield queries
    assert len(queries) < connection.queries_log.maxlen, "more queries than Django keeps"


def writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if WRITE.match(q["sql"]) and not any(allowed.search(q["sql"]) for allowed in SIGN_IN)
    ]


def _addresses():
    """Each URL of the table once, with the query a GET of it sends."""
    seen = {}
    for check in MATRIX:
        key = (check.name, tuple(sorted(check.kwargs.items())), tuple(sorted(check.query.items())))
        seen.setdefault(key, check)
    return list(seen.values())


def _client(world, persona, check) -> tuple[Client, dict]:
    client, headers = Client(), {}
    if check.kind == "api":
        if persona != "anonymous":
            headers["HTTP_AUTHORIZATION"] = f"Bearer {world.tokens[persona]}"
    elif persona != "anonymous":
        client.force_login(getattr(world, persona))
    return client, headers


@pytest.mark.django_db
def test_no_get_of_any_page_writes_to_the_database(request):
    world = World.build(request)
    found = []
    for check in _addresses():
        url = reverse(check.name, kwargs={k: world.resolve(v) for k, v in check.kwargs.items()})
        for persona in PERSONAS:
            with transaction.atomic():
                client, headers = _client(world, persona, check)
                with captured_queries() as queries:
                    response = client.get(url, world.resolve_all(check.query), **headers)
                found += [
                    f"GET {url} as {persona} ({response.status_code}): {sql[:160]}"
                    for sql in writes(queries)
                ]
                transaction.set_rollback(True)
    assert not found, "\n".join(found)


def test_reading_the_instruments_of_a_new_partnership_stores_no_catalogue_or_scheme(
    client, editor, school, format_version
):
    """The shipped IJK catalogue and Verscheidenheidsindex scheme are shown as they are; the
    first save that needs one stores it."""
    from steunwijzer.api.models import ApiToken
    from steunwijzer.instruments.diversity.models import SchemeVersion
    from steunwijzer.instruments.ijk.models import CatalogueVersion

    year = {"school_year": "2026-2027"}
    pages = [
        reverse("ijk_evaluation", kwargs={"school_id": school.pk, **year}),
        reverse("ijk_result", kwargs={"school_id": school.pk, **year}),
        reverse("ijk_observations", kwargs={"school_id": school.pk, **year}),
        reverse("diversity_school", kwargs={"brin_code": school.brin_code, **year}),
        reverse("diversity_edit", kwargs={"brin_code": school.brin_code, **year}),
        reverse("diversity_import", kwargs={"brin_code": school.brin_code, **year}),
    ]
    api = [
        reverse("api_ijk", kwargs={"brin_code": school.brin_code, **year}),
        reverse("api_diversity", kwargs={"brin_code": school.brin_code, **year}),
    ]
    _, token = ApiToken.issue(editor, "lezen")
    client.force_login(editor)
    with captured_queries() as queries:
        statuses = [client.get(url).status_code for url in pages]
        statuses += [
            client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}").status_code for url in api
        ]
    # The API has no Invulschema to give yet.
    assert statuses == [200] * (len(pages) + 1) + [404]
    assert writes(queries) == []
    assert not CatalogueVersion.objects.exists() and not SchemeVersion.objects.exists()

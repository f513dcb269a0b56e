"""The OpenAPI document fuzzed with schemathesis, in-process through the WSGI application:
every operation, with a token that sees a profile and without one, never answers 5xx, and
answers as the document describes (status code, content type, body schema).

Operations added to the document later are fuzzed without a change here. The examples are
derandomised, so a run is repeatable; FUZZ_EXAMPLES sets how many per operation."""

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from steunwijzer.api.models import ApiToken
from steunwijzer.api.v1 import openapi_document

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.getenv("FUZZ_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _schema():
    document = openapi_document()
    document["servers"] = [{"url": "/api/v1"}]
    schema = schemathesis.openapi.from_dict(document)
    schema.app = WSGIHandler()
    return schema


SCHEMA = None


def operations():
    global SCHEMA
    SCHEMA = SCHEMA or _schema()
    return [result.ok() for result in SCHEMA.get_all_operations()]


def _ids(operation):
    return operation.definition.raw.get("operationId", operation.label)


def fuzz(operation, headers, profile_id=None):
    """Run the examples; with `profile_id`, most cases address that profile (a random id
    nearly always misses every row and tests only the 404)."""
    failures = []
    ids = st.sampled_from([profile_id, profile_id, None]) if profile_id else st.none()

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(), real_id=ids)
    def run(case, real_id):
        if real_id and "id" in (case.path_parameters or {}):
            case.path_parameters["id"] = real_id
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except AssertionError as exc:
            failures.append(f"{case.method} {case.formatted_path}: {exc}")
            raise

    try:
        run()
    except Exception:
        # Hypothesis re-raises the smallest failing example, which `failures` reports;
        # anything else is a fault of the test itself.
        if not failures:
            raise
    return failures


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Like Django's test client: requests must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(profile, editor, mr_member, other_profile):
    """The school's editor: sees a profile, may edit it and take steps."""
    _token, raw = ApiToken.issue(editor, "fuzz")
    return {"Authorization": f"Bearer {raw}"}


@pytest.mark.parametrize("operation", operations(), ids=_ids)
def test_the_operation_holds_with_a_token(operation, bearer, profile):
    assert not fuzz(operation, bearer, profile.pk)


@pytest.mark.parametrize("operation", operations(), ids=_ids)
def test_the_operation_holds_without_a_token(operation, db):
    assert not fuzz(operation, {})


def test_an_unknown_api_address_answers_in_json(client):
    response = client.get("/api/v1/profiles/-1/")
    assert response.status_code == 404 and response.json()["error"]
    page = client.get("/bestaat-niet/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")

"""What every JSON operation of the API shares: the error body and its schemas, and the types of
request values the view passes on as they came. In the base layer, so each app's `api.py` can
use it without importing the `api` app that gathers them all (which sits above every app).

The error body is a contract: `{"error": "<Dutch sentence>", ...}`, with `problems` (each a
`path` and a `message`) when input is refused. Operations raise `ApiError`; the API's one
exception handler (`api.v1`) writes it.
"""

from typing import Annotated, Any

from ninja import Schema
from pydantic import Field, PlainValidator, StringConstraints, WithJsonSchema

from .problems import Problem as DomainProblem


class ApiError(Exception):
    """An answer other than 200: `{"error": message, **extra}` with this status."""

    def __init__(self, status: int, message: str, **extra):
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra

    def body(self) -> dict:
        return {"error": self.message, **self.extra}


def signs_in_with_token(request) -> bool:
    """Whether the request signs in with an API token (`api.auth`). The rules of a session
    (idle time-out, the second step) are not for it, even when it carries a session cookie."""
    return request.path.startswith("/api/") and request.headers.get("Authorization", "").startswith(
        "Bearer "
    )


def problem_list(problems: list[DomainProblem]) -> list[dict]:
    return [{"path": p.path, "message": p.message} for p in problems]


def refused(message: str, problems: list[DomainProblem]) -> ApiError:
    """The 422 for input the domain refused, naming each problem by its path."""
    return ApiError(422, message, problems=problem_list(problems))


# --- request values -----------------------------------------------------------------------------
# The domain checks what a client sends (the same checks the pages use) and names each problem
# in Dutch with its path, after the checks of access: a stranger hears "no access" before
# anything about the content. Pydantic would answer first and in English, so these values reach
# the view as they came; the document still describes them by their real type.


class AsSent:
    """`AsSent[T]`: described in the OpenAPI document as T, passed to the view unchanged."""

    def __class_getitem__(cls, documented):
        return Annotated[Any, PlainValidator(_unchanged, json_schema_input_type=documented)]


def _unchanged(value):
    return value


# A school year in a path: looked up, not pattern-matched, so a malformed one is the operation's
# Dutch 404 like an unknown one.
SchoolYear = AsSent[Annotated[str, StringConstraints(pattern="^[0-9]{4}-[0-9]{4}$")]]


class NotJson:
    """The body of a request that is not JSON at all (`api.v1.LenientJsonParser`)."""


def json_object(body) -> dict:
    """The request's JSON object, or the 400 that explains why there is none."""
    if isinstance(body, NotJson):
        raise ApiError(400, "De inhoud is geen geldige JSON.")
    if not isinstance(body, dict):
        raise ApiError(400, "Verwacht een JSON-object.")
    return body


# --- answers ------------------------------------------------------------------------------------
# Moments are written as Python's isoformat() has always written them (`+00:00`, not pydantic's
# `Z`), so they stay text that the document calls a date or date-time.
DateTimeText = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]
DateText = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]


class Error(Schema):
    error: str = Field(description="Uitleg in het Nederlands.")


class Problem(Schema):
    path: str = Field(examples=["answers.expertise_team[2].uren"])
    message: str


class ValidationError(Error):
    problems: list[Problem]


# The statuses every operation behind a token may answer with an Error body.
TOKEN_ERRORS = frozenset({401, 403, 404})

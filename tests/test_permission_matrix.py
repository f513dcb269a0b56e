"""Every URL and every persona gets the status tests/permission_matrix.py says (see its docstring).

The list of URLs comes from the URL configuration itself, so a new page without an entry in the
table fails test_every_url_pattern_has_an_entry, naming the pattern.
"""

import json
from datetime import date
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from steunwijzer.api.models import ApiToken
from steunwijzer.notifications.models import Notification
from steunwijzer.organisations.models import Invitation, Role
from steunwijzer.profiles.services import own_document_upload, profile_create
from steunwijzer.review.services import comment_create
from steunwijzer.route.deadline_services import deadline_set
from tests import documents
from tests.route_helpers import fill, to_state

from .permission_matrix import ANY, IJK_YEAR, LOGIN, MATRIX, PERSONAS, PUBLISHED_YEAR

# Django's admin is Django's own code behind its own is_staff check and permissions.
EXCLUDED_PREFIXES = ("beheer/",)


def url_patterns(patterns=None, prefix=""):
    """(route, name) of every URL pattern, walked recursively through every include."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(EXCLUDED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            namespace = entry.namespace
            for sub_route, name in url_patterns(entry.url_patterns, route):
                yield sub_route, (f"{namespace}:{name}" if namespace and name else name)
        elif isinstance(entry, URLPattern):
            yield route, entry.name


def test_every_url_pattern_has_an_entry():
    covered = {check.name for check in MATRIX}
    missing = [f"{name or '(no name)'} → /{route}" for route, name in url_patterns()]
    missing = [m for m in missing if m.split(" → ")[0] not in covered]
    assert not missing, "URL patterns without an entry in tests/permission_matrix.py:\n" + (
        "\n".join(missing)
    )


def test_every_entry_names_an_existing_url():
    names = {name for _route, name in url_patterns()}
    assert {check.name for check in MATRIX} <= names


def test_every_entry_lists_every_persona():
    for check in MATRIX:
        assert set(check.expected) == set(PERSONAS), check.id


class World(SimpleNamespace):
    """The objects the table's URL arguments point at, built on the personas' fixtures."""

    @classmethod
    def build(cls, request):
        fixtures = {name: request.getfixturevalue(name) for name in PERSONAS if name != "anonymous"}
        w = cls(**fixtures)
        w.partnership = request.getfixturevalue("partnership")
        w.partnership.logo, w.partnership.logo_type = b"\x89PNG\r\n\x1a\n", "image/png"
        w.partnership.save()
        w.board = request.getfixturevalue("board")
        w.school = request.getfixturevalue("school")
        w.format_version = request.getfixturevalue("format_version")
        w.profile = request.getfixturevalue("profile")
        fill(w.profile, w.editor)  # version 1, so there is a revision to open and compare
        w.chapter = w.profile.chapters[0].key
        w.comment = comment_create(
            profile=w.profile, user=w.mr_member, chapter_key=w.chapter, body="Graag concreter."
        )
        w.own_profile = profile_create(
            school=w.school, school_year="2027-2028", user=w.editor, kind="own"
        )
        own_document_upload(profile=w.own_profile, user=w.editor, upload=documents.pdf())
        from steunwijzer.core.uploads import check_upload
        from steunwijzer.profiles.services import supporting_document_add

        w.school_document = supporting_document_add(
            owner=w.school,
            user=w.editor,
            title="Schoolplan",
            kind="schoolplan",
            document=check_upload(documents.pdf(), allowed=("pdf",), max_bytes=10**6),
        )
        w.advised_profile = to_state(
            profile_create(school=w.school, school_year="2025-2026", user=w.editor),
            "advies_gegeven",
            editor=w.editor,
            mr=w.mr_member,
            officer=w.officer,
        )
        w.advice = w.advised_profile.transitions.get(action="give_advice")
        # The request for advice told the MR: a notification only mr_member may mark read. Giving
        # the advice marked it read (the step it waited for was taken); the matrix needs it
        # unread, as it was while the MR had still to advise.
        w.notification = Notification.objects.get(
            recipient=w.mr_member, transition__action="request_advice"
        )
        Notification.objects.filter(pk=w.notification.pk).update(read_at=None)
        deadline_set(
            user=w.officer,
            partnership=w.partnership,
            board=w.board,
            school_year="2026-2027",
            due_on=date(2027, 3, 1),
        )
        w.editor_token, _ = ApiToken.issue(w.editor, "matrix")
        w.invitation_token = _invitation_token(w)
        w.invitation_pk = Invitation.objects.create(
            email="directie@example.nl",
            role=Role.SCHOOL_EDITOR,
            school=w.school,
            token_hash="matrix-resend",
            expires_at=timezone.now(),
        ).pk
        w.tokens = {name: ApiToken.issue(user, "matrix-api")[1] for name, user in fixtures.items()}
        _build_instruments(w)
        _build_publication(w, request)
        _build_allocations(w)
        w.parent_message = _parent_message(w)
        return w

    def resolve(self, value):
        if not isinstance(value, str) or value == "":
            return value
        head, *rest = value.split(".")
        if not hasattr(self, head):
            return value
        obj = getattr(self, head)
        for part in rest:
            obj = getattr(obj, part)
        return obj

    def resolve_all(self, values: dict) -> dict:
        return {key: self.resolve(value) for key, value in values.items()}


def _build_instruments(w):
    """An IJK self-evaluation with an evidence file, a peer's Kijkwijzer observation and an
    Invulschema, all for IJK_YEAR."""
    from steunwijzer.core.uploads import check_upload
    from steunwijzer.instruments.diversity.services import invulschema_save
    from steunwijzer.instruments.ijk.rules import ScoreInput
    from steunwijzer.instruments.ijk.services import observation_record, peer_assign, scores_save

    evaluation = scores_save(
        school=w.school,
        school_year=IJK_YEAR,
        user=w.editor,
        scores={"OP1": ScoreInput(3, "", "")},
        files={"OP1": check_upload(documents.pdf(), allowed=("pdf",), max_bytes=10**6)},
    )
    w.evidence = evaluation.scores.get(indicator="OP1")
    # other_editor (another school of the partnership) is invited as a peer and observes.
    peer_assign(school=w.school, school_year=IJK_YEAR, user=w.editor, peer=w.other_editor)
    w.observation = observation_record(
        school=w.school,
        school_year=IJK_YEAR,
        user=w.other_editor,
        observed_on=date(2026, 10, 1),
        group_name="groep 5",
        notes={},
        scores={"OP3": 2},
    )
    invulschema = invulschema_save(
        school=w.school, school_year=IJK_YEAR, user=w.editor, counts={"6": {"geen": 240}}
    )
    w.scheme_version = invulschema.scheme_version
    w.catalogue_version = evaluation.catalogue


def _parent_message(w):
    from steunwijzer.steunpunt.services import message_send

    return message_send(
        school=w.school,
        kind="practice",
        support="",
        message="De school biedt geen verlengde instructie, terwijl het SOP dat belooft.",
        contact={"email": "ouder@example.nl"},
        sender="192.0.2.1",
    )


def _build_publication(w, request):
    """A published SOP for PUBLISHED_YEAR (profile and advised_profile stay unpublished)."""
    request.getfixturevalue("settings").DATA_DIR = request.getfixturevalue("tmp_path")
    w.published_profile = to_state(
        profile_create(school=w.school, school_year=PUBLISHED_YEAR, user=w.editor),
        "gepubliceerd",
        editor=w.editor,
        mr=w.mr_member,
        officer=w.officer,
        staff=w.staff,
    )


def _build_allocations(w):
    """A saved allocation scenario of the board and one of the partnership."""
    from steunwijzer.dashboards.overview import schools_in
    from steunwijzer.dashboards.scenarios import compute, read_inputs, scenario_save

    inputs, _errors = read_inputs({"total": "1000", "unit": "euro", "basis": "leerlingen"})
    for name, board in (("board_scenario", w.board), ("partnership_scenario", None)):
        schools = list(schools_in(board=board) if board else schools_in(partnership=w.partnership))
        _, result = compute(schools, IJK_YEAR, inputs)
        scenario = scenario_save(
            partnership=w.partnership,
            board=board,
            school_year=IJK_YEAR,
            inputs=inputs,
            result=result,
            user=w.officer if board else w.staff,
            today=date(2026, 11, 1),
        )
        setattr(w, name, scenario)


def _invitation_token(w) -> str:
    invitation = Invitation(email="nieuw@example.nl", role=Role.SCHOOL_TEAM, school=w.school)
    raw = invitation.issue_token()
    invitation.save()
    return raw


# Set by signing in itself: the session's last_login, the token's last use.
VOLATILE = ("last_login", "last_used_at")


def fingerprint() -> dict:
    """Every row of every model of ours and of the accounts, to prove a denied POST wrote
    nothing (sessions and last_login change on sign-in itself, so they are left out)."""
    seen = {}
    for model in apps.get_models():
        label = model._meta.label
        if model._meta.app_label in ("sessions", "admin", "contenttypes", "axes", "otp_totp"):
            continue
        fields = [f.attname for f in model._meta.concrete_fields if f.attname not in VOLATILE]
        seen[label] = sorted(map(repr, model.objects.values_list(*fields)))
    return seen


def _request(check, world, persona):
    url = reverse(check.name, kwargs={k: world.resolve(v) for k, v in check.kwargs.items()})
    client = Client()
    headers = {}
    if check.kind == "api":
        if persona != "anonymous":
            headers["HTTP_AUTHORIZATION"] = f"Bearer {world.tokens[persona]}"
    elif persona != "anonymous":
        client.force_login(getattr(world, persona))
    if check.kind == "api" and check.method != "get":
        return getattr(client, check.method)(
            url, json.dumps(check.data), content_type="application/json", **headers
        )
    if check.method == "post":
        return client.post(url, check.data, **headers)
    return client.get(url, world.resolve_all(check.query), **headers)


def _matches(expected, response) -> bool:
    status = response.status_code
    if expected == LOGIN:
        return status == 302 and response["Location"].startswith(reverse("login"))
    if expected == ANY:
        redirect_to_login = status == 302 and response["Location"].startswith(reverse("login"))
        return status not in (401, 403, 404, 405) and status < 500 and not redirect_to_login
    return status == expected


def _shown(response) -> str:
    if response.status_code in (301, 302):
        return f"{response.status_code} → {response['Location']}"
    return str(response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("check", MATRIX, ids=lambda check: check.id)
def test_permission(check, request):
    world = World.build(request)
    wrong = []
    for persona in PERSONAS:
        expected = check.expected[persona]
        with transaction.atomic():
            before = fingerprint() if check.method != "get" and expected != ANY else None
            response = _request(check, world, persona)
            if not _matches(expected, response):
                wrong.append(f"{persona}: expected {expected}, got {_shown(response)}")
            elif before is not None and fingerprint() != before:
                wrong.append(f"{persona}: denied ({_shown(response)}) but the database changed")
            transaction.set_rollback(True)
    assert not wrong, f"{check.id}:\n" + "\n".join(wrong)

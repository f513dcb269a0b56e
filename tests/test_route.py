"""The SOP route: each action only for the right role and state, all recorded."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from steunwijzer.organisations.models import Role
from steunwijzer.profiles.services import profile_create, profile_update
from steunwijzer.route.definitions import SOP_ROUTE
from steunwijzer.route.models import ImmutableError, Transition
from steunwijzer.route.payloads import InvalidPayload
from steunwijzer.route.services import ForbiddenAction, WrongState
from tests.conftest import grant, make_user
from tests.route_helpers import fill, step, to_state

PERSONAS = [
    "editor",
    "team_member",
    "mr_member",
    "other_editor",
    "officer",
    "other_officer",
    "staff",
    "other_staff",
    "outsider",
]
# Who may take each action of the SOP route (personas of tests/conftest.py).
ALLOWED = {
    "request_advice": {"editor"},
    "give_advice": {"mr_member"},
    "submit_to_board": {"editor"},
    "return_to_school": {"officer"},
    "establish": {"officer"},
    "deliver": {"officer"},
    "acknowledge": {"staff"},
    "publish": {"editor"},
    "start_new_draft": {"editor"},
    "withdraw": {"editor"},
    "reopen": {"editor"},
}
SOURCE_STATE = {
    "request_advice": "concept",
    "give_advice": "bij_mr",
    "submit_to_board": "advies_gegeven",
    "return_to_school": "bij_bestuur",
    "establish": "bij_bestuur",
    "deliver": "vastgesteld",
    "acknowledge": "aangeleverd",
    "publish": "ontvangen",
    "start_new_draft": "gepubliceerd",
    "withdraw": "bij_mr",
    "reopen": "advies_gegeven",
}
PAYLOADS = {
    "give_advice": {"advice": "positief"},
    "return_to_school": {"remarks": "Hoofdstuk 3 is te vaag."},
    "reopen": {"reason": "We verwerken eerst de opmerkingen van de MR."},
}


@pytest.fixture
def walk(profile, other_school, editor, mr_member, officer, staff):
    """A profile of a board with two schools (an éénpitter has its own rules)."""

    def go(state):
        return to_state(profile, state, editor=editor, mr=mr_member, officer=officer, staff=staff)

    return go


def test_the_route_table_matches_the_issue():
    assert {s.action for s in SOP_ROUTE.steps} == set(ALLOWED)
    assert SOP_ROUTE.step("publish").sources == ("ontvangen", "aangeleverd")


def test_a_profile_goes_all_the_way_with_one_return(profile, editor, mr_member, officer, staff):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    step(profile, mr_member, "give_advice", advice="negatief", motivation="Grenzen te vaag.")
    step(profile, editor, "submit_to_board")
    step(profile, officer, "return_to_school", remarks="Maak de grenzen concreet, graag.")
    profile.refresh_from_db()
    assert profile.state == "concept" and profile.can_edit(editor)
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=profile.version,
        changes={"grenzen_niet_bieden": "Geen één-op-één begeleiding."},
    )
    step(profile, editor, "request_advice")
    step(profile, mr_member, "give_advice", advice="positief")
    step(profile, editor, "submit_to_board")
    step(profile, officer, "establish", established_on="2026-11-01")
    step(profile, officer, "deliver")
    step(profile, staff, "acknowledge")
    step(profile, editor, "publish")
    profile.refresh_from_db()
    assert profile.state == "gepubliceerd"
    assert profile.established_revision.number == profile.version
    assert profile.published_revision == profile.established_revision
    assert str(profile.established_on) == "2026-11-01"
    actions = list(profile.transitions.order_by("pk").values_list("action", flat=True))
    assert actions == [
        "request_advice",
        "give_advice",
        "submit_to_board",
        "return_to_school",
        "request_advice",
        "give_advice",
        "submit_to_board",
        "establish",
        "deliver",
        "acknowledge",
        "publish",
    ]


@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_action_only_for_its_role(request, walk, action, persona):
    profile = walk(SOURCE_STATE[action])
    user = request.getfixturevalue(persona)
    if persona in ALLOWED[action]:
        record = step(profile, user, action, **PAYLOADS.get(action, {}))
        assert record.from_state == SOURCE_STATE[action]
    else:
        with pytest.raises(ForbiddenAction):
            step(profile, user, action, **PAYLOADS.get(action, {}))
        profile.refresh_from_db()
        assert profile.state == SOURCE_STATE[action]


@pytest.mark.parametrize("action", list(ALLOWED))
def test_each_action_only_from_its_state(request, walk, action):
    wrong = "bij_mr" if SOURCE_STATE[action] != "bij_mr" else "concept"
    profile = walk(wrong) if wrong != "concept" else request.getfixturevalue("profile")
    user = request.getfixturevalue(next(iter(ALLOWED[action])))
    before = profile.transitions.count()
    with pytest.raises(WrongState, match="kan niet nu"):
        step(profile, user, action, **PAYLOADS.get(action, {}))
    assert profile.transitions.count() == before


def test_an_unknown_action_is_refused(profile, editor):
    with pytest.raises(WrongState, match="bestaat niet"):
        step(profile, editor, "approve_everything")


def test_the_same_transition_twice_happens_once(profile, editor, mr_member):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    with pytest.raises(WrongState):
        step(profile, editor, "request_advice")
    assert profile.transitions.count() == 1


def test_editing_is_locked_once_the_mr_has_it(walk, editor):
    profile = walk("bij_mr")
    assert not profile.can_edit(editor)
    with pytest.raises(PermissionDenied):
        profile_update(
            profile_id=profile.pk,
            user=editor,
            base_version=profile.version,
            changes={"aantal_groepen": 9},
        )


@pytest.mark.parametrize(
    ("payload", "path"),
    [
        ({}, "payload.advice"),
        ({"advice": "misschien"}, "payload.advice"),
        ({"advice": "negatief"}, "payload.motivation"),
        ({"advice": "positief_met_opmerkingen", "motivation": " "}, "payload.motivation"),
        ({"advice": "positief", "date": "2099-01-01"}, "payload.date"),
        ({"advice": "positief", "date": "gisteren"}, "payload.date"),
    ],
)
def test_advice_needs_a_valid_record(walk, mr_member, payload, path):
    profile = walk("bij_mr")
    with pytest.raises(InvalidPayload) as caught:
        step(profile, mr_member, "give_advice", **payload)
    assert path in [p.path for p in caught.value.problems]
    profile.refresh_from_db()
    assert profile.state == "bij_mr" and not profile.transitions.filter(action="give_advice")


def test_without_messages_the_checks_say_it_in_dutch_as_the_api_does(walk, mr_member):
    """The API's error bodies are a contract: the same Dutch whatever language is active."""
    profile = walk("bij_mr")
    with translation.override("en"), pytest.raises(InvalidPayload) as caught:
        step(profile, mr_member, "give_advice", advice="misschien", date="2099-01-01")
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("payload.advice", "kies uit: positief, positief met opmerkingen, negatief"),
        ("payload.motivation", "is verplicht"),
        ("payload.date", "mag niet in de toekomst liggen"),
    ]


def test_return_to_school_needs_remarks(walk, officer):
    profile = walk("bij_bestuur")
    with pytest.raises(InvalidPayload):
        step(profile, officer, "return_to_school", remarks="")


def test_nobody_establishes_a_version_they_edited(walk, profile, officer, school, editor):
    grant(officer, Role.SCHOOL_EDITOR, school=school)
    profile_update(
        profile_id=profile.pk, user=officer, base_version=0, changes={"aantal_groepen": 7}
    )
    walked = walk("bij_bestuur")
    with pytest.raises(ForbiddenAction, match="niet zelf vaststellen"):
        step(walked, officer, "establish")


def test_an_eenpitter_director_board_may_establish_own_work(single_school, format_version):
    director = make_user("directeur_bestuurder")
    grant(director, Role.SCHOOL_EDITOR, school=single_school)
    grant(director, Role.BOARD_OFFICER, board=single_school.board)
    mr = make_user("mr_baken")
    grant(mr, Role.MR_MEMBER, school=single_school)
    profile = profile_create(school=single_school, school_year="2026-2027", user=director)
    to_state(profile, "bij_bestuur", editor=director, mr=mr, officer=director)
    record = step(profile, director, "establish")
    assert "éénpitter" in record.payload["exception"]
    profile.refresh_from_db()
    assert "éénpitter" in profile.establish_exception
    step(profile, director, "deliver")  # an éénpitter delivers directly
    profile.refresh_from_db()
    assert profile.state == "aangeleverd"


def test_a_published_profile_changes_only_through_a_new_draft(walk, editor):
    profile = walk("gepubliceerd")
    published = profile.published_revision
    assert not profile.can_edit(editor)
    step(profile, editor, "start_new_draft")
    profile.refresh_from_db()
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=profile.version,
        changes={"aantal_groepen": 12},
    )
    profile.refresh_from_db()
    assert profile.published_revision == published  # the public version stays as it was
    assert published.answers["aantal_groepen"] == 8


def test_request_advice_notifies_the_mr(
    profile, editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    fill(profile, editor)
    with django_capture_on_commit_callbacks(execute=True):
        step(profile, editor, "request_advice")
    assert [m.to for m in mailoutbox] == [["mrlid@example.nl"]]
    assert "advies vragen aan de mr" in mailoutbox[0].subject.lower()
    assert f"/profielen/{profile.pk}/" in mailoutbox[0].body


def test_the_timeline_cannot_be_altered(profile, editor, mr_member):
    fill(profile, editor)
    record = step(profile, editor, "request_advice")
    record.payload = {"note": "achteraf"}
    with pytest.raises(ImmutableError):
        record.save()
    with pytest.raises(ImmutableError):
        Transition.objects.filter(pk=record.pk).update(actor_name="iemand anders")
    with pytest.raises(ImmutableError):
        record.delete()


def test_the_school_can_take_it_back_from_the_mr(walk, editor, mr_member):
    profile = walk("bij_mr")
    step(profile, editor, "withdraw")
    profile.refresh_from_db()
    assert profile.state == "concept" and profile.can_edit(editor)


def test_advice_cannot_be_asked_of_a_school_without_mr(profile, other_school, editor):
    fill(profile, editor)
    with pytest.raises(WrongState, match="nog geen MR-lid"):
        step(profile, editor, "request_advice")
    profile.refresh_from_db()
    assert profile.state == "concept"


def test_a_board_without_officer_cannot_receive_it(profile, other_school, editor, mr_member):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    step(profile, mr_member, "give_advice", advice="positief")
    with pytest.raises(WrongState, match="nog geen kwaliteitsmedewerker"):
        step(profile, editor, "submit_to_board")


def test_a_failing_mail_server_does_not_undo_or_break_a_step(
    profile, editor, mr_member, django_capture_on_commit_callbacks
):
    fill(profile, editor)
    from unittest import mock

    with (
        mock.patch("steunwijzer.notifications.services.send_mail", side_effect=OSError("smtp")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        step(profile, editor, "request_advice")
    profile.refresh_from_db()
    assert profile.state == "bij_mr"

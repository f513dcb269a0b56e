"""The schoolgids route of the 2024 law change: pupils' views first, then MR consent."""

import pytest
from django.urls import reverse

from steunwijzer.profiles.services import profile_create
from steunwijzer.route.definitions import SCHOOLGIDS_ROUTE
from steunwijzer.route.models import Route
from steunwijzer.route.payloads import InvalidPayload
from steunwijzer.route.services import ForbiddenAction, WrongState
from tests.route_helpers import fill, step

VIEWS = {
    "heard_on": "2026-10-01",
    "method": "leerlingenraad",
    "views": "Leerlingen willen vaker een rustige werkplek in de klas.",
}


@pytest.fixture
def gids_profile(partnership, board, school, format_version, editor):
    Route.install(partnership, SCHOOLGIDS_ROUTE, boards=[board])
    profile = profile_create(school=school, school_year="2026-2027", user=editor)
    fill(profile, editor)
    return profile


def test_the_board_route_applies_to_new_profiles(gids_profile, other_school, single_school):
    assert gids_profile.route["key"] == "schoolgids"
    other_board = Route.objects.definition_for(single_school, school_year="2026-2027")
    assert other_board.key == "sop"  # the partnership's default


def test_it_runs_end_to_end(gids_profile, editor, mr_member, officer):
    step(gids_profile, editor, "record_pupil_views", **VIEWS)
    step(gids_profile, editor, "request_consent")
    step(gids_profile, mr_member, "give_consent", decision="instemming")
    step(gids_profile, editor, "submit_to_board")
    step(gids_profile, officer, "establish")
    step(gids_profile, editor, "publish")
    gids_profile.refresh_from_db()
    assert gids_profile.state == "gepubliceerd"


def test_pupils_must_be_heard_before_the_mr(gids_profile, editor):
    with pytest.raises(WrongState):
        step(gids_profile, editor, "request_consent")


def test_pupils_views_must_be_written_down(gids_profile, editor):
    with pytest.raises(InvalidPayload) as caught:
        step(gids_profile, editor, "record_pupil_views", method="enquete", views="kort")
    assert "payload.views" in [p.path for p in caught.value.problems]


def test_refused_consent_sends_it_back_to_the_school(gids_profile, editor, mr_member):
    step(gids_profile, editor, "record_pupil_views", **VIEWS)
    step(gids_profile, editor, "request_consent")
    with pytest.raises(InvalidPayload):
        step(gids_profile, mr_member, "give_consent", decision="geen_instemming")
    record = step(
        gids_profile,
        mr_member,
        "give_consent",
        decision="geen_instemming",
        motivation="De grenzen ontbreken nog.",
    )
    assert record.to_state == "concept"
    gids_profile.refresh_from_db()
    assert gids_profile.can_edit(editor)


def test_only_the_mr_gives_consent(gids_profile, editor, officer, mr_member):
    step(gids_profile, editor, "record_pupil_views", **VIEWS)
    step(gids_profile, editor, "request_consent")
    for user in (editor, officer):
        with pytest.raises(ForbiddenAction):
            step(gids_profile, user, "give_consent", decision="instemming")


def test_staff_members_of_the_mr_do_not_give_consent(gids_profile, school, editor):
    from steunwijzer.organisations.models import Membership, Role
    from tests.conftest import grant, make_user

    staff_member = make_user("mr_personeel")
    grant(staff_member, Role.MR_MEMBER, school=school, function=Membership.Function.STAFF)
    step(gids_profile, editor, "record_pupil_views", **VIEWS)
    with pytest.raises(WrongState, match="nog geen ouder in de MR"):
        step(gids_profile, editor, "request_consent")


def test_the_parents_read_the_note_with_the_request_for_consent(
    client, gids_profile, editor, mr_member
):
    step(gids_profile, editor, "record_pupil_views", **VIEWS)
    step(gids_profile, editor, "request_consent", note="De leerlingenraad las mee.")
    client.force_login(mr_member)
    body = client.get(reverse("profile_route", args=[gids_profile.pk])).content.decode()
    note = body.index("Toelichting van Eva de Directeur bij de vraag om instemming:")
    assert note < body.index('name="decision"')
    assert "De leerlingenraad las mee." in body[note:]

"""The partnership chooses its route: the SOP route, or law 36443's schoolgids route from a
school year it picks; profiles take the route of their school year when they start."""

import pytest
from django.utils import timezone

from steunwijzer.core.school_year import school_year_of, school_year_plus
from steunwijzer.organisations.models import Partnership
from steunwijzer.profiles.services import profile_create
from steunwijzer.route.definitions import SOP_ROUTE, route_to_dict
from steunwijzer.route.models import Route
from tests.test_partnership_settings import post, url

NOW = school_year_of(timezone.localdate())
NEXT = school_year_plus(NOW, 1)


def choose(client, partnership, staff, year):
    client.force_login(staff)
    assert post(client, partnership, schoolgids_route_from=year).status_code == 302
    partnership.refresh_from_db()


def test_staff_choose_the_schoolgids_route_and_see_it(client, partnership, staff):
    client.force_login(staff)
    assert "Route nu: de SOP-route van het samenwerkingsverband." in (
        client.get(url(partnership)).content.decode()
    )
    choose(client, partnership, staff, NEXT)
    assert partnership.schoolgids_route_from == NEXT
    route = Route.objects.get(partnership=partnership, key="schoolgids")
    assert not route.is_default and route.definition_obj.step("record_pupil_views")
    page = client.get(url(partnership)).content.decode()
    assert f"Route nu: de schoolgidsroute van wet 36443 voor profielen vanaf schooljaar {NEXT}" in (
        page
    )


def test_a_route_the_partnership_already_has_is_left_as_it_is(client, partnership, staff):
    choose(client, partnership, staff, NOW)
    Route.objects.filter(partnership=partnership).update(name="Onze schoolgidsroute")
    choose(client, partnership, staff, NEXT)
    assert Route.objects.get(partnership=partnership, key="schoolgids").name == (
        "Onze schoolgidsroute"
    )


@pytest.mark.parametrize(
    "value", [school_year_plus(NOW, -1), school_year_plus(NOW, 4), "volgend jaar", "sop"]
)
def test_it_refuses_a_past_far_or_bad_year_and_saves_nothing(client, partnership, staff, value):
    client.force_login(staff)
    response = post(client, partnership, schoolgids_route_from=value)
    assert response.status_code == 400
    assert "Kies de SOP-route of de schoolgidsroute vanaf dit schooljaar" in (
        response.content.decode()
    )
    partnership.refresh_from_db()
    assert partnership.name != "SWV Nieuw" and partnership.schoolgids_route_from == ""
    assert not Route.objects.filter(partnership=partnership).exists()


def test_a_year_chosen_before_stays_on_offer_once_past(client, partnership, staff):
    earlier = school_year_plus(NOW, -1)
    Partnership.objects.filter(pk=partnership.pk).update(schoolgids_route_from=earlier)
    choose(client, partnership, staff, earlier)
    assert partnership.schoolgids_route_from == earlier
    choose(client, partnership, staff, "")  # back to the SOP route
    assert partnership.schoolgids_route_from == ""


def test_profiles_take_the_route_of_their_school_year(
    client, partnership, staff, school, format_version, editor
):
    choose(client, partnership, staff, NEXT)
    before = profile_create(school=school, school_year=NOW, user=editor)
    from_then = profile_create(school=school, school_year=NEXT, user=editor)
    later = profile_create(school=school, school_year=school_year_plus(NEXT, 1), user=editor)
    assert before.route["key"] == "sop"
    assert from_then.route["key"] == later.route["key"] == "schoolgids"


def test_a_board_with_its_own_route_keeps_it(
    client, partnership, staff, board, school, single_school, format_version, editor
):
    own = Route.objects.create(
        partnership=partnership,
        key="bestuur",
        name="Eigen route",
        definition=route_to_dict(SOP_ROUTE),
    )
    own.boards.add(board)
    choose(client, partnership, staff, NOW)
    assert profile_create(school=school, school_year=NOW, user=editor).route["key"] == "sop"
    other = profile_create(school=single_school, school_year=NOW, user=editor)
    assert other.route["key"] == "schoolgids"


def test_profiles_under_way_keep_their_route(
    client, partnership, staff, school, other_school, format_version, editor
):
    under_way = profile_create(school=school, school_year=NOW, user=editor)
    choose(client, partnership, staff, NOW)
    under_way.refresh_from_db()
    assert under_way.route["key"] == "sop"
    assert profile_create(school=other_school, school_year=NOW, user=editor).route["key"] == (
        "schoolgids"
    )

"""The partnership receives the established SOP before the school publishes it (seed letter),
unless the partnership has set otherwise."""

import pytest
from django.urls import reverse

from steunwijzer.route.errors import WrongState
from tests.route_helpers import step, to_state


@pytest.fixture
def delivered(profile, other_school, editor, mr_member, officer, staff):
    return to_state(
        profile, "aangeleverd", editor=editor, mr=mr_member, officer=officer, staff=staff
    )


def test_it_refuses_publication_before_the_partnerships_receipt(delivered, editor):
    with pytest.raises(WrongState, match="ontvangst heeft bevestigd"):
        step(delivered, editor, "publish")
    delivered.refresh_from_db()
    assert delivered.state == "aangeleverd"
    assert not delivered.transitions.filter(action="publish").exists()


def test_the_receipt_stays_possible_and_then_the_school_publishes(delivered, editor, staff):
    with pytest.raises(WrongState):
        step(delivered, editor, "publish")
    step(delivered, staff, "acknowledge")
    step(delivered, editor, "publish")
    delivered.refresh_from_db()
    assert delivered.state == "gepubliceerd"


def test_a_partnership_may_let_schools_publish_right_after_delivery(delivered, editor, partnership):
    partnership.receipt_before_publication = False
    partnership.save()
    step(delivered, editor, "publish")
    delivered.refresh_from_db()
    assert delivered.state == "gepubliceerd"


def test_the_route_page_says_why_publication_waits(client, delivered, editor):
    client.force_login(editor)
    response = client.post(reverse("profile_transition", args=[delivered.pk, "publish"]))
    assert response.status_code == 409
    assert "ontvangst heeft bevestigd" in response.content.decode()

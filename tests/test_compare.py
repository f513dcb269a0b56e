"""Comparing two or three published SOPs side by side."""

import pytest

from steunwijzer.organisations.models import Membership, Role
from tests.conftest import grant, make_school, make_user
from tests.publication_helpers import publish


@pytest.fixture
def two_published(profile, other_profile, editor, other_editor, mr_member, officer, staff):
    publish(
        profile,
        editor=editor,
        mr=mr_member,
        officer=officer,
        staff=staff,
        grenzen_niet_bieden="<p>Regenboog: geen een-op-een begeleiding.</p>",
    )
    other_mr = make_user("mr2")
    grant(
        other_mr, Role.MR_MEMBER, school=other_profile.school, function=Membership.Function.PARENT
    )
    publish(
        other_profile,
        editor=other_editor,
        mr=other_mr,
        officer=officer,
        staff=staff,
        grenzen_niet_bieden="<p>Vlieger: geen plusklas.</p>",
    )
    return profile, other_profile


def test_it_compares_two_schools_chapter_by_chapter(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "34CD00"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Regenboog: geen een-op-een begeleiding." in html
    assert "Vlieger: geen plusklas." in html
    assert '<th scope="col">De Regenboog</th>' in html
    assert 'data-school="De Vlieger"' in html
    assert "public" in response["Cache-Control"] and response["ETag"]


def test_it_refuses_more_than_three_schools(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "34CD00", "56EF00", "78GH00"]})
    assert response.status_code == 400
    assert "hoogstens 3 scholen" in response.content.decode()


def test_it_needs_two_schools(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": "12AB00"})
    assert response.status_code == 400
    assert "Kies twee of drie scholen" in response.content.decode()


def test_it_names_a_bad_code(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "<script>"]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "is geen schoolcode" in html and "<script>" not in html


def test_it_refuses_a_school_without_a_published_sop(client, two_published, board):
    make_school(board, "77QQ", "Nog niet gepubliceerd")
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "77QQ00"]})
    assert response.status_code == 400
    assert "Van school 77QQ00 is geen gepubliceerd SOP gevonden." in response.content.decode()


def test_the_same_school_twice_counts_once(client, two_published):
    response = client.get("/scholen/vergelijk/", {"s": ["12AB00", "12ab00"]})
    assert response.status_code == 400

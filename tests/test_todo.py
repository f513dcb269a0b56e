"""The "Te doen" overview: what is due where, who is next, and what the person can do now."""

from datetime import date

import pytest
from django.urls import reverse

from steunwijzer.organisations.models import Role
from steunwijzer.route.todo import todo_rows
from tests.conftest import grant, make_user
from tests.deadline_helpers import many_schools, set_deadline, set_today
from tests.route_helpers import to_state

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, TODAY)


def names(rows):
    return [row.school.name for row in rows]


def page(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("todo"), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("persona", "schools"),
    [
        ("editor", ["De Regenboog"]),
        ("team_member", ["De Regenboog"]),
        ("mr_member", ["De Regenboog"]),
        ("other_editor", ["De Vlieger"]),
        ("officer", ["De Regenboog", "De Vlieger"]),
        ("other_officer", ["Het Baken"]),
        ("staff", ["De Regenboog", "De Vlieger", "Het Baken"]),
        ("other_staff", []),
        ("outsider", []),
    ],
)
def test_it_shows_each_persona_the_schools_they_follow(
    request, profile, other_school, single_school, persona, schools
):
    rows = todo_rows(request.getfixturevalue(persona), TODAY)
    assert sorted(names(rows)) == schools


def test_it_says_who_is_next_and_what_i_can_do(profile, editor, mr_member, officer):
    [row] = todo_rows(editor, TODAY)
    assert (row.state_label, row.actor_label, row.actions) == (
        "concept",
        "de school",
        ["Advies vragen aan de MR"],
    )
    to_state(profile, "bij_mr", editor=editor, mr=mr_member, officer=officer)
    [row] = todo_rows(editor, TODAY)
    assert (row.actor_label, row.mine) == ("de MR", False)
    [row] = todo_rows(mr_member, TODAY)
    assert (row.actor_label, row.actions) == ("de MR", ["Advies geven"])


def test_a_school_without_a_profile_is_for_its_editor_to_start(other_school, other_editor, officer):
    [row] = todo_rows(other_editor, TODAY)
    assert (row.profile, row.state_label, row.actions) == (
        None,
        "nog niet begonnen",
        ["SOP starten"],
    )
    assert [row.mine for row in todo_rows(officer, TODAY)] == [False]


def test_it_marks_late_and_soon(partnership, board, single_board, profile, single_school):
    set_deadline(partnership, date(2026, 12, 1))
    set_deadline(partnership, date(2026, 11, 1), board=board)
    rows = {row.school.name: row for row in todo_rows(make_staff(partnership), TODAY)}
    assert (rows["De Regenboog"].late, rows["De Regenboog"].soon) == (True, False)
    assert rows["De Regenboog"].due_on == date(2026, 11, 1)
    assert (rows["Het Baken"].late, rows["Het Baken"].soon) == (False, True)
    assert rows["Het Baken"].due_on == date(2026, 12, 1)


def test_a_profile_at_the_board_is_not_late(profile, editor, mr_member, officer):
    to_state(profile, "bij_bestuur", editor=editor, mr=mr_member, officer=officer)
    [row] = todo_rows(editor, TODAY)
    assert row.due_on == date(2026, 9, 1)
    assert (row.late, row.actor_label) == (False, "het bestuur")


def test_a_published_profile_needs_nobody(profile, editor, mr_member, officer, staff):
    to_state(profile, "gepubliceerd", editor=editor, mr=mr_member, officer=officer, staff=staff)
    [row] = todo_rows(editor, TODAY)
    assert (row.actor_label, row.actions, row.late) == ("", [], False)


def test_my_turn_comes_first_then_late_then_by_date(
    partnership,
    board,
    single_board,
    profile,
    other_profile,
    single_school,
    editor,
    mr_member,
    officer,
):
    set_deadline(partnership, date(2027, 1, 15))
    set_deadline(partnership, date(2026, 12, 1), board=single_board)
    to_state(profile, "bij_bestuur", editor=editor, mr=mr_member, officer=officer)
    staff = make_staff(partnership)
    grant(staff, Role.BOARD_OFFICER, board=board)
    rows = todo_rows(staff, TODAY)
    # De Regenboog waits for the board (this person); Het Baken is due before De Vlieger.
    assert names(rows) == ["De Regenboog", "Het Baken", "De Vlieger"]
    set_deadline(partnership, date(2026, 11, 1), board=board)
    assert names(todo_rows(staff, TODAY)) == ["De Regenboog", "De Vlieger", "Het Baken"]
    assert [r.late for r in todo_rows(staff, TODAY)] == [False, True, False]


def test_the_page_shows_the_rows_with_badges(client, partnership, profile, other_school, officer):
    body = page(client, officer)
    assert "De Regenboog" in body and "De Vlieger" in body
    assert "1 september 2026" in body
    assert body.count("te laat</span>") == 2
    assert "nog niet begonnen" in body
    assert reverse("profile_route", args=[profile.pk]) in body


def test_the_filter_keeps_only_my_turn(client, profile, other_school, editor, mr_member, officer):
    to_state(profile, "bij_bestuur", editor=editor, mr=mr_member, officer=officer)
    body = page(client, officer, mijn="1")
    assert "De Regenboog" in body and "Vaststellen" in body
    assert "De Vlieger" not in body
    assert "nergens aan zet" in page(client, editor, mijn="1")


def test_the_page_needs_a_sign_in(client, db):
    assert client.get(reverse("todo"))["Location"].startswith(reverse("login"))


def test_the_header_links_to_the_page(client, editor):
    assert f'href="{reverse("todo")}"' in page(client, editor)


def make_staff(partnership):
    user = make_user("swv_todo")
    grant(user, Role.PARTNERSHIP_STAFF, partnership=partnership)
    return user


# session, user, memberships, schools, profiles, earlier published profiles (the cycle),
# boards, deadlines, theme, unread notifications
QUERY_BOUND = 10


@pytest.mark.parametrize("count", [3, 12])
@pytest.mark.parametrize("persona", ["staff", "officer", "editor"])
def test_the_page_costs_the_same_queries_for_any_number_of_schools(
    request,
    client,
    partnership,
    format_version,
    board,
    single_board,
    editor,
    count,
    persona,
    django_assert_max_num_queries,
):
    many_schools(board, single_board, editor, count)
    grant(editor, Role.SCHOOL_EDITOR, school=single_board.schools.get())
    user = request.getfixturevalue(persona)
    client.force_login(user)
    with django_assert_max_num_queries(QUERY_BOUND):
        response = client.get(reverse("todo"))
    assert response.status_code == 200

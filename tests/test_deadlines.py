"""When SOPs are due at the board, who acts next, and the pages where the dates are set."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.organisations.models import Board, Partnership, Role
from steunwijzer.profiles.models import STATE_LABELS
from steunwijzer.profiles.states import BEFORE_BOARD, STATES
from steunwijzer.route.deadline_services import deadline_remove, deadline_set
from steunwijzer.route.deadlines import (
    actors_label,
    deadline_reminder,
    due_date,
    is_due_soon,
    is_late,
    next_actors,
)
from steunwijzer.route.definitions import SCHOOLGIDS_ROUTE, SOP_ROUTE, route_to_dict
from steunwijzer.route.models import Deadline
from tests.conftest import grant, make_school, make_user
from tests.deadline_helpers import due_for, set_deadline, set_today

YEAR = "2026-2027"
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2098, 12, 31))
school_years = st.integers(min_value=2000, max_value=2098).map(lambda y: f"{y}-{y + 1}")


# --- The pure rules ---------------------------------------------------------------------------


def test_it_defaults_to_the_first_of_september():
    assert due_date("2026-2027", None, None) == date(2026, 9, 1)


def test_it_takes_the_partnership_date_when_the_board_has_none():
    assert due_date(YEAR, date(2026, 10, 1), None) == date(2026, 10, 1)


@given(school_years, st.one_of(st.none(), days), days)
def test_it_always_lets_the_board_date_win(school_year, partnership_date, board_date):
    assert due_date(school_year, partnership_date, board_date) == board_date


@given(school_years)
def test_it_falls_back_to_the_first_of_september_of_the_first_year(school_year):
    due = due_date(school_year, None, None)
    assert (due.year, due.month, due.day) == (int(school_year[:4]), 9, 1)


@pytest.mark.parametrize("state", list(STATES))
def test_it_is_late_only_before_the_board_stage_and_after_the_due_date(state):
    due = date(2026, 9, 1)
    assert is_late(state, due, date(2026, 9, 2)) == (state in BEFORE_BOARD)
    assert not is_late(state, due, due)
    assert not is_late(state, due, date(2026, 8, 1))


@pytest.mark.parametrize("state", list(STATES))
def test_it_is_due_soon_within_fourteen_days_before_the_board_stage(state):
    due = date(2026, 9, 15)
    assert is_due_soon(state, due, date(2026, 9, 1)) == (state in BEFORE_BOARD)
    assert is_due_soon(state, due, due) == (state in BEFORE_BOARD)
    assert not is_due_soon(state, due, date(2026, 8, 31))
    assert not is_due_soon(state, due, date(2026, 9, 16))


@pytest.mark.parametrize(
    ("days_left", "kind"),
    [
        (20, None),
        (15, None),
        (14, "due_14"),
        (4, "due_14"),
        (3, "due_3"),
        (0, "due_3"),
        (-1, "late"),
        (-30, "late"),
    ],
)
def test_it_knows_which_deadline_reminder_is_due(days_left, kind):
    due = date(2026, 9, 1)
    assert deadline_reminder("concept", due, due - timedelta(days=days_left)) == kind
    assert deadline_reminder("bij_bestuur", due, due - timedelta(days=days_left)) is None


WHO_ACTS_NEXT = [
    (SOP_ROUTE, "concept", "de school"),
    (SOP_ROUTE, "bij_mr", "de MR"),
    (SOP_ROUTE, "advies_gegeven", "de school"),
    (SOP_ROUTE, "bij_bestuur", "het bestuur"),
    (SOP_ROUTE, "vastgesteld", "het bestuur"),
    # Delivered: the partnership confirms receipt; the school may publish before that,
    # but it is not its turn until the receipt.
    (SOP_ROUTE, "aangeleverd", "het samenwerkingsverband"),
    (SOP_ROUTE, "ontvangen", "de school"),
    (SOP_ROUTE, "gepubliceerd", ""),
    (SCHOOLGIDS_ROUTE, "concept", "de school"),
    (SCHOOLGIDS_ROUTE, "leerlingen_gehoord", "de school"),
    (SCHOOLGIDS_ROUTE, "bij_mr", "de MR"),
    (SCHOOLGIDS_ROUTE, "instemming_gegeven", "de school"),
    (SCHOOLGIDS_ROUTE, "bij_bestuur", "het bestuur"),
    (SCHOOLGIDS_ROUTE, "vastgesteld", "het bestuur"),
    (SCHOOLGIDS_ROUTE, "aangeleverd", "het samenwerkingsverband"),
    (SCHOOLGIDS_ROUTE, "ontvangen", "de school"),
    (SCHOOLGIDS_ROUTE, "gepubliceerd", ""),
]


@pytest.mark.parametrize(("route", "state", "label"), WHO_ACTS_NEXT)
def test_it_derives_who_acts_next_from_the_route(route, state, label):
    profile = SimpleNamespace(route=route_to_dict(route), state=state)
    assert actors_label(next_actors(profile)) == label


def test_every_state_of_both_routes_has_its_answer():
    """The table above names every state, so a state added to a route gets an answer too."""
    named = {(r.key, s) for r, s, _label in WHO_ACTS_NEXT}
    assert named == {(r.key, s) for r in (SOP_ROUTE, SCHOOLGIDS_ROUTE) for s in r.states}


def test_a_shortcut_stays_allowed_though_it_makes_nobody_next():
    publish = SOP_ROUTE.step("publish")
    assert "publish" in SOP_ROUTE.actions_for("aangeleverd", {"school_editor"})
    assert publish not in SOP_ROUTE.expected_steps("aangeleverd")
    assert publish in SOP_ROUTE.expected_steps("ontvangen")
    # Sent back and established both leave bij_bestuur: the board's turn either way.
    assert [s.action for s in SOP_ROUTE.expected_steps("bij_bestuur")] == [
        "return_to_school",
        "establish",
    ]


# --- Deadlines in the database ----------------------------------------------------------------


def test_it_finds_the_due_date_for_a_school(school, other_school, single_school, partnership):
    assert due_for(school, YEAR) == date(2026, 9, 1)
    set_deadline(partnership, date(2026, 10, 1))
    set_deadline(partnership, date(2026, 11, 1), board=single_school.board)
    assert due_for(school, YEAR) == date(2026, 10, 1)
    assert due_for(single_school, YEAR) == date(2026, 11, 1)
    assert due_for(school, "2027-2028") == date(2027, 9, 1)


def test_it_ignores_another_partnerships_dates(school, db):
    elsewhere = Partnership.objects.create(name="SWV Elders", short_name="Elders", slug="elders")
    set_deadline(elsewhere, date(2026, 12, 1))
    assert due_for(school, YEAR) == date(2026, 9, 1)


def test_it_computes_many_due_dates_in_one_query(
    partnership, board, single_board, profile, other_profile, django_assert_num_queries
):
    set_deadline(partnership, date(2026, 10, 1))
    set_deadline(partnership, date(2026, 8, 20), board=board)
    profiles = list(type(profile).objects.select_related("school__board"))
    with django_assert_num_queries(1):
        due = Deadline.objects.due_dates_for(profiles)
    assert due == {profile.pk: date(2026, 8, 20), other_profile.pk: date(2026, 8, 20)}


def test_it_keeps_one_date_per_partnership_board_and_year(partnership, board):
    set_deadline(partnership, date(2026, 10, 1))
    set_deadline(partnership, date(2026, 10, 1), board=board)
    for extra in ({}, {"board": board}):
        with pytest.raises(IntegrityError), transaction.atomic():
            set_deadline(partnership, date(2026, 10, 2), **extra)


# --- The service --------------------------------------------------------------------------------


def test_it_sets_and_replaces_the_partnership_date(partnership, staff):
    deadline_set(user=staff, partnership=partnership, school_year=YEAR, due_on=date(2026, 10, 1))
    deadline_set(user=staff, partnership=partnership, school_year=YEAR, due_on=date(2026, 9, 15))
    deadline = Deadline.objects.get()
    assert (deadline.board, deadline.due_on, deadline.set_by) == (None, date(2026, 9, 15), staff)


@pytest.mark.parametrize(
    ("school_year", "due_on", "message"),
    [
        (YEAR, date(2026, 7, 31), "tussen 1 augustus 2026 en 31 juli 2027"),
        (YEAR, date(2027, 8, 1), "tussen 1 augustus 2026 en 31 juli 2027"),
        ("2026/2027", date(2026, 9, 1), "Schrijf het schooljaar als 2026-2027."),
        ("2026-2028", date(2026, 9, 1), "Schrijf het schooljaar als 2026-2027."),
    ],
)
def test_it_refuses_a_date_outside_the_school_year(
    partnership, staff, school_year, due_on, message
):
    with pytest.raises(ValidationError) as error:
        deadline_set(user=staff, partnership=partnership, school_year=school_year, due_on=due_on)
    assert message in str(error.value)
    assert not Deadline.objects.exists()


def test_it_accepts_the_first_and_last_day_of_the_school_year(partnership, staff):
    for due_on in (date(2026, 8, 1), date(2027, 7, 31)):
        deadline_set(user=staff, partnership=partnership, school_year=YEAR, due_on=due_on)
    assert Deadline.objects.get().due_on == date(2027, 7, 31)


@pytest.mark.parametrize("persona", ["officer", "editor", "other_staff", "outsider"])
def test_it_lets_only_staff_set_the_partnership_date(request, partnership, persona):
    with pytest.raises(PermissionDenied):
        deadline_set(
            user=request.getfixturevalue(persona),
            partnership=partnership,
            school_year=YEAR,
            due_on=date(2026, 10, 1),
        )
    assert not Deadline.objects.exists()


@pytest.mark.parametrize("persona", ["staff", "other_officer", "editor", "outsider"])
def test_it_lets_only_the_boards_officer_set_its_date(request, partnership, board, persona):
    with pytest.raises(PermissionDenied):
        deadline_set(
            user=request.getfixturevalue(persona),
            partnership=partnership,
            board=board,
            school_year=YEAR,
            due_on=date(2026, 10, 1),
        )
    assert not Deadline.objects.exists()


def test_it_refuses_a_board_of_another_partnership(partnership, officer, board):
    elsewhere = Partnership.objects.create(name="SWV Elders", short_name="Elders", slug="elders")
    with pytest.raises(ValueError):
        deadline_set(
            user=officer,
            partnership=elsewhere,
            board=board,
            school_year=YEAR,
            due_on=date(2026, 10, 1),
        )


def test_removing_the_boards_date_falls_back_to_the_partnerships(
    partnership, board, school, officer
):
    set_deadline(partnership, date(2026, 10, 1))
    deadline_set(
        user=officer,
        partnership=partnership,
        board=board,
        school_year=YEAR,
        due_on=date(2026, 8, 15),
    )
    assert due_for(school, YEAR) == date(2026, 8, 15)
    assert deadline_remove(user=officer, board=board, school_year=YEAR)
    assert due_for(school, YEAR) == date(2026, 10, 1)
    assert not deadline_remove(user=officer, board=board, school_year=YEAR)


# --- The pages ----------------------------------------------------------------------------------


@pytest.fixture
def today(monkeypatch):
    set_today(monkeypatch, date(2026, 11, 22))


def test_staff_set_the_partnership_date_on_its_page(client, today, partnership, board, staff):
    url = reverse("partnership_deadlines", args=[partnership.slug])
    client.force_login(staff)
    page = client.get(url).content.decode()
    assert "1 september 2026" in page and "(standaard)" in page
    response = client.post(url, {"school_year": "2027-2028", "due_on": "2027-08-25"})
    assert response.status_code == 302
    assert Deadline.objects.get(board=None).due_on == date(2027, 8, 25)
    assert "25 augustus 2027" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "persona", ["other_staff", "officer", "other_officer", "editor", "outsider"]
)
def test_others_may_not_open_the_partnership_deadlines(
    request, client, today, partnership, persona
):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("partnership_deadlines", args=[partnership.slug])
    assert client.get(url).status_code == 403
    assert client.post(url, {"school_year": YEAR, "due_on": "2026-10-01"}).status_code == 403
    assert not Deadline.objects.exists()


def test_the_partnership_page_shows_boards_own_dates(client, today, partnership, board, staff):
    set_deadline(partnership, date(2026, 10, 3), board=board)
    client.force_login(staff)
    page = client.get(reverse("partnership_deadlines", args=[partnership.slug])).content.decode()
    assert "Stichting Leerkracht" in page and "3 oktober 2026" in page and "eigen datum" in page


def test_the_officer_sets_and_removes_the_boards_date(
    client, today, partnership, board, school, officer
):
    set_deadline(partnership, date(2026, 10, 1))
    url = reverse("board_deadlines", args=[board.pk])
    client.force_login(officer)
    assert "1 oktober 2026" in client.get(url).content.decode()
    assert client.post(url, {"school_year": YEAR, "due_on": "2026-12-01"}).status_code == 302
    assert due_for(school, YEAR) == date(2026, 12, 1)
    assert "eigen datum van het bestuur" in client.get(url).content.decode()
    response = client.post(reverse("board_deadline_remove", args=[board.pk, YEAR]))
    assert response.status_code == 302
    assert due_for(school, YEAR) == date(2026, 10, 1)


@pytest.mark.parametrize(
    "persona", ["staff", "other_staff", "other_officer", "editor", "mr_member", "outsider"]
)
def test_others_may_not_open_the_board_deadlines(
    request, client, today, partnership, board, persona
):
    set_deadline(partnership, date(2026, 10, 1), board=board)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("board_deadlines", args=[board.pk])).status_code == 403
    response = client.post(
        reverse("board_deadlines", args=[board.pk]), {"school_year": YEAR, "due_on": "2026-12-01"}
    )
    assert response.status_code == 403
    assert client.post(reverse("board_deadline_remove", args=[board.pk, YEAR])).status_code == 403
    assert Deadline.objects.get().due_on == date(2026, 10, 1)


def test_anonymous_visitors_are_sent_to_sign_in(client, today, partnership, board):
    for url in (
        reverse("partnership_deadlines", args=[partnership.slug]),
        reverse("board_deadlines", args=[board.pk]),
    ):
        assert client.get(url)["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"school_year": YEAR, "due_on": "2027-09-01"}, "Kies een datum in schooljaar 2026-2027"),
        ({"school_year": YEAR, "due_on": "31-02-2026"}, "Voer een geldige datum in."),
        ({"school_year": YEAR, "due_on": ""}, "Dit veld is verplicht."),
        ({"school_year": "2030-2031", "due_on": "2030-09-01"}, "Selecteer een geldige keuze."),
    ],
)
def test_a_bad_date_is_refused_in_dutch_and_nothing_stored(
    client, today, partnership, board, staff, officer, posted, message
):
    for user, url in (
        (staff, reverse("partnership_deadlines", args=[partnership.slug])),
        (officer, reverse("board_deadlines", args=[board.pk])),
    ):
        client.force_login(user)
        response = client.post(url, posted)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert 'aria-invalid="true"' in response.content.decode()
    assert not Deadline.objects.exists()


def test_the_model_page_links_to_the_deadlines(client, partnership, format_version, staff):
    client.force_login(staff)
    page = client.get(reverse("format_versions", args=[partnership.slug])).content.decode()
    assert reverse("partnership_deadlines", args=[partnership.slug]) in page


def test_the_platform_admin_may_set_any_boards_date(client, today, partnership, board):
    admin = make_user("beheer")
    grant(admin, Role.PLATFORM_ADMIN)
    client.force_login(admin)
    url = reverse("board_deadlines", args=[board.pk])
    assert client.post(url, {"school_year": YEAR, "due_on": "2026-09-20"}).status_code == 302
    assert Deadline.objects.get(board=board).due_on == date(2026, 9, 20)


def test_a_new_board_follows_the_partnership_date(partnership, staff):
    set_deadline(partnership, date(2026, 9, 30))
    new_board = Board.objects.create(partnership=partnership, name="Nieuw")
    new_school = make_school(new_board, "99ZZ", "Nieuwe School")
    assert due_for(new_school, YEAR) == date(2026, 9, 30)


def test_every_state_has_its_words():
    assert list(STATE_LABELS) == list(STATES)

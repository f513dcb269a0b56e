"""The home cards show when each SOP is due at the board, and whether it is late."""

from datetime import date

import pytest
from django.urls import reverse

from steunwijzer.organisations.models import Role
from tests.conftest import grant
from tests.deadline_helpers import many_schools, set_deadline, set_today


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_due_date_and_a_late_badge(client, monkeypatch, partnership, profile, editor):
    set_today(monkeypatch, date(2026, 11, 22))
    body = home(client, editor)
    assert "Uiterlijk bij het bestuur: 1 september 2026" in body
    assert "te laat</span>" in body


def test_it_is_not_late_before_the_boards_own_date(
    client, monkeypatch, partnership, board, profile, editor
):
    set_today(monkeypatch, date(2026, 11, 22))
    set_deadline(partnership, date(2026, 12, 15), board=board)
    body = home(client, editor)
    assert "Uiterlijk bij het bestuur: 15 december 2026" in body
    assert "te laat</span>" not in body


# session, user, memberships, schools, profiles, earlier published profiles (the cycle),
# deadlines, managed partnerships, theme, unread notifications (the header); and for
# partnership staff, whose schools are shown a page at a time, the count for the pager.
QUERY_BOUND = 11


@pytest.mark.parametrize("count", [3, 12])
@pytest.mark.parametrize("persona", ["staff", "officer", "editor"])
def test_it_costs_the_same_queries_for_any_number_of_schools(
    request,
    client,
    monkeypatch,
    partnership,
    format_version,
    board,
    single_board,
    editor,
    count,
    persona,
    django_assert_max_num_queries,
):
    set_today(monkeypatch, date(2026, 11, 22))
    many_schools(board, single_board, editor, count)
    grant(editor, Role.SCHOOL_EDITOR, school=single_board.schools.get())
    client.force_login(request.getfixturevalue(persona))
    with django_assert_max_num_queries(QUERY_BOUND):
        assert client.get(reverse("home")).status_code == 200

"""Setting Django's clock in tests about deadlines and reminders."""

from datetime import UTC, date, datetime

from steunwijzer.organisations.models import Board, Partnership
from steunwijzer.profiles.services import profile_create
from steunwijzer.route.models import Deadline
from tests.conftest import make_school


def set_today(monkeypatch, day: date):
    """Django's clock says `day` (mid-morning, the same date in UTC and in Amsterdam).

    Patching `timezone.now` also moves `timezone.localdate` and every `auto_now` stamp.
    """
    moment = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


def set_cycle(partnership, years: int) -> None:
    """The partnership asks for a new SOP every `years` school years (a check in the others)."""
    Partnership.objects.filter(pk=partnership.pk).update(cycle_years=years)


def set_deadline(partnership, due_on: date, *, board=None, school_year="2026-2027"):
    return Deadline.objects.create(
        partnership=partnership, board=board, school_year=school_year, due_on=due_on
    )


def many_schools(board, single_board, editor, count):
    """`count` schools over two boards and an éénpitter, each with a profile."""
    boards = [board, Board.objects.create(partnership=board.partnership, name="Tweede")]
    for n in range(count - 1):
        school = make_school(boards[n % 2], f"{10 + n}ZZ", f"School {n:02}")
        profile_create(school=school, school_year="2026-2027", user=editor)
    single = make_school(single_board, "99YY", "Eenpitter")
    profile_create(school=single, school_year="2026-2027", user=editor)


def due_for(school, school_year="2026-2027") -> date:
    """The day this school's SOP is due at its board, through the bulk helper the pages use."""
    return Deadline.objects.due_dates_for_schools([school], school_year)[school.pk]

"""Check years: in a partnership's cycle of N school years a published SOP holds for N years,
and in the years after its own the school checks it (the yearly evaluation) instead of
writing a new one.

In a check year the year's due date is the date of that check: the school is late when it has
recorded no evaluation of its SOP in that school year by then, and never late for a new SOP
(one it starts anyway is its own choice). Once that new SOP is established or published, the
year is no check year any more: the new SOP's own deadline applies. In a cycle of one year
there are no check years and everything is as it always was. The to-do list, the home page,
the overviews and the reminders all ask `check_years`, which reads what it needs in a fixed
number of queries.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q

from steunwijzer.core.school_year import holds_in, holds_until, school_year_plus
from steunwijzer.organisations.models import MAX_CYCLE_YEARS, Board, Partnership
from steunwijzer.profiles.evaluation import Evaluation
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.states import EDITABLE_STATE

from .deadlines import SOON_DAYS, deadline_reminder, school_year_bounds

# A check reminder's kind is its deadline kind with this in front: "check_due_14", "check_late".
CHECK_PREFIX = "check_"


@dataclass(frozen=True)
class CheckYear:
    """A school year in which the school's earlier SOP still holds and is checked."""

    # The published SOP that holds, and the last school year it holds.
    holding: Profile
    holds_until: str
    # An evaluation of the school's SOP was recorded in this school year.
    done: bool

    def late(self, due_on: date, today: date) -> bool:
        return not self.done and today > due_on

    def soon(self, due_on: date, today: date) -> bool:
        return not self.done and today <= due_on <= today + timedelta(days=SOON_DAYS)

    def reminder(self, due_on: date, today: date) -> str | None:
        """Which check reminder is due today, as `deadline_reminder` for a new SOP: none once
        the check is done."""
        if self.done:
            return None
        kind = deadline_reminder(EDITABLE_STATE, due_on, today)
        return CHECK_PREFIX + kind if kind else None


def is_check_kind(kind: str) -> bool:
    return kind.startswith(CHECK_PREFIX)


def _cycles(schools) -> dict[int, int]:
    """partnership pk → its cycle: from the partnerships loaded with the schools' boards, or
    in one query (the overviews load no partnership per school, to keep their pages light)."""
    boards = [s.board for s in schools]
    if all(Board.partnership.is_cached(b) for b in boards):
        return {b.partnership_id: b.partnership.cycle_years for b in boards}
    return _cycles_of({b.partnership_id for b in boards})


def _cycles_of(partnership_ids) -> dict[int, int]:
    return dict(Partnership.objects.filter(pk__in=partnership_ids).values_list("pk", "cycle_years"))


def _without_new_sop(holding: dict, school_year: str) -> dict:
    if not holding:
        return holding
    renewed = set(
        Profile.objects.filter(school__pk__in=list(holding), school_year=school_year)
        .filter(Q(established_on__isnull=False) | Q(published_revision__isnull=False))
        .values_list("school_id", flat=True)
    )
    return {pk: held for pk, held in holding.items() if pk not in renewed}


def check_years(schools, school_year: str) -> dict[int, CheckYear]:
    """school pk → its `CheckYear`, for the schools for which `school_year` is a check year.
    Load the schools with their board (and its partnership, to save a query). At most four
    queries; when every partnership asks for a new SOP every year, only the partnerships'
    cycles are read."""
    schools = list(schools)
    return check_years_of(
        {s.pk: s.board.partnership_id for s in schools}, school_year, cycles=_cycles(schools)
    )


def check_years_of(
    partnerships: dict[int, int], school_year: str, *, cycles: dict[int, int] | None = None
) -> dict[int, CheckYear]:
    """`check_years` of schools given as school pk → partnership pk: the overviews read a
    region's thousand schools as values, not as instances."""
    if cycles is None:
        cycles = _cycles_of(set(partnerships.values()))
    cycled = [pk for pk, partnership in partnerships.items() if cycles.get(partnership, 1) > 1]
    if not cycled:
        return {}
    newest = {}
    for profile in (
        Profile.objects.filter(
            school__in=cycled,
            school_year__lt=school_year,
            school_year__gt=school_year_plus(school_year, -MAX_CYCLE_YEARS),
            published_revision__isnull=False,
        )
        .select_related("school")
        .defer("answers")
        .order_by("school_id", "-school_year")
    ):
        newest.setdefault(profile.school_id, profile)
    holding = {}
    for pk in cycled:
        cycle = cycles[partnerships[pk]]
        profile = newest.get(pk)
        if profile is not None and holds_in(profile.school_year, cycle, school_year):
            holding[pk] = (profile, holds_until(profile.school_year, cycle))
    # A school that established or published a new SOP this year has left its cycle's check:
    # that SOP is its own, with its own deadline, and the earlier one holds no longer.
    holding = _without_new_sop(holding, school_year)
    if not holding:
        return {}
    first, last = school_year_bounds(school_year)
    evaluated = set(
        Evaluation.objects.filter(
            profile__school__in=list(holding), evaluated_on__range=(first, last)
        ).values_list("profile__school_id", flat=True)
    )
    return {
        pk: CheckYear(holding=profile, holds_until=until, done=pk in evaluated)
        for pk, (profile, until) in holding.items()
    }

"""The "Te doen" overview: for one person, every school they follow and what is due there."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from steunwijzer.core.school_year import school_year_of
from steunwijzer.organisations.models import Membership, School
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.states import EDITABLE_STATE

from .cycle import CheckYear, check_years
from .deadlines import actors_label, is_due_soon, is_late, next_actors
from .definitions import EDITOR
from .labels import step_label
from .lifecycle import route_of, transitions_for
from .models import Deadline

NOT_STARTED = _("not started yet")
START = _("Start the SOP")
CHECK = _("Check the SOP (yearly evaluation)")
HOLDS = _("SOP of %(year)s, holds until %(until)s")


@dataclass
class TodoRow:
    school: School
    profile: Profile | None
    due_on: date
    late: bool
    soon: bool
    actor_label: str
    # Labels of the steps this person can take now; empty when it is not their turn.
    actions: list[str] = field(default_factory=list)
    # A check year (the partnership's cycle): the published SOP of an earlier year still
    # holds, the due date is that of its yearly check, and late means the check is late.
    check: CheckYear | None = None

    @property
    def mine(self) -> bool:
        return bool(self.actions)

    @property
    def holding(self) -> Profile | None:
        """The SOP that holds, when the school has not started a new one: it checks that."""
        return self.check.holding if self.check and self.profile is None else None

    @property
    def state_label(self) -> str:
        if self.holding:
            return str(HOLDS) % {
                "year": self.holding.school_year,
                "until": self.check.holds_until,
            }
        return self.profile.get_state_display() if self.profile else str(NOT_STARTED)


def schools_with_current_profile(user, school_year: str):
    """Visible schools with `current_profiles` and what `is_single_school` needs, prefetched.

    The board's schools are prefetched so that `route_roles` (the éénpitter check) costs no
    query per school.
    """
    return (
        School.objects.visible_to(user)
        .select_related("board__partnership")
        .prefetch_related(
            Prefetch(
                "profiles",
                queryset=Profile.objects.filter(school_year=school_year).defer("answers"),
                to_attr="current_profiles",
            ),
            Prefetch("board__schools", queryset=School.objects.only("pk", "board_id")),
        )
    )


def _row(user, school, due_on, today, check) -> TodoRow:
    profile = school.current_profiles[0] if school.current_profiles else None
    if check is not None:
        # In a check year a new SOP is the school's own choice: late only for the check.
        late, soon = check.late(due_on, today), check.soon(due_on, today)
    else:
        state = profile.state if profile else EDITABLE_STATE
        late, soon = is_late(state, due_on, today), is_due_soon(state, due_on, today)
    if profile is None and check is not None:
        may_check = Membership.is_school_editor(user, school)
        return TodoRow(
            school=school,
            profile=None,
            due_on=due_on,
            late=late,
            soon=soon,
            actor_label=actors_label([EDITOR]),
            actions=[str(CHECK)] if may_check and not check.done else [],
            check=check,
        )
    if profile is None:
        may_start = Membership.is_school_editor(user, school)
        return TodoRow(
            school=school,
            profile=None,
            due_on=due_on,
            late=late,
            soon=soon,
            actor_label=actors_label([EDITOR]),
            actions=[str(START)] if may_start else [],
        )
    route = route_of(profile)
    actors = next_actors(profile)
    return TodoRow(
        school=school,
        profile=profile,
        due_on=due_on,
        late=late,
        soon=soon,
        actor_label=actors_label(actors),
        actions=[
            step_label(route.step(a))
            for a in transitions_for(profile, user)
            if not route.step(a).optional
        ]
        if actors
        else [],
        check=check,
    )


def todo_rows(user, today: date) -> list[TodoRow]:
    """This school year's rows: the person's own turn first, then late ones, then by date."""
    school_year = school_year_of(today)
    schools = list(schools_with_current_profile(user, school_year))
    due = Deadline.objects.due_dates_for_schools(schools, school_year)
    checks = check_years(schools, school_year)
    rows = [_row(user, school, due[school.pk], today, checks.get(school.pk)) for school in schools]
    return sorted(
        rows, key=lambda r: (not r.mine, not r.late, r.due_on, r.school.name, r.school.pk)
    )

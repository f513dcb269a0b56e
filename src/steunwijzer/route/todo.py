"""The "Te doen" overview: for one person, every school they follow and what is due there."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from steunwijzer.core.school_year import holds_in, holds_until, school_year_of
from steunwijzer.organisations.models import Membership, School
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.states import EDITABLE_STATE

from .deadlines import actors_label, is_due_soon, is_late, next_actors, school_is_late
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
    # The published SOP of an earlier year still holds (the partnership's cycle): the school
    # checks it this year instead of writing a new one.
    holding: Profile | None = None

    @property
    def mine(self) -> bool:
        return bool(self.actions)

    @property
    def state_label(self) -> str:
        if self.holding:
            year = self.holding.school_year
            cycle = self.school.board.partnership.cycle_years
            return str(HOLDS) % {"year": year, "until": holds_until(year, cycle)}
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
            published_before(school_year),
            Prefetch("board__schools", queryset=School.objects.only("pk", "board_id")),
        )
    )


def published_before(school_year: str) -> Prefetch:
    """Prefetch a school's published SOPs of earlier years, newest first, as
    `published_profiles` (what `holding_profile` reads)."""
    return Prefetch(
        "profiles",
        queryset=Profile.objects.filter(
            school_year__lt=school_year, published_revision__isnull=False
        )
        .order_by("-school_year")
        .defer("answers"),
        to_attr="published_profiles",
    )


def holding_profile(school, school_year: str) -> Profile | None:
    """The school's published SOP of an earlier year that still holds in `school_year` by its
    partnership's cycle, or None: then a new SOP is due. Needs `published_profiles`."""
    cycle = school.board.partnership.cycle_years
    newest = school.published_profiles[0] if school.published_profiles else None
    return newest if newest and holds_in(newest.school_year, cycle, school_year) else None


def _row(user, school, due_on, today) -> TodoRow:
    profile = school.current_profiles[0] if school.current_profiles else None
    holding = holding_profile(school, school_year_of(today)) if profile is None else None
    if holding is not None:
        may_check = Membership.is_school_editor(user, school)
        return TodoRow(
            school=school,
            profile=None,
            due_on=due_on,
            late=False,
            soon=False,
            actor_label=actors_label([EDITOR]),
            actions=[str(CHECK)] if may_check else [],
            holding=holding,
        )
    if profile is None:
        may_start = Membership.is_school_editor(user, school)
        return TodoRow(
            school=school,
            profile=None,
            due_on=due_on,
            late=school_is_late(None, due_on, today),
            soon=is_due_soon(EDITABLE_STATE, due_on, today),
            actor_label=actors_label([EDITOR]),
            actions=[str(START)] if may_start else [],
        )
    route = route_of(profile)
    actors = next_actors(profile)
    return TodoRow(
        school=school,
        profile=profile,
        due_on=due_on,
        late=is_late(profile.state, due_on, today),
        soon=is_due_soon(profile.state, due_on, today),
        actor_label=actors_label(actors),
        actions=[
            step_label(route.step(a))
            for a in transitions_for(profile, user)
            if not route.step(a).optional
        ]
        if actors
        else [],
    )


def todo_rows(user, today: date) -> list[TodoRow]:
    """This school year's rows: the person's own turn first, then late ones, then by date."""
    school_year = school_year_of(today)
    schools = list(schools_with_current_profile(user, school_year))
    due = Deadline.objects.due_dates_for_schools(schools, school_year)
    rows = [_row(user, school, due[school.pk], today) for school in schools]
    return sorted(
        rows, key=lambda r: (not r.mine, not r.late, r.due_on, r.school.name, r.school.pk)
    )

"""The "Te doen" overview: for one person, every school they follow and what is due there."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from steunwijzer.core.school_year import school_year_of
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

    @property
    def mine(self) -> bool:
        return bool(self.actions)

    @property
    def state_label(self) -> str:
        return self.profile.get_state_display() if self.profile else str(NOT_STARTED)


def schools_with_current_profile(user, school_year: str):
    """Visible schools with `current_profiles` and what `is_single_school` needs, prefetched.

    The board's schools are prefetched so that `route_roles` (the éénpitter check) costs no
    query per school.
    """
    return (
        School.objects.visible_to(user)
        .select_related("board")
        .prefetch_related(
            Prefetch(
                "profiles",
                queryset=Profile.objects.filter(school_year=school_year).defer("answers"),
                to_attr="current_profiles",
            ),
            Prefetch("board__schools", queryset=School.objects.only("pk", "board_id")),
        )
    )


def _row(user, school, due_on, today) -> TodoRow:
    profile = school.current_profiles[0] if school.current_profiles else None
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

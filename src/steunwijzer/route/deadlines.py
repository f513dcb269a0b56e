"""When an SOP is due at the board, whether it is late, and who acts next: plain functions.

Nothing here touches the database, so the to-do page, the home cards and the `remind`
command can ask these questions for hundreds of profiles after fetching everything once.
"""

from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from steunwijzer.profiles.states import BEFORE_BOARD, EDITABLE_STATE

from .definitions import EDITOR, MR, OFFICER, SINGLE_SCHOOL_EDITOR, STAFF
from .lifecycle import route_of

# The seed letter's deadline: the school delivers its SOP to the board by 1 September.
DEFAULT_DUE_MONTH, DEFAULT_DUE_DAY = 9, 1
SOON_DAYS = 14
# Once published, starting next year's draft is optional: nobody owes anything any more.
FINISHED_STATES = ("gepubliceerd",)

ACTOR_LABELS = {
    EDITOR: pgettext_lazy("who acts next", "the school"),
    MR: pgettext_lazy("who acts next", "the MR"),
    OFFICER: pgettext_lazy("who acts next", "the board"),
    # The director of an éénpitter acts as its board when delivering.
    SINGLE_SCHOOL_EDITOR: pgettext_lazy("who acts next", "the board"),
    STAFF: pgettext_lazy("who acts next", "the partnership"),
}


def first_year(school_year: str) -> int:
    return int(school_year[:4])


def following_school_year(school_year: str) -> str:
    start = first_year(school_year) + 1
    return f"{start}-{start + 1}"


def school_year_bounds(school_year: str) -> tuple[date, date]:
    """The first and last day of a school year: 1 August to 31 July."""
    start = first_year(school_year)
    return date(start, 8, 1), date(start + 1, 7, 31)


def due_date(school_year: str, partnership_date: date | None, board_date: date | None) -> date:
    """The board's own date wins, then the partnership's, then 1 September."""
    if board_date is not None:
        return board_date
    if partnership_date is not None:
        return partnership_date
    return date(first_year(school_year), DEFAULT_DUE_MONTH, DEFAULT_DUE_DAY)


def is_late(state: str, due_on: date, today: date) -> bool:
    return state in BEFORE_BOARD and today > due_on


def school_is_late(profile, due_on: date, today: date) -> bool:
    """Late, counting a school that has not even started its profile (None) as late too."""
    return is_late(profile.state if profile else EDITABLE_STATE, due_on, today)


def is_due_soon(state: str, due_on: date, today: date) -> bool:
    return state in BEFORE_BOARD and today <= due_on <= today + timedelta(days=SOON_DAYS)


def deadline_reminder(state: str, due_on: date, today: date) -> str | None:
    """Which deadline reminder is due today, if any: "due_14", "due_3" or "late".

    Windows rather than exact days, so a cron run that was missed is made up the next day;
    the `remind` command sends each kind once, so a window never repeats a reminder.
    """
    if state not in BEFORE_BOARD:
        return None
    days_left = (due_on - today).days
    if days_left < 0:
        return "late"
    if days_left <= 3:
        return "due_3"
    if days_left <= SOON_DAYS:
        return "due_14"
    return None


def waiting_roles(route, state: str) -> list[str]:
    """Whom the school is waiting for: the next actors other than the school itself."""
    return [r for r in next_roles(route, state) if r not in (EDITOR, SINGLE_SCHOOL_EDITOR)]


def next_roles(route, state: str) -> list[str]:
    """The roles whose turn it is in this state: those of the steps someone must take from
    it (`RouteDefinition.expected_steps`), in the route's order."""
    if state in FINISHED_STATES:
        return []
    roles = []
    for step in route.expected_steps(state):
        roles += [r for r in step.roles if r not in roles]
    return roles


def next_actors(profile) -> list[str]:
    """Who acts next on this profile, as roles; [] once it is published."""
    return next_roles(route_of(profile), profile.state)


def actors_label(roles) -> str:
    """ "the MR", "the board or the school" (in the page's language); "" when nobody needs to
    act."""
    labels = []
    for role in roles:
        label = str(ACTOR_LABELS.get(role, role))
        if label not in labels:
            labels.append(label)
    return either(labels)


def either(labels) -> str:
    """ "a", "a or b", "a or b or c"; "" for none."""
    joined = ""
    for label in labels:
        joined = (
            _("%(first)s or %(second)s") % {"first": joined, "second": label} if joined else label
        )
    return joined

"""Where every school of a board or partnership stands this school year.

Everything is read in a fixed number of queries, whatever the number of schools: the schools,
their profiles of the year, the due dates, open comment counts and the route steps that matter
here (advice, delivery, receipt). Lateness and who is next come from `route.deadlines`, the
same functions the "Te doen" page uses.
"""

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.dashboards.coverage import quoted
from steunwijzer.organisations.models import School
from steunwijzer.profiles.models import STATE_LABELS, Profile
from steunwijzer.profiles.states import EDITABLE_STATE
from steunwijzer.quality_check.models import CheckSummary
from steunwijzer.quality_check.report import check_profiles
from steunwijzer.review.models import Comment
from steunwijzer.route.cycle import CheckYear, check_years_of
from steunwijzer.route.deadlines import (
    actors_label,
    is_due_soon,
    is_late,
    next_roles,
    school_is_late,
)
from steunwijzer.route.definitions import EDITOR
from steunwijzer.route.labels import decision_label
from steunwijzer.route.lifecycle import stored_route
from steunwijzer.route.models import Deadline, Transition
from steunwijzer.route.todo import NOT_STARTED, TodoRow

# Route steps whose record the overview shows, newest per profile.
SHOWN_ACTIONS = ("give_advice", "give_consent", "deliver", "acknowledge")
NOT_STARTED_STATE = "niet_begonnen"
# The state whose receipt the partnership confirms (the route's "acknowledge" step).
RECEIVABLE_STATE = "aangeleverd"
STATE_FILTERS = {NOT_STARTED_STATE: NOT_STARTED, **STATE_LABELS}
# What a row reads of a profile (its answers and frozen versions stay in the database). Its
# route comes as text (`route_text`): decoding every row's JSON costs more than the page.
ROW_FIELDS = (
    "school_id",
    "school_year",
    "state",
    "version",
    "format_version_id",
    "established_on",
)


@dataclass
class SchoolRow(TodoRow):
    """A "Te doen" row with what the overviews add: comments, check, advice, delivery."""

    open_comments: int = 0
    check_blocking: int | None = None
    check_warnings: int | None = None
    check_counts: dict | None = None
    advice: str = ""
    advice_on: str = ""
    statement_pk: int | None = None  # the advice or consent Transition, for its statement
    delivered_on: date | None = None
    received_on: str = ""

    @property
    def state(self) -> str:
        return self.profile.state if self.profile else NOT_STARTED_STATE

    @property
    def established_on(self) -> date | None:
        return self.profile.established_on if self.profile else None


def schools_in(*, board=None, partnership=None):
    """The schools of a board or of a partnership, with what the rows need loaded.

    The board, not its partnership: the rows need only the partnership's id, and a partnership
    instance for each of a region's 300 schools was a fifth of the instances its page built.
    """
    schools = School.objects.select_related("board")
    if board is not None:
        return schools.filter(board=board)
    return schools.filter(board__partnership=partnership)


# The overview's sortable columns (`listing.sort_order`): query value → the `RowKey`'s sort key.
STATE_ORDER = {key: n for n, key in enumerate(STATE_FILTERS)}
OVERVIEW_SORTS = {
    "school": lambda r: r.name.casefold(),
    "bestuur": lambda r: (r.board_name.casefold(), r.name.casefold()),
    "status": lambda r: STATE_ORDER.get(r.state, len(STATE_ORDER)),
    "termijn": lambda r: r.due_on,
}
OVERVIEW_DEFAULT_SORT = "bestuur"
# The orders the filter form offers (the column headers also reverse each one).
OVERVIEW_SORT_CHOICES = (
    ("bestuur", gettext_lazy("board, then school")),
    ("school", gettext_lazy("school name")),
    ("status", gettext_lazy("status in the route")),
    ("termijn", gettext_lazy("due date, earliest first")),
    ("-termijn", gettext_lazy("due date, latest first")),
)


def search_schools(schools, text: str):
    """Schools whose name or BRIN code contains the text (any case)."""
    if not text:
        return schools
    return schools.filter(Q(name__icontains=text) | Q(brin__icontains=text))


@dataclass(slots=True)
class RowKey:
    """What filtering, sorting and counting need of a school's row, read as values: a region's
    page sorts a thousand of these and builds a `SchoolRow` (instances, who is next, comments,
    checks, the route's records) only for the fifty it shows (`detailed_rows`)."""

    school_id: int
    name: str
    board_name: str
    state: str
    due_on: date
    late: bool
    soon: bool
    check: CheckYear | None


def school_rows(
    schools, school_year: str, today: date, *, with_check: bool = True, details: bool = True
) -> list:
    """One row per school, in the order given; a fixed number of queries.

    `details=False` gives `RowKey`s: only what filtering, sorting and counting need;
    `detailed_rows` makes `SchoolRow`s of the keys a page shows."""
    keys = row_keys(schools, school_year, today)
    return detailed_rows(keys, school_year, with_check=with_check) if details else keys


def row_keys(schools, school_year: str, today: date) -> list[RowKey]:
    """A `RowKey` per school of the queryset, in its order; three to five queries."""
    schools = list(
        schools.values_list("pk", "name", "board_id", "board__name", "board__partnership_id")
    )
    school_ids = [s[0] for s in schools]
    # `school__pk__in`: the SQL of `school__in`, without Django checking each id as a related
    # object first. One profile per school and year: no order needed, so no join for one.
    states = dict(
        Profile.objects.filter(school_year=school_year, school__pk__in=school_ids)
        .order_by()
        .values_list("school_id", "state")
    )
    due = Deadline.objects.due_dates_by_board({(s[4], s[2]) for s in schools}, school_year)
    # In a check year of the partnership's cycle the due date is that of the yearly check.
    checks = check_years_of({s[0]: s[4] for s in schools}, school_year)
    keys = []
    for pk, name, board_id, board_name, partnership_id in schools:
        state = states.get(pk)
        due_on = due[partnership_id, board_id]
        check = checks.get(pk)
        # A school without a profile is late as one still in writing (`school_is_late`).
        before = state or EDITABLE_STATE
        keys.append(
            RowKey(
                school_id=pk,
                name=name,
                board_name=board_name,
                state=state or NOT_STARTED_STATE,
                due_on=due_on,
                late=check.late(due_on, today) if check else is_late(before, due_on, today),
                soon=check.soon(due_on, today) if check else is_due_soon(before, due_on, today),
                check=check,
            )
        )
    return keys


def detailed_rows(keys, school_year: str, *, with_check: bool = True) -> list[SchoolRow]:
    """The `SchoolRow` of each key, in the keys' order, with its details; a fixed number of
    queries."""
    school_ids = [k.school_id for k in keys]
    schools = School.objects.select_related("board").in_bulk(school_ids)
    current = {
        p.school_id: p
        for p in Profile.objects.filter(school_year=school_year, school__pk__in=school_ids)
        .only(*ROW_FIELDS)
        .annotate(route_text=Cast("route", TextField()))
        .order_by()
    }
    rows = [
        SchoolRow(
            school=schools[k.school_id],
            profile=current.get(k.school_id),
            due_on=k.due_on,
            late=k.late,
            soon=k.soon,
            actor_label="",
            check=k.check,
        )
        for k in keys
    ]
    fill_details(rows, with_check=with_check)
    return rows


def fill_details(rows, *, with_check: bool = True) -> None:
    """Add who is next, open comments, the SOP-check counts and the advice, delivery and
    receipt to the rows; a fixed number of queries."""
    profiles = [r.profile for r in rows if r.profile is not None]
    profile_ids = [p.pk for p in profiles]
    comments = (
        dict(
            Comment.objects.open()
            .filter(profile__in=profile_ids)
            .values("profile")
            .annotate(n=Count("pk"))
            .values_list("profile", "n")
        )
        if profiles
        else {}
    )
    records = _records(profile_ids) if profiles else {}
    if with_check:
        fill_checks(rows)
    routes = _route_memo()
    for row in rows:
        profile = row.profile
        row.actor_label = actors_label(
            next_roles(routes(profile), profile.state) if profile else [EDITOR]
        )
        if profile is not None:
            row.open_comments = comments.get(profile.pk, 0)
            _fill_records(row, records.get(profile.pk, {}))


def fill_checks(rows) -> None:
    """Add the SOP-check counts to the rows (one query): the analysis needs them for every
    row, the overview only for the page it shows."""
    checks = check_summaries([r.profile for r in rows if r.profile])
    for row in rows:
        if row.profile is not None and row.profile.pk in checks:
            row.check_blocking, row.check_warnings, row.check_counts = checks[row.profile.pk]


def _route_memo():
    """A profile's route definition, parsed once per distinct route rather than per profile."""
    parsed: dict = {}

    def route(profile):
        key = profile.route_text
        if key not in parsed:
            parsed[key] = stored_route(json.loads(key))
        return parsed[key]

    return route


def _records(profile_ids) -> dict:
    """profile pk → action → (pk, payload, created_at) of its newest Transition.

    Read as values: a region has a few transitions per school, and the rows need three
    fields of each."""
    found: dict = {}
    transitions = (
        Transition.objects.filter(profile__in=profile_ids, action__in=SHOWN_ACTIONS)
        .order_by("created_at", "pk")
        .values_list("profile_id", "action", "pk", "payload", "created_at")
    )
    for profile_id, action, pk, payload, created_at in transitions:
        found.setdefault(profile_id, {})[action] = (pk, payload, created_at)
    return found


def _fill_records(row: SchoolRow, records: dict):
    statement = records.get("give_advice") or records.get("give_consent")
    if statement is not None:
        row.statement_pk, payload, _created = statement
        row.advice = decision_label(payload.get("advice") or payload.get("decision") or "")
        row.advice_on = payload.get("date", "")
    if "deliver" in records:
        row.delivered_on = records["deliver"][2].date()
    if "acknowledge" in records:
        row.received_on = records["acknowledge"][1].get("received_on", "")


def check_summaries(profiles) -> dict:
    """profile pk → (blocking, warnings, findings per check) of the SOP-check.

    The counts come from the summaries stored whenever a profile is saved, in one query. Only
    a profile without a summary for its current version (saved before summaries were stored,
    and `steunwijzer check_summaries` not run since) is checked here; nothing is stored, a
    page never writes.
    """
    result = CheckSummary.current_counts(profiles)
    result |= _checked_now([p.pk for p in profiles if p.pk not in result])
    return result


def check_totals(partnership, school_year: str) -> Counter | None:
    """Findings per check over the partnership's profiles of the year (None when there are
    none), counted as `check_summaries` counts them, without loading the profiles whose summary
    is current."""
    profiles = Profile.objects.filter(
        school__board__partnership=partnership, school_year=school_year
    )
    profiles_count = profiles.count()
    if not profiles_count:
        return None
    current = CheckSummary.current_of(profiles)
    summarised, totals = CheckSummary.totals(current)
    totals = Counter(totals)
    if summarised < profiles_count:
        missing = set(profiles.values_list("pk", flat=True))
        missing -= set(current.values_list("profile_id", flat=True))
        for _blocking, _warnings, counts in _checked_now(missing).values():
            totals.update(counts)
    return totals


def row_check_totals(rows) -> Counter | None:
    """`check_totals` added up from rows that carry their checks (`fill_checks`): a page that
    has the rows anyway runs no check twice (None when no row has a profile)."""
    checked = [r for r in rows if r.profile is not None]
    if not checked:
        return None
    totals = Counter()
    for row in checked:
        totals.update(row.check_counts or {})
    return totals


def _checked_now(profile_ids) -> dict:
    """`check_summaries` for profiles without a current summary: the check run here."""
    if not profile_ids:
        return {}
    fresh = Profile.objects.filter(pk__in=list(profile_ids)).select_related(
        "school__board__partnership", "format_version"
    )
    return {
        p.pk: (len(report.blocking), len(report.warnings), report.counts_by_check())
        for p, report in check_profiles(fresh)
    }


def region_state(partnership, school_year: str, today: date) -> dict:
    """How many schools the partnership has, how many established their SOP of the year and
    how many are late, counted in the database per board and state (a handful of rows
    however many schools): the analysis shows the numbers, not the schools. In a check year
    of the partnership's cycle a school is late by its yearly check (`route.cycle`), not by
    the state of a new SOP."""
    schools = dict(
        School.objects.filter(board__partnership=partnership)
        .values("board_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("board_id", "n")
    )
    checks = _check_years_in(partnership, school_year)
    of_year = Profile.objects.filter(
        school__board__partnership=partnership, school_year=school_year
    )
    profiles = (
        of_year.exclude(school__in=list(checks))
        .values("school__board_id", "state")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("school__board_id", "state", "n")
    )
    due = Deadline.objects.due_dates_for_boards(partnership.pk, schools, school_year)
    without_profile = Counter(schools)
    without_profile.subtract(Counter(c.holding.school.board_id for c in checks.values()))
    late = sum(c.late(due[c.holding.school.board_id], today) for c in checks.values())
    for board_id, state, n in profiles:
        without_profile[board_id] -= n
        late += n if is_late(state, due[board_id], today) else 0
    late += sum(n for b, n in without_profile.items() if school_is_late(None, due[b], today))
    done = of_year.filter(established_on__isnull=False).count()
    return {"school_count": sum(schools.values()), "done_count": done, "late_count": late}


def _check_years_in(partnership, school_year: str) -> dict:
    """`check_years_of` the partnership's schools, read as pks, not instances; none (and no
    schools read) in a cycle of one year, where there are no check years."""
    if partnership.cycle_years <= 1:
        return {}
    schools = School.objects.filter(board__partnership=partnership).values_list("pk", flat=True)
    return check_years_of(
        dict.fromkeys(schools, partnership.pk),
        school_year,
        cycles={partnership.pk: partnership.cycle_years},
    )


# Per filter's query key, the notice for a value that is not among the page's options.
UNKNOWN_FILTER_VALUE = {
    "status": gettext_lazy(
        "%(value)s is not a status from the list; that filter has been left out."
    ),
    "bestuur": gettext_lazy(
        "%(value)s is not a board from the list; that filter has been left out."
    ),
    "gemeente": gettext_lazy(
        "%(value)s is not a municipality from the list; that filter has been left out."
    ),
    "wijk": gettext_lazy(
        "%(value)s is not a district from the list; that filter has been left out."
    ),
}

# The partnership overview's filters on schools: query key → School field.
SCHOOL_FILTERS = (("bestuur", "board_id"), ("gemeente", "municipality"), ("wijk", "district"))


def filter_choices(partnership) -> dict:
    """The values each school filter offers: boards, municipalities and districts."""
    schools = schools_in(partnership=partnership)
    return {
        "boards": list(partnership.boards.all()),
        "municipalities": sorted(set(schools.values_list("municipality", flat=True))),
        "districts": sorted(set(schools.exclude(district="").values_list("district", flat=True))),
    }


def offered_filters(choices: dict | None = None) -> dict[str, set]:
    """Per query key the values the page offers: the status always, the school filters from
    `filter_choices` where the page has them."""
    offered = {"status": set(STATE_FILTERS)}
    if choices is not None:
        offered |= {
            "bestuur": {str(b.pk) for b in choices["boards"]},
            "gemeente": set(choices["municipalities"]),
            "wijk": set(choices["districts"]),
        }
    return offered


def accepted_filters(params, offered: dict[str, set]) -> tuple[dict, list[str]]:
    """The query's filter values that are among the page's options, and a translated notice for
    every one that is not.

    Such a value (a typed or stale link, "?bestuur=abc") is left out rather than matched: an
    empty table under dropdowns that say "alle" read as if there were no schools, and a board
    id that is not a number would raise in the database."""
    values, notices = {}, []
    for key, options in offered.items():
        value = params.get(key, "")
        if value in options:
            values[key] = value
        elif value:
            message = UNKNOWN_FILTER_VALUE.get(key) or _(
                "%(value)s is not a %(filter)s from the list; that filter has been left out."
            )
            notices.append(message % {"value": quoted(value), "filter": key})
    return values, notices


def filter_schools(schools, values: dict):
    """Narrow `schools` by the accepted school filters (`accepted_filters`)."""
    for key, lookup in SCHOOL_FILTERS:
        if key in values:
            schools = schools.filter(**{lookup: values[key]})
    return schools


def filter_rows(rows, *, state: str = "", late: str = "") -> list:
    """Filter by state key (or "niet_begonnen") and by late ("1") / on time ("0")."""
    if state:
        rows = [r for r in rows if r.state == state]
    if late in ("0", "1"):
        rows = [r for r in rows if r.late == (late == "1")]
    return rows

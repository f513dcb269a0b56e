"""Where every school of a board or partnership stands this school year.

Everything is read in a fixed number of queries, whatever the number of schools: the schools,
their profiles of the year, the due dates, open comment counts and the route steps that matter
here (advice, delivery, receipt). Lateness and who is next come from `route.deadlines`, the
same functions the "Te doen" page uses.
"""

import json
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, TextField
from django.db.models.functions import Cast

from steunwijzer.organisations.models import School
from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check.models import CheckSummary
from steunwijzer.quality_check.report import check_profiles
from steunwijzer.review.models import Comment
from steunwijzer.route.deadlines import actors_label, is_due_soon, next_roles, school_is_late
from steunwijzer.route.definitions import EDITABLE_STATE, EDITOR, STATES, route_from_dict
from steunwijzer.route.models import Deadline, Transition
from steunwijzer.route.payloads import ADVICE, CONSENT
from steunwijzer.route.todo import NOT_STARTED, TodoRow

# Route steps whose record the overview shows, newest per profile.
SHOWN_ACTIONS = ("give_advice", "give_consent", "deliver", "acknowledge")
NOT_STARTED_STATE = "niet_begonnen"
STATE_FILTERS = {NOT_STARTED_STATE: NOT_STARTED, **STATES}
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
    statement: Transition | None = None
    delivered_on: date | None = None
    received_on: str = ""

    @property
    def state(self) -> str:
        return self.profile.state if self.profile else NOT_STARTED_STATE

    @property
    def established_on(self) -> date | None:
        return self.profile.established_on if self.profile else None


def schools_in(*, board=None, partnership=None):
    """The schools of a board or of a partnership, with what the rows need loaded."""
    schools = School.objects.select_related("board__partnership").defer("board__partnership__logo")
    if board is not None:
        return schools.filter(board=board)
    return schools.filter(board__partnership=partnership)


def school_rows(schools, school_year: str, today: date, *, with_check: bool = True) -> list:
    """One row per school, in the order given; a fixed number of queries."""
    schools = list(
        schools.prefetch_related(
            Prefetch(
                "profiles",
                # One per school and year: no order needed, so no join for the default one.
                queryset=Profile.objects.filter(school_year=school_year)
                .only(*ROW_FIELDS)
                .annotate(route_text=Cast("route", TextField()))
                .order_by(),
                to_attr="current_profiles",
            )
        )
    )
    due = Deadline.objects.due_dates_for_schools(schools, school_year)
    profiles = [s.current_profiles[0] for s in schools if s.current_profiles]
    ids = [p.pk for p in profiles]
    comments = (
        dict(
            Comment.objects.open()
            .filter(profile__school_year=school_year, profile__school__in=[s.pk for s in schools])
            .values("profile")
            .annotate(n=Count("pk"))
            .values_list("profile", "n")
        )
        if ids
        else {}
    )
    records = _records(school_year, [s.pk for s in schools]) if ids else {}
    checks = check_summaries(profiles) if with_check and ids else {}
    routes = _route_memo()
    rows = []
    for school in schools:
        profile = school.current_profiles[0] if school.current_profiles else None
        due_on = due[school.pk]
        state = profile.state if profile else EDITABLE_STATE
        row = SchoolRow(
            school=school,
            profile=profile,
            due_on=due_on,
            late=school_is_late(profile, due_on, today),
            soon=is_due_soon(state, due_on, today),
            actor_label=actors_label(next_roles(routes(profile), state) if profile else [EDITOR]),
        )
        if profile is not None:
            row.open_comments = comments.get(profile.pk, 0)
            if profile.pk in checks:
                row.check_blocking, row.check_warnings, row.check_counts = checks[profile.pk]
            _fill_records(row, records.get(profile.pk, {}))
        rows.append(row)
    return rows


def _route_memo():
    """A profile's route definition, parsed once per distinct route rather than per profile."""
    parsed: dict = {}

    def route(profile):
        key = profile.route_text
        if key not in parsed:
            parsed[key] = route_from_dict(json.loads(key))
        return parsed[key]

    return route


def _records(school_year, school_ids) -> dict:
    """profile pk → action → its newest Transition (without the uploaded attachment)."""
    found: dict = {}
    transitions = (
        Transition.objects.filter(
            profile__school_year=school_year,
            profile__school__in=school_ids,
            action__in=SHOWN_ACTIONS,
        )
        .defer("attachment")
        .order_by("created_at", "pk")
    )
    for t in transitions:
        found.setdefault(t.profile_id, {})[t.action] = t
    return found


def _fill_records(row: SchoolRow, records: dict):
    statement = records.get("give_advice") or records.get("give_consent")
    if statement is not None:
        payload = statement.payload
        row.advice = ADVICE.get(payload.get("advice")) or CONSENT.get(payload.get("decision"), "")
        row.advice_on = payload.get("date", "")
        row.statement = statement
    if "deliver" in records:
        row.delivered_on = records["deliver"].created_at.date()
    if "acknowledge" in records:
        row.received_on = records["acknowledge"].payload.get("received_on", "")


def check_summaries(profiles) -> dict:
    """profile pk → (blocking, warnings, findings per check) of the SOP-check.

    The counts come from the summaries stored whenever the check runs (editor, review, route),
    in one query. Only a profile without a summary for its current version is checked here,
    which stores its summary for the next request.
    """
    by_pk = {p.pk: p for p in profiles}
    result = {}
    for summary in CheckSummary.objects.filter(profile__in=list(by_pk)):
        if summary.is_current_for(by_pk[summary.profile_id]):
            result[summary.profile_id] = (summary.blocking, summary.warnings, summary.counts)
    missing = [pk for pk in by_pk if pk not in result]
    if missing:
        fresh = Profile.objects.filter(pk__in=missing).select_related(
            "school__board__partnership", "format_version"
        )
        for p, report in check_profiles(fresh):
            result[p.pk] = (len(report.blocking), len(report.warnings), report.counts_by_check())
    return result


def filter_rows(rows, *, state: str = "", late: str = "") -> list:
    """Filter by state key (or "niet_begonnen") and by late ("1") / on time ("0")."""
    if state:
        rows = [r for r in rows if r.state == state]
    if late in ("0", "1"):
        rows = [r for r in rows if r.late == (late == "1")]
    return rows

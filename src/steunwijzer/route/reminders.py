"""Which reminder e-mails are due on a given day, and sending each one exactly once.

A run reads what it needs up front: the profiles not yet published, the schools that have not
started a profile, their deadlines, the people to write to, and the reminders sent before.
So its number of queries does not grow with the number of schools; only each e-mail that is
actually sent costs its own insert (see `send_once`).

Which school years count:

* **Waiting** reminders go by state alone: every profile that is not published, of any school
  year, so last year's SOP still at the board or the partnership on 1 August is not dropped.
* **Deadline** reminders (`due_14`, `due_3`, `late`) for a profile follow its own school year's
  date until it reaches the board, also after that school year has ended (a date of 31 July
  is late on 1 August).
* A school **without a profile** for a school year is reminded about that year's date from
  14 days before it until the end of that school year, or until 14 days after the date when
  that is later (a date at the end of July, and the runs missed around it). Not for older
  years: a school new to Steunwijzer did last year's SOP elsewhere.
* In a **check year** of the partnership's cycle (`route.cycle`) a school gets no reminder
  about a new SOP, started or not; over the same window it is reminded of the yearly check
  (`check_due_14`, `check_due_3`, `check_late`) until it has recorded an evaluation.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import npgettext, pgettext

from steunwijzer.core.dates import date_text
from steunwijzer.core.school_year import previous_school_year, school_year_of
from steunwijzer.organisations.models import School, display_name
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.states import EDITABLE_STATE

from .cycle import CHECK_PREFIX, check_years, is_check_kind
from .deadlines import (
    FINISHED_STATES,
    SOON_DAYS,
    actors_label,
    deadline_reminder,
    either,
    following_school_year,
    next_actors,
    school_year_bounds,
    waiting_roles,
)
from .definitions import EDITOR
from .labels import step_label
from .lifecycle import route_of
from .models import Deadline, ReminderSent, Transition
from .notifications import People
from .signals import reminder_sent

WAIT_DAYS = 7
# How long after its date a school year that has ended still gets a "not started" reminder.
CATCH_UP_DAYS = SOON_DAYS


@dataclass(frozen=True)
class Reminder:
    school: School
    school_year: str
    # None: the school has not started its SOP for this school year.
    profile: Profile | None
    kind: str
    roles: tuple[str, ...]
    subject: str
    text: str
    # Filled in by `due_reminders` from the memberships it read once.
    recipients: tuple = ()

    def key(self, user) -> tuple:
        """What `ReminderSent` is unique on."""
        return (self.school.pk, self.school_year, self.kind, user.pk)

    def body_for(self, user) -> str:
        if is_check_kind(self.kind):
            url = settings.SITE_URL + reverse("profile_evaluation", args=[self.profile.pk])
            link = _("Record the yearly check: %(url)s") % {"url": url}
        elif self.profile is None:
            url = settings.SITE_URL + reverse("home")
            link = _("Start the SOP on the home page: %(url)s") % {"url": url}
        else:
            url = settings.SITE_URL + reverse("profile_detail", args=[self.profile.pk])
            link = _("View the SOP: %(url)s") % {"url": url}
        return _(
            "Dear %(name)s,\n\n%(text)s\n\n%(link)s\n\n"
            "This is a reminder from Steunwijzer; you receive it only once."
        ) % {"name": display_name(user), "text": self.text, "link": link}


def _when(days_left: int) -> str:
    """When the SOP is due, as it fits in the reminder's sentences ("… due {when} …")."""
    if days_left == 14:
        return pgettext("due", "in two weeks")
    if days_left == 0:
        return pgettext("due", "today")
    if days_left == 1:
        return pgettext("due", "tomorrow")
    return npgettext("due", "in %(days)s day", "in %(days)s days", days_left) % {"days": days_left}


def _deadline_reminder(school, school_year, profile, due_on: date, today: date):
    """The due or late reminder for this school year's SOP, started (profile) or not (None)."""
    kind = deadline_reminder(profile.state if profile else EDITABLE_STATE, due_on, today)
    if kind is None:
        return None
    name = school.name
    if profile is not None:
        now = _("The SOP is now: %(state)s. Next to act: %(actors)s.") % {
            "state": profile.get_state_display(),
            "actors": actors_label(next_actors(profile)),
        }
        act = _("Finish the SOP as soon as possible, or discuss a new date with your board.")
    else:
        first_day = school_year_bounds(school_year)[0]
        values = {
            "school_year": school_year,
            "actors": actors_label([EDITOR]),
            "date": date_text(first_day),
        }
        if today < first_day:
            now = (
                _(
                    "The SOP for %(school_year)s has not been started yet. Next to act: "
                    "%(actors)s. You can start it from %(date)s."
                )
                % values
            )
        else:
            now = (
                _("The SOP for %(school_year)s has not been started yet. Next to act: %(actors)s.")
                % values
            )
        act = _("Start on the SOP as soon as possible, or discuss a new date with your board.")
    values = {"school_year": school_year, "school": name, "date": date_text(due_on), "now": now}
    if kind == "late":
        subject = _("Late: SOP %(school)s should have been at the board on %(date)s") % values
        text = _(
            "The school support profile %(school_year)s of %(school)s should have been at the "
            "board by %(date)s at the latest and is now late. %(now)s\n\n%(act)s"
        ) % {**values, "act": act}
    else:
        when = _when((due_on - today).days)
        subject = _("Reminder: SOP %(school)s %(when)s at the board") % {
            "school": name,
            "when": when,
        }
        text = _(
            "The school support profile %(school_year)s of %(school)s must be at the board "
            "%(when)s, by %(date)s at the latest. %(now)s"
        ) % {**values, "when": when}
    return Reminder(school, school_year, profile, kind, (EDITOR,), subject, text)


def _check_reminder(school, school_year, check, due_on: date, today: date):
    """The reminder of the yearly check in a check year: its own words, about the SOP that
    holds, leading to its evaluation page."""
    kind = check.reminder(due_on, today)
    if kind is None:
        return None
    values = {
        "school": school.name,
        "school_year": school_year,
        "year": check.holding.school_year,
        "until": check.holds_until,
        "date": date_text(due_on),
    }
    if kind == CHECK_PREFIX + "late":
        subject = _("Late: the yearly check of the SOP of %(school)s was due on %(date)s") % values
        text = (
            _(
                "The school support profile %(year)s of %(school)s holds until %(until)s. The "
                "school should have checked it for %(school_year)s (the yearly evaluation) by "
                "%(date)s and has not recorded that check yet.\n\nRecord the evaluation as soon "
                "as possible, or discuss a new date with your board."
            )
            % values
        )
    else:
        values["when"] = _when((due_on - today).days)
        subject = _("Reminder: yearly check of the SOP of %(school)s %(when)s") % values
        text = (
            _(
                "The school support profile %(year)s of %(school)s holds until %(until)s. This "
                "school year (%(school_year)s) the school checks it (the yearly evaluation) "
                "%(when)s, by %(date)s at the latest. No new SOP is needed."
            )
            % values
        )
    return Reminder(school, school_year, check.holding, kind, (EDITOR,), subject, text)


def _waiting_reminder(profile, today: date) -> Reminder | None:
    if profile.last_transition_id is None:
        return None
    since = timezone.localdate(profile.last_transition_at)
    roles = tuple(waiting_roles(route_of(profile), profile.state))
    if not roles or today - since < timedelta(days=WAIT_DAYS):
        return None
    route = route_of(profile)
    steps = [
        step_label(s)
        for s in route.steps
        if profile.state in s.sources and not s.optional and set(s.roles) & {*roles}
    ]
    school = profile.school
    text = _(
        "The school support profile %(school_year)s of %(school)s has been %(state)s since "
        "%(date)s and is waiting for %(actors)s: %(steps)s."
    ) % {
        "school_year": profile.school_year,
        "school": school.name,
        "date": date_text(since),
        "state": profile.get_state_display(),
        "actors": actors_label(roles),
        "steps": either(s.lower() for s in steps),
    }
    # Keyed by the step that put it here: a profile that comes back later is reminded again.
    kind = f"waiting_{profile.state}_{profile.last_transition_id}"
    subject = _("Reminder: SOP %(school)s is waiting for you") % {"school": school.name}
    return Reminder(school, profile.school_year, profile, kind, roles, subject, text)


def _open_profiles(schools) -> list[Profile]:
    """Every profile not yet published, of any school year, with its last step: one query."""
    latest = Transition.objects.filter(profile=OuterRef("pk")).order_by("-created_at", "-pk")
    return list(
        Profile.objects.filter(school__in=schools)
        .exclude(state__in=FINISHED_STATES)
        .select_related("school__board")
        .defer("answers")
        .annotate(
            last_transition_id=Subquery(latest.values("pk")[:1]),
            last_transition_at=Subquery(latest.values("created_at")[:1]),
        )
        .order_by("school__name", "school_year", "pk")
    )


def _unstarted_years(today: date) -> list[str]:
    """The school years whose "not started" reminders may fall today: this one, the previous
    one for CATCH_UP_DAYS after it ended, the next one from SOON_DAYS before it starts."""
    year = school_year_of(today)
    first, last = school_year_bounds(year)
    years = [year]
    if today < first + timedelta(days=CATCH_UP_DAYS):
        years.insert(0, previous_school_year(year))
    if today > last - timedelta(days=SOON_DAYS):
        years.append(following_school_year(year))
    return years


def _still_owed(school_year: str, due_on: date, today: date) -> bool:
    """Whether a school that never started this year's SOP is still reminded about it."""
    last = school_year_bounds(school_year)[1]
    return today <= max(last, due_on + timedelta(days=CATCH_UP_DAYS))


def _schools(today: date, schools) -> list[School]:
    """The schools, with their profiles of the years in `_unstarted_years` (as on the te-doen
    page) as `reminder_profiles`."""
    return list(
        # The partnership for its cycle (`check_years`).
        schools.select_related("board__partnership")
        .prefetch_related(
            Prefetch(
                "profiles",
                queryset=Profile.objects.filter(school_year__in=_unstarted_years(today)).only(
                    "pk", "school_id", "school_year"
                ),
                to_attr="reminder_profiles",
            )
        )
        .order_by("name", "pk")
    )


def _yearly_reminders(today: date, schools, checks) -> list[Reminder]:
    """For each year of `_unstarted_years` whose due date is still owed: the check reminder
    of a school in a check year, the deadline reminder of a school without a profile in
    another year. One deadline query per year."""
    found = []
    for year in _unstarted_years(today):
        due = Deadline.objects.due_dates_for_schools(schools, year)
        for school in schools:
            due_on = due[school.pk]
            if not _still_owed(year, due_on, today):
                continue
            check = checks(year).get(school.pk)
            if check is not None:
                found.append(_check_reminder(school, year, check, due_on, today))
            elif all(p.school_year != year for p in school.reminder_profiles):
                found.append(_deadline_reminder(school, year, None, due_on, today))
    return [r for r in found if r is not None]


def due_reminders(today: date, *, board=None) -> list[Reminder]:
    """Every reminder due today with its recipients, sent before or not (of one board's
    schools only, when given)."""
    schools = School.objects.filter(board=board) if board else School.objects.all()
    profiles = _open_profiles(schools)
    schools = _schools(today, schools)
    # Check years per school year, read once for every year asked about.
    years: dict[str, dict] = {}

    def checks(year):
        if year not in years:
            years[year] = check_years(schools, year)
        return years[year]

    due = Deadline.objects.due_dates_for(profiles)
    reminders = []
    for profile in profiles:
        # In a check year a new SOP is the school's own choice: no deadline to remind of.
        if profile.school_id not in checks(profile.school_year):
            reminders.append(
                _deadline_reminder(
                    profile.school, profile.school_year, profile, due[profile.pk], today
                )
            )
        reminders.append(_waiting_reminder(profile, today))
    reminders = [r for r in reminders if r is not None]
    reminders += _yearly_reminders(today, schools, checks)
    if not reminders:
        return []
    people = People(
        {r.school.pk: r.school for r in reminders}.values(),
        {role for r in reminders for role in r.roles},
    )
    reminders.sort(key=lambda r: (r.school.name, r.school.pk, r.school_year))
    return [replace(r, recipients=tuple(people.with_roles(r.school, r.roles))) for r in reminders]


def sent_before(reminders) -> set[tuple]:
    """The keys (`Reminder.key`) of these reminders that went out before: one query."""
    reminders = list(reminders)
    if not reminders:
        return set()
    rows = ReminderSent.objects.filter(
        school__in={r.school.pk for r in reminders},
        school_year__in={r.school_year for r in reminders},
        kind__in={r.kind for r in reminders},
    ).values_list("school_id", "school_year", "kind", "recipient_id")
    return set(rows)


def send_once(reminder: Reminder, user) -> bool:
    """Send this reminder to this person unless it went out before; True when sent now.

    The record is written first and the mail sent inside the same transaction. Writing the
    row takes the unique (school, school year, kind, recipient) slot, so a second run at the
    same time waits and then finds it taken (IntegrityError) instead of sending too. If
    sending fails, the exception rolls the record back and the next run tries again: a
    reminder is never recorded unless it was handed to the mail server. The one gap left is
    the commit itself: mail accepted, then the database gone before the commit lands. We
    accept a rare duplicate there over the alternative (commit first, then send), which could
    silently lose a legal deadline.

    Callers skip what `sent_before` already knows; this only writes, so a run costs one
    insert per mail and no lookups.
    """
    try:
        with transaction.atomic():
            record = ReminderSent.objects.create(
                school=reminder.school,
                school_year=reminder.school_year,
                profile=reminder.profile,
                kind=reminder.kind,
                recipient=user,
            )
            reminder_sent.send(sender=ReminderSent, reminder=record)
            send_mail(reminder.subject, reminder.body_for(user), None, [user.email])
    except IntegrityError:
        return False
    return True


LATE_KINDS = ("late", CHECK_PREFIX + "late")


def board_remind_late(*, board, today: date) -> tuple[int, int]:
    """The board reminds all its late schools at once: each school's editors get the late
    reminder now (late with a new SOP, or in a check year with the yearly check), once a day
    however often the board asks (its own kind per day in `ReminderSent`, apart from the
    daily run's one "late" or "check_late" mail).

    Returns (schools reminded now, schools already reminded by the board today)."""
    reminders = [
        replace(r, kind=f"{r.kind}_by_board_{today.isoformat()}")
        for r in due_reminders(today, board=board)
        if r.kind in LATE_KINDS
    ]
    earlier = sent_before(reminders)
    now = before = 0
    for reminder in reminders:
        waiting = [u for u in reminder.recipients if reminder.key(u) not in earlier]
        sent = [u for u in waiting if send_once(reminder, u)]
        if sent:
            now += 1
        elif reminder.recipients:
            before += 1
    return now, before

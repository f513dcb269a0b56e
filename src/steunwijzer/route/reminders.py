"""Which reminder e-mails are due on a given day, and sending each one exactly once."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from steunwijzer.organisations.models import display_name
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.school_year import school_year_of

from .deadlines import (
    FINISHED_STATES,
    actors_label,
    deadline_reminder,
    next_actors,
    waiting_roles,
)
from .definitions import EDITOR
from .models import Deadline, ReminderSent, Transition
from .notifications import people_with_roles

WAIT_DAYS = 7


@dataclass(frozen=True)
class Reminder:
    profile: Profile
    kind: str
    roles: tuple[str, ...]
    subject: str
    text: str

    def recipients(self) -> list:
        return people_with_roles(self.profile.school, self.roles)

    def body_for(self, user) -> str:
        url = settings.SITE_URL + reverse("profile_detail", args=[self.profile.pk])
        return (
            f"Beste {display_name(user)},\n\n{self.text}\n\nBekijk het SOP: {url}\n\n"
            "Dit is een herinnering van Steunwijzer; u krijgt haar maar één keer."
        )


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def _when(days_left: int) -> str:
    if days_left == 14:
        return "over twee weken"
    return {0: "vandaag", 1: "morgen"}.get(days_left, f"over {days_left} dagen")


def _deadline_reminder(profile, due_on: date, today: date) -> Reminder | None:
    kind = deadline_reminder(profile.state, due_on, today)
    if kind is None:
        return None
    school, year = profile.school.name, profile.school_year
    now = (
        f"Het SOP is nu: {profile.get_state_display()}. "
        f"Aan zet: {actors_label(next_actors(profile))}."
    )
    if kind == "late":
        subject = f"Te laat: SOP {school} had op {_day(due_on)} bij het bestuur moeten zijn"
        text = (
            f"Het schoolondersteuningsprofiel {year} van {school} had uiterlijk {_day(due_on)} "
            f"bij het bestuur moeten zijn en is nu te laat. {now}\n\n"
            "Rond het SOP zo snel mogelijk af, of overleg met uw bestuur over een nieuwe datum."
        )
    else:
        when = _when((due_on - today).days)
        subject = f"Herinnering: SOP {school} {when} bij het bestuur"
        text = (
            f"Het schoolondersteuningsprofiel {year} van {school} moet {when}, uiterlijk "
            f"{_day(due_on)}, bij het bestuur zijn. {now}"
        )
    return Reminder(profile, kind, (EDITOR,), subject, text)


def _waiting_reminder(profile, today: date) -> Reminder | None:
    if profile.last_transition_id is None:
        return None
    since = timezone.localdate(profile.last_transition_at)
    roles = tuple(waiting_roles(profile.route_definition, profile.state))
    if not roles or today - since < timedelta(days=WAIT_DAYS):
        return None
    route = profile.route_definition
    steps = [s.label for s in route.steps if profile.state in s.sources and set(s.roles) & {*roles}]
    school = profile.school.name
    text = (
        f"Het schoolondersteuningsprofiel {profile.school_year} van {school} is sinds "
        f"{_day(since)} {profile.get_state_display()} en wacht op {actors_label(roles)}: "
        f"{' of '.join(s.lower() for s in steps)}."
    )
    # Keyed by the step that put it here: a profile that comes back later is reminded again.
    kind = f"waiting_{profile.state}_{profile.last_transition_id}"
    return Reminder(profile, kind, roles, f"Herinnering: SOP {school} wacht op u", text)


def due_reminders(today: date) -> list[Reminder]:
    """Every reminder due today for this school year's profiles, sent before or not."""
    latest = Transition.objects.filter(profile=OuterRef("pk")).order_by("-created_at", "-pk")
    profiles = list(
        Profile.objects.filter(school_year=school_year_of(today))
        .exclude(state__in=FINISHED_STATES)
        .select_related("school__board")
        .defer("answers")
        .annotate(
            last_transition_id=Subquery(latest.values("pk")[:1]),
            last_transition_at=Subquery(latest.values("created_at")[:1]),
        )
        .order_by("school__name", "pk")
    )
    due = Deadline.objects.due_dates_for(profiles)
    reminders = []
    for profile in profiles:
        reminders += [
            r
            for r in (
                _deadline_reminder(profile, due[profile.pk], today),
                _waiting_reminder(profile, today),
            )
            if r is not None
        ]
    return reminders


def already_sent(reminder: Reminder, user) -> bool:
    return ReminderSent.objects.filter(
        profile=reminder.profile, kind=reminder.kind, recipient=user
    ).exists()


def send_once(reminder: Reminder, user) -> bool:
    """Send this reminder to this person unless it went out before; True when sent now.

    The record is written first and the mail sent inside the same transaction. Writing the
    row takes the unique (profile, kind, recipient) slot, so a second run at the same time
    waits and then finds it taken instead of sending too. If sending fails, the exception
    rolls the record back and the next run tries again: a reminder is never recorded unless
    it was handed to the mail server. The one gap left is the commit itself: mail accepted,
    then the database gone before the commit lands. We accept a rare duplicate there over
    the alternative (commit first, then send), which could silently lose a legal deadline.
    """
    with transaction.atomic():
        _, created = ReminderSent.objects.get_or_create(
            profile=reminder.profile, kind=reminder.kind, recipient=user
        )
        if created:
            send_mail(reminder.subject, reminder.body_for(user), None, [user.email])
    return created

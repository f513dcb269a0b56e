"""What a notification says: its line in the list and its e-mail, in Dutch (the sentences are
built here, from the step's record or the comment)."""

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from steunwijzer.core.dates import as_day
from steunwijzer.route.cycle import is_check_kind
from steunwijzer.route.labels import decision_label, step_label
from steunwijzer.route.lifecycle import route_of
from steunwijzer.route.models import Deadline
from steunwijzer.steunpunt.models import Kind as ParentKind

from .models import Kind


def _day(value) -> str:
    return formats.date_format(as_day(value), "j F Y")


def link(notification) -> str:
    """Where the notification leads: the route page (where the step is taken) for a step or
    a reminder, the review page for a comment, the home page (where an SOP is started) for a
    reminder about an SOP not started yet, the staff's page of a parent's message."""
    if notification.parent_message_id:
        message = notification.parent_message
        return reverse("steunpunt_message", args=[message.partnership.slug, message.pk])
    if notification.profile_id is None:
        return reverse("home")
    if notification.reminder_id and is_check_kind(notification.reminder.kind):
        # A check year's reminder is about the SOP that holds: its evaluation is the check.
        return reverse("profile_evaluation", args=[notification.profile_id])
    if notification.comment_id:
        return reverse("profile_review", args=[notification.profile_id])
    return reverse("profile_route", args=[notification.profile_id])


def _step_name(notification) -> str:
    step = route_of(notification.profile).step(notification.transition.action)
    return step_label(step) if step else notification.transition.action


def _reminder_summary(reminder) -> str:
    names = {"school_year": reminder.school_year, "school": reminder.school.name}
    if is_check_kind(reminder.kind):
        if reminder.kind.startswith("check_late"):
            return _("The yearly check %(school_year)s of the SOP of %(school)s is late.") % names
        return _("The yearly check %(school_year)s of the SOP of %(school)s is due soon.") % names
    if reminder.kind == "due_14":
        return _("The SOP %(school_year)s of %(school)s is due at the board in two weeks.") % names
    if reminder.kind == "due_3":
        return _("The SOP %(school_year)s of %(school)s is due at the board in three days.") % names
    # The daily run's "late", or the board's reminder of all its late schools.
    if reminder.kind.startswith("late"):
        return _("The SOP %(school_year)s of %(school)s is late at the board.") % names
    return _("The SOP %(school_year)s of %(school)s has been waiting for you for a week.") % names


def _parent_message_summary(message) -> str:
    """What kind of message about which school, never who sent it or what it says: the line
    and the e-mail go where the staff's page, behind its sign-in, does not."""
    if message.kind == ParentKind.PRACTICE:
        return _(
            "A parent reported to the support point that the practice of %(school)s differs "
            "from its SOP."
        ) % {"school": message.school.name}
    return _("A parent asked the support point a question about %(school)s.") % {
        "school": message.school.name
    }


def summary(notification) -> str:
    """One line: who did what on which SOP, which deadline or which parent's message it is
    about."""
    profile = notification.profile
    if notification.parent_message_id:
        return _parent_message_summary(notification.parent_message)
    if notification.reminder_id:
        return _reminder_summary(notification.reminder)
    if notification.comment_id:
        return _("%(author)s placed a comment on the SOP %(school_year)s of %(school)s.") % {
            "author": notification.comment.author_name,
            "school_year": profile.school_year,
            "school": profile.school.name,
        }
    return _("%(actor)s: %(step)s, SOP %(school_year)s of %(school)s.") % {
        "actor": notification.transition.actor_name,
        "step": _step_name(notification),
        "school_year": profile.school_year,
        "school": profile.school.name,
    }


def _record_lines(notification) -> list[str]:
    """What the step recorded that the reader needs: the note, the due date with a request
    for advice, the advice or decision given and its explanation, what must change."""
    t = notification.transition
    payload = t.payload
    lines = []
    if payload.get("note"):
        lines.append(
            _("Note from %(actor)s:\n%(note)s") % {"actor": t.actor_name, "note": payload["note"]}
        )
    if t.action in ("request_advice", "request_consent"):
        due = Deadline.objects.due_dates_for([notification.profile])[notification.profile.pk]
        lines.append(_("The SOP is due at the board on %(date)s.") % {"date": _day(due)})
    if payload.get("advice"):
        lines.append(
            _("Advice of the MR: %(advice)s.") % {"advice": decision_label(payload["advice"])}
        )
    if payload.get("decision"):
        lines.append(
            _("Decision of the MR: %(decision)s.")
            % {"decision": decision_label(payload["decision"])}
        )
    if payload.get("meeting_on"):
        lines.append(
            _("Decided at the MR meeting of %(date)s.") % {"date": _day(payload["meeting_on"])}
        )
    if payload.get("motivation"):
        lines.append(_("Explanation:\n%(text)s") % {"text": payload["motivation"]})
    if payload.get("remarks"):
        lines.append(_("What the school must change:\n%(text)s") % {"text": payload["remarks"]})
    if payload.get("reason"):
        lines.append(_("Why the school took it back:\n%(text)s") % {"text": payload["reason"]})
    if payload.get("reasons"):
        lines.append(
            _("Why the board established it despite the negative advice:\n%(text)s")
            % {"text": payload["reasons"]}
        )
    return lines


def _footer() -> str:
    return _(
        "All your notifications: %(list)s\nChoose which e-mails you get: %(settings)s\n\n"
        "This message comes from Steunwijzer."
    ) % {
        "list": settings.SITE_URL + reverse("notification_list"),
        "settings": settings.SITE_URL + reverse("notification_settings"),
    }


def notification_mail(notification) -> tuple[str, str]:
    """Subject and body of the e-mail sent at once."""
    profile = notification.profile
    url = settings.SITE_URL + link(notification)
    with translation.override(settings.LANGUAGE_CODE):
        if notification.parent_message_id:
            subject = _("Support point: a new message about %(school)s") % {
                "school": notification.parent_message.school.name
            }
            parts = [
                _parent_message_summary(notification.parent_message),
                _("Read and answer it in Steunwijzer: %(url)s") % {"url": url},
            ]
        elif notification.comment_id:
            c = notification.comment
            subject = _("SOP %(school)s: a comment by %(author)s") % {
                "school": profile.school.name,
                "author": c.author_name,
            }
            parts = [
                _(
                    "%(author)s placed a comment on the school support profile %(school_year)s of "
                    "%(school)s:"
                )
                % {
                    "author": c.author_name,
                    "school_year": profile.school_year,
                    "school": profile.school.name,
                },
                c.body,
                _("Read and answer it: %(url)s") % {"url": url},
            ]
        else:
            t = notification.transition
            step = _step_name(notification)
            subject = _("SOP %(school)s: %(step)s") % {
                "school": profile.school.name,
                "step": step.lower(),
            }
            parts = [
                _(
                    "%(actor)s has taken the step '%(step)s' for the school support profile "
                    "%(school_year)s of %(school)s.\nThe SOP is now: %(state)s."
                )
                % {
                    "actor": t.actor_name,
                    "step": step,
                    "school_year": profile.school_year,
                    "school": profile.school.name,
                    "state": t.get_to_state_display(),
                },
                *_record_lines(notification),
                (
                    _("It is your turn: %(url)s")
                    if notification.kind == Kind.ACTION
                    else _("View the SOP: %(url)s")
                )
                % {"url": url},
            ]
        return subject, "\n\n".join([*parts, _footer()])


def digest_mail(user, notifications) -> tuple[str, str]:
    """The daily summary: one line and a link per notification, oldest first."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Steunwijzer: your summary of the day")
        lines = [f"- {summary(n)}\n  {settings.SITE_URL + link(n)}" for n in notifications]
        body = "\n\n".join(
            [
                _("What happened on the SOPs you follow:"),
                "\n".join(lines),
                _footer(),
            ]
        )
        return subject, body

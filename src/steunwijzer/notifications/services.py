"""Writing notifications, marking them read, the e-mail settings, the e-mails at once and the
daily summary."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from steunwijzer.organisations.models import Membership, Role
from steunwijzer.route.definitions import EDITOR
from steunwijzer.route.lifecycle import route_of, route_roles
from steunwijzer.route.notifications import people_with_roles

from .mail import digest_mail, notification_mail
from .models import Delivery, Kind, Notification, Setting, deliveries_of

logger = logging.getLogger(__name__)


def _must_act(route, profile, user) -> bool:
    """It is the person's turn: they can take a step someone must take now (not an optional
    one, nor a shortcut such as publishing before the partnership confirmed receipt)."""
    roles = route_roles(profile, user)
    return any(roles & set(step.roles) for step in route.expected_steps(profile.state))


def _create(profile, kinds: dict, **about) -> list[Notification]:
    """One notification per person (user → kind). Those who want it at once get the e-mail
    after the commit; until it is sent the notification says it is unsent, so a mail server
    that is down loses nothing (`steunwijzer notifications send` tries again). `profile` is
    None for a parent's message, which is about a school, not an SOP."""
    deliveries = deliveries_of(kinds)
    rows = [
        Notification(
            recipient=user,
            kind=kind,
            profile=profile,
            delivery=deliveries[(user.pk, kind)],
            **about,
        )
        for user, kind in kinds.items()
    ]
    Notification.objects.bulk_create(rows)
    at_once = [n.pk for n in rows if n.delivery == Delivery.IMMEDIATELY]
    if at_once:
        # robust: whatever goes wrong in sending must not turn a step or comment into an error.
        transaction.on_commit(lambda: mail_send(pks=at_once), robust=True)
    return rows


# How often an e-mail at once is tried before it is left in the list only, and the pause after
# the first refusal (doubled after each next one: 5, 10, 20, 40 minutes, about 1¼ hours in all).
MAIL_ATTEMPTS = 5
FIRST_PAUSE = timedelta(minutes=5)


def mail_due():
    """The notifications whose e-mail at once is unsent and may be tried now."""
    return Notification.objects.filter(
        Q(mail_retry_at=None) | Q(mail_retry_at__lte=timezone.now()),
        delivery=Delivery.IMMEDIATELY,
        emailed_at=None,
        mail_attempts__lt=MAIL_ATTEMPTS,
    ).order_by("pk")


def mail_send(*, pks) -> tuple[int, int]:
    """Send the e-mails at once of these notifications that are still unsent; (sent, refused).

    Each is marked and sent in one transaction, so a refusal leaves it unsent; the mark is
    guarded by its being unsent, so two runs at one moment (the request's and the command's)
    send it once. A refused one is tried again after a pause, as is one that failed in any
    other way."""
    sent = refused = 0
    for pk in pks:
        try:
            sent += _mail_one(pk)
        except OSError:  # the mail server (smtplib's errors are OSErrors)
            refused += 1
            _mail_refused(pk)
        except Exception:
            # This one mail could not be built or sent (a bad header, say): counted as a
            # refusal, so the others still go out and a later run does not stop on it again.
            logger.exception("The e-mail of notification %s failed", pk)
            refused += 1
            _mail_refused(pk)
    return sent, refused


def _mail_one(pk: int) -> int:
    with transaction.atomic():
        notification = (
            # Lock the notification only (see digest_send); one another run holds is its to send.
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=pk, delivery=Delivery.IMMEDIATELY, emailed_at=None)
            .select_related(
                "recipient",
                "profile__school",
                "transition",
                "comment",
                "parent_message__school",
                "parent_message__partnership",
            )
            .defer("transition__attachment", "parent_message__partnership__logo")
            .first()
        )
        # The guarded mark decides on a database that locks no rows (SQLite).
        if notification is None or not Notification.objects.filter(pk=pk, emailed_at=None).update(
            emailed_at=timezone.now()
        ):
            return 0
        subject, body = notification_mail(notification)
        send_mail(subject, body, None, [notification.recipient.email])
    return 1


def _mail_refused(pk: int) -> None:
    """Count the refusal and set the pause before the next try; guarded by the count read, so
    two runs that both failed count once."""
    attempts = Notification.objects.filter(pk=pk).values_list("mail_attempts", flat=True).first()
    if attempts is None:
        return
    Notification.objects.filter(pk=pk, emailed_at=None, mail_attempts=attempts).update(
        mail_attempts=attempts + 1, mail_retry_at=timezone.now() + FIRST_PAUSE * 2**attempts
    )


def notifications_for_step(*, profile, transition) -> list[Notification]:
    """Whoever the step names to be told, and the school's editors (it is their SOP), but not
    who took it: `action` for those whose turn it now is, `step` for the others.

    A step moves the SOP on, so what waited for someone on it before is done (or moot): those
    actions leave the "waiting for you" list as read, whoever took the step."""
    Notification.objects.filter(profile=profile, kind=Kind.ACTION).unread().update(
        read_at=timezone.now()
    )
    route = route_of(profile)
    step = route.step(transition.action)
    roles = {EDITOR, *(step.notify if step else ())}
    people = [u for u in people_with_roles(profile.school, roles) if u.pk != transition.actor_id]
    kinds = {u: Kind.ACTION if _must_act(route, profile, u) else Kind.STEP for u in people}
    return _create(profile, kinds, transition=transition)


def notifications_for_comment(*, comment) -> list[Notification]:
    """The school's editors (the remarks are addressed to them) and everyone who wrote in the
    thread, but not the writer."""
    profile = comment.profile
    root = comment.root
    people = {u.pk: u for u in people_with_roles(profile.school, {EDITOR})}
    for earlier in [root, *root.replies.select_related("author")]:
        author = earlier.author
        if author is not None and author.email and author.is_active and profile.can_view(author):
            people.setdefault(author.pk, author)
    people.pop(comment.author_id, None)
    return _create(profile, {u: Kind.COMMENT for u in people.values()}, comment=comment)


def notification_for_reminder(*, reminder) -> Notification:
    """A deadline reminder in the person's list; it was an e-mail already, so none is sent."""
    return Notification.objects.create(
        recipient=reminder.recipient,
        kind=Kind.DEADLINE,
        profile=reminder.profile,
        reminder=reminder,
        delivery=Delivery.NONE,
    )


def notifications_for_parent_message(*, message) -> list[Notification]:
    """The staff of the message's partnership, and nobody else: they answer it."""
    staff = {
        m.user
        for m in Membership.objects.filter(
            partnership_id=message.partnership_id,
            role=Role.PARTNERSHIP_STAFF,
            user__is_active=True,
        ).select_related("user")
        if m.user.email
    }
    return _create(None, {u: Kind.STEUNPUNT for u in staff}, parent_message=message)


@transaction.atomic
def notifications_mark_read(*, user, pk: int | None = None) -> int:
    """Mark one of the person's notifications read, or all of them (pk None); how many."""
    unread = Notification.objects.filter(recipient=user).unread()
    if pk is not None:
        unread = unread.filter(pk=pk)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def notification_settings_save(*, user, deliveries: dict) -> None:
    """The person's e-mail choice per kind (kind → delivery), for the kinds given."""
    for kind, delivery in deliveries.items():
        Setting.objects.update_or_create(
            user=user, kind=Kind(kind), defaults={"delivery": Delivery(delivery)}
        )


def digest_send(*, user) -> int:
    """Send the person one e-mail with what was waiting for the daily summary; how many it
    held. Written and sent in one transaction: a failed send leaves them for the next run."""
    with transaction.atomic():
        waiting = list(
            # Lock the notifications only: PostgreSQL refuses to lock the nullable side of the
            # outer joins that select_related makes.
            Notification.objects.select_for_update(of=("self",))
            .filter(recipient=user, delivery=Delivery.DAILY, emailed_at=None)
            .select_related(
                "profile__school",
                "transition",
                "comment",
                "reminder__school",
                "parent_message__school",
                "parent_message__partnership",
            )
            .defer("transition__attachment", "parent_message__partnership__logo")
            .order_by("created_at", "pk")
        )
        if not waiting:
            return 0
        Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(
            emailed_at=timezone.now()
        )
        subject, body = digest_mail(user, waiting)
        send_mail(subject, body, None, [user.email])
    return len(waiting)


def digest_recipients():
    """People with something waiting for the daily summary and an address to send it to."""
    return (
        get_user_model()
        .objects.filter(
            notifications__delivery=Delivery.DAILY,
            notifications__emailed_at=None,
            is_active=True,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )

"""What each person is told: a notification per step or comment that concerns them, read or
not, and how they want to hear of each kind by e-mail.

Notifications are written by receivers (`receivers.py`) in the transaction of the step or
comment they are about, so there is never one without its cause, nor a cause without them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from steunwijzer.organisations.models import Membership, Role
from steunwijzer.profiles.models import Profile
from steunwijzer.review.models import Comment
from steunwijzer.route.models import ReminderSent, Transition
from steunwijzer.steunpunt.models import ParentMessage


class Kind(models.TextChoices):
    ACTION = "action", _("Something waits for me")
    STEP = "step", _("A step on an SOP I follow")
    COMMENT = "comment", _("A comment on an SOP I follow")
    # Already an e-mail of its own (`steunwijzer remind`): listed, never e-mailed again.
    DEADLINE = "deadline", _("A deadline reminder")
    # For the partnership's staff only (`kinds_for`).
    STEUNPUNT = "steunpunt", _("A message from a parent to the support point")


# The kinds a person chooses e-mail for.
MAILED_KINDS = (Kind.ACTION, Kind.STEP, Kind.COMMENT, Kind.STEUNPUNT)


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("E-mail at once")
    DAILY = "daily", _("In the daily summary")
    NONE = "none", _("No e-mail, only in Steunwijzer")


# What a person gets who has not chosen: what needs them at once, the rest once a day.
DEFAULT_DELIVERY = {
    Kind.ACTION: Delivery.IMMEDIATELY,
    Kind.STEP: Delivery.DAILY,
    Kind.COMMENT: Delivery.IMMEDIATELY,
    # A parent waits for the answer.
    Kind.STEUNPUNT: Delivery.IMMEDIATELY,
}


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at=None)

    def for_list(self):
        return self.select_related(
            "profile__school",
            "transition",
            "comment",
            "parent_message__school",
            "parent_message__partnership",
        ).defer("transition__attachment", "parent_message__partnership__logo")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Empty for a reminder to a school that has not started its SOP, and for a parent's
    # message (about a school, not an SOP).
    profile = models.ForeignKey(
        Profile, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # One of the four: the step, the comment, the reminder or the parent's message it is about.
    transition = models.ForeignKey(
        Transition, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reminder = models.ForeignKey(
        ReminderSent, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Deleted with the message when its retention period ends.
    parent_message = models.ForeignKey(
        ParentMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The person's choice when it was made, so changing it later does not resend old ones.
    delivery = models.CharField(_("e-mail"), max_length=20, choices=Delivery.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("read on"), null=True, blank=True)
    # Set in the transaction that hands the e-mail to the mail server; empty while an e-mail at
    # once waits (for the commit, or for another try after the mail server refused it).
    emailed_at = models.DateTimeField(_("e-mailed on"), null=True, blank=True)
    # Refusals of the e-mail at once so far, and when it may be tried again (services.py).
    mail_attempts = models.PositiveSmallIntegerField(_("failed e-mail attempts"), default=0)
    mail_retry_at = models.DateTimeField(_("e-mail tried again from"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    transition__isnull=False, comment=None, reminder=None, parent_message=None
                )
                | models.Q(
                    transition=None, comment__isnull=False, reminder=None, parent_message=None
                )
                | models.Q(
                    transition=None, comment=None, reminder__isnull=False, parent_message=None
                )
                | models.Q(
                    transition=None, comment=None, reminder=None, parent_message__isnull=False
                ),
                name="notification_about_one_thing",
            ),
        ]

    def __str__(self):
        return f"{self.recipient}: {self.kind} {self.profile}"


class Setting(models.Model):
    """A person's choice for one kind; no row means `DEFAULT_DELIVERY`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=[(k.value, k.label) for k in MAILED_KINDS]
    )
    delivery = models.CharField(_("e-mail"), max_length=20, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_notification_setting")
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} → {self.delivery}"


def kinds_for(user) -> tuple:
    """The kinds this person can get, and so chooses e-mail for: parents' messages only reach
    the partnership's staff."""
    if Membership.objects.filter(user=user, role=Role.PARTNERSHIP_STAFF).exists():
        return MAILED_KINDS
    return tuple(k for k in MAILED_KINDS if k != Kind.STEUNPUNT)


def deliveries_of(users) -> dict:
    """(user pk, kind) → delivery for these people, defaults filled in, in one query."""
    users = list(users)
    chosen = {(s.user_id, s.kind): s.delivery for s in Setting.objects.filter(user__in=users)}
    return {
        (u.pk, kind): chosen.get((u.pk, kind), DEFAULT_DELIVERY[kind])
        for u in users
        for kind in MAILED_KINDS
    }

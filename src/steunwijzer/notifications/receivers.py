"""Who hears of a step, a comment, a deadline reminder or a parent's message: connected in
`NotificationsConfig.ready`, run inside the transaction of what they are about, so a
notification exists exactly when its cause does."""

from django.dispatch import receiver

from steunwijzer.review.signals import comment_created
from steunwijzer.route.signals import reminder_sent, step_taken
from steunwijzer.steunpunt.signals import message_received

from .services import (
    notification_for_reminder,
    notifications_for_comment,
    notifications_for_parent_message,
    notifications_for_step,
)


@receiver(step_taken, dispatch_uid="notifications.step_taken")
def on_step_taken(sender, profile, transition, **kwargs):
    notifications_for_step(profile=profile, transition=transition)


@receiver(comment_created, dispatch_uid="notifications.comment_created")
def on_comment_created(sender, comment, **kwargs):
    notifications_for_comment(comment=comment)


@receiver(reminder_sent, dispatch_uid="notifications.reminder_sent")
def on_reminder_sent(sender, reminder, **kwargs):
    notification_for_reminder(reminder=reminder)


@receiver(message_received, dispatch_uid="notifications.message_received")
def on_message_received(sender, message, **kwargs):
    notifications_for_parent_message(message=message)

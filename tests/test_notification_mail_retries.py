"""E-mails at once survive a mail server that is down: the notification stays unsent, and
`steunwijzer notifications send` tries again after a growing pause, a limited number of times,
never sending one twice."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from steunwijzer.notifications import services
from steunwijzer.notifications.models import Kind, Notification
from steunwijzer.notifications.services import FIRST_PAUSE, MAIL_ATTEMPTS, mail_due, mail_send
from steunwijzer.review.services import comment_create
from tests.route_helpers import fill, step

SMTP_DOWN = mock.patch(
    "steunwijzer.notifications.services.send_mail", side_effect=OSError("smtp down")
)


def _comment(profile, author, capture):
    with capture(execute=True):
        comment_create(
            profile=profile, user=author, chapter_key=profile.chapters[0].key, body="Vraag?"
        )
    # The editors (editor and second_editor) want comments at once by default.
    return list(Notification.objects.filter(kind=Kind.COMMENT).order_by("pk"))


def _send(**kwargs) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("notifications", "send", stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


def _pause_over():
    Notification.objects.exclude(mail_retry_at=None).update(
        mail_retry_at=timezone.now() - timedelta(seconds=1)
    )


def test_a_sent_mail_is_marked_and_not_sent_again(
    profile, editor, second_editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    fill(profile, editor)
    notifications = _comment(profile, mr_member, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == len(notifications) == 2
    assert all(n.emailed_at and n.mail_attempts == 0 for n in notifications)

    assert mail_send(pks=[n.pk for n in notifications]) == (0, 0)
    assert _send()[0] == "0 e-mail(s) verstuurd.\n"
    assert len(mailoutbox) == 2


def test_a_refused_mail_stays_unsent_and_a_later_run_sends_it_once(
    profile, editor, second_editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    fill(profile, editor)
    with SMTP_DOWN:
        notifications = _comment(profile, mr_member, django_capture_on_commit_callbacks)
    assert not mailoutbox  # the comment itself was saved: the mail server is not its concern
    for n in notifications:
        n.refresh_from_db()
        assert n.emailed_at is None and n.mail_attempts == 1
        assert n.mail_retry_at > timezone.now()

    assert _send()[0] == "0 e-mail(s) verstuurd.\n"  # the pause has not passed
    _pause_over()
    out, err = _send()
    assert out == "2 e-mail(s) verstuurd.\n" and not err
    assert sorted(m.to[0] for m in mailoutbox) == [editor.email, second_editor.email]
    assert "Vraag?" in mailoutbox[0].body
    assert not Notification.objects.filter(kind=Kind.COMMENT, emailed_at=None).exists()

    _pause_over()
    assert _send()[0] == "0 e-mail(s) verstuurd.\n"
    assert len(mailoutbox) == 2


def test_the_pause_doubles_and_after_the_last_attempt_it_stays_in_the_list_only(
    profile, editor, second_editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    fill(profile, editor)
    with SMTP_DOWN:
        _comment(profile, mr_member, django_capture_on_commit_callbacks)
        pauses = []
        for attempt in range(2, MAIL_ATTEMPTS + 1):
            _pause_over()
            before = timezone.now()
            out, err = _send()
            assert out == "0 e-mail(s) verstuurd.\n"
            assert "2 e-mail(s) niet verstuurd" in err and f"hoogstens {MAIL_ATTEMPTS} keer" in err
            n = Notification.objects.filter(kind=Kind.COMMENT).first()
            assert n.mail_attempts == attempt
            pauses.append(n.mail_retry_at - before)
    assert [round(p / FIRST_PAUSE) for p in pauses] == [2 ** (a - 1) for a in range(2, 6)]

    _pause_over()
    assert not mail_due().exists()
    assert _send()[0] == "0 e-mail(s) verstuurd.\n"
    assert not mailoutbox
    # Still in each editor's list, unread.
    assert Notification.objects.filter(kind=Kind.COMMENT, read_at=None).count() == 2


def test_a_mail_is_sent_even_when_the_commit_never_sent_it(
    profile, editor, second_editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    """As when the process stopped between the commit and the e-mail."""
    fill(profile, editor)
    with mock.patch("steunwijzer.notifications.services.mail_send"):
        notifications = _comment(profile, mr_member, django_capture_on_commit_callbacks)
    assert {n.pk for n in mail_due()} == {n.pk for n in notifications}
    assert _send()[0] == "2 e-mail(s) verstuurd.\n"
    assert len(mailoutbox) == 2


@pytest.fixture
def requested_step(profile, editor, second_editor, mr_member):
    fill(profile, editor)
    with mock.patch("steunwijzer.notifications.services.mail_send"):
        step(profile, editor, "request_advice")
    Notification.objects.filter(kind=Kind.ACTION).update(emailed_at=timezone.now())
    return profile


def test_only_e_mails_at_once_are_sent_by_the_command(requested_step, mailoutbox):
    """A step's notification for the daily summary waits for `send_digest`."""
    assert Notification.objects.filter(kind=Kind.STEP, emailed_at=None).exists()
    assert _send()[0] == "0 e-mail(s) verstuurd.\n"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite locks no rows")
@pytest.mark.django_db(transaction=True)
def test_a_mail_another_run_is_sending_is_skipped(
    profile, editor, second_editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    fill(profile, editor)
    with mock.patch("steunwijzer.notifications.services.mail_send"):
        notifications = _comment(profile, mr_member, django_capture_on_commit_callbacks)
    sending = connections.create_connection("default")  # the other run, mid-send
    try:
        sending.set_autocommit(False)
        with sending.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM notifications_notification WHERE id = %s FOR UPDATE",
                [notifications[0].pk],
            )
        assert mail_send(pks=[n.pk for n in notifications]) == (1, 0)
        assert [m.to for m in mailoutbox] == [[notifications[1].recipient.email]]
    finally:
        sending.rollback()
        sending.close()
    assert mail_send(pks=[n.pk for n in notifications]) == (1, 0)
    assert len(mailoutbox) == 2


def test_a_mail_failing_otherwise_does_not_stop_the_others_and_is_retried_later(
    profile, editor, second_editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    """A bad header (Django's BadHeaderError is a ValueError) or a mail that cannot be built:
    only that notification waits, counted as an attempt."""
    fill(profile, editor)
    with mock.patch("steunwijzer.notifications.services.mail_send"):
        first, second = _comment(profile, mr_member, django_capture_on_commit_callbacks)
    real = services.notification_mail

    def broken_for_first(notification):
        if notification.pk == first.pk:
            raise ValueError("Header values can't contain newlines")
        return real(notification)

    with mock.patch.object(services, "notification_mail", side_effect=broken_for_first):
        out, err = _send()
    assert out == "1 e-mail(s) verstuurd.\n" and "1 e-mail(s) niet verstuurd" in err
    assert [m.to for m in mailoutbox] == [[second.recipient.email]]
    first.refresh_from_db()
    assert first.emailed_at is None and first.mail_attempts == 1
    assert first.mail_retry_at > timezone.now()
    assert _send()[0] == "0 e-mail(s) verstuurd.\n"  # the pause has not passed

    _pause_over()
    assert _send()[0] == "1 e-mail(s) verstuurd.\n"
    assert [m.to for m in mailoutbox][-1] == [first.recipient.email]

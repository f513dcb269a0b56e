"""The notification list, its e-mails (at once or in the daily summary) and what they say."""

from datetime import date
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse

from steunwijzer.notifications.models import Delivery, Kind, Notification, Setting
from steunwijzer.notifications.services import notification_settings_save
from steunwijzer.review.services import comment_create
from steunwijzer.route.deadline_services import deadline_set
from tests.deadline_helpers import set_deadline, set_today
from tests.route_helpers import MEETING, fill, step, to_state


@pytest.fixture
def requested(profile, editor, second_editor, mr_member, officer, partnership, board):
    """A request for advice with the director's note, the board's date 1 March 2027."""
    deadline_set(
        user=officer,
        partnership=partnership,
        board=board,
        school_year="2026-2027",
        due_on=date(2027, 3, 1),
    )
    fill(profile, editor)
    step(profile, editor, "request_advice", note="Graag bespreken in de vergadering van maart.")
    return profile


def _mails_to(outbox, user):
    return [m for m in outbox if m.to == [user.email]]


# --- What the e-mails say ---------------------------------------------------------------------


def test_the_advice_request_mail_has_the_note_and_the_due_date_in_dutch(
    profile,
    editor,
    mr_member,
    officer,
    partnership,
    board,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        deadline_set(
            user=officer,
            partnership=partnership,
            board=board,
            school_year="2026-2027",
            due_on=date(2027, 3, 1),
        )
        fill(profile, editor)
        step(profile, editor, "request_advice", note="Graag bespreken in maart.")
    (mail,) = _mails_to(mailoutbox, mr_member)
    assert "advies vragen aan de mr" in mail.subject.lower()
    assert "Toelichting van Eva de Directeur:\nGraag bespreken in maart." in mail.body
    assert "Het SOP moet uiterlijk 1 maart 2027 bij het bestuur zijn." in mail.body
    assert f"/profielen/{profile.pk}/route/" in mail.body
    assert "U bent aan zet" in mail.body


def test_the_advice_mail_says_what_was_advised(
    requested, editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        step(
            requested,
            mr_member,
            "give_advice",
            advice="positief_met_opmerkingen",
            motivation="Maak de grenzen concreter.",
            **MEETING,
        )
    (mail,) = _mails_to(mailoutbox, editor)
    assert "Advies van de MR: positief met opmerkingen." in mail.body
    assert "Toelichting:\nMaak de grenzen concreter." in mail.body
    assert "Besloten in de MR-vergadering van 20 november 2025." in mail.body


def test_a_comment_sends_a_mail_to_the_school(
    profile, editor, second_editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    fill(profile, editor)
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(
            profile=profile,
            user=mr_member,
            chapter_key=profile.chapters[0].key,
            body="Wat bedoelt u met arrangement?",
        )
    assert sorted(m.to[0] for m in mailoutbox) == [editor.email, second_editor.email]
    assert "Wat bedoelt u met arrangement?" in mailoutbox[0].body
    assert f"/profielen/{profile.pk}/beoordelen/" in mailoutbox[0].body
    assert "een opmerking van" in mailoutbox[0].subject


def test_a_reply_tells_the_one_who_started_the_thread(
    profile, editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    fill(profile, editor)
    first = comment_create(
        profile=profile, user=mr_member, chapter_key=profile.chapters[0].key, body="Vraag?"
    )
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(profile=profile, user=editor, chapter_key="", body="Antwoord.", parent=first)
    assert [m.to for m in mailoutbox] == [[mr_member.email]]
    assert "Antwoord." in mailoutbox[0].body


# --- Who is told, and how -----------------------------------------------------------------


def test_the_one_whose_turn_it_is_gets_an_action_the_school_a_step(
    requested, editor, second_editor, mr_member
):
    kinds = {n.recipient: n.kind for n in Notification.objects.all()}
    assert kinds == {mr_member: Kind.ACTION, second_editor: Kind.STEP}
    assert editor not in kinds  # who took the step is not told of it


def test_a_delivered_sop_waits_for_the_partnership_and_after_receipt_for_the_school(
    profile, editor, mr_member, officer, staff
):
    """The school may publish before the receipt, but only the receipt is waited for."""
    to_state(profile, "aangeleverd", editor=editor, mr=mr_member, officer=officer, staff=staff)
    delivered = profile.transitions.get(action="deliver")
    kinds = {n.recipient: n.kind for n in Notification.objects.filter(transition=delivered)}
    assert kinds == {staff: Kind.ACTION, editor: Kind.STEP}
    step(profile, staff, "acknowledge")
    received = profile.transitions.get(action="acknowledge")
    assert Notification.objects.get(transition=received, recipient=editor).kind == Kind.ACTION


def test_a_step_taken_clears_what_waited_for_it(client, requested, mr_member, other_profile):
    """The MR's request stops waiting for her once the advice is given; another SOP's request
    keeps waiting."""
    waiting_elsewhere = Notification.objects.create(
        recipient=mr_member,
        kind=Kind.ACTION,
        profile=other_profile,
        transition=requested.transitions.get(),
        delivery=Delivery.NONE,
    )
    step(requested, mr_member, "give_advice", advice="positief", **MEETING)
    mine = Notification.objects.filter(recipient=mr_member, profile=requested)
    assert mine.get(kind=Kind.ACTION).read_at is not None
    assert Notification.objects.get(pk=waiting_elsewhere.pk).read_at is None
    client.force_login(mr_member)
    page = client.get(reverse("notification_list")).content.decode()
    waiting = page.split("Wacht op u")[1].split("Wat er verder gebeurde")[0]
    assert waiting.count("Er wacht iets op mij") == 1


def test_notifications_are_written_with_the_step_or_not_at_all(profile, editor, mr_member):
    fill(profile, editor)
    with (
        mock.patch(
            "steunwijzer.notifications.receivers.notifications_for_step",
            side_effect=RuntimeError("down"),
        ),
        pytest.raises(RuntimeError),
    ):
        step(profile, editor, "request_advice")
    profile.refresh_from_db()
    assert profile.state == "concept" and not profile.transitions.exists()
    assert not Notification.objects.exists()


def test_a_comment_that_fails_leaves_no_notification(profile, editor, mr_member):
    fill(profile, editor)
    with pytest.raises(Exception, match="Schrijf"):
        comment_create(
            profile=profile, user=mr_member, chapter_key=profile.chapters[0].key, body=" "
        )
    assert not Notification.objects.exists()


def test_no_mail_for_a_kind_switched_off(
    profile, editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    notification_settings_save(
        user=mr_member,
        deliveries={Kind.ACTION: "none", Kind.STEP: "daily", Kind.COMMENT: "immediately"},
    )
    fill(profile, editor)
    with django_capture_on_commit_callbacks(execute=True):
        step(profile, editor, "request_advice")
    assert not _mails_to(mailoutbox, mr_member)
    assert Notification.objects.get(recipient=mr_member).delivery == Delivery.NONE


def test_the_daily_summary_sends_each_waiting_notification_once(
    requested, editor, second_editor, mr_member, mailoutbox
):
    # second_editor has the default for steps: the daily summary.
    out = StringIO()
    call_command("send_digest", stdout=out)
    (mail,) = mailoutbox
    assert mail.to == [second_editor.email]
    assert "samenvatting" in mail.subject
    assert "Eva de Directeur: Advies vragen aan de MR, SOP 2026-2027 van" in mail.body
    assert "1 samenvatting(en) verstuurd met 1 melding(en)." in out.getvalue()
    call_command("send_digest", stdout=StringIO())
    assert len(mailoutbox) == 1


def test_a_summary_that_cannot_be_sent_is_tried_again(requested, second_editor, mailoutbox):
    err = StringIO()
    with mock.patch(
        "steunwijzer.notifications.services.send_mail", side_effect=OSError("smtp down")
    ):
        call_command("send_digest", stdout=StringIO(), stderr=err)
    assert "niet verstuurd aan ib@example.nl" in err.getvalue()
    assert Notification.objects.get(recipient=second_editor).emailed_at is None
    call_command("send_digest", stdout=StringIO())
    assert [m.to for m in mailoutbox] == [[second_editor.email]]


# --- The list, marking read, the badge ----------------------------------------------------


def test_the_list_shows_my_notifications_and_reading_marks_nothing(client, requested, mr_member):
    client.force_login(mr_member)
    response = client.get(reverse("notification_list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Wacht op u" in page and "Advies vragen aan de MR" in page
    assert "1 ongelezen" in page  # the badge in the header
    assert Notification.objects.get(recipient=mr_member).read_at is None


def test_marking_read_is_a_post_and_clears_the_badge(client, requested, mr_member):
    client.force_login(mr_member)
    notification = Notification.objects.get(recipient=mr_member)
    assert client.get(reverse("notification_read", args=[notification.pk])).status_code == 405
    response = client.post(reverse("notification_read", args=[notification.pk]))
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None
    page = client.get(reverse("notification_list")).content.decode()
    assert "U heeft 0 ongelezen meldingen." in page
    assert "1 ongelezen" not in page


def test_nobody_sees_or_marks_another_persons_notifications(
    client, requested, mr_member, second_editor
):
    theirs = Notification.objects.get(recipient=mr_member)
    client.force_login(second_editor)
    page = client.get(reverse("notification_list")).content.decode()
    assert "U bent" not in page and "Wacht op u" not in page
    response = client.post(reverse("notification_read", args=[theirs.pk]))
    assert response.status_code == 404
    client.post(reverse("notifications_read_all"))
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert Notification.objects.get(recipient=second_editor).read_at is not None


def test_mark_all_read(client, requested, mr_member):
    client.force_login(mr_member)
    response = client.post(reverse("notifications_read_all"), follow=True)
    assert "Al uw meldingen zijn als gelezen gemarkeerd." in response.content.decode()
    assert not Notification.objects.filter(recipient=mr_member, read_at=None).exists()


def test_the_list_needs_signing_in(client):
    response = client.get(reverse("notification_list"))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


# --- The e-mail settings ------------------------------------------------------------------


def test_settings_are_saved_per_kind(client, mr_member):
    client.force_login(mr_member)
    page = client.get(reverse("notification_settings")).content.decode()
    assert "Er wacht iets op mij" in page and "In de dagelijkse samenvatting" in page
    response = client.post(
        reverse("notification_settings"),
        {"action": "daily", "step": "none", "comment": "immediately"},
    )
    assert response.status_code == 302
    saved = dict(Setting.objects.filter(user=mr_member).values_list("kind", "delivery"))
    assert saved == {"action": "daily", "step": "none", "comment": "immediately"}


def test_a_bad_setting_is_refused_in_dutch_and_saves_nothing(client, mr_member):
    client.force_login(mr_member)
    response = client.post(reverse("notification_settings"), {"action": "weekly", "step": "none"})
    assert response.status_code == 422
    page = response.content.decode()
    assert page.count("Kies: meteen, in de dagelijkse samenvatting of geen e-mail.") == 2
    assert 'aria-invalid="true"' in page
    assert not Setting.objects.exists()


# --- Deadline reminders -------------------------------------------------------------------


def test_a_deadline_reminder_is_listed_and_not_mailed_again(
    client, monkeypatch, partnership, profile, editor, other_editor, mailoutbox
):
    set_today(monkeypatch, date(2026, 9, 1))
    set_deadline(partnership, date(2026, 10, 15))
    call_command("remind", "--today", "2026-10-01", stdout=StringIO(), stderr=StringIO())
    reminders = len(mailoutbox)
    mine = Notification.objects.get(recipient=editor)
    assert (mine.kind, mine.delivery, mine.profile) == (Kind.DEADLINE, Delivery.NONE, profile)
    client.force_login(editor)
    page = client.get(reverse("notification_list")).content.decode()
    assert "Het SOP 2026-2027 van De Regenboog moet over twee weken bij het bestuur zijn." in page
    assert f'href="/profielen/{profile.pk}/route/"' in page
    # The other school has not started its SOP: its reminder leads to the home page.
    client.force_login(other_editor)
    page = client.get(reverse("notification_list")).content.decode()
    assert "moet over twee weken bij het bestuur zijn." in page
    assert Notification.objects.get(recipient=other_editor).profile is None
    call_command("send_digest", stdout=StringIO())
    assert len(mailoutbox) == reminders

"""A parent's message to the steunpunt tells the partnership's staff, and nobody else, in
their notification list and by e-mail as each chose, without the parent's identity."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from steunwijzer.notifications.mail import summary
from steunwijzer.notifications.models import Delivery, Kind, Notification
from steunwijzer.notifications.services import notification_settings_save
from steunwijzer.organisations.models import Role
from steunwijzer.steunpunt.models import Kind as ParentKind
from steunwijzer.steunpunt.services import message_send, messages_expire
from tests.conftest import grant, make_user

SECRET = "Mijn zoon Jasper krijgt in groep 5 geen verlengde instructie."


def send(school, kind=ParentKind.QUESTION, **contact):
    return message_send(
        school=school,
        kind=kind,
        support="dyslexie",
        message=SECRET,
        contact=contact or {"name": "Petra Contact", "email": "ouder@example.nl"},
        sender="192.0.2.1",
    )


def test_the_partnerships_staff_get_a_notification_linking_to_the_message(
    client, staff, school, format_version, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        message = send(school)
    notification = Notification.objects.get()
    assert notification.recipient == staff and notification.kind == Kind.STEUNPUNT
    assert notification.parent_message == message and notification.delivery == "immediately"
    (mail,) = mailoutbox
    assert mail.to == [staff.email]
    assert mail.subject == "Steunpunt: een nieuw bericht over De Regenboog"
    url = reverse("steunpunt_message", args=["testregio", message.pk])
    assert "Een ouder stelde het steunpunt een vraag over De Regenboog." in mail.body
    assert url in mail.body
    client.force_login(staff)
    page = client.get(reverse("notification_list")).content.decode()
    assert f'href="{url}"' in page
    assert "Een bericht van een ouder aan het steunpunt" in page
    assert client.get(url).status_code == 200


def test_a_report_says_it_is_about_the_schools_practice(staff, school):
    send(school, kind=ParentKind.PRACTICE)
    assert summary(Notification.objects.get()) == (
        "Een ouder meldde bij het steunpunt dat de praktijk van De Regenboog afwijkt van het SOP."
    )


def test_the_notification_carries_no_identity_of_the_parent_or_the_text(
    client, staff, school, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        send(school, name="Petra Contact", email="ouder@example.nl", phone="0612345678")
    client.force_login(staff)
    shown = client.get(reverse("notification_list")).content.decode()
    for text in (mailoutbox[0].subject + mailoutbox[0].body, shown):
        for secret in ("Petra", "ouder@example.nl", "0612345678", "Jasper", "192.0.2.1"):
            assert secret not in text


@pytest.mark.parametrize(
    "persona", ["editor", "officer", "mr_member", "team_member", "other_staff", "outsider"]
)
def test_nobody_but_the_partnerships_staff_is_told(persona, request, staff, school):
    someone = request.getfixturevalue(persona)
    send(school)
    assert not Notification.objects.filter(recipient=someone).exists()
    assert Notification.objects.filter(recipient=staff).exists()


def test_staff_without_an_address_or_no_longer_active_are_not_told(partnership, school):
    gone = make_user("oud_swv", is_active=False)
    grant(gone, Role.PARTNERSHIP_STAFF, partnership=partnership)
    no_mail = make_user("swv_zonder_mail")
    no_mail.email = ""
    no_mail.save()
    grant(no_mail, Role.PARTNERSHIP_STAFF, partnership=partnership)
    send(school)
    assert not Notification.objects.exists()


def test_staff_choose_the_daily_summary_for_parents_messages(
    staff, school, django_capture_on_commit_callbacks, mailoutbox
):
    notification_settings_save(user=staff, deliveries={Kind.STEUNPUNT: Delivery.DAILY})
    with django_capture_on_commit_callbacks(execute=True):
        message = send(school)
    assert not mailoutbox
    call_command("send_digest", stdout=StringIO())
    (mail,) = mailoutbox
    assert "Een ouder stelde het steunpunt een vraag over De Regenboog." in mail.body
    assert reverse("steunpunt_message", args=["testregio", message.pk]) in mail.body
    assert "Jasper" not in mail.body


def test_only_staff_see_the_setting_for_parents_messages(client, staff, editor):
    client.force_login(staff)
    assert "Een bericht van een ouder aan het steunpunt" in (
        client.get(reverse("notification_settings")).content.decode()
    )
    client.force_login(editor)
    assert "Een bericht van een ouder aan het steunpunt" not in (
        client.get(reverse("notification_settings")).content.decode()
    )


def test_an_editor_cannot_set_the_staff_only_kind(client, editor):
    client.force_login(editor)
    data = {"action": "none", "step": "daily", "comment": "immediately", "steunpunt": "none"}
    assert client.post(reverse("notification_settings"), data).status_code == 302
    assert not editor.notification_settings.filter(kind=Kind.STEUNPUNT).exists()


def test_the_notification_goes_when_the_message_is_deleted_after_retention(staff, school):
    send(school)
    messages_expire(now=timezone.now() + timedelta(days=3650))
    assert not Notification.objects.exists()


def test_staff_choosing_a_delivery_that_does_not_exist_are_refused_in_dutch(client, staff):
    client.force_login(staff)
    data = {"action": "daily", "step": "none", "comment": "immediately", "steunpunt": "weekly"}
    response = client.post(reverse("notification_settings"), data)
    assert response.status_code == 422
    assert "Kies: meteen, in de dagelijkse samenvatting of geen e-mail." in (
        response.content.decode()
    )
    assert not staff.notification_settings.exists()
    data["steunpunt"] = "daily"
    assert client.post(reverse("notification_settings"), data).status_code == 302
    assert staff.notification_settings.get(kind=Kind.STEUNPUNT).delivery == Delivery.DAILY

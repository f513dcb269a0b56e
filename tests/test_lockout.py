"""Lockout after repeated failed sign-ins (django-axes): per account and address together, a
higher limit per address over all accounts, and the ways back: the cool-off, a new password, the
admin, and `steunwijzer axes_reset_username`."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from steunwijzer.api.models import ApiToken
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/inloggen/"
LOCKED = "Te veel mislukte pogingen om in te loggen"
SCHOOL = "10.0.0.1"  # a school's staff behind one NAT address
ATTACKER = "203.0.113.66"


def attempt(client, username, password="verkeerd-wachtwoord", address=SCHOOL, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def fail(client, username, times=5, address=SCHOOL, **extra):
    for _ in range(times):
        attempt(client, username, address=address, **extra)


def signs_in(username, address=SCHOOL, **extra) -> bool:
    """A fresh browser signs in with the right password."""
    response = attempt(Client(), username, password=PASSWORD, address=address, **extra)
    assert response.status_code in (302, 429), response.status_code
    return response.status_code == 302


def cool_off_passes():
    """Time travel: every failed attempt so far happened longer than the cool-off ago."""
    past = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=past)


def test_it_locks_an_account_after_five_failures_even_with_the_right_password(client, editor):
    for _ in range(4):
        assert attempt(client, "editor").status_code == 200
    response = attempt(client, "editor")
    assert response.status_code == 429
    response = attempt(client, "editor", password=PASSWORD)
    body = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in body and "Probeer het over 15 minuten opnieuw" in body
    assert 'href="/wachtwoord-vergeten/"' in body, "a way back: a new password"
    assert "_auth_user_id" not in client.session


def test_the_person_gets_in_from_another_address_while_the_attacker_is_locked_out(client, editor):
    fail(client, "editor", address=ATTACKER)
    assert attempt(client, "editor", password=PASSWORD, address=ATTACKER).status_code == 429
    assert signs_in("editor", address=SCHOOL)
    # Signing in elsewhere does not lift the attacker's lock.
    assert not signs_in("editor", address=ATTACKER)


def test_failures_spread_over_addresses_lock_none_of_them(client, editor):
    for number in range(5):
        attempt(client, "editor", address=f"10.0.1.{number}")
    assert signs_in("editor", address="10.0.1.0")


def test_colleagues_behind_one_address_do_not_lock_each_other_out(
    client, editor, second_editor, team_member
):
    fail(client, "editor")  # the director locks only herself out
    fail(client, "ib", times=4)
    fail(client, "teamlid", times=4)
    assert not signs_in("editor")
    assert signs_in("ib")
    assert signs_in("teamlid")


def test_an_address_that_fails_on_thirty_accounts_is_stopped(client, editor, team_member):
    for number in range(29):
        assert attempt(client, f"account{number}", address=ATTACKER).status_code == 200
    assert signs_in("editor", address=ATTACKER), "29 failures: below the address limit"
    response = attempt(client, "account29", address=ATTACKER)
    assert response.status_code == 429, "the 30th failure stops the address"
    # Stopped for an account it has not tried yet, even with the right password.
    locked = attempt(client, "teamlid", password=PASSWORD, address=ATTACKER)
    body = locked.content.decode()
    assert locked.status_code == 429
    assert LOCKED in body and "Probeer het over 15 minuten opnieuw." in body
    assert "ook niet met een nieuw wachtwoord" in body
    assert "Nieuw wachtwoord instellen" not in body, "a new password does not lift it"
    # Everyone elsewhere signs in as usual.
    assert signs_in("teamlid", address=SCHOOL)


@override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=3)
def test_the_address_limit_is_a_setting(client, team_member):
    fail(client, "a", times=1)
    fail(client, "b", times=1)
    assert signs_in("teamlid")
    fail(client, "c", times=1)
    assert not signs_in("teamlid")


def test_the_lockout_page_does_not_tell_whether_the_account_exists(client, editor):
    fail(client, "editor")
    fail(client, "niemand")

    def page(username):
        body = attempt(client, username, password=PASSWORD).content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)

    assert page("editor") == page("niemand")
    assert LOCKED in page("niemand")


def test_a_locked_account_does_not_lock_its_colleagues(client, editor, team_member):
    for number in range(5):
        attempt(client, "editor", address=f"10.0.4.{number}")
    assert attempt(client, "teamlid", password=PASSWORD, address="10.0.5.5").status_code == 302


def test_failures_accept_email_addresses_as_the_same_account(client, editor):
    fail(client, "editor", times=3)
    fail(client, "Editor@Example.nl", times=2)
    assert not signs_in("editor")
    assert signs_in("editor", address="10.0.7.7")


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_limit_is_a_setting(client, editor):
    fail(client, "editor", times=2)
    assert attempt(client, "editor", password=PASSWORD).status_code == 429


def test_the_lockout_ends_after_the_cool_off(client, editor):
    fail(client, "editor")
    assert not signs_in("editor")
    cool_off_passes()
    assert signs_in("editor")


def test_the_address_lock_ends_after_the_cool_off(client, team_member):
    for number in range(30):
        attempt(client, f"account{number}", address=ATTACKER)
    assert not signs_in("teamlid", address=ATTACKER)
    cool_off_passes()
    assert signs_in("teamlid", address=ATTACKER)


def test_a_new_password_lifts_the_lockout(client, editor):
    fail(client, "editor")
    client.post("/wachtwoord-vergeten/", {"email": "editor@example.nl"}, REMOTE_ADDR="10.0.0.1")
    link = re.search(r"http://\S+/wachtwoord-herstellen/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, REMOTE_ADDR="10.0.0.1")
    new = "een-heel-nieuw-wachtwoord-7"
    response = client.post(
        response.url, {"new_password1": new, "new_password2": new}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="editor").exists()
    assert attempt(client, "editor", password=new).status_code == 302


def test_the_admin_command_unlocks_an_account(client, editor):
    fail(client, "editor")
    call_command("axes_reset_username", "editor", verbosity=0)
    assert attempt(client, "editor", password=PASSWORD).status_code == 302


def test_a_platform_admin_sees_and_removes_lockouts_in_beheer(client, editor):
    fail(client, "editor")
    admin = make_user("beheerder", is_staff=True, is_superuser=True)
    client.force_login(admin)
    listing = client.get("/beheer/axes/accessattempt/")
    assert listing.status_code == 200 and "editor" in listing.content.decode()
    attempt_row = AccessAttempt.objects.get(username="editor")
    response = client.post(f"/beheer/axes/accessattempt/{attempt_row.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    client.logout()
    assert attempt(client, "editor", password=PASSWORD).status_code == 302


def test_it_ignores_x_forwarded_for_unless_behind_a_proxy(client, team_member):
    for number in range(5):
        attempt(client, "teamlid", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    # All five came from REMOTE_ADDR 10.0.0.1: a made-up header does not spread them.
    assert not signs_in("teamlid", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert signs_in("teamlid", address="10.0.3.3")


@override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=5)
def test_the_address_limit_ignores_x_forwarded_for_unless_behind_a_proxy(client, team_member):
    for number in range(5):
        attempt(client, f"x{number}", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert not signs_in("teamlid", HTTP_X_FORWARDED_FOR="198.51.100.1")


@override_settings(BEHIND_PROXY=True)
def test_behind_a_proxy_it_counts_the_address_the_proxy_saw(client, team_member):
    for number in range(5):
        attempt(
            client,
            "teamlid",
            address="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"6.6.6.{number}, 203.0.113.7",
        )
    # Made-up first entries do not spread the failures: the proxy saw 203.0.113.7 each time.
    assert not signs_in("teamlid", address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert signs_in("teamlid", address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")


@override_settings(BEHIND_PROXY=True, LOGIN_ADDRESS_FAILURE_LIMIT=5)
def test_behind_a_proxy_the_address_limit_counts_the_address_the_proxy_saw(client, team_member):
    for number in range(5):
        attempt(
            client, f"x{number}", address="127.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}"
        )
    # Five addresses, one failure each: none is stopped.
    assert signs_in("teamlid", address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.0")


def test_api_tokens_keep_working_beside_the_lockout(client, editor):
    _token, raw = ApiToken.issue(editor, "script")
    fail(client, "editor")
    response = client.get("/api/v1/profiles/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200


def test_the_test_client_login_still_works(client, editor):
    assert client.login(username="editor", password=PASSWORD)
    assert not client.login(username="editor", password="verkeerd")

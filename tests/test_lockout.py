"""Lockout after repeated failed sign-ins (django-axes), per account and per address, and the
ways back: a new password, the admin, and `steunwijzer axes_reset_username`."""

import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from steunwijzer.api.models import ApiToken
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/inloggen/"
LOCKED = "Te veel mislukte pogingen om in te loggen"


def attempt(client, username, password="verkeerd-wachtwoord", address="10.0.0.1", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def fail(client, username, times=5, address="10.0.0.1", **extra):
    for _ in range(times):
        attempt(client, username, address=address, **extra)


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


def test_it_locks_the_account_whatever_address_the_attempts_come_from(client, editor):
    for number in range(5):
        attempt(client, "editor", address=f"10.0.1.{number}")
    assert attempt(client, "editor", password=PASSWORD, address="10.0.9.9").status_code == 429


def test_it_locks_an_address_that_tries_many_accounts(client, editor, team_member):
    for username in ("a", "b", "c", "d", "e"):
        attempt(client, username, address="10.0.2.2")
    assert attempt(client, "teamlid", password=PASSWORD, address="10.0.2.2").status_code == 429
    # Another address signs in to the same account as usual.
    assert attempt(client, "teamlid", password=PASSWORD, address="10.0.3.3").status_code == 302


def test_a_locked_account_does_not_lock_its_colleagues(client, editor, team_member):
    for number in range(5):
        attempt(client, "editor", address=f"10.0.4.{number}")
    assert attempt(client, "teamlid", password=PASSWORD, address="10.0.5.5").status_code == 302


def test_failures_accept_email_addresses_as_the_same_account(client, editor):
    for _ in range(3):
        attempt(client, "editor")
    for _ in range(2):
        attempt(client, "Editor@Example.nl", address="10.0.6.6")
    assert attempt(client, "editor", password=PASSWORD, address="10.0.7.7").status_code == 429


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_limit_is_a_setting(client, editor):
    fail(client, "editor", times=2)
    assert attempt(client, "editor", password=PASSWORD, address="10.0.8.8").status_code == 429


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


def test_it_ignores_x_forwarded_for_unless_behind_a_proxy(client, editor, team_member):
    for number in range(5):
        attempt(client, f"x{number}", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    # All five came from REMOTE_ADDR 10.0.0.1: a made-up header does not spread them.
    assert attempt(client, "teamlid", password=PASSWORD).status_code == 429


@override_settings(BEHIND_PROXY=True)
def test_behind_a_proxy_it_counts_the_address_the_proxy_saw(client, editor, team_member):
    for number in range(5):
        attempt(
            client,
            f"x{number}",
            address="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"6.6.6.{number}, 203.0.113.7",
        )
    locked = attempt(
        client,
        "teamlid",
        password=PASSWORD,
        address="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert locked.status_code == 429
    elsewhere = attempt(
        client,
        "teamlid",
        password=PASSWORD,
        address="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert elsewhere.status_code == 302


def test_api_tokens_keep_working_beside_the_lockout(client, editor):
    _token, raw = ApiToken.issue(editor, "script")
    fail(client, "editor")
    response = client.get("/api/v1/profiles/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200


def test_the_test_client_login_still_works(client, editor):
    assert client.login(username="editor", password=PASSWORD)
    assert not client.login(username="editor", password="verkeerd")

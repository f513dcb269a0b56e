import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from steunwijzer.organisations.models import Invitation, Membership, Role
from steunwijzer.organisations.permissions import invitable_targets, may_invite
from steunwijzer.organisations.services import invitation_create
from tests.conftest import PASSWORD, grant, make_user

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "zonnige-speelplaats-2026"


def _value(role, organisation):
    return f"{role}:{organisation._meta.model_name}:{organisation.pk}"


def _invite(client, role, organisation, email="nieuw@example.nl", function=""):
    return client.post(
        "/uitnodigen/",
        {"target": _value(role, organisation), "email": email, "function": function},
    )


def _token_from(mail):
    return re.search(r"/uitnodiging/([\w-]+)/", mail.body).group(1)


def _accept_data(**overrides):
    data = {
        "first_name": "Mila",
        "last_name": "Ouder",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
    }
    data.update(overrides)
    return data


@pytest.fixture
def invitation_token(editor, school, mailoutbox):
    invitation_create(
        inviter=editor,
        email="Mila@Example.nl",
        role=Role.MR_MEMBER,
        organisation=school,
        function=Membership.Function.PARENT,
    )
    return _token_from(mailoutbox[-1])


def test_it_lets_editor_invite_mr_member_for_own_school(client, editor, school, mailoutbox):
    client.force_login(editor)
    r = _invite(client, Role.MR_MEMBER, school, email="Ouder@Example.nl", function="ouder")
    assert r.status_code == 302

    invitation = Invitation.objects.get()
    assert invitation.email == "ouder@example.nl"
    assert invitation.role == Role.MR_MEMBER
    assert (invitation.school, invitation.function) == (school, "ouder")
    assert invitation.invited_by == editor

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["ouder@example.nl"]
    assert "MR-lid bij De Regenboog" in mail.body
    token = _token_from(mail)
    assert f"/uitnodiging/{token}/" in mail.body
    # Only the hash is kept.
    assert token not in invitation.token_hash


def test_it_offers_editor_only_own_school_roles(client, editor):
    client.force_login(editor)
    body = client.get("/uitnodigen/").content.decode()
    assert "MR-lid — De Regenboog" in body
    assert "Teamlid — De Regenboog" in body
    assert "De Vlieger" not in body
    assert "Kwaliteitsmedewerker" not in body


def test_it_rejects_editor_inviting_for_other_school(client, editor, other_school, mailoutbox):
    client.force_login(editor)
    r = _invite(client, Role.MR_MEMBER, other_school)
    assert r.status_code == 200
    assert 'aria-invalid="true"' in r.content.decode()
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_it_lets_officer_invite_editor_for_board_school(client, officer, other_school, mailoutbox):
    client.force_login(officer)
    r = _invite(client, Role.SCHOOL_EDITOR, other_school, function="directeur")
    assert r.status_code == 302
    assert Invitation.objects.get().school == other_school
    assert len(mailoutbox) == 1


def test_it_rejects_officer_inviting_mr_member(client, officer, school):
    client.force_login(officer)
    r = _invite(client, Role.MR_MEMBER, school)
    assert r.status_code == 200
    assert not Invitation.objects.exists()


def test_it_rejects_officer_inviting_for_other_board(officer, single_board, single_school):
    assert not may_invite(officer, Role.BOARD_OFFICER, single_board)
    assert not may_invite(officer, Role.SCHOOL_EDITOR, single_school)


def test_it_lets_staff_invite_board_officer(client, staff, board):
    client.force_login(staff)
    r = _invite(client, Role.BOARD_OFFICER, board)
    assert r.status_code == 302
    assert Invitation.objects.get().board == board


def test_it_keeps_staff_within_own_partnership(other_staff, board, school):
    assert not may_invite(other_staff, Role.BOARD_OFFICER, board)
    assert not may_invite(other_staff, Role.SCHOOL_EDITOR, school)


def test_it_lists_targets_for_staff(staff, partnership, board, single_board, school, other_school):
    targets = invitable_targets(staff)
    assert (Role.PARTNERSHIP_STAFF, partnership) in targets
    assert (Role.BOARD_OFFICER, single_board) in targets
    assert (Role.SCHOOL_EDITOR, other_school) in targets
    assert (Role.MR_MEMBER, school) not in targets


def test_it_lets_platform_admin_invite_anything(school):
    admin = make_user("beheer")
    grant(admin, Role.PLATFORM_ADMIN)
    assert may_invite(admin, Role.MR_MEMBER, school)
    assert may_invite(admin, Role.PLATFORM_ADMIN, None)


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "outsider"])
def test_it_forbids_people_without_invitable_roles(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/uitnodigen/").status_code == 403


def test_it_sends_anonymous_visitor_to_login(client):
    r = client.get("/uitnodigen/")
    assert r.status_code == 302
    assert r.url.startswith("/inloggen/?next=")


def test_it_accepts_invitation_with_new_account(client, invitation_token, school):
    r = client.get(f"/uitnodiging/{invitation_token}/")
    assert r.status_code == 200
    body = r.content.decode()
    assert "mila@example.nl" in body
    assert 'autocomplete="new-password"' in body

    r = client.post(f"/uitnodiging/{invitation_token}/", _accept_data(), follow=True)
    assert r.redirect_chain[-1] == ("/", 302)
    assert "Welkom! U bent nu MR-lid bij De Regenboog." in r.content.decode()

    user = get_user_model().objects.get(username="mila@example.nl")
    assert (user.email, user.first_name, user.last_name) == ("mila@example.nl", "Mila", "Ouder")
    assert user.check_password(GOOD_PASSWORD)
    membership = Membership.objects.get(user=user)
    assert (membership.role, membership.school, membership.function) == (
        "mr_member",
        school,
        "ouder",
    )
    assert Invitation.objects.get().accepted_at is not None
    assert client.session["_auth_user_id"] == str(user.pk)


def test_it_rejects_reused_invitation(client, invitation_token):
    client.post(f"/uitnodiging/{invitation_token}/", _accept_data())
    client.logout()
    r = client.get(f"/uitnodiging/{invitation_token}/")
    assert r.status_code == 410
    assert "al gebruikt" in r.content.decode()
    r = client.post(f"/uitnodiging/{invitation_token}/", _accept_data(first_name="Ander"))
    assert r.status_code == 410
    assert get_user_model().objects.filter(username="mila@example.nl").count() == 1


def test_it_rejects_expired_invitation(client, invitation_token):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    r = client.post(f"/uitnodiging/{invitation_token}/", _accept_data())
    assert r.status_code == 410
    assert "verlopen" in r.content.decode()
    assert not get_user_model().objects.filter(username="mila@example.nl").exists()


def test_it_rejects_unknown_token(client, db):
    r = client.get("/uitnodiging/bestaat-niet/")
    assert r.status_code == 404
    assert "Uitnodiging niet gevonden" in r.content.decode()


def test_it_rejects_short_password_in_dutch(client, invitation_token):
    r = client.post(
        f"/uitnodiging/{invitation_token}/", _accept_data(password1="kort", password2="kort")
    )
    assert r.status_code == 200
    body = r.content.decode()
    assert "Dit wachtwoord is te kort. Gebruik minstens 10 tekens." in body
    assert 'aria-describedby="id_password1_helptext id_password1_error"' in body
    assert 'id="id_password1_error"' in body
    assert not get_user_model().objects.filter(username="mila@example.nl").exists()
    assert Invitation.objects.get().accepted_at is None
    assert "_auth_user_id" not in client.session


def test_it_rejects_mismatched_passwords(client, invitation_token):
    r = client.post(f"/uitnodiging/{invitation_token}/", _accept_data(password2="iets-anders-123"))
    assert "De twee wachtwoordvelden komen niet overeen." in r.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_it_asks_existing_account_to_log_in_first(client, editor, school, mailoutbox):
    invitation_create(
        inviter=editor, email="Ander@Example.nl", role=Role.SCHOOL_EDITOR, organisation=school
    )
    token = _token_from(mailoutbox[-1])
    existing = make_user("ander")  # e-mail ander@example.nl

    r = client.get(f"/uitnodiging/{token}/")
    assert r.status_code == 200
    assert "Er bestaat al een account" in r.content.decode()
    assert "/inloggen/?next=%2Fuitnodiging%2F" in r.content.decode()
    r = client.post(f"/uitnodiging/{token}/", _accept_data())
    assert r.status_code == 403
    assert not existing.memberships.exists()

    client.login(username="ander", password=PASSWORD)
    r = client.get(f"/uitnodiging/{token}/")
    assert "Uitnodiging accepteren" in r.content.decode()
    r = client.post(f"/uitnodiging/{token}/")
    assert r.status_code == 302
    assert r.url == "/"
    assert existing.memberships.get().role == Role.SCHOOL_EDITOR
    assert get_user_model().objects.filter(email__iexact="ander@example.nl").count() == 1
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)


def test_it_refuses_existing_account_signed_in_as_someone_else(client, editor, invitation_token):
    make_user("mila")  # e-mail mila@example.nl, the invited address
    client.force_login(editor)
    r = client.post(f"/uitnodiging/{invitation_token}/")
    assert r.status_code == 403
    assert "maar u bent ingelogd als editor" in r.content.decode()
    assert Invitation.objects.get().accepted_at is None

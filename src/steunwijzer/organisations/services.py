"""Inviting people and taking up an invitation; saving a partnership's settings."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Board, Invitation, Membership, Partnership, Role, display_name
from .permissions import may_invite, scope_fields
from .signals import partnership_settings_saved


class InvitationClosed(Exception):
    """The invitation was accepted or expired before this request got to it."""


def account_for_email(email: str):
    """The account an invitation for this address belongs to, if one exists already."""
    email = email.strip().lower()
    return (
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .order_by("pk")
        .first()
    )


def invitation_state(raw_token: str) -> str:
    """Why a token is not open: "accepted", "expired" or "unknown"."""
    invitation = Invitation.objects.by_token(raw_token)
    if invitation is None:
        return "unknown"
    return "accepted" if invitation.accepted_at else "expired"


@transaction.atomic
def invitation_create(*, inviter, email, role, organisation, function="", name="") -> Invitation:
    if not may_invite(inviter, role, organisation):
        raise PermissionDenied(_("You may not invite anyone for this role and organisation."))
    invitation = Invitation(
        email=email.strip().lower(),
        name=name.strip(),
        role=role,
        function=function,
        invited_by=inviter,
        **scope_fields(role, organisation),
    )
    raw_token = invitation.issue_token()
    invitation.save()
    _send_invitation(invitation, raw_token, inviter)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, user) -> Invitation:
    """A new link for an invitation not yet accepted (the old link stops working), valid for
    the full period again."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationClosed
    if not may_invite(user, invitation.role, invitation.organisation):
        raise PermissionDenied(_("You may not invite anyone for this role and organisation."))
    raw_token = invitation.issue_token()
    invitation.save(update_fields=["token_hash", "expires_at"])
    _send_invitation(invitation, raw_token, user)
    return invitation


def _send_invitation(invitation: Invitation, raw_token: str, inviter) -> str:
    """E-mail the link; returns it (the command that starts a partnership prints it too)."""
    url = settings.SITE_URL + reverse("invitation_accept", args=[raw_token])
    context = {
        "invitation": invitation,
        "inviter_name": display_name(inviter) if inviter else "Steunwijzer",
        "role_label": Role(invitation.role).label,
        "organisation": invitation.organisation,
        "url": url,
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    # Sent inside the transaction: if the mail cannot go out, no dangling invitation remains.
    send_mail(
        subject=_("Invitation to Steunwijzer"),
        message=render_to_string("organisations/invitation_email.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
    return url


@transaction.atomic
def partnership_start(*, name: str, short_name: str, slug: str, staff_email: str):
    """A new partnership and an invitation for its first staff member, who does the rest in
    the browser (docs/onboarding.md). Returns the partnership and the invitation's link."""
    partnership = Partnership(name=name, short_name=short_name or name[:40], slug=slug)
    partnership.full_clean()
    partnership.save()
    invitation = Invitation(
        email=staff_email.strip().lower(), role=Role.PARTNERSHIP_STAFF, partnership=partnership
    )
    raw_token = invitation.issue_token()
    invitation.save()
    return partnership, _send_invitation(invitation, raw_token, None)


@transaction.atomic
def invitation_accept(*, invitation, user=None, first_name="", last_name="", password=""):
    """Take up the invitation; without `user`, create the account for the invited address.

    Returns the account that now holds the membership.
    """
    # Lock and re-check, so a double click or a second tab cannot accept twice.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.expires_at <= timezone.now():
        raise InvitationClosed
    if user is None:
        if account_for_email(invitation.email) is not None:
            raise PermissionDenied(_("An account for this email address already exists."))
        user = get_user_model().objects.create_user(
            username=invitation.email,
            email=invitation.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
    elif user.email.strip().lower() != invitation.email.lower():
        raise PermissionDenied(_("This invitation is for a different email address."))
    Membership.objects.get_or_create(
        user=user,
        role=invitation.role,
        partnership=invitation.partnership,
        board=invitation.board,
        school=invitation.school,
        defaults={"function": invitation.function},
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user


@transaction.atomic
def boards_rename(*, partnership: Partnership, names: dict[int, str]) -> int:
    """Give the partnership's boards the names its staff typed: DUO's file of school locations
    has none, so an imported board is called "Bestuur 41234" until renamed. Boards of other
    partnerships are left alone. Returns how many boards got another name."""
    changed = 0
    boards = Board.objects.select_for_update().filter(partnership=partnership, pk__in=names)
    for board in boards:
        name = names[board.pk].strip()
        if name and name != board.name:
            board.name = name
            board.save(update_fields=["name"])  # a change of the partnership (receivers.py)
            changed += 1
    return changed


@transaction.atomic
def partnership_settings_save(*, form) -> Partnership:
    """Save the settings page (a valid `PartnershipForm`); what the settings ask of the apps
    above (the chosen route) is made in the same transaction, so neither is half-written."""
    partnership = form.save()
    partnership_settings_saved.send(sender=Partnership, partnership=partnership)
    return partnership

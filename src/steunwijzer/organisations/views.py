from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import services, two_factor
from .forms import (
    AcceptInvitationForm,
    ApiTokenForm,
    InvitationForm,
    NameForm,
    PartnershipForm,
    SchoolLocationForm,
)
from .locations import school_locate
from .models import Invitation, Role, School
from .permissions import get_partnership_for_staff, invitable_targets, may_invite_anyone


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        # The mailed link starts with SITE_URL, never with the Host header a stranger can send.
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        # A new password is the way back from a lockout: its failed attempts are forgotten.
        axes_reset(username=form.user.get_username())
        return response


def account_page(request, name_form=None, token_form=None, raw_token=None, status=200):
    ctx = {
        "name_form": name_form or NameForm(instance=request.user),
        "token_form": token_form or ApiTokenForm(),
        "memberships": request.user.memberships.select_related(
            "partnership", "board", "school"
        ).order_by("role", "pk"),
        "tokens": request.user.api_tokens.filter(revoked_at=None),
        "can_invite": may_invite_anyone(request.user),
        "two_factor_enabled": two_factor.is_enabled(request.user),
        "raw_token": raw_token,
        "api_url": settings.SITE_URL + "/api/v1/",
    }
    return render(request, "organisations/account_settings.html", ctx, status=status)


@login_required
def account_settings(request):
    if request.method == "POST":
        form = NameForm(request.POST, instance=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your name has been saved."))
            return redirect("account_settings")
        return account_page(request, name_form=form, status=400)
    return account_page(request)


@login_required
def invite(request):
    targets = invitable_targets(request.user)
    if not targets:
        raise PermissionDenied(_("You may not invite people."))
    form = InvitationForm(request.POST or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        role, organisation = form.cleaned_data["target"]
        email = form.cleaned_data["email"]
        services.invitation_create(
            inviter=request.user,
            email=email,
            role=role,
            organisation=organisation,
            function=form.cleaned_data["function"],
        )
        messages.success(
            request, _("The invitation has been sent to %(email)s.") % {"email": email}
        )
        return redirect("invite")
    sent = (
        Invitation.objects.filter(
            invited_by=request.user, accepted_at=None, expires_at__gt=timezone.now()
        )
        .select_related("partnership", "board", "school")
        .order_by("-created_at")[:50]
    )
    ctx = {"form": form, "sent": sent, "valid_days": settings.INVITATION_VALID_DAYS}
    return render(request, "organisations/invite.html", ctx)


def invitation_accept(request, token):
    invitation = Invitation.objects.find_open(token)
    if invitation is None:
        return _invitation_closed(request, services.invitation_state(token))
    account = services.account_for_email(invitation.email)
    if account is not None:
        return _accept_with_account(request, invitation, account)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationClosed:
            return _invitation_closed(request, "accepted")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return _welcome(request, invitation)
    ctx = {"invitation": invitation, "form": form}
    return render(request, "organisations/invitation_accept.html", ctx)


def _accept_with_account(request, invitation, account):
    """The address has an account already: its owner signs in and accepts with one click."""
    if request.user.pk != account.pk:
        login_url = reverse("login") + "?" + urlencode({"next": request.path})
        ctx = {"invitation": invitation, "login_url": login_url}
        status = 403 if request.method == "POST" else 200
        return render(request, "organisations/invitation_sign_in_first.html", ctx, status=status)
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except services.InvitationClosed:
            return _invitation_closed(request, "accepted")
        return _welcome(request, invitation)
    return render(request, "organisations/invitation_confirm.html", {"invitation": invitation})


def _welcome(request, invitation):
    role = Role(invitation.role).label
    if invitation.organisation:
        message = _("Welcome! You are now %(role)s at %(organisation)s.") % {
            "role": role,
            "organisation": invitation.organisation,
        }
    else:
        message = _("Welcome! You are now %(role)s.") % {"role": role}
    messages.success(request, message)
    return redirect("home")


def _invitation_closed(request, state):
    # 410 for a link that worked once, 404 for one that never did.
    status = 404 if state == "unknown" else 410
    ctx = {"state": state}
    return render(request, "organisations/invitation_closed.html", ctx, status=status)


@login_required
def partnership_settings(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    form = PartnershipForm(request.POST or None, request.FILES or None, instance=partnership)
    if request.method == "POST" and form.is_valid():
        services.partnership_settings_save(form=form)
        messages.success(request, _("The settings of the partnership have been saved."))
        return redirect("partnership_settings", slug=partnership.slug)
    status = 400 if form.errors else 200
    schools = School.objects.filter(board__partnership=partnership).only(
        "brin", "vestiging", "name", "latitude", "longitude"
    )
    return render(
        request,
        "organisations/partnership_settings.html",
        {"partnership": partnership, "form": form, "schools": schools},
        status=status,
    )


@login_required
def school_location(request, slug, brin_code):
    """Partnership staff put a school where it really stands on the finder's map."""
    partnership = get_partnership_for_staff(request, slug)
    school = get_object_or_404(
        School, board__partnership=partnership, brin=brin_code[:4], vestiging=brin_code[4:]
    )
    initial = {"latitude": school.latitude, "longitude": school.longitude}
    form = SchoolLocationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        school_locate(school=school, **form.cleaned_data)
        messages.success(
            request, _("The location of %(school)s has been saved.") % {"school": school.name}
        )
        return redirect("partnership_settings", slug=partnership.slug)
    return render(
        request,
        "organisations/school_location.html",
        {"partnership": partnership, "school": school, "form": form},
        status=400 if form.errors else 200,
    )

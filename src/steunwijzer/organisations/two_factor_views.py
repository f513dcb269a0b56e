"""Pages of the second sign-in step, of two-step verification in Mijn account, and the lockout."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render, resolve_url
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from steunwijzer.core.forms import NextForm

from . import two_factor
from .backends import address_is_throttled, codes_per_account
from .forms import EnrolCodeForm, TwoFactorCodeForm

WRONG_CODE = gettext_lazy(
    "This code is not right. Check that you copy the newest code from your app, or use a "
    "recovery code you have not used before. After several mistakes you have to wait a while."
)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response: the sign-in page's message, with a way back.

    The same page whether or not the account exists; only an address stopped for failing on
    many accounts is told that a new password does not help.
    """
    if request.user.is_authenticated:
        logout(request)
    ctx = {
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "address_throttled": address_is_throttled(request),
    }
    return render(request, "registration/login_locked.html", ctx, status=429)


def _next_url(request) -> str:
    url = NextForm(request.POST).url() or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _code_credentials(request) -> dict:
    return {"username": request.user.get_username()}


def _codes_allowed(request) -> bool:
    """False while the account has had too many wrong codes, from whatever address."""
    with codes_per_account(request):
        return AxesProxyHandler.is_allowed(request, _code_credentials(request))


def _check_code(request, form):
    """The device that accepts the form's code; wrong codes are limited per account."""
    if not _codes_allowed(request):
        request.axes_locked_out = True  # AxesMiddleware answers with locked_out()
        return None
    device = two_factor.verify_code(request.user, form.cleaned_data["code"])
    if device is None:
        with codes_per_account(request):
            user_login_failed.send(
                sender=__name__, credentials=_code_credentials(request), request=request
            )
        form.add_error("code", WRONG_CODE)
    return device


@never_cache
@login_required
def two_factor_verify(request):
    """The second step after the password: a code from the app or a recovery code."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not two_factor.is_enabled(request.user):
        # Turned off meanwhile (by an admin in /beheer/): nothing left to ask.
        two_factor.remember_enabled(request, False)
        return redirect(_next_url(request))
    if not _codes_allowed(request):
        # Right password, but the account's code step is locked: say so before a code is typed.
        return locked_out(request)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _check_code(request, form)
        if device is not None:
            otp_login(request, device)
            if device.name == two_factor.RECOVERY_DEVICE_NAME:
                left = two_factor.recovery_codes_left(request.user)
                messages.warning(
                    request,
                    _(
                        "You used a recovery code; %(left)s are left. Create new recovery "
                        "codes in My account when you have few left."
                    )
                    % {"left": left},
                )
            return redirect(_next_url(request))
    ctx = {
        "form": form,
        "next": _next_url(request),
        "demo_code": two_factor.code_hint(request.user),
    }
    status = 400 if form.errors else 200
    return render(request, "registration/two_factor_code.html", ctx, status=status)


def _settings_page(request, form=None, codes=None, status=200, just_enabled=False):
    user = request.user
    enabled = two_factor.is_enabled(user)
    ctx = {
        # Where the person was going when enrolment was asked of them, to go on after it.
        "next": _next_url(request),
        "just_enabled": just_enabled,
        "enabled": enabled,
        "required": two_factor.is_required(user),
        "form": form or (TwoFactorCodeForm() if enabled else EnrolCodeForm()),
        "codes": codes,
        "codes_left": two_factor.recovery_codes_left(user) if enabled else 0,
    }
    if not enabled:
        device = two_factor.enrolment_device(user, two_factor.enrolment_key(request.session))
        ctx["qr_code"] = two_factor.qr_code_data_uri(device)
        ctx["secret"] = two_factor.secret_text(device)
    response = render(request, "organisations/two_factor.html", ctx, status=status)
    # The key and the recovery codes must not stay in a cache.
    add_never_cache_headers(response)
    return response


@login_required
def two_factor_settings(request):
    """Set up the app (scan, confirm with a code) or manage it; linked from Mijn account."""
    if request.method != "POST" or two_factor.is_enabled(request.user):
        return _settings_page(request)
    form = EnrolCodeForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, form=form, status=400)
    key = two_factor.enrolment_key(request.session)
    device = two_factor.enrolment_device(request.user, key)
    codes = two_factor.two_factor_enable(
        user=request.user, device=device, code=form.cleaned_data["code"]
    )
    if codes is None:
        form.add_error(
            "code",
            _(
                "This code is not right. Scan the QR code again and enter the newest code. "
                "After a mistake you have to wait a while."
            ),
        )
        return _settings_page(request, form=form, status=400)
    del request.session[two_factor.ENROLMENT_SESSION_KEY]
    otp_login(request, two_factor.app_device(request.user))
    two_factor.remember_enabled(request, True)
    messages.success(request, _("Two-step verification is on."))
    return _settings_page(request, codes=codes, just_enabled=True)


@login_required
@require_POST
def recovery_codes_regenerate(request):
    if not two_factor.is_enabled(request.user):
        return redirect("two_factor_settings")
    codes = two_factor.recovery_codes_issue(user=request.user)
    messages.success(
        request, _("New recovery codes have been created; the old ones no longer work.")
    )
    return _settings_page(request, codes=codes)


@login_required
@require_POST
def two_factor_disable(request):
    """Turning it off asks for a current code, so an unattended session cannot do it."""
    if not two_factor.is_enabled(request.user):
        return redirect("two_factor_settings")
    form = TwoFactorCodeForm(request.POST)
    if not form.is_valid() or _check_code(request, form) is None:
        return _settings_page(request, form=form, status=400)
    two_factor.two_factor_disable(user=request.user)
    two_factor.remember_enabled(request, False)
    if two_factor.is_required(request.user):
        messages.warning(
            request,
            _("Two-step verification is off. It is required for your role: set up the app again."),
        )
    else:
        messages.success(request, _("Two-step verification is off."))
    return redirect("two_factor_settings")

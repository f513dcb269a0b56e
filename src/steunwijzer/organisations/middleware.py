"""Sign-in rules that hold on every page: idle sessions end, the second step comes first."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from steunwijzer.core.json_api import signs_in_with_token

from . import two_factor

LAST_ACTIVITY_KEY = "sw_last_activity"
# Writing the session on every request costs a write per autosave; once a minute is enough.
ACTIVITY_RESOLUTION = 60
# Reachable before the second step: signing out, the sign-in pages and files.
OPEN_PREFIXES = ("/uitloggen/", "/inloggen/", "/wachtwoord-", "/static/", "/healthz", "/thema/")
IDLE_MESSAGE = gettext_lazy(
    "You were inactive for a while and have therefore been signed out. Sign in again to continue."
)


def session_started(sender, request, user, **kwargs):
    """On every sign-in: the first activity, and whether a code will be asked."""
    if request is None or not hasattr(request, "session"):
        return
    request.session[LAST_ACTIVITY_KEY] = int(time.time())
    two_factor.remember_enabled(request, two_factor.is_enabled(user))


def _session_user(request):
    """The person signed in with a session cookie (not with an API token), or None.

    Without a session cookie nobody is signed in; not reading the session then keeps public
    pages free of `Vary: Cookie`, so they stay the same for every visitor and cacheable."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    if signs_in_with_token(request) or not request.user.is_authenticated:
        return None
    return request.user


def _send_to(request, url: str, message: str):
    """Redirect a page; tell an htmx request (an autosave) instead, so its text stays on screen."""
    if request.headers.get("HX-Request"):
        return HttpResponse(message, status=401, content_type="text/plain; charset=utf-8")
    if request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)


class SecurityHeadersMiddleware:
    """Headers Django has no setting for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class SessionIdleMiddleware:
    """End a session after SESSION_IDLE_TIMEOUT seconds without a request (autosaves count)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _session_user(request) is not None:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(request, IDLE_MESSAGE)
                return _send_to(request, reverse("login"), IDLE_MESSAGE)
            if last is None or now - last >= ACTIVITY_RESOLUTION:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


class TwoFactorMiddleware:
    """Until the second step is done, only the code page (or, without an app, enrolment)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = _session_user(request)
        if user is None or user.is_verified() or request.path.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        if two_factor.enabled_in_session(request):
            return _send_to(
                request, reverse("two_factor_verify"), gettext_lazy("Enter your code first.")
            )
        if two_factor.is_required(user):
            enrol = reverse("two_factor_settings")
            if request.path.startswith(enrol):
                return self.get_response(request)
            return _send_to(request, enrol, gettext_lazy("Turn on two-step verification first."))
        return self.get_response(request)

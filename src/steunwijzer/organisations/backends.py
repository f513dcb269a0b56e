"""Sign-in lockout (django-axes): which requests are counted, how, and from which address.

Three limits (docs/security.md):

- failed passwords lock the combination of account and address (AXES_LOCKOUT_PARAMETERS), so
  someone guessing a person's password does not lock that person out;
- an address that fails on many accounts is stopped at a higher limit of its own
  (LOGIN_ADDRESS_FAILURE_LIMIT), against password spraying;
- wrong two-step codes count per account, from whatever address they come (`codes_per_account`).
"""

from contextlib import contextmanager

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum


class LockoutBackend(AxesStandaloneBackend):
    """Refuse every sign-in through a web request while its account and address are locked.

    authenticate() without a request (Django's test client, a shell) has no address to count,
    so it is left to the password backend; every sign-in form passes its request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_address(request) -> str:
    """The address a lockout counts: the proxy's X-Forwarded-For only when BEHIND_PROXY=True.

    The proxy appends the address it saw, so the last entry is the one it vouches for; earlier
    entries come from the client and can be made up.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def address_failures(request) -> int:
    """Failures from the request's address within the cool-off, on all accounts together."""
    AxesProxyHandler.update_request(request)
    address = request.axes_ip_address
    if not address:
        return 0  # wrong two-step codes: counted per account, not per address
    recent = AccessAttempt.objects.filter(
        ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
    )
    return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


def address_is_throttled(request) -> bool:
    return address_failures(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT


class LockoutHandler(AxesDatabaseHandler):
    """axes' database handler, plus the higher limit per address over all accounts.

    Hand-written because axes holds every lockout parameter to the one AXES_FAILURE_LIMIT.
    """

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or address_is_throttled(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or request.axes_locked_out or self.is_whitelisted(request, credentials):
            return
        if not address_is_throttled(request):
            return
        # The failure that reaches the address limit is answered with the lockout page, as the
        # one that reaches the account's limit is.
        request.axes_locked_out = True
        request.axes_credentials = credentials
        user_locked_out.send(
            "axes",
            request=request,
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        )


@contextmanager
def codes_per_account(request):
    """Within this block axes counts and checks the account's attempts without an address.

    For wrong two-step codes: their rows have an empty address, so they count for the account
    from every address, apart from its failed passwords, and never towards an address's limit.
    """
    AxesProxyHandler.update_request(request)
    address, request.axes_ip_address = request.axes_ip_address, None
    try:
        yield
    finally:
        request.axes_ip_address = address

"""Sign-in lockout (django-axes): which requests are counted, and from which address."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LockoutBackend(AxesStandaloneBackend):
    """Refuse every sign-in through a web request while its account or address is locked.

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

"""Bearer-token sign-in for /api/, beside the session sign-in of the web pages."""

from django.utils.functional import SimpleLazyObject

from .models import ApiToken


class BearerTokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if request.path.startswith("/api/") and header.startswith("Bearer "):
            raw = header.removeprefix("Bearer ").strip()
            request.api_token_given = True
            request.user = SimpleLazyObject(lambda: _user_for(raw))
            # Token requests carry no cookies, so CSRF protection does not apply to them.
            request._dont_enforce_csrf_checks = True
        return self.get_response(request)


def _user_for(raw: str):
    from django.contrib.auth.models import AnonymousUser

    token = ApiToken.objects.authenticate(raw)
    return token.user if token else AnonymousUser()

"""Bearer-token sign-in for the API, beside the session sign-in of the web pages.

The API signs in by personal token only, so no session cookie can be used against it.
"""

from ninja.security.http import HttpAuthBase

from .models import ApiToken


# Named as the document's security scheme has always been named (ninja takes the class name),
# so clients generated from it keep their settings.
class bearerAuth(HttpAuthBase):
    openapi_scheme = "bearer"

    def __call__(self, request):
        """The token of `Authorization: Bearer <token>` (its last use noted), or None."""
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return None
        token = ApiToken.objects.authenticate(header.removeprefix("Bearer ").strip())
        if token is None:
            return None
        request.user = token.user
        return token

from django.urls import path

from .v1 import api, openapi

urlpatterns = [
    path("openapi.json", openapi, name="api_openapi"),
    # Ninja's own root pattern only tells it where it is mounted, for a document with absolute
    # paths; ours are relative (api.v1), and /api/v1/ itself stays a JSON 404 like any unknown
    # address.
    *(pattern for pattern in api.urls[0] if pattern.name != "api-root"),
]

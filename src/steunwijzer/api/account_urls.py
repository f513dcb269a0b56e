"""The token pages under "Mijn account" (/account/tokens/…), mounted at the site's root."""

from django.urls import path

from . import account_views

urlpatterns = [
    path("account/tokens/nieuw/", account_views.api_token_create, name="api_token_create"),
    path(
        "account/tokens/<int:pk>/intrekken/",
        account_views.api_token_revoke,
        name="api_token_revoke",
    ),
]

from django.contrib import admin
from django.urls import include, path

from steunwijzer.core import views as core_views

urlpatterns = [
    path("", include("steunwijzer.organisations.urls")),
    path("", include("steunwijzer.profiles.urls")),
    path("api/v1/", include("steunwijzer.api.urls")),
    path("healthz", core_views.healthz, name="healthz"),
    path("thema/<slug:slug>.css", core_views.theme_css, name="theme_css"),
    path("beheer/", admin.site.urls),
]

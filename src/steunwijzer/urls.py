from django.contrib import admin
from django.urls import include, path

from steunwijzer.core import views as core_views
from steunwijzer.operations import avg_views
from steunwijzer.organisations import theme

urlpatterns = [
    path("", include("steunwijzer.organisations.urls")),
    path("", include("steunwijzer.profiles.urls")),
    path("", include("steunwijzer.review.urls")),
    path("", include("steunwijzer.route.urls")),
    path("", include("steunwijzer.quality_check.urls")),
    path("", include("steunwijzer.regional_model.urls")),
    path("", include("steunwijzer.instruments.ijk.urls")),
    path("", include("steunwijzer.instruments.diversity.urls")),
    path("", include("steunwijzer.publication.urls")),
    path("", include("steunwijzer.steunpunt.urls")),
    path("", include("steunwijzer.dashboards.urls")),
    path("", include("steunwijzer.notifications.urls")),
    path("", include("steunwijzer.api.account_urls")),
    path("api/v1/", include("steunwijzer.api.urls")),
    # The language of the public pages (core.middleware.PublicLanguageMiddleware); the
    # same address and name as Django's django.conf.urls.i18n, without its CSRF check.
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("healthz", core_views.healthz, name="healthz"),
    path("inzage/", avg_views.avg_export, name="avg_export"),
    path("thema/<slug:slug>.css", theme.theme_css, name="theme_css"),
    path("thema/<slug:slug>/logo", theme.theme_logo, name="theme_logo"),
    path("beheer/", admin.site.urls),
]

# An unreachable database answers 503 with a friendly page (core.views.server_error).
handler500 = "steunwijzer.core.views.server_error"
# The API answers an unknown address in JSON too.
handler404 = "steunwijzer.core.views.not_found"

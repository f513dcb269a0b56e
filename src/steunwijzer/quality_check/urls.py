from django.urls import path

from . import views

urlpatterns = [
    path(
        "samenwerkingsverband/<slug:slug>/sop-check/",
        views.partnership_checks,
        name="partnership_checks",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-check/instellingen/",
        views.check_settings,
        name="check_settings",
    ),
]

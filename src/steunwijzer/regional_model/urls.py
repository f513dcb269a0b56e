from django.urls import path

from . import views

urlpatterns = [
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/", views.format_versions, name="format_versions"
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/samenvattingen/",
        views.fixed_text_summaries,
        name="fixed_text_summaries",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/vaste-teksten/<slug:key>/bevestigen/",
        views.fixed_text_confirm_view,
        name="fixed_text_confirm",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/<int:pk>.yaml",
        views.format_version_source,
        name="format_version_source",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/bewerken/",
        views.format_edit,
        name="format_edit",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/bewerken/controleren/",
        views.format_check,
        name="format_check",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/vergelijken/",
        views.format_compare,
        name="format_compare",
    ),
]

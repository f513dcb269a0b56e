from django.urls import path

from . import outline_views, views

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
        "samenwerkingsverband/<slug:slug>/sop-model/opbouw/",
        outline_views.format_outline,
        name="format_outline",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/opbouw/wijzigen/",
        outline_views.format_outline_change,
        name="format_outline_change",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/opbouw/publiceren/",
        outline_views.format_outline_publish,
        name="format_outline_publish",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/opbouw/weggooien/",
        outline_views.format_outline_discard,
        name="format_outline_discard",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/opbouw/<str:at>/",
        outline_views.format_outline_node,
        name="format_outline_node",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/sop-model/vergelijken/",
        views.format_compare,
        name="format_compare",
    ),
]

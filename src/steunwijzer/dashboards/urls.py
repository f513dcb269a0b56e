from django.urls import path

from . import views

urlpatterns = [
    path("besturen/<int:board_id>/overzicht/", views.board_overview, name="board_overview"),
    path(
        "besturen/<int:board_id>/overzicht.<str:fmt>",
        views.board_overview_export,
        name="board_overview_export",
    ),
    path("besturen/<int:board_id>/analyse/", views.board_analysis, name="board_analysis"),
    path(
        "besturen/<int:board_id>/analyse.<str:fmt>",
        views.board_analysis_export,
        name="board_analysis_export",
    ),
    path("besturen/<int:board_id>/verdeling/", views.board_allocation, name="board_allocation"),
    path(
        "samenwerkingsverband/<slug:slug>/overzicht/",
        views.partnership_overview,
        name="partnership_overview",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/overzicht/ontvangst/",
        views.partnership_acknowledge,
        name="partnership_acknowledge",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/overzicht.<str:fmt>",
        views.partnership_overview_export,
        name="partnership_overview_export",
    ),
    path("samenwerkingsverband/<slug:slug>/dekkend-aanbod/", views.coverage, name="coverage"),
    path(
        "samenwerkingsverband/<slug:slug>/dekkend-aanbod.<str:fmt>",
        views.coverage_export,
        name="coverage_export",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/analyse/",
        views.partnership_analysis,
        name="partnership_analysis",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/analyse.pdf",
        views.partnership_report_pdf,
        name="partnership_report_pdf",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/analyse.<str:fmt>",
        views.partnership_analysis_export,
        name="partnership_analysis_export",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/verdeling/",
        views.partnership_allocation,
        name="partnership_allocation",
    ),
    path("verdelingen/<int:pk>/", views.allocation_scenario, name="allocation_scenario"),
    path(
        "verdelingen/<int:pk>/verwijderen/",
        views.allocation_scenario_delete,
        name="allocation_scenario_delete",
    ),
    path(
        "verdelingen/<int:pk>.<str:fmt>",
        views.allocation_scenario_export,
        name="allocation_scenario_export",
    ),
]

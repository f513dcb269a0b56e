from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("profielen/nieuw/<int:school_id>/", views.profile_new, name="profile_new"),
    path("profielen/<int:pk>/", views.profile_detail, name="profile_detail"),
    path("profielen/<int:pk>/voorbeeld/", views.profile_preview, name="profile_preview"),
    path("profielen/<int:pk>/versies/", views.profile_revisions, name="profile_revisions"),
    path(
        "profielen/<int:pk>/versies/<int:number>/", views.profile_revision, name="profile_revision"
    ),
    path(
        "profielen/<int:pk>/versies/<int:number>/herstellen/",
        views.profile_revision_restore,
        name="profile_revision_restore",
    ),
    path(
        "profielen/<int:pk>/hoofdstuk/<slug:chapter>/",
        views.profile_chapter,
        name="profile_chapter",
    ),
    path(
        "profielen/<int:pk>/hoofdstuk/<slug:chapter>/autosave/",
        views.profile_autosave,
        name="profile_autosave",
    ),
    path(
        "profielen/<int:pk>/hoofdstuk/<slug:chapter>/conflict/",
        views.profile_resolve_conflict,
        name="profile_resolve_conflict",
    ),
]

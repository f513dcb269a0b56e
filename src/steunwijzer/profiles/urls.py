from django.urls import path

from . import document_views, evaluation_views, import_views, own_model_views, views

urlpatterns = [
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
    path("profielen/<int:pk>/inlezen/", import_views.profile_import, name="profile_import"),
    path(
        "profielen/<int:pk>/inlezen/bevestigen/",
        import_views.profile_import_confirm,
        name="profile_import_confirm",
    ),
    path("profielen/<int:pk>/eigen-model/", own_model_views.own_document, name="own_document"),
    path(
        "profielen/<int:pk>/eigen-model/uploaden/",
        own_model_views.own_document_upload_view,
        name="own_document_upload",
    ),
    path(
        "profielen/<int:pk>/eigen-model/bestand",
        own_model_views.own_document_file,
        name="own_document_file",
    ),
    path(
        "profielen/<int:pk>/evaluatie/",
        evaluation_views.profile_evaluation,
        name="profile_evaluation",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/documenten/",
        document_views.partnership_documents,
        name="partnership_documents",
    ),
    path(
        "scholen-beheer/<int:school_id>/documenten/",
        document_views.school_documents,
        name="school_documents",
    ),
    path(
        "documenten/<int:pk>/bestand",
        document_views.supporting_document_file,
        name="supporting_document_file",
    ),
    path(
        "documenten/<int:pk>/verwijderen/",
        document_views.supporting_document_remove,
        name="supporting_document_remove",
    ),
]

from django.urls import path

from steunwijzer.regional_model.version_pages import url_patterns

from . import profile_views, views
from .catalogue_pages import CATALOGUE

SCHOOL_YEAR = "scholen-beheer/<int:school_id>/ijk/<str:school_year>/"

urlpatterns = [
    path("scholen-beheer/<int:school_id>/ijk/", views.ijk_current, name="ijk_current"),
    path(SCHOOL_YEAR, views.ijk_evaluation, name="ijk_evaluation"),
    path(f"{SCHOOL_YEAR}indicator/<str:code>/", views.ijk_score, name="ijk_score"),
    path(f"{SCHOOL_YEAR}resultaat/", views.ijk_result_view, name="ijk_result"),
    path(f"{SCHOOL_YEAR}observaties/", views.ijk_observations, name="ijk_observations"),
    path(f"{SCHOOL_YEAR}observaties/nieuw/", views.ijk_observation_new, name="ijk_observation_new"),
    path(f"{SCHOOL_YEAR}collegas/", views.ijk_peer_assign, name="ijk_peer_assign"),
    path("ijk/observaties/<int:pk>/", views.ijk_observation, name="ijk_observation"),
    path("ijk/observeren/", views.ijk_observer_home, name="ijk_observer_home"),
    path("ijk/bewijs/<int:pk>", views.ijk_evidence_file, name="ijk_evidence_file"),
    path(
        "profielen/<int:pk>/ijk-samenvatting/",
        profile_views.ijk_summary_take_over,
        name="ijk_summary_take_over",
    ),
    *url_patterns(CATALOGUE, "samenwerkingsverband/<slug:slug>/ijk-catalogus/"),
]

from django.urls import include, path

from steunwijzer.instruments.ijk import api as ijk_api
from steunwijzer.publication import public_api

from . import views

urlpatterns = [
    path("openapi.json", views.openapi, name="api_openapi"),
    path("profiles/", views.profiles_list, name="api_profiles_list"),
    path("profiles/<int:pk>/", views.profile, name="api_profile"),
    path("profiles/<int:pk>/diff/", views.profile_diff, name="api_profile_diff"),
    path("profiles/<int:pk>/transitions/", views.profile_transition, name="api_profile_transition"),
    path("profiles/<int:pk>/history/", views.profile_history, name="api_profile_history"),
    path("profiles/<int:pk>/check/", views.profile_check, name="api_profile_check"),
    path("", include("steunwijzer.instruments.diversity.api_urls")),
    path("schools/<str:brin_code>/years/<str:school_year>/ijk/", ijk_api.ijk, name="api_ijk"),
    *public_api.urlpatterns,
]

from django.urls import path

from . import api

_YEAR = "schools/<str:brin_code>/years/<str:school_year>/diversity/"

urlpatterns = [
    path(_YEAR, api.diversity, name="api_diversity"),
    path(_YEAR + "import/", api.diversity_import, name="api_diversity_import"),
]

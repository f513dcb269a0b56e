from django.urls import path

from steunwijzer.regional_model.version_pages import url_patterns

from . import views
from .scheme_pages import SCHEME

_SCHOOL = "scholen/<str:brin_code>/verscheidenheid/"
_YEAR = _SCHOOL + "<str:school_year>/"

urlpatterns = [
    path(_SCHOOL, views.diversity_current, name="diversity_current"),
    path(_YEAR, views.diversity_school, name="diversity_school"),
    path(_YEAR + "invullen/", views.diversity_edit, name="diversity_edit"),
    path(_YEAR + "inlezen/", views.diversity_import, name="diversity_import"),
    path(
        _YEAR + "inlezen/bevestigen/",
        views.diversity_import_confirm,
        name="diversity_import_confirm",
    ),
    path("verscheidenheid/voorbeeldbestand.csv", views.diversity_sample, name="diversity_sample"),
    *url_patterns(SCHEME, "samenwerkingsverband/<slug:slug>/verscheidenheidsindex-schema/"),
]

"""Public pages, no login. These URLs are a contract: school websites link to them."""

from django.urls import path

from . import compare, finder_views, pages
from .converters import SCHOOL_PATHS

urlpatterns = [
    path("scholen/", finder_views.finder, name="public_finder"),
    path("scholen/vergelijk/", compare.compare_page, name="public_compare"),
    # Fixed words under /scholen/ contain no digits, so they never read as a BRIN (12AB) or a
    # school code (12AB00).
    path("scholen/begrippen/", pages.glossary, name="public_glossary"),
    path("scholen/<schoolcode:code>/", pages.school_code, name="public_school_code"),
    *[path(route, pages.school_page, name="public_school") for route in SCHOOL_PATHS],
    *[
        path(f"{route}eigen-document", pages.own_document, name="public_own_document")
        for route in SCHOOL_PATHS
        if "schooljaar" in route
    ],
]

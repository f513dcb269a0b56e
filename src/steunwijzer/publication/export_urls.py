"""Downloads of a published SOP (no login), the schoolgids chapter for the school's editors,
and the partnership's zip. The public paths are a contract: school websites link to them."""

from django.urls import path

from . import export_views
from .converters import SCHOOL_PATHS

DOWNLOADS = [
    ("sop.pdf", export_views.public_sop_pdf, "public_sop_pdf"),
    ("sop.docx", export_views.public_sop_docx, "public_sop_docx"),
    ("schoolgids-hoofdstuk.docx", export_views.public_schoolgids_docx, "public_schoolgids_docx"),
]

urlpatterns = [
    *[
        path(f"{school_path}{filename}", view, name=name)
        for filename, view, name in DOWNLOADS
        for school_path in SCHOOL_PATHS
    ],
    path(
        "profielen/<int:pk>/schoolgids-hoofdstuk.docx",
        export_views.profile_schoolgids_docx,
        name="profile_schoolgids_docx",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/publicaties/<schooljaar:schooljaar>.zip",
        export_views.partnership_publications_zip,
        name="partnership_publications_zip",
    ),
]

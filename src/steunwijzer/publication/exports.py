"""The kinds of download a published SOP has: how each is made, named and served."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from steunwijzer.core.uploads import DOCX, PDF

from .pdf import render_sop_pdf
from .published import PublishedSop
from .word import render_schoolgids_docx, render_sop_docx


@dataclass(frozen=True)
class Export:
    url_name: str
    label: str  # a lazy translation: the link text
    content_type: str
    prefix: str
    extension: str
    render: Callable[[PublishedSop], bytes]
    # Own-model SOPs: serve the school's uploaded file of this type as it is, if it has one.
    serves_own_file: bool = True

    def own_file(self, sop: PublishedSop) -> bytes | None:
        if not (self.serves_own_file and sop.is_own_model):
            return None
        return sop.own_file(self.content_type)


EXPORTS = {
    "sop.pdf": Export("public_sop_pdf", _("SOP as PDF"), PDF, "SOP", "pdf", render_sop_pdf),
    "sop.docx": Export(
        "public_sop_docx", _("SOP as Word file"), DOCX, "SOP", "docx", render_sop_docx
    ),
    "schoolgids.docx": Export(
        "public_schoolgids_docx",
        _("Chapter for the school guide (Word)"),
        DOCX,
        "Schoolgids-hoofdstuk",
        "docx",
        render_schoolgids_docx,
        serves_own_file=False,
    ),
}


def _name_part(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")


def export_filename(sop: PublishedSop, kind: str) -> str:
    """E.g. `SOP-De-Regenboog-12AB00-2026-2027.pdf`: readable, unique per location and year."""
    export = EXPORTS[kind]
    school = sop.school
    return (
        f"{export.prefix}-{_name_part(school.name)}-{school.brin}{school.vestiging}"
        f"-{sop.school_year}.{export.extension}"
    )

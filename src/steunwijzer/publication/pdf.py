"""The published SOP as a tagged PDF (PDF/UA-1) made with WeasyPrint.

Tagged: the HTML's headings, lists, tables (with `th scope`) and figures become the PDF's
structure tree; the document has a title shown in the window bar, the language `nl`, bookmarks
from the headings (h1 to h3), page numbers and a table of contents whose page numbers come from
CSS `target-counter`. Fonts: DejaVu Sans, so the file looks the same on every server.
"""

import base64

from django.conf import settings
from django.template.loader import render_to_string

from steunwijzer.core.pdf_render import render_pdf
from steunwijzer.organisations.models import Partnership
from steunwijzer.profiles.models import mandatory_parts

from .lookup import public_path_kwargs
from .published import PublishedSop


def public_url(sop: PublishedSop) -> str:
    """The stable address of the school's public page, printed in the file."""
    kwargs = public_path_kwargs(sop.school)
    vestiging = f"{kwargs['vestiging']}/" if "vestiging" in kwargs else ""
    return f"{settings.SITE_URL}/scholen/{kwargs['brin']}/{vestiging}"


def logo_data_uri(partnership: Partnership) -> str:
    if not partnership.logo_type:
        return ""
    logo = Partnership.objects.values_list("logo", flat=True).get(pk=partnership.pk)
    if not logo:
        return ""
    return f"data:{partnership.logo_type};base64,{base64.b64encode(bytes(logo)).decode()}"


def sop_pdf_html(sop: PublishedSop) -> str:
    document = sop.own_document
    return render_to_string(
        "publication/export/sop_pdf.html",
        {
            "sop": sop,
            "logo": logo_data_uri(sop.partnership),
            "public_url": public_url(sop),
            "own_document": document,
            "locations": document.location_rows()
            if document
            else [(part, "") for part in mandatory_parts(sop.profile.sop_format)],
        },
    )


def render_sop_pdf(sop: PublishedSop) -> bytes:
    return render_pdf(
        sop_pdf_html(sop),
        base_url=settings.SITE_URL,
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        uncompressed_pdf=False,
    )

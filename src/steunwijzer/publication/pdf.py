"""The published SOP as a tagged PDF (PDF/UA-1) made with WeasyPrint.

Tagged: the HTML's headings, lists, tables (with `th scope`) and figures become the PDF's
structure tree; the document has a title shown in the window bar, the language `nl`, bookmarks
from the headings (h1 to h3), page numbers and a table of contents whose page numbers come from
CSS `target-counter`. Fonts: DejaVu Sans, so the file looks the same on every server.
"""

import base64
from pathlib import Path

from django.conf import settings
from django.template.loader import get_template, render_to_string

from steunwijzer.core import pdf_render
from steunwijzer.organisations.models import Partnership
from steunwijzer.profiles.models import mandatory_parts

from .lookup import public_path_kwargs
from .published import PublishedSop

TEMPLATE = "publication/export/sop_pdf.html"
STYLESHEET = Path(__file__).with_name("sop_pdf.css")
# What a worker renders as it starts (`warm_up`): the parts of an SOP in short, so that the
# bold face, tables, lists, the contents' page numbers and the running header are ready.
SAMPLE = """<html lang="nl"><title>SOP</title>
<style>@page { @bottom-left { content: "-"; } @bottom-right { content: counter(page); } }</style>
<header class="cover"><p class="kicker">Kort</p><h1>Profiel</h1><p class="subtitle">Jaar</p>
</header>
<section><h2>In het kort</h2><h3>Wat</h3><p>Tekst</p><ul><li>Punt</li></ul>
<p><a href="#t">Ga</a></p>
<table class="facts"><caption>Over</caption><tr><th scope="row">Adres</th><td>Laan</td></tr></table>
</section><nav class="toc"><h2>Inhoud</h2><ol><li><a href="#t">Visie</a></li></ol></nav>
<section class="chapter"><h2 id="t">Visie</h2><h3>Onze</h3><div class="fixed">
<h4>Vast</h4><p>Tekst</p>
</div></section></html>"""


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
        TEMPLATE,
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
    return pdf_render.render_pdf(
        sop_pdf_html(sop),
        base_url=settings.SITE_URL,
        stylesheets=[pdf_render.stylesheet(STYLESHEET)],
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        uncompressed_pdf=False,
    )


def warm_up() -> None:
    """What a server worker does as it starts, so that the first SOP PDF a parent asks for
    finds the templates compiled, its stylesheet parsed and WeasyPrint's fonts and code paths
    loaded (issue 17, docs/benchmarks.md)."""
    get_template(TEMPLATE)
    pdf_render.warm_up(SAMPLE, stylesheets=[pdf_render.stylesheet(STYLESHEET)])

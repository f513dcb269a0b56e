"""The published SOP as a tagged PDF (PDF/UA-1) made with WeasyPrint.

Tagged: the HTML's headings, lists, tables (with `th scope`) and figures become the PDF's
structure tree; the document has a title shown in the window bar, the language `nl`, bookmarks
from the headings (h1 to h3), page numbers and a table of contents with the page each chapter
and section starts on (laid out in two steps, `core.pdf_render.render_pdf_with_contents`).
Fonts: DejaVu Sans, so the file looks the same on every server.
"""

import base64
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.library import InclusionNode
from django.template.loader import get_template, render_to_string
from django.template.loader_tags import IncludeNode

from steunwijzer.core import pdf_render
from steunwijzer.organisations.models import Partnership
from steunwijzer.profiles.models import mandatory_parts

from .lookup import public_path_kwargs
from .published import PublishedSop

TEMPLATE = "publication/export/sop_pdf.html"
CONTENTS_TEMPLATE = "publication/export/sop_pdf_contents.html"
CONTENTS_ANCHOR = "inhoud"
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
</section><nav class="toc"><h2>Inhoud</h2><ol><li>
<a href="#t">Visie<span class="toc-page">3</span></a></li></ol></nav>
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


@dataclass
class ContentsEntry:
    anchor: str
    title: str
    page: int
    sections: list["ContentsEntry"] = field(default_factory=list)


def contents(sop: PublishedSop, page_of: dict[str, int]) -> list[ContentsEntry]:
    """The chapters and their sections, each with the page its heading stands on."""

    def entry(anchor: str, title: str, **kwargs) -> ContentsEntry:
        return ContentsEntry(anchor, title, page_of[anchor], **kwargs)

    return [
        entry(
            f"h-{chapter.key}",
            chapter.heading,
            sections=[
                entry(f"s-{chapter.key}-{section.key}", section.title)
                for section in chapter.sections
            ],
        )
        for chapter in sop.chapters
    ]


def sop_pdf_context(sop: PublishedSop) -> dict:
    document = sop.own_document
    return {
        "sop": sop,
        "logo": logo_data_uri(sop.partnership),
        "public_url": public_url(sop),
        "own_document": document,
        "locations": document.location_rows()
        if document
        else [(part, "") for part in mandatory_parts(sop.profile.sop_format)],
    }


def sop_pdf_html(sop: PublishedSop, contents_pages: int = 1, context: dict | None = None) -> str:
    """The whole SOP, with `contents_pages` empty pages where its contents go."""
    context = context or sop_pdf_context(sop)
    return render_to_string(TEMPLATE, {**context, "contents_room": range(contents_pages - 1)})


def contents_pdf_html(sop: PublishedSop, page_of: dict[str, int], pages: int) -> tuple[int, str]:
    """The contents' first page in the whole SOP of `pages` pages, and the contents with
    their page numbers as a document of their own, with the running header and footer those
    pages have in the whole."""
    first = page_of[CONTENTS_ANCHOR]
    return first, render_to_string(
        CONTENTS_TEMPLATE,
        {"sop": sop, "contents": contents(sop, page_of), "first_page": first, "total_pages": pages},
    )


def render_sop_pdf(sop: PublishedSop) -> bytes:
    options = {
        "base_url": settings.SITE_URL,
        "stylesheets": [pdf_render.stylesheet(STYLESHEET)],
        "pdf_variant": "pdf/ua-1",
        "pdf_tags": True,
        "uncompressed_pdf": False,
    }
    context = sop_pdf_context(sop)
    if sop.is_own_model:  # the school's own document: no contents
        return pdf_render.render_pdf(sop_pdf_html(sop, context=context), **options)
    return pdf_render.render_pdf_with_contents(
        lambda contents_pages: sop_pdf_html(sop, contents_pages, context),
        lambda page_of, pages: contents_pdf_html(sop, page_of, pages),
        **options,
    )


def _compile_with_includes(name: str) -> None:
    """Compile `name` and every template it includes by a fixed name, which Django would
    otherwise compile during the first render (about 2 % of the first PDF)."""
    nodelist = get_template(name).template.nodelist
    for node in nodelist.get_nodes_by_type(IncludeNode):
        if isinstance(node.template.var, str):
            _compile_with_includes(node.template.var)
    for node in nodelist.get_nodes_by_type(InclusionNode):
        if isinstance(node.filename, str):
            _compile_with_includes(node.filename)


def warm_up() -> None:
    """What a server worker does as it starts, so that the first SOP PDF a parent asks for
    finds the templates compiled, its stylesheet parsed and WeasyPrint's fonts and code paths
    loaded (issue 17, docs/benchmarks.md)."""
    _compile_with_includes(TEMPLATE)
    _compile_with_includes(CONTENTS_TEMPLATE)
    pdf_render.warm_up(SAMPLE, stylesheets=[pdf_render.stylesheet(STYLESHEET)])

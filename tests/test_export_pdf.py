"""The PDF is tagged for assistive technology (PDF/UA-1): checked in the file itself."""

import io
from collections import Counter

import pikepdf
import pytest
from PIL import Image

from steunwijzer.core import pdf_render
from steunwijzer.core.charts import Chart, Series
from steunwijzer.publication.in_short_words import question_title
from steunwijzer.publication.pdf import render_sop_pdf, sop_pdf_html
from tests.export_helpers import header_scopes, no_level_skipped, pdf_text


@pytest.fixture
def pdf(sop):
    return pikepdf.open(io.BytesIO(render_sop_pdf(sop)))


def _elements(node, found):
    """Every structure element under `node`, depth first, as (type, element)."""
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found.append((str(kid.S), kid))
            _elements(kid, found)
    return found


def _structure(pdf):
    return _elements(pdf.Root.StructTreeRoot, [])


def _text_of(element) -> str:
    """The /ActualText or /Alt, else nothing: enough to find which heading is which."""
    return str(element.get("/Alt", "") or element.get("/ActualText", ""))


def test_it_is_a_tagged_pdf_in_dutch_with_a_title(pdf, sop):
    assert "/StructTreeRoot" in pdf.Root
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "nl"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(pdf.docinfo.Title) == "Schoolondersteuningsprofiel De Regenboog 2026-2027"
    with pdf.open_metadata() as meta:
        assert meta.get("dc:title") == "Schoolondersteuningsprofiel De Regenboog 2026-2027"
        # PDF/UA identification in the XMP metadata.
        assert meta.get("pdfuaid:part") == "1"


def test_headings_are_structure_elements_in_order(pdf, sop):
    types = [kind for kind, _ in _structure(pdf)]
    headings = [t for t in types if t in ("/H1", "/H2", "/H3", "/H4")]
    assert headings.count("/H1") == 1
    assert headings[0] == "/H1"
    # In het kort, Over de school, Inhoud, and every chapter that applies to a basisschool.
    assert headings.count("/H2") == 3 + len(sop.chapters)
    assert "/H3" in headings
    # No level is skipped going down: h2 never jumps to h4, and so on.
    levels = [int(h[2]) for h in headings]
    assert no_level_skipped(levels)


def test_tables_have_header_cells(pdf):
    types = Counter(kind for kind, _ in _structure(pdf))
    assert types["/Table"] >= 2
    assert types["/TH"] >= 2
    assert types["/TR"] > types["/Table"]


def test_lists_and_links_are_tagged(pdf):
    types = Counter(kind for kind, _ in _structure(pdf))
    assert types["/L"] and types["/LI"]
    assert types["/Link"]


def test_it_has_page_numbers_bookmarks_and_a_table_of_contents(pdf, sop):
    text = pdf_text(render_sop_pdf(sop))
    pages = len(pdf.pages)
    assert pages >= 3
    # The cover has no footer; the numbering counts it.
    assert "pagina 1 van" not in text
    assert f"pagina 2 van {pages}" in text
    assert f"pagina {pages} van {pages}" in text
    assert "Inhoud" in text
    # The table of contents lists each chapter with the page it starts on: the first page
    # after the contents on which its heading stands (pdftotext ends each page with \f).
    toc = text.split("Inhoud", 1)[1]
    page_texts = text.split("\f")
    toc_page = next(i for i, page in enumerate(page_texts) if "Inhoud" in page)
    for chapter in sop.chapters:
        line = next(line for line in toc.splitlines() if chapter.heading in line)
        starts = next(
            i for i in range(toc_page + 1, len(page_texts)) if chapter.heading in page_texts[i]
        )
        assert line.split()[-1] == str(starts + 1), line
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        children = [child.title for item in outline.root for child in item.children]
    assert titles == ["Schoolondersteuningsprofiel De Regenboog"]
    assert "4. Zorgplicht" in children


def test_a_chart_is_a_figure_with_a_text_alternative(sop):
    sop.charts = {
        "visie": [
            Chart(
                title="Zorgzwaarte per groep",
                categories=("groep 1", "groep 2"),
                series=(Series("punten", (12.0, 18.5)),),
                category_label="Groep",
            )
        ]
    }
    pdf = pikepdf.open(io.BytesIO(render_sop_pdf(sop)))
    figures = [element for kind, element in _structure(pdf) if kind == "/Figure"]
    assert figures
    assert any("Zorgzwaarte per groep" in _text_of(f) for f in figures)
    assert all(_text_of(f) for f in figures)


def test_every_table_header_cell_has_a_scope(pdf, sop):
    """PDF/UA-1 §7.5: the facts' row headers and the answers' column headers say which."""
    scopes = header_scopes(render_sop_pdf(sop))
    assert len(scopes) >= 10
    assert set(scopes) == {"/Row", "/Column"}


def test_the_cover_has_school_year_and_logo_and_in_short_comes_next(sop):
    partnership = sop.partnership
    image = io.BytesIO()
    Image.new("RGB", (120, 40), "#1f4e79").save(image, format="PNG")
    partnership.logo = image.getvalue()
    partnership.logo_type = "image/png"
    partnership.save()
    data = render_sop_pdf(sop)
    pdf = pikepdf.open(io.BytesIO(data))
    cover = pdf_text(_page(data, 1))
    assert "Regenboog" in cover and "Schooljaar 2026-2027" in cover
    assert "In het kort" not in cover and "pagina 1" not in cover
    assert list(pdf.pages[0].get_images())  # the partnership's logo
    assert any(_text_of(f).startswith("Logo ") for k, f in _structure(pdf) if k == "/Figure")
    text = pdf_text(data)
    first_question = question_title(sop.in_short[0])
    assert text.index("In het kort") < text.index(first_question) < text.index("Adres")
    assert text.index("Adres") < text.index("Inhoud")


def test_the_print_stylesheet_is_parsed_once_per_process(sop, monkeypatch):
    """Parsing it anew cost every PDF time (issue 17); the SOP's own colour and footer come
    from the document itself."""
    import weasyprint

    parsed = []
    real = weasyprint.CSS
    monkeypatch.setattr(pdf_render, "_STYLESHEETS", {})
    monkeypatch.setattr(weasyprint, "CSS", lambda **kw: parsed.append(kw) or real(**kw))
    first, second = render_sop_pdf(sop), render_sop_pdf(sop)
    assert len(parsed) == 1
    assert pdf_text(first) == pdf_text(second)
    html = sop_pdf_html(sop)
    assert f"border-bottom-color: {sop.partnership.main_colour}" in html
    assert f"{sop.partnership.short_name} · schooljaar {sop.school_year}" in pdf_text(first)


def test_every_pdf_uses_the_same_font_configuration(sop, monkeypatch):
    """A new one per PDF made Pango load and measure every glyph anew (issue 17): both layouts
    of every SOP PDF use the process's one."""
    import weasyprint

    used = []
    real = weasyprint.HTML.render
    monkeypatch.setattr(
        weasyprint.HTML,
        "render",
        lambda self, font_config, *a, **kw: (
            used.append(font_config) or real(self, font_config, *a, **kw)
        ),
    )
    first, second = render_sop_pdf(sop), render_sop_pdf(sop)
    assert len(used) == 4  # each PDF: the whole SOP and its contents
    assert set(map(id, used)) == {id(pdf_render._font_config())}
    assert pdf_text(first) == pdf_text(second)


def _page(data: bytes, number: int) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf, pikepdf.new() as one:
        one.pages.append(pdf.pages[number - 1])
        out = io.BytesIO()
        one.save(out)
        return out.getvalue()

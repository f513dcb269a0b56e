"""The Word files have a real structure: heading styles, tables with header rows, lists, links."""

import pytest
from docx.oxml.ns import qn

from steunwijzer.publication.in_short_words import question_title
from steunwijzer.publication.word import render_schoolgids_docx, render_sop_docx
from tests.export_helpers import docx_document, no_level_skipped


def _headings(document) -> list[tuple[int, str]]:
    return [
        (int(p.style.name.removeprefix("Heading ")), p.text)
        for p in document.paragraphs
        if p.style.name.startswith("Heading ")
    ]


def test_the_sop_has_word_headings_in_order(sop):
    document = docx_document(render_sop_docx(sop))
    headings = _headings(document)
    assert headings[0] == (1, "Schoolondersteuningsprofiel De Regenboog")
    chapters = [text for level, text in headings if level == 2]
    assert chapters == ["In het kort", *[c.heading for c in sop.chapters]]
    assert (3, "Zo geven wij basisondersteuning") in headings
    levels = [level for level, _ in headings]
    assert no_level_skipped(levels)


def test_it_has_dutch_as_language_and_a_title(sop):
    document = docx_document(render_sop_docx(sop))
    props = document.core_properties
    assert props.title == "Schoolondersteuningsprofiel De Regenboog 2026-2027"
    assert props.language == "nl-NL"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "nl-NL"


def test_tables_have_a_header_row(sop):
    document = docx_document(render_sop_docx(sop))
    expertise = next(t for t in document.tables if t.rows[0].cells[0].text == "Deskundigheid")
    header = expertise.rows[0]
    assert [c.text for c in header.cells] == [
        "Deskundigheid",
        "Functie",
        "Beschikbaar (uren per week)",
    ]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(expertise.rows) == 2
    assert expertise.rows[1].cells[2].text == "4"


def test_lists_links_and_fixed_texts_are_there(sop):
    document = docx_document(render_sop_docx(sop))
    styles = {p.style.name for p in document.paragraphs}
    assert "List Bullet" in styles
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Basisondersteuning is de ondersteuning die elke school" in text
    links = document.element.body.findall(".//" + qn("w:hyperlink"))
    targets = {document.part.rels[link.get(qn("r:id"))].target_ref for link in links}
    assert any(t.startswith("https://school.example/") for t in targets)


def test_the_schoolgids_chapter_starts_at_heading_2_without_cover(sop):
    document = docx_document(render_schoolgids_docx(sop))
    headings = _headings(document)
    assert headings[0] == (2, "Ondersteuning voor leerlingen")
    assert min(level for level, _ in headings) == 2
    assert [text for level, text in headings if level == 3] == [
        "In het kort",
        *[c.heading for c in sop.chapters],
    ]
    # A short introduction sentence, and no cover table with the school's address.
    assert "In dit hoofdstuk leest u" in document.paragraphs[1].text
    assert not any(row.cells[0].text == "Adres" for t in document.tables for row in t.rows)


def _body_order(document) -> list[str]:
    """The body's paragraphs and tables in order: a heading's text, or "table"."""
    order = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            order.append("table")
        elif element.tag == qn("w:p"):
            order.append("".join(t.text or "" for t in element.iter(qn("w:t"))))
    return order


def test_in_short_comes_first_before_the_school_facts(sop):
    document = docx_document(render_sop_docx(sop))
    order = _body_order(document)
    assert order.index("In het kort") < order.index("table")
    headings = _headings(document)
    start = headings.index((2, "In het kort"))
    assert headings[start + 1] == (3, question_title(sop.in_short[0]))
    assert {(3, question_title(q)) for q in sop.in_short} <= set(headings)


def test_the_schoolgids_chapter_opens_with_in_short(sop):
    headings = _headings(docx_document(render_schoolgids_docx(sop)))
    assert headings[1] == (3, "In het kort")
    assert headings[2] == (4, question_title(sop.in_short[0]))


@pytest.mark.parametrize("render", [render_sop_docx, render_schoolgids_docx])
def test_the_pages_are_a4_with_dutch_as_the_language_of_the_styles(sop, render):
    document = docx_document(render(sop))
    for section in document.sections:
        size = section._sectPr.find(qn("w:pgSz"))
        assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")
        margins = section._sectPr.find(qn("w:pgMar"))
        for side in ("w:top", "w:right", "w:bottom", "w:left"):
            assert int(margins.get(qn(side))) == 1418  # 2.5 cm
    styles = document.styles.element
    languages = {lang.get(qn("w:val")) for lang in styles.iter(qn("w:lang"))}
    assert languages == {"nl-NL"}
    theme = document.settings.element.find(qn("w:themeFontLang"))
    assert theme.get(qn("w:val")) == "nl-NL"

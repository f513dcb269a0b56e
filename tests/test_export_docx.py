"""The Word files have a real structure: heading styles, tables with header rows, lists, links."""

import pytest
from docx.oxml.ns import qn

from steunwijzer.publication.published import published_sop
from steunwijzer.publication.word import render_schoolgids_docx, render_sop_docx
from tests.export_helpers import docx_document, no_level_skipped, publish


@pytest.fixture
def sop(profile, editor, mr_member, officer, staff):
    return published_sop(
        publish(profile, editor=editor, mr=mr_member, officer=officer, staff=staff)
    )


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
    assert chapters == [c.heading for c in sop.chapters]
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
    assert [text for level, text in headings if level == 3] == [c.heading for c in sop.chapters]
    # A short introduction sentence, and no cover table with the school's address.
    assert "In dit hoofdstuk leest u" in document.paragraphs[1].text
    assert not any(row.cells[0].text == "Adres" for t in document.tables for row in t.rows)

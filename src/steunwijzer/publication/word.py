"""The published SOP as a Word file (.docx), and as a chapter for the schoolgids.

Real heading styles (Heading 1 to 4, so Word's navigation pane shows the structure; Word shows
their names in the reader's own language, "Kop 1" in a Dutch Word), real tables with a
repeating header row, bulleted and numbered lists, clickable links, A4 pages with Dutch
margins, and the document language set to Dutch. "In het kort" comes first, before the school's
facts. The schoolgids chapter (wet 36443: the same content goes into the
yearly schoolgids) has no cover and starts at Heading 2, so a school pastes it under its own
chapter heading.
"""

import io
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips

from steunwijzer.core.dates import date_text

from .document import AnswerBlock, Cell, TableDisplay
from .in_short_words import EXTRA_INTRO, items_intro, question_title
from .pdf import public_url
from .published import PublishedSop

LANGUAGE = "nl-NL"
LINK_COLOUR = RGBColor(0x1F, 0x4E, 0x79)
# A4 in twentieths of a point (python-docx's template is US Letter), with 2.5 cm margins.
A4 = (Twips(11906), Twips(16838))
MARGIN = Twips(1418)


def _set_language(document) -> None:
    """Dutch for the spelling check and for screen readers, on every style by default."""
    document.core_properties.language = LANGUAGE
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    # The language Word assumes for theme fonts and new text.
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            theme_lang.set(qn(attribute), LANGUAGE)


def _set_a4(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = A4
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN


def _add_link(paragraph, text: str, href: str) -> None:
    r_id = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(LINK_COLOUR))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.extend([style, colour, underline])
    run.append(props)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


class _RichText(HTMLParser):
    """The sanitised long-text HTML (p, ul, ol, li, strong, a, br) as Word paragraphs."""

    def __init__(self, document):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.paragraph = None
        self.lists: list[str] = []
        self.bold = False
        self.href: str | None = None
        self.link_text: list[str] = []

    def _new_paragraph(self, style=None):
        self.paragraph = self.document.add_paragraph(style=style)

    def _current(self):
        if self.paragraph is None:
            self._new_paragraph()
        return self.paragraph

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self._new_paragraph()
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
            self.paragraph = None
        elif tag == "li":
            self._new_paragraph("List Number" if self.lists[-1:] == ["ol"] else "List Bullet")
        elif tag == "strong":
            self.bold = True
        elif tag == "br":
            self._current().add_run().add_break(WD_BREAK.LINE)
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.link_text = []

    def handle_endtag(self, tag):
        if tag in ("p", "li"):
            self.paragraph = None
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "strong":
            self.bold = False
        elif tag == "a" and self.href is not None:
            text = "".join(self.link_text)
            if self.href:
                _add_link(self._current(), text, self.href)
            else:
                self._current().add_run(text)
            self.href = None

    def handle_data(self, data):
        if self.href is not None:
            self.link_text.append(data)
        elif data.strip() or self.paragraph is not None:
            self._current().add_run(data).bold = self.bold or None


def _add_rich_text(document, html: str) -> None:
    parser = _RichText(document)
    parser.feed(html)
    parser.close()


def _mark_header_row(row) -> None:
    """Repeat the row on every page and tell assistive technology it holds the headers."""
    props = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def _add_table(document, table: TableDisplay) -> None:
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    _mark_header_row(grid.rows[0])
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.paragraphs[0].add_run(header).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            if value.href:
                _add_link(cell.paragraphs[0], value.text, value.href)
            else:
                cell.paragraphs[0].add_run(value.text)
    document.add_paragraph()


def _add_facts(document, rows: list[tuple[str, str]]) -> None:
    grid = document.add_table(rows=0, cols=2)
    grid.style = "Table Grid"
    for label, value in rows:
        cells = grid.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    document.add_paragraph()


def _add_answer(document, block: AnswerBlock, level: int) -> None:
    document.add_heading(block.label, level)
    shown = block.display()
    if block.type == "long_text":
        _add_rich_text(document, shown)
    elif isinstance(shown, TableDisplay):
        _add_table(document, shown)
    elif isinstance(shown, list):
        for item in shown:
            document.add_paragraph(item, style="List Bullet")
    elif block.type == "url":
        _add_link(document.add_paragraph(), shown, shown)
    else:
        document.add_paragraph(shown)


def _add_chapters(document, sop: PublishedSop, level: int) -> None:
    for chapter in sop.chapters:
        document.add_heading(chapter.heading, level)
        if not chapter.sections:
            document.add_paragraph(_("The school has not filled in anything here."))
        for section in chapter.sections:
            document.add_heading(section.title, level + 1)
            for block in section.blocks:
                if block.kind == "fixed_text":
                    if block.title and block.title != section.title:
                        document.add_heading(block.title, level + 2)
                    _add_rich_text(document, block.html)
                else:
                    _add_answer(document, block, level + 2)


def _add_in_short(document, sop: PublishedSop, level: int) -> None:
    """ "In het kort": the four questions parents ask, answered in short sentences."""
    if not sop.in_short:
        return
    document.add_heading(_("In short"), level)
    for question in sop.in_short:
        document.add_heading(question_title(question), level + 1)
        for line in question.lines:
            document.add_paragraph(line)
        for intro, items in (
            (items_intro(question), question.items),
            (str(EXTRA_INTRO), question.extra_items),
        ):
            if items:
                if intro:
                    document.add_paragraph(intro)
                for item in items:
                    document.add_paragraph(item, style="List Bullet")
        if question.link:
            _add_link(document.add_paragraph(), _("How to register your child"), question.link)


def _school_facts(sop: PublishedSop) -> list[tuple[str, str]]:
    school = sop.school
    place = f"{school.district} ({school.municipality})" if school.district else school.municipality
    rows = [
        (_("Address"), f"{school.street_address}, {school.postcode} {school.city}"),
        (_("Neighbourhood") if school.district else _("Municipality"), place),
        (_("BRIN"), f"{school.brin} {school.vestiging}"),
        (_("Type of school"), school.get_school_type_display()),
        (_("Denomination"), school.denomination),
        # 0 is unknown (DUO's file has no pupil numbers) and left out like an empty fact.
        (_("Pupils"), str(sop.pupils or "")),
        (_("School board"), school.board.name),
        (_("Contact"), ", ".join(filter(None, [school.contact_name, school.contact_email]))),
        (_("Website"), school.website),
    ]
    return [(label, value) for label, value in rows if value]


def _status_facts(sop: PublishedSop) -> list[tuple[str, str]]:
    rows = [
        (
            _("Adopted by the board"),
            date_text(sop.established_on) if sop.established_on else _("not known"),
        )
    ]
    if sop.evaluation:
        rows += [
            (_("Last evaluated"), date_text(sop.evaluation.evaluated_on)),
            (_("Next evaluation"), date_text(sop.evaluation.next_evaluation)),
        ]
    rows += [
        (_("Version"), str(sop.revision.number)),
        (_("Always the newest version"), public_url(sop)),
    ]
    return rows


def _own_model(document, sop: PublishedSop, level: int) -> None:
    document.add_heading(_("The school support profile in a document of its own"), level)
    document.add_paragraph(
        _(
            "%(school)s describes its support in a document of its own. That document also "
            "contains the four required parts. The table shows where they are. You can find "
            "the document at %(url)s."
        )
        % {"school": sop.school.name, "url": public_url(sop)}
    )
    rows = sop.own_document.location_rows() if sop.own_document else []
    _add_table(
        document,
        TableDisplay(
            headers=(_("Required part"), _("Found at")),
            rows=tuple(
                (Cell(part.label), Cell(where or _("not indicated"))) for part, where in rows
            ),
        ),
    )


def _new_document(sop: PublishedSop, title: str):
    document = Document()
    _set_language(document)
    _set_a4(document)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    props = document.core_properties
    props.title = title
    props.author = sop.school.name
    props.subject = _("School support profile %(year)s") % {"year": sop.school_year}
    props.keywords = _("school support profile, SOP, appropriate education")
    props.comments = _("Adopted version %(number)s, made with Steunwijzer.") % {
        "number": sop.revision.number
    }
    return document


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_sop_docx(sop: PublishedSop) -> bytes:
    document = _new_document(sop, sop.title)
    document.add_heading(_("School support profile %(school)s") % {"school": sop.school.name}, 1)
    document.add_paragraph(
        _("School year %(year)s · %(partnership)s")
        % {"year": sop.school_year, "partnership": sop.partnership.name}
    )
    _add_in_short(document, sop, 2)
    _add_facts(document, _school_facts(sop))
    _add_facts(document, _status_facts(sop))
    if sop.is_own_model:
        _own_model(document, sop, 2)
    else:
        _add_chapters(document, sop, 2)
    return _save(document)


SCHOOLGIDS_HEADING = gettext_lazy("Support for pupils")


def render_schoolgids_docx(sop: PublishedSop) -> bytes:
    """The chapter for the schoolgids: no cover, starting at Heading 2."""
    document = _new_document(sop, f"{SCHOOLGIDS_HEADING}: {sop.school.name} {sop.school_year}")
    document.add_heading(str(SCHOOLGIDS_HEADING), 2)
    facts = {"school": sop.school.name, "year": sop.school_year, "url": public_url(sop)}
    if sop.established_on:
        intro = _(
            "In this chapter you can read what support your child can get at %(school)s and "
            "where the limits are. It comes from our school support profile %(year)s, adopted "
            "by the board on %(date)s. The newest version is at %(url)s."
        ) % {**facts, "date": date_text(sop.established_on)}
    else:
        intro = (
            _(
                "In this chapter you can read what support your child can get at %(school)s and "
                "where the limits are. It comes from our school support profile %(year)s. The "
                "newest version is at %(url)s."
            )
            % facts
        )
    document.add_paragraph(intro)
    _add_in_short(document, sop, 3)
    if sop.is_own_model:
        _own_model(document, sop, 3)
    else:
        _add_chapters(document, sop, 3)
    return _save(document)

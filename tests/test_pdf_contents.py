"""A table of contents whose page numbers come from the document's own layout
(`core.pdf_render.render_pdf_with_contents`), on its own and in the SOP PDF."""

import dataclasses
import io

import pikepdf
import pytest

from steunwijzer.core import pdf_render
from steunwijzer.publication.pdf import render_sop_pdf
from tests.export_helpers import pdf_text

STYLE = """<style>
@page { size: A6; margin: 1cm; @bottom-right { content: "p. " counter(page) "/" %s; } }
@page :first { %s }
.toc ol { list-style: none; padding: 0; }
.toc a { display: block; position: relative; padding-right: 3em; }
.n { position: absolute; right: 0; top: 0; }
h2 { break-before: page; }
</style>"""


def _document(entries: int, room: int = 1) -> str:
    """A cover, the contents' empty pages (`room`) and `entries` chapters."""
    chapters = "".join(f'<h2 id="c{i}">Chapter {i}</h2><p>Text</p>' for i in range(entries))
    empty = '<div style="break-before: page"></div>' * (room - 1)
    return (
        STYLE % ("counter(pages)", "")
        + f"<p>Cover</p><nav style='break-before: page'><h1 id='toc'>Contents</h1>{empty}</nav>"
        + chapters
    )


def _contents(entries: int, page_of, pages) -> str:
    links = "".join(
        f'<li><a href="#c{i}">Chapter {i}<span class="n">{page_of[f"c{i}"]}</span></a></li>'
        for i in range(entries)
    )
    reset = f"counter-reset: page {page_of['toc']};"
    return (
        STYLE % (f'"{pages}"', reset) + f'<nav class="toc"><h1>Contents</h1><ol>{links}</ol></nav>'
    )


def _render(entries: int) -> bytes:
    return pdf_render.render_pdf_with_contents(
        lambda room: _document(entries, room),
        lambda page_of, pages: (page_of["toc"], _contents(entries, page_of, pages)),
    )


def _page_texts(data: bytes) -> list[str]:
    return pdf_text(data).split("\f")


@pytest.mark.parametrize("entries", [3, 40])
def test_it_numbers_the_contents_with_the_page_each_entry_starts_on(entries):
    pages = _page_texts(_render(entries))[:-1]
    end = next(n for n, text in enumerate(pages) if text.startswith("Chapter 0\n"))
    contents = pages[1:end]
    # 40 entries take two pages of contents: the document is laid out again with room for them.
    assert len(contents) == (2 if entries == 40 else 1)
    assert pages[0].startswith("Cover") and pages[1].startswith("Contents")
    numbers = {
        line.split()[1]: line.split()[-1]
        for text in contents
        for line in text.splitlines()
        if line.startswith("Chapter")
    }
    starts = {
        text.split()[1]: str(n) for n, text in enumerate(pages, 1) if text.startswith("Chapter")
    }
    assert numbers == starts and len(starts) == entries
    # Every page keeps its place in the numbering, the contents' pages too.
    for number, text in enumerate(pages, 1):
        assert f"p. {number}/{len(pages)}" in text


def test_an_entry_that_runs_over_pages_has_the_page_it_starts_on():
    """WeasyPrint gives each page an element is broken over its anchor."""
    long = '<div id="c0">' + "<p>Line</p>" * 60 + "</div>"
    data = pdf_render.render_pdf_with_contents(
        lambda room: (
            STYLE % ("counter(pages)", "")
            + "<p>Cover</p><nav style='break-before: page'><h1 id='toc'>Contents</h1></nav>"
            + f"<div style='break-before: page'>{long}</div>"
        ),
        lambda page_of, pages: (page_of["toc"], _contents(1, page_of, pages)),
    )
    pages = _page_texts(data)[:-1]
    assert len(pages) >= 5  # the entry's text runs over three pages or more
    assert [line.split()[-1] for line in pages[1].splitlines() if "Chapter 0" in line] == ["3"]


def test_the_contents_links_lead_to_the_pages_of_their_entries():
    data = _render(3)
    pdf = pikepdf.open(io.BytesIO(data))
    page_numbers = {page.objgen: number for number, page in enumerate(pdf.pages, 1)}
    targets = []
    for annotation in pdf.pages[1].get("/Annots", []):
        destination = annotation.get("/Dest") or annotation.A.D
        if isinstance(destination, pikepdf.String):
            destination = pdf.Root.Names.Dests.Names[
                list(pdf.Root.Names.Dests.Names).index(destination) + 1
            ]
        targets.append(page_numbers[destination[0].objgen])
    # The title and its page number are each a link.
    assert targets == [3, 3, 4, 4, 5, 5]


def test_contents_that_never_fit_the_room_left_for_them_are_refused():
    """Page numbers take no room, so a second layout fits; if it did not, rather no PDF than
    one whose page numbers are wrong."""
    calls = []

    def growing(page_of, pages):
        calls.append(pages)
        return page_of["toc"], _contents(
            40 * len(calls), {**page_of, **{f"c{i}": 1 for i in range(80)}}, pages
        )

    with pytest.raises(pdf_render.ContentsMoved):
        pdf_render.render_pdf_with_contents(lambda room: _document(3, room), growing)
    assert len(calls) == 2


def test_the_sop_contents_page_keeps_its_running_header_and_footer(sop):
    data = render_sop_pdf(sop)
    pages = _page_texts(data)[:-1]
    number = next(i for i, text in enumerate(pages, 1) if "Inhoud" in text)
    contents = pages[number - 1]
    assert f"pagina {number} van {len(pages)}" in contents
    assert f"Schoolondersteuningsprofiel {sop.school.name}" in contents
    assert f"{sop.partnership.short_name} · schooljaar {sop.school_year}" in contents


def _lines(data: bytes) -> list[list[str]]:
    """Each page's lines, stripped."""
    return [[line.strip() for line in text.splitlines()] for text in _page_texts(data)[:-1]]


@pytest.mark.parametrize(
    "name", ['A&B "Zuid"', "Regio </style><p>x", "Back\\slash 's-Hertogenbosch"]
)
def test_names_in_the_contents_running_header_and_footer_are_printed_as_written(sop, name):
    """They stand in CSS strings: escaped for CSS, not for JavaScript or HTML. The contents'
    page has them from its own stylesheet (the other pages take the header from the cover)."""
    sop.partnership.short_name = name
    sop.school.name = name
    pages = _lines(render_sop_pdf(sop))
    contents = next(page for page in pages if "Inhoud" in page)
    assert contents[0].startswith(f"Schoolondersteuningsprofiel {name}")
    assert contents[-1].startswith(f"{name} · schooljaar {sop.school_year}")


def test_a_long_sop_contents_takes_the_pages_it_needs_with_the_right_numbers(sop):
    sop.chapters = [
        dataclasses.replace(
            chapter,
            sections=tuple(
                dataclasses.replace(
                    section, key=f"{section.key}-{copy}", title=f"{section.title} {copy}"
                )
                for section in chapter.sections
                for copy in range(4)
            ),
        )
        for chapter in sop.chapters
    ]
    pages = _lines(render_sop_pdf(sop))
    first = next(n for n, page in enumerate(pages) if "Inhoud" in page)
    # A heading stands on a line of its own; in the contents its line ends in a number.
    end = next(n for n, page in enumerate(pages) if sop.chapters[0].heading in page)
    assert end - first >= 2  # two pages of contents or more
    for number, page in enumerate(pages[1:], 2):
        assert page[-1].endswith(f"pagina {number} van {len(pages)}")
    titles = [
        title
        for chapter in sop.chapters
        for title in [chapter.heading, *(section.title for section in chapter.sections)]
    ]
    listed = [
        line.rpartition(" ")
        for page in pages[first:end]
        for line in page
        if line.rpartition(" ")[0].strip() in titles
    ]
    assert [title.strip() for title, _, _ in listed] == titles
    start = end
    for title, _, number in listed:
        start = next(n for n in range(start, len(pages)) if title.strip() in pages[n])
        assert number == str(start + 1), title

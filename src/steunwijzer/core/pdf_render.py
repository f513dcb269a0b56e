"""HTML to PDF with WeasyPrint, one rendering at a time per process.

The server runs several threads per worker (steunwijzer/server.py). WeasyPrint does not promise
to be thread-safe, and it lays out text with Pango and fontconfig through C calls; crashes of
threaded servers rendering at the same moment have been reported (Kozea/WeasyPrint#1402). A
lock costs little here: a published SOP is rendered once per version (export cache), and the
rendering is Python code that would share one interpreter lock anyway.

Tagged PDFs get `/Scope` on every table header cell (PDF/UA-1 §7.5, Matterhorn 15-003).
WeasyPrint (up to 70 at least, Kozea/WeasyPrint#2508) links data cells to their headers with
`/Headers` but writes no `/Scope`; `_scope_header_cells` adds it through WeasyPrint's public
`finisher` hook, from the links WeasyPrint made out of the templates' `th scope`.

A table of contents with page numbers is made by `render_pdf_with_contents`: the document is
laid out once with empty pages where the contents go, the contents on their own with the page
numbers that layout gave, and the pages of both are put together. CSS `target-counter` would
do it in one document, but WeasyPrint (70) lays the contents out three times and keeps them
waiting for the total page count: about 3 % of the SOP PDF's instructions (docs/benchmarks.md).
"""

import functools
import re
import threading
from pathlib import Path

_LOCK = threading.Lock()
_REFERENCE = re.compile(rb"(\d+) 0 R")
_STYLESHEETS: dict[Path, object] = {}


def _scope_header_cells(_document, pdf) -> None:
    """A TH that a data cell of its own row names in `/Headers` heads that row (the template
    said `scope="row"`); every other TH heads its column. WeasyPrint only names a row's own
    headers from the same row, so this gives back exactly what the template said."""
    import pydyf

    def kids(element):
        found = []
        for kid in element.get("K", ()):
            match = _REFERENCE.fullmatch(kid) if isinstance(kid, bytes) else None
            if match:
                found.append(pdf.objects[int(match[1])])
        return found

    for row in pdf.objects:
        if not isinstance(row, dict) or row.get("S") != "/TR":
            continue
        cells = [cell for cell in kids(row) if isinstance(cell, dict)]
        named = {
            str(header.string)
            for cell in cells
            if cell.get("S") == "/TD"
            for header in cell.get("A", {}).get("Headers", ())
        }
        for cell in cells:
            if cell.get("S") == "/TH":
                attributes = cell.setdefault("A", pydyf.Dictionary({"O": "/Table"}))
                is_row = "ID" in cell and str(cell["ID"].string) in named
                attributes["Scope"] = "/Row" if is_row else "/Column"


@functools.cache
def _font_config():
    """One font configuration per process, used under `_LOCK`: with it Pango keeps the fonts
    it loaded and the glyphs it measured from the worker's warm-up on, where a new one per
    PDF loaded and measured them all again (issue 17, docs/benchmarks.md). No document here
    has `@font-face` rules, which would stay in it."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(html: str, *, base_url: str | None = None, stylesheets=(), **options) -> bytes:
    """`stylesheets`: parsed ones from `stylesheet()`, applied after the document's own."""
    # Imported here: WeasyPrint loads Pango, which only the PDF downloads need.
    from weasyprint import HTML

    with _LOCK:
        return HTML(string=html, base_url=base_url).write_pdf(
            stylesheets=list(stylesheets),
            font_config=_font_config(),
            finisher=_scope_header_cells,
            **options,
        )


class ContentsMoved(Exception):
    """The contents took another number of pages than the document left for them."""


def render_pdf_with_contents(
    html, contents, *, base_url: str | None = None, stylesheets=(), **options
) -> bytes:
    """`html(pages)`: the whole document with that many empty pages where the contents go.
    `contents(page_of, pages)`: given the page number (from 1) on which each anchor in it
    starts and its number of pages, where the contents start and their HTML with the page
    numbers. Their pages take the empty ones' place; when they need more than one, the
    document is laid out again with as many (page numbers take no room, so that happens at
    most once). `html` and `contents` run outside the lock: they may read the database."""
    from weasyprint import HTML

    def laid_out(source: str):
        with _LOCK:
            return HTML(string=source, base_url=base_url).render(
                stylesheets=list(stylesheets), font_config=_font_config(), **options
            )

    room = 1
    for _attempt in range(2):
        whole = laid_out(html(room))
        page_of = {}
        for number, page in enumerate(whole.pages, 1):
            for anchor in page.anchors:
                # An element broken over pages has its anchor on each: the first one counts.
                page_of.setdefault(anchor, number)
        first, contents_html = contents(page_of, len(whole.pages))
        numbered = laid_out(contents_html).pages
        if len(numbered) == room:
            break
        room = len(numbered)
    else:
        raise ContentsMoved(f"{len(numbered)} pages of contents instead of {room}")
    # Document.copy is WeasyPrint's documented way to combine the pages of documents; the
    # whole document's metadata (title, author, language) is kept.
    pages = whole.pages[: first - 1] + numbered + whole.pages[first - 1 + room :]
    with _LOCK:
        return whole.copy(pages).write_pdf(finisher=_scope_header_cells, **options)


def stylesheet(path: Path):
    """The print stylesheet at `path`, parsed by WeasyPrint once per process and reused by
    every render: parsing and checking its rules anew cost every PDF time (issue 17)."""
    with _LOCK:
        if path not in _STYLESHEETS:
            from weasyprint import CSS

            _STYLESHEETS[path] = CSS(filename=str(path), font_config=_font_config())
        return _STYLESHEETS[path]


def warm_up(html: str, *, stylesheets=()) -> None:
    """Load WeasyPrint, Pango, fontconfig and the PDF font once, before any download needs
    them: a server worker does this as it starts (steunwijzer/server.py), so the first PDF a
    parent asks for does not pay for it (docs/benchmarks.md). `html` is a sample of the
    caller's documents (rendered with their stylesheets), so that the fonts, styles and code
    those need are ready too."""
    render_pdf(html, stylesheets=stylesheets, pdf_variant="pdf/ua-1")

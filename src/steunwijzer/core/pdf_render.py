"""HTML to PDF with WeasyPrint, one rendering at a time per process.

The server runs several threads per worker (steunwijzer/server.py). WeasyPrint does not promise
to be thread-safe, and it lays out text with Pango and fontconfig through C calls; crashes of
threaded servers rendering at the same moment have been reported (Kozea/WeasyPrint#1402). A
lock costs little here: a published SOP is rendered once per version (export cache), and the
rendering is Python code that would share one interpreter lock anyway.
"""

import threading

_LOCK = threading.Lock()


def render_pdf(html: str, *, base_url: str | None = None, **options) -> bytes:
    # Imported here: WeasyPrint loads Pango, which only the PDF downloads need.
    from weasyprint import HTML

    with _LOCK:
        return HTML(string=html, base_url=base_url).write_pdf(**options)

"""The text of a school's own SOP document, and what it says of the region's requirements.

Pure Python, no Django: it runs in the bounded child process (`steunwijzer.core.bounded`),
since the PDF or Word file comes from outside. pypdf reads a PDF's text, python-docx a Word
document's paragraphs and their heading styles. Then, outside the child:

* `missing_sentences` says which sentences of a fixed text the document does not hold,
  compared word for word, so line breaks, hyphenation at a line's end ("zorg-\\nplicht"),
  spacing, curly quotes and case do not matter;
* `suggest_locations` says where each mandatory part seems to be, from the headings.

Messages are reason codes ("time", "memory", "failed", "no_text"); the caller words them.
"""

import io
import json
import re
from collections import Counter
from dataclasses import dataclass

from steunwijzer.core.bounded import Overrun, run_bounded

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
READ_SECONDS = 10
READ_MEMORY_MB = 400
# A heading is a short line: a PDF line longer than this is taken for running text.
HEADING_MAX_WORDS = 10
QUOTE_WORDS = 12
# How many words a heading may have beyond the part's name: a number, "Hoofdstuk", "Onze".
EXTRA_HEADING_WORDS = 4


class DocumentTextError(Exception):
    """The document's text could not be read; `reason` is "time", "memory", "failed" or
    "no_text" (a scan: pages without text)."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Heading:
    text: str
    page: int | None = None  # PDF only: Word has no fixed pages


@dataclass(frozen=True)
class DocumentText:
    text: str
    headings: tuple[Heading, ...]


def read_document_text(data: bytes, content_type: str) -> DocumentText:
    """The document's text and headings, read in a bounded child process."""
    try:
        answer = json.loads(
            run_bounded(
                f"{__name__}:_read_in_child",
                json.dumps({"type": content_type}).encode() + b"\n" + data,
                seconds=READ_SECONDS,
                memory_mb=READ_MEMORY_MB,
            )
        )
    except Overrun as exc:
        raise DocumentTextError(exc.reason) from None
    if "error" in answer:
        raise DocumentTextError(answer["error"])
    return DocumentText(answer["text"], tuple(Heading(*h) for h in answer["headings"]))


def _read_in_child(payload: bytes) -> bytes:
    header, _, data = payload.partition(b"\n")
    content_type = json.loads(header)["type"]
    try:
        found = extract(data, content_type)
    except DocumentTextError as exc:
        return json.dumps({"error": exc.reason}).encode()
    return json.dumps(
        {"text": found.text, "headings": [[h.text, h.page] for h in found.headings]}
    ).encode()


def extract(data: bytes, content_type: str) -> DocumentText:
    """The reading itself, unbounded: only for the child process and tests of the rules."""
    try:
        found = _pdf(data) if content_type == PDF else _docx(data)
    except Exception:  # a damaged file can fail anywhere inside the parser
        raise DocumentTextError("failed") from None
    if not words(found.text):
        raise DocumentTextError("no_text")
    return found


def _pdf(data: bytes) -> DocumentText:
    from pypdf import PdfReader

    pages = [
        [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
        for page in PdfReader(io.BytesIO(data)).pages
    ]
    pages = _without_running_lines(pages)
    headings = tuple(
        Heading(line, number)
        for number, lines in enumerate(pages, start=1)
        for line in lines
        if _looks_like_heading(line)
    )
    return DocumentText("\n".join(line for lines in pages for line in lines), headings)


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their running header and footer (the same line, page numbers aside, at
    the top or bottom of several pages), so a sentence across a page break reads on."""
    edges = Counter(_shape(line) for lines in pages for line in {*lines[:1], *lines[-1:]})
    running = {line for line, count in edges.items() if count > 1 or not words(line)}
    return [
        [
            line
            for i, line in enumerate(lines)
            if not (i in (0, len(lines) - 1) and _shape(line) in running)
        ]
        for lines in pages
    ]


def _shape(line: str) -> str:
    """A line with its numbers left out: "Pagina 3 van 9" is the same line on every page."""
    return re.sub(r"\d+", "#", line.lower())


def _looks_like_heading(line: str) -> bool:
    return (
        0 < len(line.split()) <= HEADING_MAX_WORDS
        and (line[0].isupper() or line[0].isdigit())
        and not line.endswith((".", ",", ";", ":", "-", "\u2010"))
        and not _CONTENTS_LINE.search(line)
    )


# A line of a table of contents: the title, dot leaders, a page number.
_CONTENTS_LINE = re.compile(r"(\.\s*){3,}\d+$|…\s*\d+$")


def _docx(data: bytes) -> DocumentText:
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs, headings = [], []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        paragraphs.append(text)
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        # Word names its heading styles in the document's language: Heading 1, Kop 1, Title.
        if style.startswith(("heading", "kop", "title", "titel")):
            headings.append(Heading(text))
    for table in document.tables:
        paragraphs.extend(cell.text for row in table.rows for cell in row.cells)
    return DocumentText("\n".join(paragraphs), tuple(headings))


# --- comparing --------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """The words of a text in lower case. A hyphen joins the words around it, also across a
    line break, and soft hyphens vanish: "zorg-\\nplicht" and "zorgplicht" are one word."""
    text = text.replace("\u00ad", "").lower()
    text = re.sub(r"(\w)[-\u2010\u2011]\s*(?=\w)", r"\1", text)
    return re.findall(r"\w+", text)


def sentences(text: str) -> list[str]:
    """A fixed text's sentences: a full stop, question or exclamation mark before a capital."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\u00C0-\u00DE])", text) if s.strip()]


def missing_sentences(document_text: str, fixed_text: str) -> list[str]:
    """The sentences of `fixed_text` (plain text) that the document does not hold, in order."""
    haystack = f" {' '.join(words(document_text))} "
    return [
        sentence
        for sentence in sentences(fixed_text)
        if words(sentence) and f" {' '.join(words(sentence))} " not in haystack
    ]


def quote(text: str, limit: int = QUOTE_WORDS) -> str:
    """The start of a text, at most `limit` words, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:limit]) + (" …" if len(parts) > limit else "")


def suggest_locations(headings, parts: dict[str, list[str]]) -> dict[str, Heading]:
    """Per part key, the first heading that names the part: `parts` gives each key the names
    that count (its label, the title of its chapter in the model). A heading may say a little
    more than the name ("4. Onze zorgplicht"), not a whole line of running text."""
    suggested = {}
    for key, names in parts.items():
        wanted = [words(name) for name in names if words(name)]
        for heading in headings:
            said = words(heading.text)
            padded = f" {' '.join(said)} "
            if any(
                f" {' '.join(name)} " in padded and len(said) <= len(name) + EXTRA_HEADING_WORDS
                for name in wanted
            ):
                suggested[key] = heading
                break
    return suggested

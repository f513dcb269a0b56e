"""Published SOPs for the download tests, and reading what the downloads contain."""

import io
import itertools
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx

from steunwijzer.profiles.services import profile_update
from tests.route_helpers import step, to_state

# Written into a draft after publication: no download may ever show it.
DRAFT_TEXT = "Deze zin staat alleen in een nieuwe, nog niet gepubliceerde versie."
# Text a spreadsheet would run as a formula: a link that sends data away, a DDE command, a
# function, a sum, and a formula behind a tab or a carriage return.
PAYLOADS = [
    '=HYPERLINK("http://x","klik")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "\t=1",
    "\r=1",
]


def publish(profile, *, editor, mr, officer, staff):
    return to_state(profile, "gepubliceerd", editor=editor, mr=mr, officer=officer, staff=staff)


def republish(profile, *, editor, mr, officer, staff):
    """The whole route once more, from concept, without touching the answers."""
    for user, action, payload in [
        (editor, "request_advice", {}),
        (mr, "give_advice", {"advice": "positief"}),
        (editor, "submit_to_board", {}),
        (officer, "establish", {}),
        (officer, "deliver", {}),
        (staff, "acknowledge", {}),
        (editor, "publish", {}),
    ]:
        step(profile, user, action, **payload)
    profile.refresh_from_db()
    return profile


def start_draft_with_new_text(profile, editor):
    """A published profile goes back to concept and gets text nobody has published."""
    step(profile, editor, "start_new_draft")
    profile.refresh_from_db()
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=profile.version,
        changes={"visie_passend_onderwijs": f"{DRAFT_TEXT}"},
    )
    profile.refresh_from_db()
    return profile


def pdf_text(data: bytes) -> str:
    """The text of a PDF as a reader's copy-paste gives it (poppler's pdftotext)."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (Debian's poppler-utils) is needed; ./dev test installs it"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.pdf"
        path.write_bytes(data)
        return subprocess.run(
            [tool, "-layout", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout


def docx_document(data: bytes):
    return docx.Document(io.BytesIO(data))


def docx_text(data: bytes) -> str:
    document = docx_document(data)
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def no_level_skipped(levels: list[int]) -> bool:
    """Going down, headings never skip a level (h2 → h4); going up may jump."""
    return all(b <= a + 1 for a, b in itertools.pairwise(levels))


def header_scopes(data: bytes) -> list[str]:
    """The /Scope of every TH structure element of a tagged PDF ("" where it has none)."""
    import pikepdf

    scopes = []

    def walk(node):
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                if kid.S == "/TH":
                    scopes.append(str(kid.A.get("/Scope", "")) if "/A" in kid else "")
                walk(kid)

    with pikepdf.open(io.BytesIO(data)) as pdf:
        walk(pdf.Root.StructTreeRoot)
    return scopes


def ids_and_references(html: str) -> tuple[list[str], list[str]]:
    """Every `id` of the page, and every id its `aria-labelledby` attributes point to."""
    from html.parser import HTMLParser

    ids, references = [], []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if name == "id":
                    ids.append(value or "")
                elif name == "aria-labelledby":
                    references.extend((value or "").split() or [""])

    Collect().feed(html)
    return ids, references

"""Downloading a published SOP in a real browser: the PDF opens tagged with its table of
contents, the Word file has its headings; staff get the zip, editors the schoolgids chapter."""

import io
import zipfile
from pathlib import Path

import pikepdf
import pytest

from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.conftest import make_school
from tests.export_helpers import docx_document, pdf_text, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published(profile, editor, mr_member, officer, staff):
    return publish(profile, editor=editor, mr=mr_member, officer=officer, staff=staff)


def _download(page, link_name) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_a_parent_downloads_the_pdf_and_the_word_file(page, published, board):
    # A second location under the same BRIN: the short address asks which one is meant.
    make_school(board, "12AB", "De Regenboog Zuid", vestiging="01", city="Rijswijk")
    page.goto("/scholen/12AB/sop.pdf")
    page.get_by_role("heading", name="Kies een vestiging", level=1).wait_for()
    assert_no_axe_violations(page)

    name, data = _download(page, "De Regenboog, Den Haag (vestiging 00)")
    assert name == "SOP-De-Regenboog-12AB00-2026-2027.pdf"
    pdf = pikepdf.open(io.BytesIO(data))
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "nl"
    text = pdf_text(data)
    assert "Inhoud" in text
    assert "4. Zorgplicht" in text

    page.goto("/scholen/12AB/sop.docx")
    name, data = _download(page, "De Regenboog, Den Haag (vestiging 00)")
    assert name == "SOP-De-Regenboog-12AB00-2026-2027.docx"
    headings = [
        p.text for p in docx_document(data).paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[0] == "Schoolondersteuningsprofiel De Regenboog"
    assert "4. Zorgplicht" in headings


def test_staff_download_the_zip_from_the_deadlines_page(page, published, staff):
    log_in(page, "swv")
    page.get_by_role("link", name="Gepubliceerde SOP's van SWV Test downloaden").click()
    page.get_by_role("heading", name="Gepubliceerde SOP's downloaden").wait_for()
    assert_no_axe_violations(page)
    name, data = _download(page, "Schooljaar 2026-2027")
    assert name == "SOP-testregio-2026-2027.zip"
    assert "overzicht.csv" in zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_the_editor_downloads_the_schoolgids_chapter_from_the_route_page(page, published):
    log_in(page, "editor")
    page.goto(f"/profielen/{published.pk}/route/")
    page.get_by_role("heading", name="Voor de schoolgids").wait_for()
    assert (
        page.get_by_role("link", name="SOP als PDF")
        .get_attribute("href")
        .endswith("/scholen/12AB/sop.pdf")
    )
    assert_no_axe_violations(page)
    name, data = _download(page, "Hoofdstuk voor de schoolgids, vastgestelde versie 1 (Word)")
    assert name == "Schoolgids-hoofdstuk-De-Regenboog-12AB00-2026-2027.docx"
    assert docx_document(data).paragraphs[0].style.name == "Heading 2"

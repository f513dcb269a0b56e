"""An editor starts an own-model SOP, uploads the document, says where the mandatory parts are
and sees the preview; the documents and evaluation pages pass axe-core too."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from steunwijzer.core.school_year import school_year_of
from steunwijzer.core.stored_file import check_document
from steunwijzer.profiles.services import supporting_document_add
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.documents import PDF, pdf
from tests.test_own_model import LOCATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABELS = {
    "visie": "Visie op passend onderwijs",
    "basisondersteuning": "Basisondersteuning",
    "extra_ondersteuning": "Extra ondersteuning",
    "zorgplicht": "Zorgplicht",
}


def test_editor_uploads_an_own_document_and_sees_the_preview(page, school, format_version, editor):
    log_in(page, "editor")
    year = school_year_of(timezone.localdate())
    page.get_by_label("Eigen model (eigen document uploaden)").check()
    page.get_by_role("button", name=f"SOP {year} starten voor De Regenboog").click()
    page.get_by_role("heading", name="Eigen SOP-document", level=1).wait_for()
    assert_no_axe_violations(page)

    page.get_by_label("Eigen SOP-document").set_input_files(
        {"name": "SOP De Regenboog.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Document uploaden").click()
    page.get_by_text("SOP De Regenboog.pdf is opgeslagen.").wait_for()
    # The document was read: its fixed texts are there, and its headings fill the form.
    expect(page.get_by_text("Uw document bevat de vaste teksten")).to_be_visible()
    assert page.get_by_label("Zorgplicht", exact=True).input_value() == "blz. 1, 4. Zorgplicht"
    assert_no_axe_violations(page)

    for key, label in LABELS.items():
        page.get_by_label(label, exact=True).fill(LOCATIONS[key])
    page.get_by_role("button", name="Vindplaatsen opslaan").click()
    page.get_by_text("De vindplaatsen zijn opgeslagen.").wait_for()
    expect(page.get_by_text("5 van 5 onderdelen gegeven")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Voorbeeld voor ouders").click()
    page.get_by_role("heading", name="De Regenboog", level=1).wait_for()
    expect(page.get_by_role("link", name="SOP De Regenboog.pdf downloaden")).to_be_visible()
    expect(page.get_by_role("cell", name="Hoofdstuk 2 Basisondersteuning")).to_be_visible()
    region = page.get_by_role("region", name="De vaste teksten van het samenwerkingsverband")
    expect(region.get_by_text("Sinds de invoering van passend onderwijs")).to_be_visible()
    assert page.get_by_text(re.compile("ontbre(ekt|ken)")).count() == 0
    assert_no_axe_violations(page)


def test_a_refused_upload_says_why_and_stays_accessible(page, school, format_version, editor):
    log_in(page, "editor")
    page.get_by_label("Eigen model (eigen document uploaden)").check()
    page.get_by_role("button", name=re.compile("starten voor De Regenboog")).click()
    page.get_by_label("Eigen SOP-document").set_input_files(
        {"name": "sop.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00 geen pdf"}
    )
    page.get_by_role("button", name="Document uploaden").click()
    page.get_by_text("Dit is geen PDF- of Word-bestand (.docx).").wait_for()
    assert_no_axe_violations(page)


def test_documents_and_evaluation_pages_are_accessible(page, profile, partnership, editor, staff):
    supporting_document_add(
        owner=partnership,
        user=staff,
        title="Ondersteuningsplan 2026-2030",
        kind="ondersteuningsplan",
        document=check_document(pdf("op.pdf")),
    )
    log_in(page, "editor")
    page.goto(reverse("profile_chapter", args=[profile.pk, "basisondersteuning"]))
    page.get_by_role("heading", name="Documenten bij dit hoofdstuk").wait_for()
    expect(
        page.get_by_role("link", name=re.compile("Ondersteuningsplan 2026-2030"))
    ).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Documenten van de school").click()
    page.get_by_role("heading", name="Documenten bij het SOP", level=1).wait_for()
    assert_no_axe_violations(page)
    page.get_by_label("Titel").fill("Schoolplan 2024-2028")
    page.get_by_label("Soort document").select_option("schoolplan")
    page.get_by_label("Webadres").fill("https://regenboog.example/schoolplan")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("“Schoolplan 2024-2028” is toegevoegd.").wait_for()
    page.get_by_label("Webadres").fill("http://regenboog.example/onveilig")
    page.get_by_label("Titel").fill("Onveilig")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("Gebruik een beveiligd webadres dat begint met https://.").wait_for()
    assert_no_axe_violations(page)

    page.goto(reverse("profile_evaluation", args=[profile.pk]))
    page.get_by_label("Wie heeft geëvalueerd?").fill("directeur en IB'er met het team")
    page.get_by_label("Wat is er veranderd ten opzichte van vorig jaar?").fill("Een taalklas.")
    page.get_by_label("Waarom?").fill("Meer nieuwkomers.")
    page.get_by_role("button", name="Evaluatie vastleggen").click()
    page.get_by_text("De evaluatie is vastgelegd.").wait_for()
    expect(page.get_by_text("Meer nieuwkomers.")).to_be_visible()
    assert_no_axe_violations(page)


def test_the_partnerships_documents_page_is_accessible(page, partnership, format_version, staff):
    log_in(page, "swv")
    page.goto(reverse("format_versions", args=[partnership.slug]))
    page.get_by_role("link", name=re.compile("Ondersteuningsplan en andere documenten")).click()
    page.get_by_label("Titel").fill("Ondersteuningsplan 2026-2030")
    page.get_by_label("Bestand").set_input_files(
        {"name": "op.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("“Ondersteuningsplan 2026-2030” is toegevoegd.").wait_for()
    assert_no_axe_violations(page)

"""An editor reads last year's Word SOP into the fields: upload, the preview with the old text
beside each field, adjust, confirm, and the version it made on the versions page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from steunwijzer.profiles.models import Profile
from tests import word_sops
from tests.browser.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_editor_reads_an_old_sop_into_the_fields(page, profile, editor):
    log_in(page, "editor")
    page.goto(reverse("profile_chapter", args=[profile.pk, "visie"]))
    page.get_by_role("link", name="Vorig SOP inlezen").click()
    page.get_by_role("heading", name="Vorig SOP inlezen", level=1).wait_for()
    assert_no_axe_violations(page)

    page.get_by_label("Vorig SOP").set_input_files(
        {"name": "SOP 2025.docx", "mimeType": DOCX, "buffer": word_sops.styled_headings()}
    )
    page.get_by_role("button", name="Bestand inlezen").click()
    page.get_by_role("heading", name="Vorig SOP nakijken", level=1).wait_for()
    expect(page.get_by_text("Vaste tekst “Zorgplicht” herkend")).to_be_visible()
    expect(
        page.get_by_text("Waarom: kop “Basiskwaliteit” lijkt op veld “Basiskwaliteit”.")
    ).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Tekst voor Onze visie op passend onderwijs").fill("Onze nieuwe visie.")
    page.get_by_label("Deze tekst overnemen in Zo betrekken wij ouders en leerlingen").uncheck()
    page.get_by_role("button", name="Aangevinkte velden invullen").click()
    page.get_by_text("2 velden zijn ingevuld uit het vorige SOP.").wait_for()
    assert_no_axe_violations(page)

    answers = Profile.objects.get(pk=profile.pk).answers
    assert answers["visie_passend_onderwijs"] == "Onze nieuwe visie."
    assert answers["basiskwaliteit"].startswith(word_sops.QUALITY)
    assert not answers.get("ouders_en_leerlingen")

    page.get_by_role("link", name="Versies en herstellen").click()
    expect(page.get_by_text("Ingelezen uit een vorig SOP")).to_be_visible()

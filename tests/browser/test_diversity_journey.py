"""An editor imports the example export, checks the preview, confirms, and sees the index per
group and the signals; the fill-in grid and the chapter aside pass axe-core too."""

import pytest
from playwright.sync_api import expect

from steunwijzer.instruments.diversity.sample import SAMPLE_PATH
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.diversity_helpers import this_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_imports_the_example_export_and_sees_index_and_signals(page, school, editor):
    school.pupil_count = 312
    school.save()
    log_in(page, "editor")
    page.get_by_role("link", name="Verscheidenheidsindex en Invulschema van De Regenboog").click()
    page.get_by_role("heading", name="Verscheidenheidsindex en Invulschema", level=1).wait_for()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Leerlingexport inlezen (CSV of Excel)").click()
    page.get_by_role("heading", name="Leerlingexport inlezen", level=1).wait_for()
    expect(page.get_by_role("link", name="Voorbeeldbestand downloaden")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Bestand (CSV of xlsx)").set_input_files(str(SAMPLE_PATH))
    page.get_by_role("button", name="Inlezen en controleren").click()

    page.get_by_role("heading", name="Controleren en opslaan", level=1).wait_for()
    page.get_by_text("zijn 312 leerlingen geteld").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Bevestigen en opslaan").click()

    page.get_by_text("312 leerlingen geteld en opgeslagen.").wait_for()
    signals = page.locator(".sw-diversity-signals li")
    assert signals.count() == 3
    assert "In groep 6 met 29 leerlingen hebben 7 leerlingen" in signals.nth(2).inner_text()
    row = page.get_by_role("row", name="Groep 6 signaal")
    assert row.get_by_role("cell").last.inner_text() == "1,50"
    expect(page.get_by_role("img", name="Verscheidenheidsindex per groep")).to_be_visible()
    assert_no_axe_violations(page)


def test_the_fill_in_grid_and_the_chapter_aside_pass_axe(page, school, editor, profile):
    log_in(page, "editor")
    page.goto(f"/scholen/{school.brin_code}/verscheidenheid/{this_year()}/invullen/")
    page.get_by_label("Groep, rij 1", exact=True).fill("6")
    page.get_by_label("Geen specifieke ondersteuningsbehoefte, rij 1", exact=True).fill("230")
    page.get_by_label("Ondersteuningsbehoefte op SBO/SO-niveau, rij 1", exact=True).fill("10")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het Invulschema is opgeslagen.").wait_for()
    chapter = next(
        c for c in profile.sop_format.chapters if c.mandatory_part == "extra_ondersteuning"
    )
    page.goto(f"/profielen/{profile.pk}/hoofdstuk/{chapter.key}/")
    aside = page.get_by_role("complementary", name=f"Verscheidenheidsindex {this_year()}")
    assert "In groep 6 met 240 leerlingen" in aside.inner_text()
    assert_no_axe_violations(page)

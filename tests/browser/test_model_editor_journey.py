"""Partnership staff edit the SOP model in the browser, on a laptop and a phone: problems as
they type, the preview, publishing and comparing versions; axe and the overlap check."""

import pytest
from playwright.sync_api import expect

from steunwijzer.regional_model.models import FormatVersion
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.browser.layout import overlapping_or_clipped_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_staff_edit_check_publish_and_compare_the_model(
    page, partnership, format_version, staff, size
):
    page.set_viewport_size(size)
    log_in(page, "swv")
    page.goto(f"/samenwerkingsverband/{partnership.slug}/sop-model/")
    page.get_by_role("link", name="Bewerken in de browser").click()
    source = page.get_by_label("Het model in YAML")
    yaml = source.input_value()
    assert 'version: "2.0"' in yaml
    page.get_by_text("Zoals ouders het lezen").click()
    assert_no_axe_violations(page)
    assert overlapping_or_clipped_text(page) == []

    # A problem appears while typing, without sending the form.
    source.fill(yaml.replace("type: long_text", "type: tekst", 1))
    source.press("End")
    page.get_by_text("Het model heeft 1 probleem").wait_for()
    assert_no_axe_violations(page)
    assert overlapping_or_clipped_text(page) == []

    edited = yaml.replace('version: "2.0"', 'version: "2.1"')
    source.fill(edited.replace("label: Aantal groepen", "label: Aantal klassen", 1))
    source.press("End")
    page.get_by_text("Haaglanden SOP-model 2.1 heeft geen problemen.").wait_for()
    preview = page.locator("#preview")
    expect(preview.get_by_text("Voorbeeld van Haaglanden SOP-model 2.1")).to_be_visible()
    expect(preview.locator("dt", has_text="Aantal klassen").first).to_be_visible()
    page.get_by_role("button", name="Publiceren als nieuwe versie").click()
    page.get_by_text("is gepubliceerd").wait_for()
    newer = FormatVersion.objects.current_for(partnership)
    assert newer.version == "2.1"

    page.get_by_role("link", name="Versies vergelijken").click()
    page.get_by_label("Eerste versie").select_option(str(format_version.pk))
    page.get_by_label("Tweede versie").select_option(str(newer.pk))
    page.get_by_role("button", name="Vergelijken").click()
    row = page.get_by_role("row").filter(has_text="Invulveld: Aantal klassen")
    expect(row.get_by_role("cell").first).to_have_text("Gewijzigd")
    expect(row.get_by_role("cell").last).to_have_text("vraag")
    assert_no_axe_violations(page)
    assert overlapping_or_clipped_text(page) == []

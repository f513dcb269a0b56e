"""Partnership staff build the SOP model in forms, on a laptop and a phone: rename a field, add
a choice field, move a section, see a problem at its part and fix it, preview and publish;
axe and the overlap check on the outline and on a part's form."""

import re

import pytest
from playwright.sync_api import expect

from steunwijzer.regional_model.models import FormatVersion
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.browser.layout import overlapping_or_clipped_text


def check_page(page):
    assert_no_axe_violations(page)
    assert overlapping_or_clipped_text(page) == []


def save(page):
    page.get_by_role("button", name="Opslaan in het concept").click()
    page.get_by_text("Concept: Haaglanden SOP-model 2.1.").wait_for()


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_staff_build_the_model_in_forms_and_publish_it(
    page, partnership, format_version, staff, size
):
    page.set_viewport_size(size)
    log_in(page, "swv")
    page.goto(f"/samenwerkingsverband/{partnership.slug}/sop-model/")
    page.get_by_role("link", name="Onderdeel voor onderdeel bewerken in formulieren").click()
    page.get_by_text("Nog geen concept").wait_for()
    check_page(page)

    # Rename a field.
    page.get_by_role("link", name="Bewerken “Aantal groepen”").click()
    page.get_by_label("Vraag of kop").fill("Aantal klassen")
    check_page(page)
    save(page)

    # Add a field with one choice out of two.
    page.get_by_role("button", name="Invulveld toevoegen aan “Onze visie”").click()
    page.get_by_role("heading", name="Veld bewerken").wait_for()
    page.get_by_label("Vraag of kop").fill("Werkt de school met een zorgteam?")
    page.get_by_label("Soort veld").select_option(label="Eén keuze")
    page.get_by_label("Keuzes (één keuze of checklist)").fill("Ja\nNee")
    save(page)

    # Move a section up.
    page.get_by_role("button", name="Omhoog “Contactpersoon voor ondersteuning”").click()
    page.get_by_text("Concept: Haaglanden SOP-model 2.1.").wait_for()
    expect(
        page.get_by_role("button", name="Omhoog “Contactpersoon voor ondersteuning”")
    ).to_be_disabled()

    # An emptied title is a problem at its section, until it is filled in again.
    page.get_by_role("link", name="Bewerken “Onze visie”").click()
    page.get_by_label("Titel").fill("")
    save(page)
    section = page.locator('[id="node-1.0"]')
    expect(section.get_by_text("titel: mag niet leeg zijn")).to_be_visible()
    expect(page.get_by_text("Het model heeft 1 probleem")).to_be_visible()
    check_page(page)
    section.get_by_role("link", name=re.compile("^Bewerken")).first.click()
    page.get_by_text("mag niet leeg zijn").wait_for()
    page.get_by_label("Titel").fill("Onze visie")
    save(page)

    # Preview and publish.
    preview = page.locator("#preview")
    expect(preview.get_by_text("Voorbeeld van Haaglanden SOP-model 2.1")).to_be_visible()
    expect(preview.locator("dt", has_text="Werkt de school met een zorgteam?")).to_be_visible()
    page.get_by_text("Zoals ouders het lezen").click()
    check_page(page)
    page.get_by_role("button", name="Publiceren als nieuwe versie").click()
    page.get_by_text("is gepubliceerd").wait_for()

    newer = FormatVersion.objects.current_for(partnership).format
    assert newer.version == "2.1" and newer.field("aantal_groepen").label == "Aantal klassen"
    added = newer.field("nieuw_veld")
    assert added.type == "single_choice" and [c.label for c in added.choices] == ["Ja", "Nee"]
    assert [s.key for s in newer.chapters[0].sections] == [
        "contact_ondersteuning",
        "over_de_school",
    ]
    assert newer.chapters[1].sections[0].title == "Onze visie"


@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_staff_change_a_tables_columns_and_the_mandatory_parts(
    page, partnership, format_version, staff, size
):
    page.set_viewport_size(size)
    log_in(page, "swv")
    page.goto(f"/samenwerkingsverband/{partnership.slug}/sop-model/opbouw/")
    page.get_by_text("Nog geen concept").wait_for()

    # A column renamed, one moved up, one added as a choice column still without choices.
    page.get_by_role("link", name="Bewerken “Deskundigheid in het team”").click()
    columns = page.get_by_label("Kolommen (tabel)")
    expect(columns).to_have_value(re.compile(r"uren_per_week \| Beschikbaar"))
    columns.fill(
        "uren_per_week | Uren per week | Getal\nexpertise | Deskundigheid\n"
        "functie | Functie\nniveau | Niveau | Eén keuze"
    )
    save(page)
    expect(
        page.get_by_text("kolommen: kolomtype 'single_choice' heeft keuzes nodig")
    ).to_be_visible()
    page.get_by_role("link", name="Bewerken “Deskundigheid in het team”").click()
    page.get_by_text("regel 4: kolomtype 'single_choice' heeft keuzes nodig").wait_for()
    check_page(page)
    columns = page.get_by_label("Kolommen (tabel)")
    columns.fill(columns.input_value() + " | Basis; Hoog")
    save(page)

    # The model no longer requires a visie, and names its zorgplicht part otherwise.
    page.get_by_role("link", name="Verplichte onderdelen bewerken").click()
    page.get_by_role("heading", name="Verplichte onderdelen").wait_for()
    check_page(page)
    visie = page.get_by_role("group", name="Visie op passend onderwijs")
    visie.get_by_label("Elk SOP van dit model heeft dit onderdeel").uncheck()
    zorgplicht = page.get_by_role("group", name="Zorgplicht")
    zorgplicht.get_by_label("Naam die scholen zien").fill("Zorgplicht en aanmelden")
    save(page)
    expect(page.get_by_text("Zorgplicht en aanmelden · in hoofdstuk")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Publiceren als nieuwe versie").click()
    page.get_by_text("is gepubliceerd").wait_for()

    newer = FormatVersion.objects.current_for(partnership).format
    table = newer.field("expertise_team")
    assert [(c.key, c.type) for c in table.columns] == [
        ("uren_per_week", "number"),
        ("expertise", "short_text"),
        ("functie", "short_text"),
        ("niveau", "single_choice"),
    ]
    assert [c.label for c in table.columns[3].choices] == ["Basis", "Hoog"]
    assert newer.mandatory_parts == {
        "basisondersteuning": "Basisondersteuning",
        "extra_ondersteuning": "Extra ondersteuning",
        "zorgplicht": "Zorgplicht en aanmelden",
    }

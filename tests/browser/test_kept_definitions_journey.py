"""Partnership staff publish a new Verscheidenheidsindex scheme and a new IJK catalogue in the
browser, on a laptop and a phone: a bad file refused, the preview, publishing and comparing
two versions; axe and the overlap check on every page."""

import pytest
from playwright.sync_api import expect

from steunwijzer.instruments.diversity.models import SchemeVersion
from steunwijzer.instruments.diversity.scheme import DEFAULT_SCHEME_PATH
from steunwijzer.instruments.diversity.services import scheme_import
from steunwijzer.instruments.ijk.catalogue import DEFAULT_CATALOGUE_PATH
from steunwijzer.instruments.ijk.models import CatalogueVersion
from steunwijzer.instruments.ijk.services import catalogue_import
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.browser.layout import overlapping_or_clipped_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KINDS = {
    "scheme": dict(
        link="Verscheidenheidsindex-schema van SWV Test",
        heading="Verscheidenheidsindex-schema van Samenwerkingsverband Testregio",
        path=DEFAULT_SCHEME_PATH,
        store=scheme_import,
        model=SchemeVersion,
        version=('version: "1.0"', 'version: "1.1"'),
        edit=("points: 1.5", "points: 1.75"),
        name="Verscheidenheidsindex (standaard) 1.1",
        row="Categorie: Ondersteuning binnen de basisondersteuning",
        changed="punten per leerling",
    ),
    "catalogue": dict(
        link="IJK-catalogus van SWV Test",
        heading="IJK-catalogus van Samenwerkingsverband Testregio",
        path=DEFAULT_CATALOGUE_PATH,
        store=catalogue_import,
        model=CatalogueVersion,
        version=('version: "2025.1"', 'version: "2025.2"'),
        edit=("Het aanbod is breed", "Het aanbod is rijk"),
        name="IJK-instrument basiskwaliteit en basisondersteuning 2025.2",
        row="Indicator: Het aanbod is rijk",
        changed="tekst",
    ),
}


def check(page):
    assert_no_axe_violations(page)
    assert overlapping_or_clipped_text(page) == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_staff_preview_publish_and_compare(page, partnership, staff, kind, size):
    k = KINDS[kind]
    source = k["path"].read_text(encoding="utf-8")
    first = k["store"](partnership=partnership, text=source, filename=k["path"].name)
    page.set_viewport_size(size)
    log_in(page, "swv")
    page.goto("/")
    page.get_by_role("link", name=k["link"]).click()
    page.get_by_role("heading", name=k["heading"], level=1).wait_for()
    check(page)

    # A file of the wrong kind is refused, naming what it is.
    page.get_by_label("YAML-bestand").set_input_files(
        {
            "name": "model.yaml",
            "mimeType": "application/yaml",
            "buffer": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        }
    )
    page.get_by_role("button", name="Controleren en bekijken").click()
    page.get_by_text("dit is een PDF-bestand, geen YAML-tekst").wait_for()
    check(page)

    newer = source.replace(*k["version"]).replace(*k["edit"])
    page.get_by_label("YAML-bestand").set_input_files(
        {"name": "nieuw.yaml", "mimeType": "application/yaml", "buffer": newer.encode()}
    )
    page.get_by_role("button", name="Controleren en bekijken").click()
    page.get_by_role("heading", name=f"Voorbeeld van {k['name']}", level=1).wait_for()
    expect(page.get_by_role("row").filter(has_text=k["row"])).to_be_visible()
    check(page)
    assert k["model"].objects.count() == 1  # the preview stores nothing

    page.get_by_role("button", name="Publiceren als nieuwe versie").click()
    page.get_by_text(f"{k['name']} is gepubliceerd.").wait_for()
    current = k["model"].objects.current_for(partnership)
    assert current.source == newer  # the text came back through the page unchanged
    check(page)

    page.get_by_role("link", name="Versies vergelijken").click()
    page.get_by_label("Eerste versie").select_option(str(first.pk))
    page.get_by_label("Tweede versie").select_option(str(current.pk))
    page.get_by_role("button", name="Vergelijken").click()
    row = page.get_by_role("row").filter(has_text=k["row"])
    expect(row.get_by_role("cell").first).to_have_text("Gewijzigd")
    expect(row.get_by_role("cell").last).to_contain_text(k["changed"])
    check(page)

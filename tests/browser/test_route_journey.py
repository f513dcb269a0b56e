"""One school goes from concept to gepubliceerd in a real browser, with one return by the
board; the board and the partnership download the MR's adviesverklaring."""

from itertools import pairwise

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.route_helpers import fill

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MOTIVATION = "Toelichting (verplicht, behalve bij een positief advies of instemming)"
CONFIRM = "Ik stel deze versie van het SOP vast namens het bestuur."
REASONS = (
    "De MR heeft negatief geadviseerd over deze versie. Waarom stelt het bestuur haar toch vast? "
    "(verplicht)"
)
WIDTHS = (390, 1280)
MEETING = {
    "Datum van de MR-vergadering (verplicht)": "2025-11-20",
    "Naam van de voorzitter van de MR (verplicht)": "Karin de Voorzitter",
    "Naam van de secretaris van de MR (verplicht)": "Sander Secretaris",
}


def assert_fits(page):
    """Nothing sticks out sideways, and the step cards do not overlap."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    boxes = [c.bounding_box() for c in page.locator(".sw-step").all()]
    for above, below in pairwise(boxes):
        assert above["y"] + above["height"] <= below["y"] + 0.5


def act(page, username, profile, button, fields=None, choose=None, tick=None):
    """Sign in as `username`, open the route page and take the step behind `button`."""
    page.context.clear_cookies()
    log_in(page, username)
    page.goto(reverse("profile_route", args=[profile.pk]))
    form = page.locator("form.sw-step", has=page.get_by_role("button", name=button))
    if choose:
        form.get_by_label(choose, exact=True).check()
    for label, value in (fields or {}).items():
        form.get_by_label(label).fill(value)
    if tick:
        form.get_by_label(tick).check()
    form.get_by_role("button", name=button).click()
    page.get_by_text("Het SOP is nu:").wait_for()


def test_concept_to_published_with_one_return(
    page, profile, other_school, editor, mr_member, officer, staff
):
    fill(profile, editor)
    act(page, "editor", profile, "Advies vragen aan de MR")
    act(
        page,
        "mrlid",
        profile,
        "Advies geven",
        choose="positief met opmerkingen",
        fields={MOTIVATION: "Noem ook de grens bij groepen van 30 leerlingen.", **MEETING},
    )
    assert_no_axe_violations(page)
    act(page, "editor", profile, "Naar het bestuur sturen")
    act(
        page,
        "kwaliteit",
        profile,
        "Terugsturen naar de school",
        fields={"Wat moet de school aanpassen? (verplicht)": "Maak hoofdstuk 3 concreter."},
    )
    page.get_by_text("Maak hoofdstuk 3 concreter.").wait_for()  # on the timeline

    act(page, "editor", profile, "Advies vragen aan de MR")
    act(page, "mrlid", profile, "Advies geven", choose="positief", fields=MEETING)
    act(page, "editor", profile, "Naar het bestuur sturen")
    act(page, "kwaliteit", profile, "Vaststellen", tick=CONFIRM)
    act(page, "kwaliteit", profile, "Aanleveren bij het samenwerkingsverband")
    with page.expect_download() as download:
        page.get_by_role("link", name="Adviesverklaring (PDF)").first.click()
    assert download.value.suggested_filename == "adviesverklaring-12AB00-2026-2027.pdf"

    act(page, "swv", profile, "Ontvangst bevestigen")
    with page.expect_download() as download:
        page.get_by_role("link", name="Adviesverklaring (PDF)").first.click()
    assert download.value.path().read_bytes().startswith(b"%PDF-")
    act(page, "editor", profile, "Publiceren")
    assert page.get_by_text("Het SOP is gepubliceerd. Het SOP is nu: gepubliceerd.").count() == 1
    assert_no_axe_violations(page)
    profile.refresh_from_db()
    assert profile.state == "gepubliceerd" and profile.published_revision is not None


@pytest.mark.parametrize("width", WIDTHS)
def test_a_director_follows_the_links_of_a_held_step_to_the_fields(
    page, profile, editor, mr_member, width
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "editor")
    page.goto(reverse("profile_route", args=[profile.pk]))
    held = page.locator(".sw-step--held")
    held.get_by_text("Nog niet mogelijk").wait_for()
    assert page.locator("form.sw-step").count() == 0, "no step to take before the items"
    assert_fits(page)
    assert_no_axe_violations(page)
    link = held.locator("a[href*='#field-']").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**#{target}")
    expect(page.locator(f"#{target}")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_board_confirms_and_gives_reasons_against_a_negative_advice(
    page, profile, editor, mr_member, officer, width
):
    from tests.route_helpers import step

    fill(profile, editor)
    step(profile, editor, "request_advice")
    step(profile, mr_member, "give_advice", advice="negatief", motivation="Grenzen te vaag.")
    step(profile, editor, "submit_to_board")
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "kwaliteit")
    page.goto(reverse("profile_route", args=[profile.pk]))
    form = page.locator("form.sw-step", has=page.get_by_role("button", name="Vaststellen"))
    form.get_by_text("Dit wordt vastgelegd").wait_for()
    assert_fits(page)
    assert_no_axe_violations(page)
    form.get_by_role("button", name="Vaststellen").click()  # neither ticked nor reasons
    page.get_by_text("Vink aan dat u deze versie vaststelt.").wait_for()
    assert_no_axe_violations(page)
    form = page.locator("form.sw-step", has=page.get_by_role("button", name="Vaststellen"))
    form.get_by_label(CONFIRM).check()
    form.get_by_role("button", name="Vaststellen").click()
    page.get_by_text("is verplicht").wait_for()
    form = page.locator("form.sw-step", has=page.get_by_role("button", name="Vaststellen"))
    form.get_by_label(REASONS).fill("De wettelijke termijn verstrijkt; de grenzen volgen in maart.")
    form.get_by_label(CONFIRM).check()
    form.get_by_role("button", name="Vaststellen").click()
    page.get_by_text("Het SOP is vastgesteld.").wait_for()
    page.get_by_text("De wettelijke termijn verstrijkt").first.wait_for()  # on the timeline
    profile.refresh_from_db()
    assert profile.state == "vastgesteld"

"""One school goes from concept to gepubliceerd in a real browser, with one return by the
board; the board and the partnership download the MR's adviesverklaring."""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.route_helpers import fill

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MOTIVATION = "Toelichting (verplicht, behalve bij een positief advies of instemming)"
MEETING = {
    "Datum van de MR-vergadering (verplicht)": "2025-11-20",
    "Naam van de voorzitter van de MR (verplicht)": "Karin de Voorzitter",
    "Naam van de secretaris van de MR (verplicht)": "Sander Secretaris",
}


def act(page, username, profile, button, fields=None, choose=None):
    """Sign in as `username`, open the route page and take the step behind `button`."""
    page.context.clear_cookies()
    log_in(page, username)
    page.goto(reverse("profile_route", args=[profile.pk]))
    form = page.locator("form.sw-step", has=page.get_by_role("button", name=button))
    if choose:
        form.get_by_label(choose, exact=True).check()
    for label, value in (fields or {}).items():
        form.get_by_label(label).fill(value)
    form.get_by_role("button", name=button).click()
    page.get_by_text("Gelukt:").wait_for()


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
    act(page, "kwaliteit", profile, "Vaststellen")
    act(page, "kwaliteit", profile, "Aanleveren bij het samenwerkingsverband")
    with page.expect_download() as download:
        page.get_by_role("link", name="Adviesverklaring (PDF)").first.click()
    assert download.value.suggested_filename == "adviesverklaring-12AB00-2026-2027.pdf"

    act(page, "swv", profile, "Ontvangst bevestigen")
    with page.expect_download() as download:
        page.get_by_role("link", name="Adviesverklaring (PDF)").first.click()
    assert download.value.path().read_bytes().startswith(b"%PDF-")
    act(page, "editor", profile, "Publiceren")
    assert page.get_by_text("Gelukt: publiceren. Status van het SOP: gepubliceerd.").count() == 1
    assert_no_axe_violations(page)
    profile.refresh_from_db()
    assert profile.state == "gepubliceerd" and profile.published_revision is not None

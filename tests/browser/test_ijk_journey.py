"""Fill the IJK, record two Kijkwijzer observations and see the realism check, in a browser."""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.ijk_helpers import YEAR, fill

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def score(page, code, label, explanation=""):
    """Open the indicator's domain if it is folded, score it and press the page's one save."""
    indicator = page.locator(f"#ind-{code}")
    domain = page.locator("details.sw-ijk-group", has=indicator)
    if not domain.evaluate("details => details.open"):
        domain.locator(":scope > summary").click()
    indicator.get_by_label(label, exact=True).check()
    if explanation:
        indicator.get_by_label("Toelichting").fill(explanation)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_load_state()
    return page.locator(f"#ind-{code}")


def observe(page, school, group, note, scores):
    page.goto(reverse("ijk_observation_new", args=[school.pk, YEAR]))
    assert_no_axe_violations(page)
    page.get_by_label("Groep", exact=True).fill(group)
    page.get_by_label("De leerkracht legt de les duidelijk uit").fill(note)
    for code, label in scores.items():
        page.get_by_role("group", name=code).get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Observatie opslaan").click()
    page.get_by_text("De observatie is vastgelegd.").wait_for()
    assert_no_axe_violations(page)


def test_fill_the_ijk_record_two_observations_and_see_the_realism_check(
    page, school, profile, editor, officer, other_editor
):
    fill(school, editor, score=2)  # the team scored most indicators earlier
    log_in(page, "editor")
    page.get_by_role("link", name="IJK-instrument van De Regenboog").click()
    assert_no_axe_violations(page)

    # One form, one save button; the domains are folded, each saying how far the team is.
    assert page.get_by_role("button", name="Opslaan", exact=True).count() == 1
    page.get_by_text("27 van 27 indicatoren gescoord").wait_for()
    refused = score(page, "OP3", "4 goed")
    refused.get_by_text("een toelichting verplicht").wait_for()
    page.get_by_text("Er is niets opgeslagen: 1 indicator vraagt aandacht").wait_for()
    assert refused.get_by_label("4 goed", exact=True).is_checked()  # the input is kept
    assert_no_axe_violations(page)
    score(page, "OP3", "4 goed", "Bij alle lesbezoeken zagen we het instructiemodel.")
    page.get_by_text("1 indicator opgeslagen.").wait_for()
    score(page, "IJK03", "3 voldoende")
    page.get_by_text("1 indicator opgeslagen.").wait_for()
    assert page.locator("#ind-IJK03").get_by_text("Gescoord: 3.").count() == 1
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Kijkwijzer-observaties").click()
    page.get_by_label("Collega van een andere school uitnodigen").select_option(
        label="andere_redacteur"
    )
    page.get_by_role("button", name="Uitnodigen").click()
    page.get_by_text("mag nu observeren").wait_for()
    assert_no_axe_violations(page)

    page.context.clear_cookies()
    log_in(page, "kwaliteit")
    page.get_by_role("link", name="Kijkwijzer: waar u mag observeren").click()
    assert_no_axe_violations(page)
    observe(page, school, "groep 5", "Uitleg klassikaal, geen controle.", {"OP3": "2 matig"})
    page.context.clear_cookies()
    log_in(page, "andere_redacteur")
    observe(page, school, "groep 7", "Heldere uitleg met voorbeelden.", {"OP3": "1 onvoldoende"})

    page.context.clear_cookies()
    log_in(page, "editor")
    page.goto(reverse("ijk_result", args=[school.pk, YEAR]))
    page.get_by_text("Verschil van 2 of meer punten").wait_for()
    page.get_by_text("Hoge score zonder observatie").wait_for()
    assert page.locator("svg.sw-chart__svg").count() == 2
    assert_no_axe_violations(page)
    page.goto(reverse("ijk_observations", args=[school.pk, YEAR]))
    assert page.get_by_role("row").count() == 3
    page.goto(reverse("profile_route", args=[profile.pk]))
    page.get_by_role("heading", name="Realiteitscheck").wait_for()
    page.goto(reverse("profile_chapter", args=[profile.pk, "basisondersteuning"]))
    page.get_by_role("button", name="Tekst overnemen").click()
    page.get_by_text("De samenvatting van het IJK staat nu").wait_for()

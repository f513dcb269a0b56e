"""The MR finds the request for advice in its notifications and gives advice on a phone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwijzer.notifications.models import Notification
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.route_helpers import fill, step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def assert_nothing_overlaps(page, selector):
    """No two of these elements cover each other, and none sticks out of the window."""
    boxes = [b for b in (e.bounding_box() for e in page.locator(selector).all()) if b]
    width = page.evaluate("window.innerWidth")
    for i, a in enumerate(boxes):
        assert a["x"] >= 0 and a["x"] + a["width"] <= width + 1, f"{selector} sticks out: {a}"
        for b in boxes[i + 1 :]:
            apart = (
                a["x"] + a["width"] <= b["x"] + 1
                or b["x"] + b["width"] <= a["x"] + 1
                or a["y"] + a["height"] <= b["y"] + 1
                or b["y"] + b["height"] <= a["y"] + 1
            )
            assert apart, f"{selector}: {a} overlaps {b}"


def test_the_mr_finds_the_request_and_advises_on_a_phone(
    page, profile, editor, mr_member, tmp_path
):
    fill(profile, editor)
    step(profile, editor, "request_advice", note="Graag bespreken in de vergadering van maart.")
    page.set_viewport_size(PHONE)
    log_in(page, "mrlid")

    page.get_by_role("link", name="Meldingen 1 ongelezen").click()
    page.get_by_role("heading", name="Wacht op u").wait_for()
    assert_no_axe_violations(page)
    assert_nothing_overlaps(page, ".sw-usernav__list > li")
    assert_nothing_overlaps(page, ".sw-notification > *")
    # Kept with the test's temporary files (pytest --basetemp) for a person to look at.
    page.screenshot(path=tmp_path / "meldingen-390.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=tmp_path / "meldingen-1280.png", full_page=True)
    page.set_viewport_size(PHONE)

    waiting = page.locator("ul.sw-notifications").first
    waiting.get_by_role("link", name="Advies vragen aan de MR").click()
    page.wait_for_url(f"**{reverse('profile_route', args=[profile.pk])}")
    form = page.locator("form.sw-step", has=page.get_by_role("button", name="Advies geven"))
    # The MR's task first: the advice form starts on the first screen of the phone.
    assert form.bounding_box()["y"] < PHONE["height"]
    assert_no_axe_violations(page)
    assert_nothing_overlaps(page, "form.sw-step .sw-field")
    page.screenshot(path=tmp_path / "advies-390.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=tmp_path / "advies-1280.png", full_page=True)
    page.set_viewport_size(PHONE)

    form.get_by_label("positief met opmerkingen", exact=True).check()
    form.get_by_label(
        "Toelichting (verplicht, behalve bij een positief advies of instemming)"
    ).fill("Noem ook de grens bij groepen van 30 leerlingen.")
    meeting = (timezone.localdate() - timedelta(days=3)).isoformat()
    form.get_by_label("Datum van de MR-vergadering (verplicht)").fill(meeting)
    form.get_by_label("Naam van de voorzitter van de MR (verplicht)").fill("Karin de Voorzitter")
    form.get_by_label("Naam van de secretaris van de MR (verplicht)").fill("Sander Secretaris")
    form.get_by_role("button", name="Advies geven").click()
    page.get_by_text("Uw advies is vastgelegd en de school heeft bericht gekregen.").wait_for()
    assert_no_axe_violations(page)
    profile.refresh_from_db()
    assert profile.state == "advies_gegeven"
    assert profile.transitions.get(action="give_advice").payload["chair_name"] == (
        "Karin de Voorzitter"
    )

    # The advice given, the request no longer waits for her (marking read by hand is
    # test_notifications.py's).
    page.goto(reverse("notification_list"))
    page.get_by_text("U heeft 0 ongelezen meldingen.").wait_for()
    assert page.get_by_role("heading", name="Wacht op u").count() == 0
    assert page.get_by_role("link", name="Meldingen 1 ongelezen").count() == 0
    assert Notification.objects.get(recipient=mr_member).read_at is not None

    page.get_by_role("link", name="Kies welke e-mails u krijgt").click()
    page.get_by_role("heading", name="E-mail bij meldingen").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("group", name="Er wacht iets op mij").get_by_label(
        "In de dagelijkse samenvatting"
    ).check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Uw instellingen voor e-mail zijn opgeslagen.").wait_for()
    assert_no_axe_violations(page)

"""A parent on a phone (390 px) asks the steunpunt a question from a school's page: axe-core
on the form, on its Dutch refusal and on the thanks; nothing wider than the screen. The
partnership's staff read and answer it."""

import pytest
from playwright.sync_api import expect

from steunwijzer.steunpunt.models import ParentMessage
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.browser.layout import overlapping_or_clipped_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits_the_width(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_a_parent_on_a_phone_sends_a_question(page, school, format_version):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/scholen/{school.brin}{school.vestiging}/vraag/")
    page.get_by_role("heading", name="Vraag het steunpunt").wait_for()
    assert_no_axe_violations(page)
    assert _fits_the_width(page)

    page.get_by_label("Een vraag").check()
    page.get_by_label("Over welke ondersteuning gaat het?").select_option(label="Dyslexie")
    page.get_by_label("Uw vraag of melding").fill("Mijn dochter Fleur krijgt geen hulp.")
    page.get_by_role("button", name="Versturen").click()
    page.get_by_text("Noem de naam van uw kind niet.").wait_for()
    assert_no_axe_violations(page)
    assert not ParentMessage.objects.exists()

    page.get_by_label("Uw vraag of melding").fill("Krijgt mijn dochter in groep 4 hulp bij lezen?")
    page.get_by_label("E-mailadres").fill("ouder@example.nl")
    page.get_by_role("button", name="Versturen").click()
    page.get_by_text("Uw bericht is bij het steunpunt aangekomen.").wait_for()
    assert_no_axe_violations(page)
    assert _fits_the_width(page)
    message = ParentMessage.objects.get()
    assert (message.kind, message.support, message.contact_email) == (
        "question",
        "dyslexie",
        "ouder@example.nl",
    )


def test_staff_read_answer_and_count_the_messages(page, school, staff, format_version):
    from steunwijzer.steunpunt.services import message_send

    message_send(
        school=school,
        kind="practice",
        support="dyslexie",
        message="De school biedt geen verlengde instructie, terwijl het SOP dat belooft.",
        contact={},
        sender="192.0.2.1",
    )
    log_in(page, staff.username)
    page.goto("/samenwerkingsverband/testregio/steunpunt/")
    page.get_by_role("heading", name="Ouder- en jeugdsteunpunt").wait_for()
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 844})
        # On a phone too: the excerpt and the answer state show, nothing scrolls sideways.
        expect(page.get_by_text("Nog niet beantwoord")).to_be_visible()
        expect(page.get_by_text("De school biedt geen verlengde instructie")).to_be_visible()
        assert _fits_the_width(page)
        assert overlapping_or_clipped_text(page) == []
        assert_no_axe_violations(page)
    page.get_by_role("link", name="De Regenboog").click()
    page.get_by_role("heading", name="Bericht over De Regenboog").wait_for()
    assert_no_axe_violations(page)
    page.get_by_label("Antwoord").fill("Dank u, wij bespreken dit met de school.")
    page.get_by_role("button", name="Antwoord opslaan").click()
    page.get_by_text("Het antwoord is opgeslagen.").wait_for()
    page.goto("/samenwerkingsverband/testregio/dekkend-aanbod/")
    page.get_by_role("heading", name="Vragen en meldingen van ouders").wait_for()
    assert_no_axe_violations(page)

"""Two editors in two browsers change the same field: the second sees both texts and chooses;
changes to different fields merge without anyone noticing."""

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def second_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def open_chapter(page, username, profile):
    log_in(page, username)
    page.goto(reverse("profile_chapter", args=[profile.pk, "schoolgegevens"]))


def test_same_field_conflict_is_shown_and_resolved(
    page, second_page, profile, editor, second_editor
):
    open_chapter(page, "editor", profile)
    open_chapter(second_page, "ib", profile)

    second_page.locator('[name="f-contactpersoon_ondersteuning"]').fill("Ilse Begeleider (IB)")
    second_page.get_by_role("button", name="Opslaan").click()
    second_page.get_by_text("Uw wijzigingen zijn opgeslagen.").wait_for()

    page.locator('[name="f-contactpersoon_ondersteuning"]').fill("Eva de Directeur")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Iemand anders heeft hetzelfde veld gewijzigd").wait_for()
    assert page.get_by_text("Ilse Begeleider (IB)").count() >= 1
    page.get_by_label("Tekst van Ilse Begeleider behouden").check()
    page.get_by_role("button", name="Keuze opslaan").click()
    page.get_by_text("Uw keuze is opgeslagen.").wait_for()

    profile.refresh_from_db()
    assert profile.answers["contactpersoon_ondersteuning"] == "Ilse Begeleider (IB)"
    assert page.locator('[name="f-contactpersoon_ondersteuning"]').input_value() == (
        "Ilse Begeleider (IB)"
    )


def test_different_fields_merge(page, second_page, profile, editor, second_editor):
    open_chapter(page, "editor", profile)
    open_chapter(second_page, "ib", profile)
    second_page.locator('[name="f-aantal_groepen"]').fill("9")
    second_page.get_by_role("button", name="Opslaan").click()
    second_page.get_by_text("Uw wijzigingen zijn opgeslagen.").wait_for()

    page.locator('[name="f-gemiddelde_groepsgrootte"]').fill("27")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Uw wijzigingen zijn opgeslagen.").wait_for()
    profile.refresh_from_db()
    assert profile.answers["aantal_groepen"] == 9
    assert profile.answers["gemiddelde_groepsgrootte"] == 27

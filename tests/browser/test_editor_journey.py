"""A school editor fills in every chapter in a real browser, checks the preview, and is
refused another school's profile. axe-core checks the editor and the preview."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CELL_VALUES = {
    "short_text": "Taalspecialist",
    "number": "4",
    "date": "2026-06-30",
    "url": "https://partner.example",
}


def fill_field(page, field):
    name = f"f-{field.key}"
    match field.type:
        case "long_text":
            page.locator(f'[name="{name}"]').fill(
                f"Bij ons is dit concreet geregeld: {field.label.lower()}.\n\n- eerste afspraak\n"
                "- tweede afspraak"
            )
        case "short_text":
            page.locator(f'[name="{name}"]').fill("Ilse Begeleider, dinsdag en donderdag")
        case "number":
            page.locator(f'[name="{name}"]').fill("8")
        case "date":
            page.locator(f'[name="{name}"]').fill("2026-06-30")
        case "url":
            page.locator(f'[name="{name}"]').fill(f"https://regenboog.example/{field.key}")
        case "single_choice":
            page.locator(f'[name="{name}"][value="{field.choices[0].key}"]').check()
        case "checklist":
            for choice in field.choices[:2]:
                page.locator(f'[name="{name}"][value="{choice.key}"]').check()
        case "table":
            for column in field.columns:
                cell = page.locator(f'[name="{name}-0-{column.key}"]')
                if column.type == "single_choice":
                    cell.select_option(column.choices[0].key)
                else:
                    cell.fill(CELL_VALUES[column.type])


def test_editor_fills_every_chapter_and_sees_the_preview(page, profile, other_profile, editor):
    log_in(page, "editor")
    page.get_by_role("link", name="SOP 2026-2027 openen voor De Regenboog").click()
    page.wait_for_url(f"**/hoofdstuk/{profile.sop_format.chapters[0].key}/")
    assert_no_axe_violations(page)

    for chapter in profile.sop_format.chapters:
        page.goto(reverse("profile_chapter", args=[profile.pk, chapter.key]))
        assert page.get_by_role("heading", level=1).inner_text() == chapter.heading
        for field in profile.applicable_fields(chapter):
            fill_field(page, field)
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_text("Uw wijzigingen zijn opgeslagen.").wait_for()

    page.goto(reverse("profile_chapter", args=[profile.pk, "zorgplicht"]))
    page.get_by_text("Sinds de invoering van passend onderwijs hebben schoolbesturen").wait_for()
    assert page.get_by_text("Vaste tekst van het samenwerkingsverband").count() >= 1

    page.get_by_role("link", name="Voorbeeld voor ouders").click()
    page.get_by_role("heading", name="De Regenboog", level=1).wait_for()
    assert page.get_by_text("verplichte velden leeg").count() == 0
    assert page.get_by_text("eerste afspraak").count() >= 10
    assert_no_axe_violations(page)

    response = page.goto(reverse("profile_preview", args=[other_profile.pk]))
    assert response.status == 403
    expect(page.get_by_role("heading", name="Geen toegang")).to_be_visible()
    assert page.get_by_text("De Vlieger").count() == 0


def test_typing_is_saved_automatically(page, profile, editor):
    log_in(page, "editor")
    page.goto(reverse("profile_chapter", args=[profile.pk, "visie"]))
    page.locator('[name="f-visie_passend_onderwijs"]').fill("Elk kind hoort erbij.")
    page.get_by_text("Opgeslagen om").wait_for()
    # A second edit builds on the version the first autosave returned.
    page.locator('[name="f-schoolpopulatie"]').fill("Veel leerlingen spreken thuis Arabisch.")
    page.get_by_text("(versie 2)").wait_for()
    page.reload()
    assert (
        page.locator('[name="f-visie_passend_onderwijs"]').input_value() == "Elk kind hoort erbij."
    )
    profile.refresh_from_db()
    assert profile.version == 2 and profile.revisions.first().reason == "autosave"


def test_the_save_bar_leaves_a_phone_screen_to_the_form(page, profile, editor, tmp_path):
    log_in(page, "editor")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("profile_chapter", args=[profile.pk, "visie"]))
    bar = page.locator(".sw-savebar")
    bar.get_by_text("Wijzigingen worden automatisch opgeslagen.").wait_for()
    page.locator('[name="f-visie_passend_onderwijs"]').scroll_into_view_if_needed()
    # It sticks to the bottom while one types: at most a ninth of the screen, not a fifth.
    assert bar.bounding_box()["height"] <= 844 / 9
    button = bar.get_by_role("button", name="Opslaan").bounding_box()
    status = bar.locator(".sw-status").bounding_box()
    assert status["x"] >= button["x"] + button["width"]  # beside the button, not under it
    assert bar.bounding_box()["y"] + bar.bounding_box()["height"] <= 844  # on screen
    page.screenshot(path=tmp_path / "savebar-390.png")


def test_login_and_home_pages_are_accessible(page, profile, editor):
    page.goto("/inloggen/")
    assert_no_axe_violations(page)
    log_in(page, "editor")
    assert_no_axe_violations(page)
    page.goto(reverse("profile_revisions", args=[profile.pk]))
    assert_no_axe_violations(page)


def test_the_toolbar_writes_the_markup_and_is_saved(page, profile, editor):
    log_in(page, "editor")
    page.goto(reverse("profile_chapter", args=[profile.pk, "visie"]))
    field = page.locator('[name="f-visie_passend_onderwijs"]')
    toolbar = page.get_by_role("toolbar", name="Opmaak van Onze visie op passend onderwijs")
    field.fill("Elk kind hoort erbij.")
    field.evaluate("area => area.setSelectionRange(4, 8)")  # "kind"
    toolbar.get_by_role("button", name="Vet").click()
    assert field.input_value() == "Elk **kind** hoort erbij."
    field.press("End")
    field.press("Enter")
    field.type("Wij luisteren\nWij helpen")
    # The last two lines become a bullet list; the first stays a sentence.
    field.evaluate("area => area.setSelectionRange(area.value.indexOf('Wij'), area.value.length)")
    toolbar.get_by_role("button", name="Opsomming").click()
    assert field.input_value() == "Elk **kind** hoort erbij.\n- Wij luisteren\n- Wij helpen"
    field.evaluate("area => area.setSelectionRange(0, 3)")  # "Elk"
    page.once("dialog", lambda dialog: dialog.accept("https://www.example.nl/visie"))
    toolbar.get_by_role("button", name="Link").click()
    assert field.input_value().startswith("[Elk](https://www.example.nl/visie) **kind**")
    # An earlier autosave may have said "Opgeslagen om" already: wait for the one with the link.
    page.wait_for_function(
        "() => document.body.innerText.includes('Opgeslagen om')"
        " && !document.querySelector('[aria-busy=\"true\"]')"
    )
    for _ in range(50):
        profile.refresh_from_db()
        if profile.answers.get("visie_passend_onderwijs", "").startswith("[Elk]("):
            break
        page.wait_for_timeout(200)
    assert_no_axe_violations(page)
    assert profile.answers["visie_passend_onderwijs"].startswith("[Elk](https://www.example.nl/")

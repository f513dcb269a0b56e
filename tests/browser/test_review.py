"""The board's quality officer comments on a field in review mode; the school's editor sees it
beside the chapter and resolves it. axe-core checks the review, chapter and comparison pages."""

import pytest
from django.urls import reverse

from steunwijzer.profiles.services import profile_update
from steunwijzer.review.models import Comment
from tests.browser.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REMARK = "Noem concreet wat ouders van de eerste afspraak kunnen verwachten."


def test_officer_comments_and_editor_resolves(page, profile, officer, editor):
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=0,
        changes={"visie_passend_onderwijs": "Elk kind hoort erbij."},
    )
    log_in(page, "kwaliteit")
    page.goto(reverse("profile_preview", args=[profile.pk]))
    page.get_by_role("link", name="Beoordelen en opmerkingen").click()
    page.get_by_role("heading", name="De Regenboog", level=1).wait_for()
    assert_no_axe_violations(page)

    form = page.locator("#opmerkingen-visie form.sw-comment-form")
    form.get_by_label("Waar gaat uw opmerking over?").select_option("visie_passend_onderwijs")
    form.get_by_label("Nieuwe opmerking").fill(REMARK)
    form.get_by_role("button", name="Opmerking plaatsen").click()
    page.get_by_text("Uw opmerking is geplaatst.").wait_for()
    thread = page.locator(".sw-thread", has_text=REMARK)
    label = profile.sop_format.field("visie_passend_onderwijs").label
    thread.get_by_text(f"Over „{label}”").wait_for()
    assert thread.get_by_role("button", name="Opgelost").count() == 0
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, "editor")
    page.goto(reverse("profile_chapter", args=[profile.pk, "visie"]))
    page.get_by_role("heading", name="Open opmerkingen bij dit hoofdstuk (1)").wait_for()
    page.get_by_text("(1 open)").wait_for()
    assert_no_axe_violations(page)
    page.locator(".sw-thread", has_text=REMARK).get_by_role("button", name="Opgelost").click()
    page.get_by_text("De opmerking is afgehandeld.").wait_for()
    assert page.get_by_text(REMARK).count() == 0
    assert Comment.objects.get().resolved_by == editor

    page.get_by_role("link", name="Beoordelen en opmerkingen").click()
    resolved = page.locator(".sw-thread", has_text=REMARK)
    resolved.get_by_text("opgelost", exact=True).wait_for()  # the review page has loaded
    resolved.get_by_role("button", name="Heropenen").wait_for()


def test_the_comparison_marks_inserted_and_deleted_text(page, profile, editor):
    for version, text in enumerate(["Elk kind hoort erbij.", "Elk kind hoort er echt bij."]):
        profile_update(
            profile_id=profile.pk,
            user=editor,
            base_version=version,
            changes={"visie_passend_onderwijs": f"{text}"},
        )
    log_in(page, "editor")
    page.goto(reverse("profile_revisions", args=[profile.pk]))
    page.get_by_role("link", name="vergelijk met vorige (versie 1 en 2)").click()
    page.get_by_role("heading", name="Versie 1 vergeleken met versie 2").wait_for()
    assert page.locator(".sw-diff del").text_content() == "verwijderd: erbij."
    assert page.locator(".sw-diff ins").text_content() == "ingevoegd: er echt bij."
    assert_no_axe_violations(page)

    page.get_by_label("Van versie").select_option("0")
    page.get_by_role("button", name="Vergelijken").click()
    page.get_by_role("heading", name="Versie 0 vergeleken met versie 2").wait_for()
    assert page.locator(".sw-diff del").count() == 0

"""The history of versions on a phone: paginated, readable, accessible."""

import pytest
from django.urls import reverse

from steunwijzer.profiles.models import Revision
from steunwijzer.profiles.services import profile_update
from tests.browser.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_history_reads_on_a_phone_a_page_at_a_time(page, profile, editor):
    for n in range(40):
        profile_update(
            profile_id=profile.pk,
            user=editor,
            base_version=n,
            changes={"aantal_groepen": n + 1},
            reason=Revision.Reason.AUTOSAVE if n % 2 else Revision.Reason.SAVE,
            edit_session="a" * 32,
        )
    log_in(page, "editor")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(reverse("profile_revisions", args=[profile.pk]))
    assert page.locator("table.sw-history tbody tr").count() == 25
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= page.evaluate("window.innerWidth"), f"the page is {wide}px wide"
    # Stacked: each cell says which column it is.
    cell = page.locator("table.sw-history tbody tr").first.locator("td").first
    label = page.evaluate("(td) => getComputedStyle(td, '::before').content", cell.element_handle())
    assert label == '"Wanneer: "'
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Oudere versies").first.click()
    page.wait_for_url("**?pagina=2")
    page.get_by_text("Pagina 2 van 2").first.wait_for()
    assert page.locator("table.sw-history tbody tr").count() == 16
    assert_no_axe_violations(page)

"""The Content Security Policy holds in a real browser: no page breaks it while people work."""

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any page script; the listener sees every violation the browser reports.
COLLECT = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')
    + ' at ' + e.sourceFile + ':' + e.lineNumber);
});
"""


@pytest.fixture
def watched(page):
    page.add_init_script(COLLECT)
    messages = []
    page.on(
        "console",
        lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.csp_console = messages
    return page


def visit(page, url, seen):
    page.goto(url)
    page.wait_for_load_state("load")
    seen.extend(f"{url}: {v}" for v in page.evaluate("window.__cspViolations"))


def test_main_pages_break_no_policy(watched, profile, editor, staff, partnership):
    page, seen = watched, []
    visit(page, "/inloggen/", seen)
    log_in(page, "editor")
    seen.extend(f"/: {v}" for v in page.evaluate("window.__cspViolations"))
    for url in [
        "/",
        reverse("profile_chapter", args=[profile.pk, "visie"]),
        reverse("profile_preview", args=[profile.pk]),
        reverse("profile_route", args=[profile.pk]),
        reverse("profile_review", args=[profile.pk]),
        reverse("todo"),
        reverse("account_settings"),
        reverse("two_factor_settings"),
    ]:
        visit(page, url, seen)

    page.goto(reverse("profile_chapter", args=[profile.pk, "visie"]))
    page.locator('[name="f-visie_passend_onderwijs"]').fill("Elk kind hoort erbij.")
    page.get_by_text("Opgeslagen om").wait_for()
    seen.extend(f"autosave: {v}" for v in page.evaluate("window.__cspViolations"))

    page.context.clear_cookies()
    log_in(page, "swv")
    visit(page, reverse("partnership_settings", args=[partnership.slug]), seen)

    assert not seen, "\n".join(seen)
    assert not page.csp_console, "\n".join(page.csp_console)

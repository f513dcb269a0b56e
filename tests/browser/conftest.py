"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Playwright's own browser download is never used; CHROMIUM (set by ./dev test) or
/usr/bin/chromium is launched instead. axe-core comes from the vendored copy in vendor/.
"""

import os
import re
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# test itself are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail(
        "Chromium not found: install Debian's 'chromium' or set CHROMIUM (./dev test does)."
    )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def offline(context):
    """Nothing leaves this machine: a request to any other host (the finder's map tiles) is
    refused, as an unreachable tile server would be."""
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"), lambda route: route.abort())


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    offline(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def log_in(page, username: str):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


def assert_no_axe_violations(page):
    """Run axe-core for WCAG 2.0 to 2.2 A and AA on the current page; fail with a readable list."""
    # Evaluated through the DevTools protocol: an inline <script> tag would be refused by the
    # Content Security Policy, which allows no inline scripts.
    # A test that waits for an element after a click may find it while the page's stylesheets
    # are still loading; axe then measures unstyled links (the header's, 24 px target size).
    page.wait_for_load_state("load")
    # Let the page finish marking its scrolling tables (app.js follows every resize a frame
    # later), so axe sees the page as a user does, not a layout in between.
    page.wait_for_function(
        """() => [...document.querySelectorAll('.utrecht-table-container, .sw-chart__canvas')]
            .every((box) => (box.scrollWidth > box.clientWidth
                || box.scrollHeight > box.clientHeight) === box.hasAttribute('tabindex'))"""
    )
    # And its fonts, which may still arrive after the load event.
    page.evaluate("async () => { await document.fonts.ready; }")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result["violations"]
    ]
    assert not violations, f"axe found on {page.url}:\n" + "\n".join(violations)

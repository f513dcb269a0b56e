"""Hostile text everywhere people can type, in a real browser: nothing of it ever runs.

The corpus (xss_corpus.txt) is typed into every field of every chapter (long and short text,
table cells), tried as a URL, written as review comments, as the MR's motivation, in the
evaluation, and used as the name of uploaded files. Then the editor, preview, review, route,
history, version and diff pages are opened with a trap (with the Content Security Policy
bypassed, so escaping alone is what is tested): a payload that ran would set
window.__xss or open a dialog, and no element may carry an event handler or a javascript: link.
"""

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunwijzer.core.uploads import check_upload
from steunwijzer.profiles.services import (
    evaluation_record,
    own_document_upload,
    profile_create,
    supporting_document_add,
)
from steunwijzer.review.services import comment_create
from tests import documents
from tests.browser.conftest import log_in
from tests.route_helpers import step, to_state

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CORPUS = [
    line
    for line in (Path(__file__).parent / "xss_corpus.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
TRAP = """
window.__xss = 0;
window.__dialogs = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (message) => { window.__dialogs.push(String(message)); };
}
"""
# Everything that would run: event handler attributes, javascript: links and frames, inline
# scripts (the pages have none of their own: their JavaScript is in static files).
INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
      if (['href', 'src', 'data', 'action', 'formaction'].includes(attr.name)
          && (value.startsWith('javascript:') || value.startsWith('data:text/html')))
        found.push(`${el.tagName} ${attr.name}=${value.slice(0, 40)}`);
    }
  }
  for (const s of document.querySelectorAll('script:not([src])')) found.push('inline script');
  for (const f of document.querySelectorAll('iframe, object, embed')) found.push(f.tagName);
  return found;
}"""


@pytest.fixture
def page(browser, live_server):
    """A page that ignores the Content Security Policy: the policy would stop inline handlers
    on its own, and these tests prove that escaping and sanitising alone already do."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


SAFE = {"number": "8", "date": "2026-06-30", "url": "https://regenboog.example/ouders"}


def payloads():
    while True:
        yield from CORPUS


def fill_chapter(page, profile, chapter, text):
    for field in profile.applicable_fields(chapter):
        name = f"f-{field.key}"
        match field.type:
            case "long_text" | "short_text":
                page.locator(f'[name="{name}"]').fill(next(text))
            case "number" | "date" | "url":
                page.locator(f'[name="{name}"]').fill(SAFE[field.type])
            case "single_choice":
                page.locator(f'[name="{name}"][value="{field.choices[0].key}"]').check()
            case "checklist":
                page.locator(f'[name="{name}"][value="{field.choices[0].key}"]').check()
            case "table":
                for column in field.columns:
                    cell = page.locator(f'[name="{name}-0-{column.key}"]')
                    if column.type == "single_choice":
                        cell.select_option(column.choices[0].key)
                    elif column.type == "short_text":
                        cell.fill(next(text))
                    else:
                        cell.fill(SAFE[column.type])


def assert_nothing_ran(page, url):
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # onload/onerror handlers and autofocus fire right after load
    assert page.evaluate("window.__xss") == 0, f"a payload ran on {url}"
    assert page.evaluate("window.__dialogs") == [], f"a dialog opened on {url}"
    assert page.evaluate(INJECTED) == [], f"injected markup on {url}"


def test_nothing_typed_anywhere_ever_runs(
    page, profile, editor, mr_member, officer, school, format_version
):
    page.add_init_script(TRAP)
    page.on("dialog", lambda dialog: dialog.dismiss())
    log_in(page, "editor")
    text = payloads()

    # A javascript: address is refused, whatever field takes a URL.
    url_chapter, url_field = next(
        (c, f) for c in profile.chapters for f in profile.applicable_fields(c) if f.type == "url"
    )
    page.goto(reverse("profile_chapter", args=[profile.pk, url_chapter.key]))
    page.locator(f'[name="f-{url_field.key}"]').fill("javascript:window.__xss=1")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state("load")
    profile.refresh_from_db()
    assert not str(profile.answers.get(url_field.key, "")).startswith("javascript:")

    for chapter in profile.chapters:
        page.goto(reverse("profile_chapter", args=[profile.pk, chapter.key]))
        fill_chapter(page, profile, chapter, text)
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_text("Uw wijzigingen zijn opgeslagen.").wait_for()
    profile.refresh_from_db()
    assert profile.version >= 2

    for i, payload in enumerate(CORPUS):
        chapter = profile.chapters[i % len(profile.chapters)]
        comment_create(profile=profile, user=mr_member, chapter_key=chapter.key, body=payload)
    evaluation_record(
        profile=profile,
        user=editor,
        evaluated_on=date(2026, 6, 1),
        evaluated_by=CORPUS[0],
        what_changed=CORPUS[1],
        why=CORPUS[2],
        next_evaluation=date(2027, 6, 1),
    )
    # The MR's motivation, on a complete SOP of last year that went to the MR.
    advised = to_state(
        profile_create(school=school, school_year="2025-2026", user=editor),
        "bij_mr",
        editor=editor,
        mr=mr_member,
        officer=officer,
    )
    step(advised, mr_member, "give_advice", advice="negatief", motivation=CORPUS[4])
    for payload in CORPUS[:6]:
        supporting_document_add(
            owner=school,
            user=editor,
            title=payload[:200],
            kind="schoolplan",
            document=check_upload(
                SimpleUploadedFile(f"{payload}.pdf", documents.PDF),
                allowed=("pdf",),
                max_bytes=10**6,
            ),
        )
    own = profile_create(school=school, school_year="2027-2028", user=editor, kind="own")
    own_document_upload(
        profile=own,
        user=editor,
        upload=SimpleUploadedFile('"><img src=x onerror=window.__xss=1>.pdf', documents.PDF),
    )

    profile.refresh_from_db()
    pages = [reverse("profile_chapter", args=[profile.pk, c.key]) for c in profile.chapters]
    pages += [
        reverse(name, args=[profile.pk])
        for name in (
            "profile_preview",
            "profile_review",
            "profile_route",
            "profile_revisions",
            "profile_diff",
            "profile_evaluation",
        )
    ]
    pages += [
        reverse("profile_revision", args=[profile.pk, profile.version]),
        reverse("profile_diff", args=[profile.pk]) + f"?van=0&naar={profile.version}",
        reverse("school_documents", args=[school.pk]),
        reverse("own_document", args=[own.pk]),
        reverse("profile_route", args=[advised.pk]),
        reverse("profile_revisions", args=[advised.pk]),
        reverse("home"),
        reverse("todo"),
    ]
    for url in pages:
        assert_nothing_ran(page, url)
    # Template syntax is shown as the text it is, never evaluated.
    page.goto(reverse("profile_preview", args=[profile.pk]))
    assert page.get_by_text("{{7*7}}", exact=False).count() >= 1
    # …and the payloads are on the page as plain text, so the pages above did show them.
    shown = page.inner_text("body")
    assert sum(payload in shown for payload in CORPUS) >= len(CORPUS) // 2

    # The MR's and the board's pages show the same texts.
    for username in ("mrlid", "kwaliteit"):
        page.context.clear_cookies()
        log_in(page, username)
        for name in ("profile_preview", "profile_review", "profile_route"):
            assert_nothing_ran(page, reverse(name, args=[profile.pk]))


def test_the_trap_catches_a_payload_that_runs(page):
    """The checks above would notice: markup that runs is caught by each of them."""
    page.add_init_script(TRAP)
    page.goto(reverse("login"))
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', "
        "'<img src=x onerror=\\'window.__xss=2;alert(2)\\'>')"
    )
    page.wait_for_function("window.__xss === 2")
    assert page.evaluate("window.__dialogs") == ["2"]
    assert page.evaluate(INJECTED) == ["IMG onerror"]

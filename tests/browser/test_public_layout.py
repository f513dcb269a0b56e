"""Every public page, as the demo shows it, at 320, 390 and 1280 px: no text paints over other
text or is cut off by its box (tests/browser/layout.py), every scrolling region has a name of
its own, and axe-core finds nothing. In Dutch and in English."""

import pytest
from django.core.management import call_command

from steunwijzer.organisations.models import School
from steunwijzer.publication.models import FinderEntry
from tests.browser.conftest import assert_no_axe_violations
from tests.browser.layout import overlapping_or_clipped_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390, 1280)


def _public_pages() -> tuple[list[str], list[str]]:
    """The Dutch pages to check, and the ones to check in English as well."""
    published = list(FinderEntry.objects.order_by("brin_code").values_list("brin_code", flat=True))
    unpublished = (
        School.objects.filter(finder_entry__isnull=True).order_by("brin", "vestiging").first()
    )
    assert len(published) >= 3 and unpublished is not None, "the demo changed: pick other schools"
    a, b, c = (f"/scholen/{code}/" for code in published[:3])
    compare_two = f"/scholen/vergelijk/?s={published[0]}&s={published[1]}"
    compare_three = f"{compare_two}&s={published[2]}"
    english = [
        a,
        f"/scholen/{unpublished.brin}/",
        compare_three,
        "/scholen/",
        "/scholen/begrippen/",
    ]
    dutch = [
        *english,
        b,
        c,
        compare_two,
        "/scholen/?q=dyslexie",
        "/scholen/vergelijk/",  # the comparison's error: no schools chosen
        "/scholen/99ZZ/",  # not found
    ]
    return dutch, english


@pytest.mark.parametrize("width", WIDTHS)
def test_no_text_overlaps_or_is_cut_off_on_any_public_page(browser, live_server, width):
    call_command("load_demo", verbosity=0)
    dutch, english = _public_pages()
    found = []
    for language, urls in (("nl-NL", dutch), ("en-GB", english)):
        context = browser.new_context(
            base_url=live_server.url, locale=language, viewport={"width": width, "height": 800}
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        for url in urls:
            page.goto(url)
            # Fonts and the scrolling tables' marks settle before the layout is measured.
            page.evaluate("document.fonts.ready")
            found += [f"{language} {url}: {p}" for p in overlapping_or_clipped_text(page)]
            regions = page.evaluate(
                "() => [...document.querySelectorAll('[role=region]')]"
                ".map((region) => region.getAttribute('aria-label'))"
            )
            found += [
                f"{language} {url}: two scrolling regions are named {name!r}"
                for name in {n for n in regions if regions.count(n) > 1}
            ]
            try:  # every page and width is reported, not only the first that fails
                assert_no_axe_violations(page)
            except AssertionError as violations:
                found.append(f"{language} {url}: {violations}")
        context.close()
    assert not found, f"at {width} px:\n" + "\n".join(found)

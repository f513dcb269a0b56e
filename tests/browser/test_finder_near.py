"""A parent on a phone (390 px): a postcode → the nearest schools that offer dyslexia support,
results first, filters folded; axe clean; nothing painted over anything else. On a wide screen
the map stands beside the list. Screenshots go to $FINDER_SCREENSHOTS when set."""

import os

import pytest
from playwright.sync_api import expect

from steunwijzer.organisations.locations import school_locate
from tests.browser.conftest import assert_no_axe_violations, offline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}

# Boxes of text that overlap another, or text cut off inside its box.
OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll(
    'main h1, main h2, main h3, main p, main label, main li, main summary, main select, '
    + 'main input, main button, main legend')]
    .filter((el) => el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true}));
  const found = [];
  for (const el of boxes) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden') {
      found.push('clipped: ' + el.outerHTML.slice(0, 80));
    }
  }
  const leaves = boxes.filter((el) => !boxes.some((o) => o !== el && el.contains(o)));
  for (let i = 0; i < leaves.length; i++) {
    const a = leaves[i].getBoundingClientRect();
    for (let j = i + 1; j < leaves.length; j++) {
      if (leaves[i].contains(leaves[j]) || leaves[j].contains(leaves[i])) continue;
      const b = leaves[j].getBoundingClientRect();
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 2 && y > 2) {
        found.push(leaves[i].outerHTML.slice(0, 60) + ' / ' + leaves[j].outerHTML.slice(0, 60));
      }
    }
  }
  return found;
}"""


@pytest.fixture
def placed(two_published, geocoder):
    regenboog, vlieger = two_published
    school_locate(school=regenboog.school, latitude=52.0431, longitude=4.2702)
    school_locate(school=vlieger.school, latitude=52.0530, longitude=4.2329)


def _context(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=viewport)
    offline(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def _shoot(page, name):
    folder = os.environ.get("FINDER_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, name), full_page=True)


def _check(page):
    assert_no_axe_violations(page)
    assert page.evaluate(OVERLAPS) == []
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), "horizontal scrolling"


def test_a_parent_on_a_phone_finds_the_nearest_school_for_dyslexia(browser, live_server, placed):
    context, page = _context(browser, live_server, PHONE)
    page.goto("/scholen/")
    page.get_by_role("heading", name="Scholen zoeken op ondersteuning").wait_for()
    _shoot(page, "finder-390-start.png")
    _check(page)

    page.get_by_label("Uw postcode").fill("2543 RB")
    page.get_by_label("Dyslexie", exact=True).check()  # the filters are open on a first visit
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**postcode=2543*")
    _shoot(page, "finder-390-results.png")
    _check(page)

    # Results first: the filters folded, the heading of the results on the first screen.
    expect(page.get_by_label("Dyslexie", exact=True)).to_be_hidden()
    assert page.get_by_role("heading", name="2 scholen gevonden").bounding_box()["y"] < 844
    first = page.locator(".sw-result").first
    assert "De Regenboog" in first.inner_text() and "op 0,0 km" in first.inner_text()
    assert "biedt: Dyslexie" in first.inner_text()
    assert "binnen 5 km van 2543 RB" in page.locator(".sw-chosen").inner_text()
    expect(page.locator("#finder-map")).to_be_hidden()  # no map on a phone

    # Change the search from the summary: drop dyslexia, the distance stays.
    page.get_by_role("link", name="Dyslexie (deze keuze weghalen)").click()
    page.get_by_role("heading", name="2 scholen gevonden").wait_for()
    assert "binnen 5 km van 2543 RB" in page.locator(".sw-chosen").inner_text()
    assert page.get_by_text("biedt: Dyslexie").count() == 0

    first.get_by_role("link", name="De Regenboog").click()
    page.get_by_role("heading", name="In het kort").wait_for()
    context.close()


def test_a_postcode_the_geocoder_does_not_know_is_said_plainly(browser, live_server, placed):
    context, page = _context(browser, live_server, PHONE)
    page.goto("/scholen/?postcode=9999+ZZ")
    error = page.get_by_text("Postcode 9999 ZZ kennen we niet.")
    error.wait_for()
    described = page.get_by_label("Uw postcode").get_attribute("aria-describedby")
    assert "id_postcode_error" in described
    _check(page)
    context.close()


def test_use_my_location_fills_the_place_and_searches(browser, live_server, placed):
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport=PHONE,
        geolocation={"latitude": 52.0501234, "longitude": 4.2498765},
        permissions=["geolocation"],
    )
    offline(context)
    page = context.new_page()
    page.goto("/scholen/")
    page.get_by_role("button", name="Gebruik mijn locatie").click()
    page.wait_for_url("**lat=52.050*")
    assert "lon=4.250" in page.url
    assert page.locator(".sw-result h3").first.inner_text() == "De Vlieger"
    assert "binnen 5 km van uw locatie" in page.locator(".sw-chosen").inner_text()
    context.close()


def test_without_javascript_the_finder_still_searches(browser, live_server, placed):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport=PHONE, java_script_enabled=False
    )
    offline(context)
    page = context.new_page()
    page.goto("/scholen/")
    expect(page.get_by_role("button", name="Gebruik mijn locatie")).to_be_hidden()
    page.get_by_label("Uw postcode").fill("2543 RB")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**postcode=2543*")
    assert "op 0,0 km" in page.locator(".sw-result").first.inner_text()
    context.close()


def test_on_a_wide_screen_the_map_stands_beside_the_list(browser, live_server, placed):
    context, page = _context(browser, live_server, WIDE)
    page.goto("/scholen/?postcode=2543+RB&afstand=10&aanbod=expertise_aanbod.dyslexie")
    page.get_by_role("heading", name="2 scholen gevonden").wait_for()
    page.locator("#finder-map .sw-map-marker").first.wait_for()
    assert page.locator("#finder-map .sw-map-marker").count() == 2
    box, listed = page.locator("#finder-map").bounding_box(), page.locator(".sw-results")
    assert box["x"] > listed.bounding_box()["x"] + listed.bounding_box()["width"] - 1
    _shoot(page, "finder-1280-results.png")
    _check(page)
    # A marker leads to the school's page.
    page.locator("#finder-map .sw-map-marker").first.click()
    page.locator(".leaflet-popup-content a").click()
    page.get_by_role("heading", name="In het kort").wait_for()
    context.close()

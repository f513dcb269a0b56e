"""Partnership staff confirm receipt of several SOPs at once on the overview and read the
dekkend-aanbod matrix, at a desktop's and a phone's width."""

import os
from datetime import date
from pathlib import Path

import pytest

from steunwijzer.organisations.models import Role
from tests.browser.conftest import assert_no_axe_violations, log_in
from tests.conftest import grant, make_user
from tests.deadline_helpers import set_today
from tests.route_helpers import to_state

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# Where to keep screenshots for a person to look at (not part of the test's verdict).
SHOTS = os.environ.get("STEUNWIJZER_SCREENSHOTS")


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, date(2026, 11, 22))


def shoot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def assert_fits(page, width):
    """At this width the page never scrolls sideways (wide tables scroll in their box) and
    no two fields, buttons or links of the forms lie on top of each other."""
    page.set_viewport_size({"width": width, "height": 900})
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= page.evaluate("window.innerWidth"), f"the page is {wide}px wide at {width}"
    overlaps = page.evaluate(
        """() => {
          const boxes = [...document.querySelectorAll(
            'main form .sw-field, main form button, main form a, main .sw-pagination a')]
            .map((el) => [el, el.getBoundingClientRect()])
            .filter(([, r]) => r.width && r.height);
          const hits = [];
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [a, r] = boxes[i], [b, s] = boxes[j];
            if (a.contains(b) || b.contains(a)) continue;
            if (r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1
                && s.top < r.bottom - 1) hits.push(a.outerHTML.slice(0, 60) + ' / '
                + b.outerHTML.slice(0, 60));
          }
          return hits;
        }"""
    )
    assert not overlaps, overlaps


def assert_receipt_heading_inside_its_box(page):
    """The receipt box's heading, of several lines on a phone, lies inside the box's border
    instead of running across its top border."""
    legend, box = page.evaluate(
        """() => {
          const box = document.querySelector('.sw-receipt');
          const border = parseFloat(getComputedStyle(box).borderTopWidth);
          return [box.querySelector('legend').getBoundingClientRect().top,
                  box.getBoundingClientRect().top + border];
        }"""
    )
    assert legend >= box, f"the heading starts {box - legend:.0f}px above the box"


def assert_labels_under_the_caption(page):
    """On a phone the column labels of each table sit right under its caption, not far below
    it because a label out of view wrapped into many lines."""
    gaps = page.evaluate(
        """() => [...document.querySelectorAll('main table')]
          .filter((table) => table.caption && table.caption.getBoundingClientRect().height > 1)
          .map((table) => {
            const caption = table.caption.getBoundingClientRect().bottom;
            const tops = [...table.querySelectorAll('thead th')].map((th) => {
              const label = document.createRange();
              label.selectNodeContents(th);
              return label.getBoundingClientRect();
            }).filter((r) => r.height > 2).map((r) => r.top);
            return Math.min(...tops) - caption;
          })"""
    )
    assert gaps and all(gap < 48 for gap in gaps), gaps


def test_staff_confirm_receipt_in_bulk_and_read_the_matrix(
    page,
    partnership,
    board,
    profile,
    other_profile,
    editor,
    other_editor,
    mr_member,
    officer,
    staff,
    single_school,
):
    other_mr = make_user("mr_vlieger")
    grant(other_mr, Role.MR_MEMBER, school=other_profile.school)
    to_state(profile, "aangeleverd", editor=editor, mr=mr_member, officer=officer)
    to_state(other_profile, "aangeleverd", editor=other_editor, mr=other_mr, officer=officer)
    log_in(page, "swv")
    page.get_by_role("link", name="Overzicht, dekkend aanbod en analyse van SWV Test").click()
    page.get_by_text("2 SOP's aangeleverd en wachten op uw ontvangstbevestiging").wait_for()
    for width in (1280, 390):
        assert_fits(page, width)
        assert_no_axe_violations(page)
        assert_receipt_heading_inside_its_box(page)
        if width == 390:
            assert_labels_under_the_caption(page)
        shoot(page, f"overview-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Ontvangst bevestigen van het SOP van De Regenboog").check()
    page.get_by_label("Ontvangst bevestigen van het SOP van De Vlieger").check()
    page.get_by_role("button", name="Ontvangst bevestigen").click()
    page.get_by_text("Ontvangst bevestigd van 2 SOP's: De Regenboog, De Vlieger.").wait_for()
    assert page.get_by_role("checkbox").count() == 0, "nothing left to confirm"
    assert page.get_by_text("ontvangen 22 november 2026").count() == 2
    assert_no_axe_violations(page)
    shoot(page, "overview-after-receipt-1280")

    # Sorting by a column header keeps the table usable and says which way it is sorted.
    page.get_by_role("link", name="School", exact=True).click()
    page.wait_for_url("**sorteer=school")
    header = page.locator("th[aria-sort=ascending]")
    assert header.inner_text().startswith("School")

    page.get_by_role("link", name="Dekkend aanbod").click()
    matrix = page.locator("#matrix")
    matrix.wait_for()
    assert matrix.locator("th[scope=row]", has_text="Escamp").count() == 1
    assert matrix.get_by_text("geen school").count() > 0, "a gap is in words"
    for width in (1280, 390):
        assert_fits(page, width)
        assert_no_axe_violations(page)
        if width == 390:  # on a desktop a tall label is in view beside the others
            assert_labels_under_the_caption(page)
        shoot(page, f"coverage-{width}")

"""The partnership's cycle: an established SOP holds for `cycle_years` school years and is
checked every year (the evaluation) instead of written anew."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.core.school_year import holds_in, holds_until, school_year_plus
from steunwijzer.organisations.models import Partnership
from steunwijzer.route.todo import todo_rows
from tests.deadline_helpers import set_cycle, set_today
from tests.test_partnership_settings import post as settings_post

TODAY = date(2026, 11, 22)  # school year 2026-2027


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, TODAY)


def test_a_yearly_partnership_asks_for_a_new_sop(editor, last_years_sop):
    [row] = todo_rows(editor, TODAY)
    assert row.actions == ["SOP starten"]
    assert row.holding is None


def test_a_four_yearly_partnership_asks_for_the_yearly_check(
    client, editor, partnership, last_years_sop
):
    set_cycle(partnership, 4)
    [row] = todo_rows(editor, TODAY)
    assert row.actions == ["SOP controleren (jaarlijkse evaluatie)"]
    assert row.state_label == "SOP van 2025-2026, geldt tot en met 2028-2029"
    # Late only with its yearly check, due on 1 September (tests/test_cycle_deadlines.py).
    assert row.check and not row.check.done
    client.force_login(editor)
    html = client.get("/te-doen/").content.decode()
    assert f"/profielen/{last_years_sop.pk}/evaluatie/" in html


def test_the_home_page_offers_the_check_not_a_new_sop(client, editor, partnership, last_years_sop):
    client.force_login(editor)
    assert f"/profielen/nieuw/{last_years_sop.school_id}/" in client.get("/").content.decode()
    set_cycle(partnership, 4)
    html = client.get("/").content.decode()
    assert "Het SOP van 2025-2026 geldt tot en met 2028-2029." in html
    assert f"/profielen/{last_years_sop.pk}/evaluatie/" in html
    assert f"/profielen/nieuw/{last_years_sop.school_id}/" not in html


def test_an_sop_past_its_cycle_asks_for_a_new_one(editor, partnership, last_years_sop):
    set_cycle(partnership, 2)
    assert todo_rows(editor, date(2027, 9, 1))[0].actions == ["SOP starten"]


def test_the_public_page_says_until_when_the_sop_holds(client, partnership, last_years_sop):
    set_cycle(partnership, 4)
    html = client.get("/scholen/12AB/").content.decode()
    assert "geldt tot en met schooljaar 2028-2029" in html
    assert "nog geen profiel gepubliceerd voor schooljaar" not in html


@pytest.mark.parametrize(
    ("value", "message"),
    [(5, "deze waarde hoogstens 4 is"), (0, "deze waarde minstens 1 is")],
)
def test_a_cycle_outside_one_to_four_is_refused_in_dutch(
    client, staff, partnership, value, message
):
    client.force_login(staff)
    response = settings_post(client, partnership, cycle_years=value)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Partnership.objects.get(pk=partnership.pk).cycle_years == 1


def test_staff_set_a_four_yearlyset_cycle(client, staff, partnership):
    client.force_login(staff)
    assert settings_post(client, partnership, cycle_years=4).status_code == 302
    assert Partnership.objects.get(pk=partnership.pk).cycle_years == 4


@given(start=st.integers(2000, 2100), cycle=st.integers(1, 4), later=st.integers(-2, 8))
def test_an_sop_holds_exactly_itsset_cycle(start, cycle, later):
    year = f"{start}-{start + 1}"
    assert holds_in(year, cycle, school_year_plus(year, later)) == (0 <= later < cycle)
    assert holds_until(year, 1) == year

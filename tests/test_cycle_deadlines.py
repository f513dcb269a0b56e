"""Deadlines and reminders follow the partnership's cycle: in a check year the school is due
for the yearly check of the SOP that holds (its own words), never late for a new SOP; in a
full year, and in every year of a yearly cycle, everything is as it was."""

from datetime import date

import pytest
from django.core import mail as outbox

from steunwijzer.notifications.mail import link, summary
from steunwijzer.notifications.models import Notification
from steunwijzer.organisations.models import School
from steunwijzer.profiles.models import Evaluation
from steunwijzer.profiles.services import profile_create
from steunwijzer.route import reminders
from steunwijzer.route.cycle import check_years
from steunwijzer.route.models import ReminderSent
from steunwijzer.route.todo import todo_rows
from tests.deadline_helpers import set_cycle, set_today
from tests.route_helpers import to_state

TODAY = date(2026, 11, 22)  # school year 2026-2027; its default due date was 1 September


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, TODAY)


def _evaluate(profile, day):
    return Evaluation.objects.create(
        profile=profile,
        evaluated_on=day,
        evaluated_by="directeur en IB'er",
        what_changed="Niets",
        why="Het profiel klopt nog.",
        next_evaluation=date(day.year + 1, day.month, 1),
    )


def _kinds(day, **kwargs) -> list[str]:
    return sorted(r.kind for r in reminders.due_reminders(day, **kwargs))


@pytest.mark.parametrize(
    ("cycle", "year", "is_check_year"),
    [
        (1, "2026-2027", False),
        (4, "2025-2026", False),  # the SOP's own year
        (4, "2026-2027", True),
        (4, "2028-2029", True),  # the last year it holds
        (4, "2029-2030", False),  # a new SOP is due
        (2, "2026-2027", True),
        (2, "2027-2028", False),
    ],
)
def test_the_check_years_are_the_years_after_the_sop_within_itsset_cycle(
    partnership, school, last_years_sop, cycle, year, is_check_year
):
    set_cycle(partnership, cycle)
    loaded = School.objects.select_related("board").get(pk=school.pk)
    assert (school.pk in check_years([loaded], year)) == is_check_year


# --- Reminders ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cycle", "day", "kinds"),
    [
        (1, date(2026, 8, 20), ["due_14"]),
        (1, date(2026, 9, 5), ["late"]),
        (4, date(2026, 8, 20), ["check_due_14"]),
        (4, date(2026, 8, 30), ["check_due_3"]),
        (4, date(2026, 9, 5), ["check_late"]),
        (4, date(2028, 9, 5), ["check_late"]),  # 2028-2029: the last check year
        (4, date(2029, 9, 5), ["late"]),  # 2029-2030: a new SOP, late as ever
        (1, date(2027, 9, 5), ["late"]),
    ],
)
def test_reminders_follow_theset_cycle(partnership, last_years_sop, cycle, day, kinds):
    set_cycle(partnership, cycle)
    assert _kinds(day) == kinds


def test_a_check_recorded_this_school_year_ends_the_reminders(partnership, last_years_sop):
    set_cycle(partnership, 4)
    _evaluate(last_years_sop, date(2026, 6, 1))  # last school year's: does not count
    assert _kinds(date(2026, 9, 5)) == ["check_late"]
    _evaluate(last_years_sop, date(2026, 9, 3))
    assert _kinds(date(2026, 9, 5)) == []


def test_a_new_sop_started_in_a_check_year_is_never_late(
    partnership, school, editor, last_years_sop
):
    set_cycle(partnership, 4)
    profile_create(school=school, school_year="2026-2027", user=editor)
    assert _kinds(date(2026, 9, 5)) == ["check_late"]
    _evaluate(last_years_sop, date(2026, 9, 3))
    assert _kinds(date(2026, 9, 5)) == []


def test_the_check_reminder_has_its_own_words_and_leads_to_the_evaluation(
    partnership, last_years_sop, editor, second_editor, mailoutbox
):
    set_cycle(partnership, 4)
    [reminder] = [r for r in reminders.due_reminders(date(2026, 8, 20))]
    assert reminder.subject == (
        "Herinnering: jaarlijkse controle van het SOP van De Regenboog over 12 dagen"
    )
    assert reminders.send_once(reminder, editor)
    body = outbox.outbox[-1].body
    assert (
        "Het schoolondersteuningsprofiel 2025-2026 van De Regenboog geldt tot en met 2028-2029."
        in body
    )
    assert "Er is geen nieuw SOP nodig." in body
    assert f"/profielen/{last_years_sop.pk}/evaluatie/" in body
    notification = Notification.objects.get(recipient=editor, reminder__isnull=False)
    assert summary(notification) == (
        "De jaarlijkse controle 2026-2027 van het SOP van De Regenboog komt eraan."
    )
    assert link(notification) == f"/profielen/{last_years_sop.pk}/evaluatie/"


@pytest.mark.parametrize(
    ("cycle", "kind", "words"),
    [
        (1, "late_by_board_2026-09-05", "Te laat: SOP De Regenboog had op 1 september 2026"),
        (
            4,
            "check_late_by_board_2026-09-05",
            "Te laat: de jaarlijkse controle van het SOP van De Regenboog",
        ),
    ],
)
def test_the_board_reminds_its_late_schools_in_the_words_of_the_year(
    partnership, board, last_years_sop, editor, mailoutbox, cycle, kind, words
):
    set_cycle(partnership, cycle)
    day = date(2026, 9, 5)
    assert reminders.board_remind_late(board=board, today=day) == (1, 0)
    assert ReminderSent.objects.filter(kind=kind).exists()
    assert mailoutbox[-1].subject.startswith(words)
    late = summary(Notification.objects.filter(recipient=editor).latest("pk"))
    assert late.endswith("is te laat." if cycle == 4 else "is te laat bij het bestuur.")


# --- The to-do list, the home page and the overview ---------------------------------------------


def test_a_yearly_cycle_keeps_the_sop_late(client, staff, editor, partnership, last_years_sop):
    [row] = todo_rows(editor, TODAY)
    assert row.late and row.check is None
    client.force_login(staff)
    html = client.get(f"/samenwerkingsverband/{partnership.slug}/overzicht/").content.decode()
    assert "(jaarlijkse controle)" not in html
    assert ">te laat</span>" in html


def test_in_a_check_year_the_overview_shows_the_check_and_its_lateness(
    client, staff, partnership, last_years_sop
):
    set_cycle(partnership, 4)
    client.force_login(staff)
    html = client.get(f"/samenwerkingsverband/{partnership.slug}/overzicht/").content.decode()
    assert "SOP van 2025-2026, geldt tot en met 2028-2029" in html
    assert "1 september 2026 (jaarlijkse controle)" in html
    assert ">controle te laat</span>" in html
    _evaluate(last_years_sop, date(2026, 9, 3))
    html = client.get(f"/samenwerkingsverband/{partnership.slug}/overzicht/").content.decode()
    assert "controle te laat" not in html
    late = client.get(
        f"/samenwerkingsverband/{partnership.slug}/overzicht/?te_laat=1"
    ).content.decode()
    assert "De Regenboog" not in late


def test_in_a_check_year_the_todo_and_home_page_say_when_the_check_is_due(
    client, editor, partnership, last_years_sop
):
    set_cycle(partnership, 4)
    [row] = todo_rows(editor, TODAY)
    assert row.late and row.check and row.actions == ["SOP controleren (jaarlijkse evaluatie)"]
    client.force_login(editor)
    assert "controle te laat" in client.get("/te-doen/").content.decode()
    home = client.get("/").content.decode()
    assert "Jaarlijkse controle uiterlijk: 1 september 2026" in home
    _evaluate(last_years_sop, date(2026, 9, 3))
    [row] = todo_rows(editor, TODAY)
    assert not row.late and row.actions == []
    assert "Dit schooljaar gecontroleerd." in client.get("/").content.decode()


@pytest.mark.parametrize("cycle", [1, 4])
def test_the_analysis_counts_the_late_schools_as_the_overview_rows_do(
    partnership, last_years_sop, cycle
):
    from django.utils import timezone

    from steunwijzer.dashboards.overview import region_state, school_rows, schools_in

    set_cycle(partnership, cycle)
    partnership.refresh_from_db()
    today = timezone.localdate()

    def counted():
        rows = school_rows(schools_in(partnership=partnership), "2026-2027", today, details=False)
        state = region_state(partnership, "2026-2027", today)
        return state["late_count"], sum(r.late for r in rows)

    analysis, overview = counted()
    assert analysis == overview == 1
    _evaluate(last_years_sop, date(2026, 9, 3))
    analysis, overview = counted()
    assert analysis == overview == (1 if cycle == 1 else 0)


# --- A new SOP established or published in a check year ends the check ------------------------


@pytest.fixture
def new_sop(school, editor, mr_member, officer, staff):
    """Make this year's new SOP reach `state` (established or published)."""

    def reach(state):
        profile = profile_create(school=school, school_year="2026-2027", user=editor)
        return to_state(profile, state, editor=editor, mr=mr_member, officer=officer, staff=staff)

    return reach


@pytest.mark.parametrize("state", ["vastgesteld", "gepubliceerd"])
def test_a_new_sop_established_in_a_check_year_ends_the_check(
    client, staff, editor, partnership, board, school, last_years_sop, new_sop, state
):
    from django.utils import timezone

    from steunwijzer.dashboards.overview import region_state

    set_cycle(partnership, 4)
    partnership.refresh_from_db()
    new_sop(state)
    loaded = School.objects.select_related("board").get(pk=school.pk)
    assert check_years([loaded], "2026-2027") == {}
    # No check reminder, from the daily run or from the board.
    assert _kinds(date(2026, 9, 5)) == []
    assert reminders.board_remind_late(board=board, today=date(2026, 9, 5)) == (0, 0)
    # Not late on the to-do list, the home page, the overview or in the analysis.
    [row] = todo_rows(editor, TODAY)
    assert not row.late and row.check is None
    client.force_login(editor)
    assert "te laat</span>" not in client.get("/te-doen/").content.decode()
    assert "te laat</span>" not in client.get("/").content.decode()
    client.force_login(staff)
    html = client.get(f"/samenwerkingsverband/{partnership.slug}/overzicht/").content.decode()
    assert "te laat</span>" not in html
    assert "(jaarlijkse controle)" not in html
    assert region_state(partnership, "2026-2027", timezone.localdate())["late_count"] == 0


def test_a_new_sop_only_written_in_a_check_year_keeps_the_check(
    editor, partnership, school, last_years_sop, new_sop
):
    set_cycle(partnership, 4)
    new_sop("bij_bestuur")
    assert _kinds(date(2026, 9, 5)) == ["check_late"]
    [row] = todo_rows(editor, TODAY)
    assert row.late and row.check


def test_the_home_page_calls_a_new_sop_started_in_a_check_year_late_by_its_check(
    client, editor, staff, partnership, school, last_years_sop
):
    set_cycle(partnership, 4)
    profile_create(school=school, school_year="2026-2027", user=editor)
    client.force_login(editor)
    card = client.get("/").content.decode()
    assert "Jaarlijkse controle uiterlijk: 1 september 2026" in card
    assert ">controle te laat</span>" in card
    assert ">te laat</span>" not in card
    client.force_login(staff)
    table = client.get("/").content.decode()
    assert "1 september 2026 (jaarlijkse controle)" in table
    assert ">controle te laat</span>" in table
    assert ">te laat</span>" not in table

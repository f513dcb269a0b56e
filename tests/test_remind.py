"""`steunwijzer remind`: deadline and waiting reminders, each sent once to each person."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from steunwijzer.organisations.models import Board, Role
from steunwijzer.profiles.services import profile_create
from steunwijzer.route import reminders
from steunwijzer.route.models import ReminderSent
from tests.conftest import grant, make_school, make_user
from tests.deadline_helpers import set_deadline, set_today
from tests.route_helpers import step, to_state

DUE = date(2026, 10, 15)


def remind(*args) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def on(day: date, *args) -> str:
    return remind("--today", day.isoformat(), *args)


def sent_to(mailoutbox) -> list[str]:
    return sorted(address for mail in mailoutbox for address in mail.to)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """Profiles start on 1 September; tests move the clock forward from there."""
    set_today(monkeypatch, date(2026, 9, 1))


@pytest.fixture
def due(partnership, profile, editor, second_editor, mailoutbox):
    """The school's SOP is due on DUE."""
    set_deadline(partnership, DUE)
    return profile


@pytest.mark.parametrize(
    ("days_before", "kind", "phrase"),
    [(14, "due_14", "over twee weken"), (3, "due_3", "over 3 dagen"), (-1, "late", "te laat")],
)
def test_it_reminds_the_editors_once(due, mailoutbox, days_before, kind, phrase):
    output = on(DUE - timedelta(days=days_before))
    assert "2 herinneringen verstuurd, 0 al eerder verstuurd." in output
    assert sent_to(mailoutbox) == ["editor@example.nl", "ib@example.nl"]
    assert all(len(mail.to) == 1 for mail in mailoutbox)
    assert phrase in mailoutbox[0].subject + mailoutbox[0].body
    assert "15 oktober 2026" in mailoutbox[0].body
    assert f"/profielen/{due.pk}/" in mailoutbox[0].body
    assert ReminderSent.objects.filter(kind=kind).count() == 2

    again = on(DUE - timedelta(days=days_before))
    assert "0 herinneringen verstuurd, 2 al eerder verstuurd." in again
    assert len(mailoutbox) == 2


def test_each_editor_gets_a_personal_mail(due, mailoutbox):
    on(DUE - timedelta(days=14))
    bodies = {mail.to[0]: mail.body for mail in mailoutbox}
    assert bodies["editor@example.nl"].startswith("Beste Eva de Directeur,")
    assert bodies["ib@example.nl"].startswith("Beste Ilse Begeleider,")


def test_it_says_nothing_long_before_the_date(due, mailoutbox):
    assert "0 herinneringen verstuurd" in on(DUE - timedelta(days=20))
    assert mailoutbox == []


def test_a_missed_day_is_made_up_without_repeating(due, mailoutbox):
    on(DUE - timedelta(days=10))  # cron did not run on day 14
    assert len(mailoutbox) == 2
    on(DUE - timedelta(days=9))
    on(DUE - timedelta(days=2))  # the 3-day reminder, once
    on(DUE)
    assert [m.to[0] for m in mailoutbox].count("editor@example.nl") == 2
    assert ReminderSent.objects.filter(kind="due_3").count() == 2


def test_the_whole_run_up_sends_three_reminders_each(due, mailoutbox):
    day = DUE - timedelta(days=20)
    while day <= DUE + timedelta(days=10):
        on(day)
        day += timedelta(days=1)
    kinds = sorted(ReminderSent.objects.filter(recipient__username="editor").values_list("kind"))
    assert kinds == [("due_14",), ("due_3",), ("late",)]
    assert len(mailoutbox) == 6


def test_the_boards_own_date_counts(due, board, mailoutbox):
    set_deadline(board.partnership, DUE + timedelta(days=30), board=board)
    assert "0 herinneringen" in on(DUE - timedelta(days=14))
    assert "2 herinneringen" in on(DUE + timedelta(days=16))


def test_a_profile_at_the_board_gets_no_deadline_reminder(
    due, editor, mr_member, officer, mailoutbox
):
    to_state(due, "bij_bestuur", editor=editor, mr=mr_member, officer=officer)
    mailoutbox.clear()
    on(DUE + timedelta(days=1))
    assert "editor@example.nl" not in sent_to(mailoutbox)


# --- A school that has not started its SOP -------------------------------------------------


@pytest.fixture
def unstarted(partnership, school, format_version, editor, second_editor, mailoutbox):
    """The school has no SOP for 2026-2027, which is due on DUE."""
    set_deadline(partnership, DUE)
    return school


@pytest.mark.parametrize(
    ("days_before", "kind", "phrase"),
    [(14, "due_14", "over twee weken"), (3, "due_3", "over 3 dagen"), (-1, "late", "te laat")],
)
def test_a_school_that_has_not_started_is_reminded_once(
    unstarted, team_member, mr_member, officer, mailoutbox, days_before, kind, phrase
):
    output = on(DUE - timedelta(days=days_before))
    assert "2 herinneringen verstuurd, 0 al eerder verstuurd." in output
    assert sent_to(mailoutbox) == ["editor@example.nl", "ib@example.nl"]
    mail = mailoutbox[0]
    assert phrase in mail.subject + mail.body
    assert "15 oktober 2026" in mail.body
    assert "Het SOP voor 2026-2027 is nog niet begonnen. Aan zet: de school." in mail.body
    assert "Start het SOP op de startpagina: http://" in mail.body
    assert "/profielen/" not in mail.body
    records = ReminderSent.objects.filter(kind=kind)
    assert {(r.school, r.school_year, r.profile) for r in records} == {
        (unstarted, "2026-2027", None)
    }
    assert records.count() == 2

    assert "0 herinneringen verstuurd, 2 al eerder verstuurd." in on(
        DUE - timedelta(days=days_before)
    )
    assert len(mailoutbox) == 2


def test_starting_the_sop_does_not_repeat_a_reminder(unstarted, editor, mailoutbox):
    on(DUE - timedelta(days=14))
    profile = profile_create(school=unstarted, school_year="2026-2027", user=editor)
    assert "0 herinneringen verstuurd, 2 al eerder" in on(DUE - timedelta(days=10))
    on(DUE - timedelta(days=3))
    assert len(mailoutbox) == 4
    assert f"/profielen/{profile.pk}/" in mailoutbox[-1].body
    assert ReminderSent.objects.filter(kind="due_3", profile=profile).count() == 2


def test_a_published_sop_ends_the_reminders(
    unstarted, editor, mr_member, officer, staff, mailoutbox
):
    profile = profile_create(school=unstarted, school_year="2026-2027", user=editor)
    to_state(profile, "gepubliceerd", editor=editor, mr=mr_member, officer=officer, staff=staff)
    mailoutbox.clear()
    assert "0 herinneringen verstuurd, 0 al eerder" in on(DUE + timedelta(days=1))


def test_a_school_new_to_steunwijzer_hears_nothing_about_last_year(
    partnership, school, format_version, editor, mailoutbox
):
    """No 2025-2026 SOP here (its date, 1 September 2025, long gone): it was made elsewhere."""
    set_deadline(partnership, DUE)
    profile_create(school=school, school_year="2026-2027", user=editor)
    assert "0 herinneringen verstuurd, 0 al eerder" in on(date(2026, 9, 20))


# --- Around 1 August: the reminders follow the SOP's own school year ---------------------


def test_a_date_of_31_july_is_late_on_1_august(
    partnership, profile, editor, second_editor, mailoutbox
):
    set_deadline(partnership, date(2027, 7, 31))
    set_deadline(partnership, date(2027, 10, 1), school_year="2027-2028")
    on(date(2027, 7, 31))  # due_3: "vandaag"
    mailoutbox.clear()
    output = on(date(2027, 8, 1))
    assert "2 herinneringen verstuurd" in output
    assert mailoutbox[0].subject.startswith("Te laat: SOP De Regenboog had op 31 juli 2027")
    assert "Het schoolondersteuningsprofiel 2026-2027" in mailoutbox[0].body
    assert ReminderSent.objects.filter(kind="late", school_year="2026-2027").count() == 2
    # Until the SOP reaches the board it stays late, but nobody hears it twice.
    assert "0 herinneringen verstuurd, 2 al eerder" in on(date(2027, 9, 15))


@pytest.mark.parametrize(("day", "sent"), [(1, 1), (14, 1), (15, 0)])
def test_a_school_that_never_started_is_late_on_1_august_too(
    partnership, school, format_version, editor, mailoutbox, day, sent
):
    """Made up for two weeks after a date at the very end of the school year, then dropped."""
    set_deadline(partnership, date(2027, 7, 31))
    set_deadline(partnership, date(2027, 10, 1), school_year="2027-2028")
    assert f"{sent} herinnering" in on(date(2027, 8, day))
    if sent:
        assert "Het SOP voor 2026-2027 is nog niet begonnen" in mailoutbox[0].body
        assert "31 juli 2027" in mailoutbox[0].subject


def test_an_early_august_date_is_announced_in_july(
    partnership, profile, editor, mr_member, officer, staff, mailoutbox
):
    """The 2027-2028 SOP cannot be started before 1 August; its date's reminders start anyway."""
    to_state(profile, "gepubliceerd", editor=editor, mr=mr_member, officer=officer, staff=staff)
    set_deadline(partnership, date(2027, 8, 5), school_year="2027-2028")
    mailoutbox.clear()
    assert "0 herinneringen verstuurd" in on(date(2027, 7, 21))
    assert "1 herinnering verstuurd" in on(date(2027, 7, 22))
    assert "over twee weken" in mailoutbox[0].subject
    assert "Het SOP voor 2027-2028 is nog niet begonnen" in mailoutbox[0].body
    assert "U kunt het starten vanaf 1 augustus 2027." in mailoutbox[0].body
    assert "1 herinnering verstuurd" in on(date(2027, 8, 2))
    assert "over 3 dagen" in mailoutbox[1].subject
    assert "U kunt het starten" not in mailoutbox[1].body


@pytest.mark.parametrize(
    ("state", "who"),
    [
        ("bij_bestuur", ["kwaliteit@example.nl"]),
        ("vastgesteld", ["kwaliteit@example.nl"]),
        ("aangeleverd", ["swv@example.nl"]),
    ],
)
def test_last_years_sop_still_waiting_is_reminded_after_1_august(
    monkeypatch, partnership, profile, editor, mr_member, officer, staff, mailoutbox, state, who
):
    set_deadline(partnership, date(2027, 10, 1), school_year="2027-2028")
    set_today(monkeypatch, date(2027, 7, 28))
    to_state(profile, state, editor=editor, mr=mr_member, officer=officer, staff=staff)
    mailoutbox.clear()
    assert "0 herinneringen verstuurd" in on(date(2027, 8, 3))
    assert "1 herinnering verstuurd" in on(date(2027, 8, 4))
    assert sent_to(mailoutbox) == who
    assert "Het schoolondersteuningsprofiel 2026-2027 van De Regenboog is sinds 28 juli 2027" in (
        mailoutbox[0].body
    )


@pytest.mark.parametrize(
    ("state", "who"),
    [
        ("bij_mr", ["mrlid@example.nl"]),
        ("bij_bestuur", ["kwaliteit@example.nl"]),
        ("vastgesteld", ["kwaliteit@example.nl"]),
        ("aangeleverd", ["swv@example.nl"]),
    ],
)
def test_it_reminds_whoever_kept_the_school_waiting_a_week(
    monkeypatch, partnership, profile, editor, mr_member, officer, staff, mailoutbox, state, who
):
    set_deadline(partnership, date(2027, 6, 1))  # far away: no deadline reminders
    set_today(monkeypatch, date(2026, 10, 1))
    to_state(profile, state, editor=editor, mr=mr_member, officer=officer, staff=staff)
    mailoutbox.clear()
    assert "0 herinneringen verstuurd" in on(date(2026, 10, 7))
    output = on(date(2026, 10, 8))
    assert f"{len(who)} herinnering verstuurd" in output
    assert sent_to(mailoutbox) == who
    assert "wacht op u" in mailoutbox[0].subject
    assert "sinds 1 oktober 2026" in mailoutbox[0].body
    assert on(date(2026, 10, 20)).startswith("0 herinneringen verstuurd, 1 al eerder")
    assert len(mailoutbox) == 1


def test_a_new_arrival_in_the_same_state_is_a_new_reminder(
    monkeypatch, partnership, profile, editor, mr_member, officer, mailoutbox
):
    set_deadline(partnership, date(2027, 6, 1))
    set_today(monkeypatch, date(2026, 10, 1))
    to_state(profile, "bij_bestuur", editor=editor, mr=mr_member, officer=officer)
    on(date(2026, 10, 8))
    step(profile, officer, "return_to_school", remarks="Hoofdstuk 3 ontbreekt nog.")
    step(profile, editor, "request_advice")
    step(profile, mr_member, "give_advice", advice="positief")
    set_today(monkeypatch, date(2026, 11, 1))
    step(profile, editor, "submit_to_board")
    mailoutbox.clear()
    on(date(2026, 11, 8))
    assert sent_to(mailoutbox) == ["kwaliteit@example.nl"]
    assert ReminderSent.objects.filter(kind__startswith="waiting_bij_bestuur_").count() == 2


def test_a_dry_run_sends_and_records_nothing(due, mailoutbox):
    output = on(DUE - timedelta(days=14), "--dry-run")
    assert "zou versturen: due_14 → editor@example.nl (De Regenboog)" in output
    assert "2 herinneringen zouden worden verstuurd, 0 al eerder verstuurd." in output
    assert mailoutbox == []
    assert not ReminderSent.objects.exists()
    on(DUE - timedelta(days=14))
    assert "0 herinneringen zouden worden verstuurd, 2 al eerder" in on(
        DUE - timedelta(days=14), "--dry-run"
    )


def test_a_failed_mail_is_not_recorded_and_tried_again(due, monkeypatch, mailoutbox):
    def broken(*args, **kwargs):
        raise OSError("mailserver weg")

    monkeypatch.setattr(reminders, "send_mail", broken)
    with pytest.raises(CommandError, match="2 herinneringen niet verstuurd"):
        on(DUE - timedelta(days=14))
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    set_today(monkeypatch, date(2026, 9, 1))
    assert "2 herinneringen verstuurd" in on(DUE - timedelta(days=14))


def test_a_bad_date_is_refused_in_dutch(db):
    with pytest.raises(CommandError, match="schrijf de datum als JJJJ-MM-DD"):
        remind("--today", "1-9-2026")


def test_a_reminder_another_run_just_sent_is_not_sent_again(due, editor, mailoutbox):
    """Two runs at once: the second one's insert meets the first one's record."""
    reminder = reminders.due_reminders(DUE - timedelta(days=14))[0]
    ReminderSent.objects.create(
        school=due.school, school_year="2026-2027", kind=reminder.kind, recipient=editor
    )
    assert reminders.send_once(reminder, editor) is False
    assert mailoutbox == []
    assert ReminderSent.objects.count() == 1


# --- Queries ------------------------------------------------------------------------------

# profiles, their deadlines, schools, their profiles, the unstarted schools' deadlines,
# memberships, reminders sent before
RUN_QUERIES = 7
# Per e-mail sent: the savepoint around it, the insert, the person's notification of it, its
# release.
SEND_QUERIES = 4


def schools_to_remind(monkeypatch, partnership, board, format_version, count):
    """`count` schools on two boards, each with two editors and an MR member; one school in
    four has not started, one in four waits for its MR, one in four is at its board."""
    boards = [board, Board.objects.create(partnership=partnership, name="Tweede")]
    for b in boards:
        grant(make_user(f"kwaliteit{b.pk}"), Role.BOARD_OFFICER, board=b)
    set_today(monkeypatch, date(2026, 10, 1))
    for n in range(count):
        school = make_school(boards[n % 2], f"{10 + n}ZZ", f"School {n:02}")
        editors = [make_user(f"directie{n}"), make_user(f"ib{n}")]
        for user in editors:
            grant(user, Role.SCHOOL_EDITOR, school=school)
        mr = make_user(f"mr{n}")
        grant(mr, Role.MR_MEMBER, school=school)
        if n % 4 == 0:
            continue
        profile = profile_create(school=school, school_year="2026-2027", user=editors[0])
        officer = boards[n % 2].membership_set.get().user
        state = {1: "concept", 2: "bij_mr", 3: "bij_bestuur"}[n % 4]
        to_state(profile, state, editor=editors[0], mr=mr, officer=officer)
    set_today(monkeypatch, date(2026, 9, 1))


@pytest.mark.parametrize("count", [2, 8])
def test_a_run_costs_the_same_queries_for_any_number_of_schools(
    monkeypatch,
    partnership,
    board,
    format_version,
    mailoutbox,
    django_assert_max_num_queries,
    count,
):
    set_deadline(partnership, date(2026, 10, 20))
    schools_to_remind(monkeypatch, partnership, board, format_version, count)
    day = date(2026, 10, 8)  # the deadline in 12 days, the MR and boards waiting a week

    with django_assert_max_num_queries(RUN_QUERIES):
        dry = on(day, "--dry-run")
    planned = dry.count("zou versturen")
    assert planned >= 2 * count

    with django_assert_max_num_queries(RUN_QUERIES + SEND_QUERIES * planned):
        assert f"{planned} herinneringen verstuurd, 0 al eerder" in on(day)
    assert len(mailoutbox) == planned

    with django_assert_max_num_queries(RUN_QUERIES):
        assert f"0 herinneringen verstuurd, {planned} al eerder" in on(day)

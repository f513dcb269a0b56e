"""`steunwijzer remind`: deadline and waiting reminders, each sent once to each person."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from steunwijzer.profiles.services import profile_create
from steunwijzer.route import reminders
from steunwijzer.route.models import ReminderSent
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


def test_other_school_years_are_left_alone(partnership, school, format_version, editor):
    profile_create(school=school, school_year="2025-2026", user=editor)
    assert "0 herinneringen verstuurd, 0 al eerder" in on(date(2026, 9, 20))


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

"""The stored SOP-check summary: written when the profile, the partnership's lists or the
school's Invulschema is saved, never when a page is shown; shown only while current."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from steunwijzer.dashboards.overview import check_summaries
from steunwijzer.instruments.diversity.services import invulschema_save
from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check import report as check_report
from steunwijzer.quality_check.models import CheckSettings, CheckSummary
from steunwijzer.quality_check.report import check_profile
from tests.deadline_helpers import set_today
from tests.route_helpers import fill


def _expected(profile):
    report = check_profile(Profile.objects.get(pk=profile.pk))
    return (len(report.blocking), len(report.warnings), report.counts_by_check())


GROUPS = ("1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b", "5", "6", "7", "8")


def _stored(profile):
    summary = CheckSummary.objects.get(profile=profile)
    return (summary.blocking, summary.warnings, summary.counts)


def _row(page: str, school_name: str) -> str:
    start = page.index(school_name)
    return page[start : page.index("</tr>", start)]


def test_a_new_profile_has_the_summary_of_its_first_version(profile):
    summary = CheckSummary.objects.get(profile=profile)
    assert (summary.version, summary.format_version_id) == (0, profile.format_version_id)
    assert _stored(profile) == _expected(profile)
    assert summary.blocking > 0  # an empty profile misses its mandatory chapters


def test_saving_the_profile_stores_the_summary_of_the_new_version(profile, editor):
    fill(profile, editor)
    profile.refresh_from_db()
    assert CheckSummary.objects.get(profile=profile).version == profile.version == 1
    assert _stored(profile) == _expected(profile)


def test_showing_the_editor_checks_but_stores_nothing(client, editor, profile):
    CheckSummary.objects.filter(profile=profile).delete()
    client.force_login(editor)
    chapter = profile.chapters[0].key
    response = client.get(reverse("profile_chapter", args=[profile.pk, chapter]))
    assert response.status_code == 200 and "SOP-check" in response.content.decode()
    assert not CheckSummary.objects.filter(profile=profile).exists()


def test_an_autosave_checks_the_saved_version_once(client, editor, profile, monkeypatch):
    checked = []
    real = check_report._check

    def spy(p, *args):
        checked.append(p.version)
        return real(p, *args)

    monkeypatch.setattr(check_report, "_check", spy)
    client.force_login(editor)
    response = client.post(
        reverse("profile_autosave", args=[profile.pk, "extra_ondersteuning"]),
        {"base_version": 0, "f-arrangementen": "Indien mogelijk helpen wij."},
    )
    assert response.status_code == 200 and "Vage formulering" in response.content.decode()
    assert checked == [1]  # on saving; the answer shows the same report
    assert CheckSummary.objects.get(profile=profile).version == 1


def test_a_stale_summary_is_never_shown_nor_replaced_by_a_page(
    client, officer, editor, profile, school
):
    empty = CheckSummary.objects.get(profile=profile)
    fill(profile, editor)
    expected = _expected(profile)
    assert (empty.blocking, empty.counts) != (expected[0], expected[2])
    # As if the summary of the new version had never been stored.
    CheckSummary.objects.filter(profile=profile).update(
        version=empty.version, blocking=empty.blocking, counts=empty.counts
    )

    client.force_login(officer)
    page = client.get(reverse("board_overview", args=[school.board_id])).content.decode()

    assert f"{expected[0]} blokkerend, {expected[1]} aandachtspunten" in _row(page, school.name)
    summary = CheckSummary.objects.get(profile=profile)
    assert (summary.version, summary.blocking) == (empty.version, empty.blocking)


def test_the_overviews_read_stored_summaries_without_running_the_check(
    monkeypatch, profile, other_profile
):
    expected = {p.pk: _expected(p) for p in (profile, other_profile)}

    def no_check(*args, **kwargs):
        raise AssertionError("the check ran although its summary was stored")

    monkeypatch.setattr(check_report, "_check", no_check)
    profiles = list(Profile.objects.filter(pk__in=expected).select_related("school__board"))
    assert check_summaries(profiles) == expected


def test_only_profiles_without_a_current_summary_are_checked(monkeypatch, profile, other_profile):
    CheckSummary.objects.filter(profile=other_profile).delete()
    expected = _expected(other_profile)
    checked = []
    real = check_report._check

    def spy(p, *args):
        checked.append(p.pk)
        return real(p, *args)

    monkeypatch.setattr(check_report, "_check", spy)
    assert check_summaries([profile, other_profile])[other_profile.pk] == expected
    assert checked == [other_profile.pk]
    assert not CheckSummary.objects.filter(profile=other_profile).exists()


def test_changing_the_partnerships_lists_makes_its_summaries_again(
    profile, other_profile, editor, partnership
):
    fill(profile, editor)
    before = _stored(profile)
    settings, _ = CheckSettings.objects.get_or_create(partnership=partnership)
    settings.vague_phrases = "eigen leerlijn"  # in every long answer `fill` gives
    settings.save()
    for p in (profile, other_profile):
        assert _stored(p) == _expected(p)
    assert _stored(profile) != before


def test_changing_the_invulschema_makes_the_summary_of_that_year_again(
    client, monkeypatch, officer, editor, profile, school
):
    set_today(monkeypatch, date(2026, 12, 1))  # in the profile's school year 2026-2027
    fill(profile, editor)  # eight groups

    def save_groups(groups, school_year=profile.school_year):
        invulschema_save(
            school=school,
            school_year=school_year,
            counts={group: {"geen": 25} for group in GROUPS[:groups]},
            user=editor,
            update_pupil_count=True,
        )

    save_groups(8)
    agreeing = _stored(profile)
    assert agreeing == _expected(profile)
    client.force_login(officer)
    overview = reverse("board_overview", args=[school.board_id])
    shown = f"{agreeing[0]} blokkerend, {agreeing[1]} aandachtspunten"
    assert shown in _row(client.get(overview).content.decode(), school.name)

    save_groups(9)  # the SOP still says eight: the numbers disagree now

    stored = _stored(profile)
    assert stored == _expected(profile)
    assert stored[1] == agreeing[1] + 1
    shown = f"{stored[0]} blokkerend, {stored[1]} aandachtspunten"
    assert shown in _row(client.get(overview).content.decode(), school.name)

    save_groups(12, school_year="2025-2026")  # another year's figures leave this SOP alone
    assert _stored(profile) == stored


@pytest.mark.django_db
def test_the_command_stores_a_summary_for_every_profile_without_one(
    capsys, editor, profile, other_profile
):
    fill(profile, editor)
    CheckSummary.objects.all().delete()  # as before summaries were stored on saving
    call_command("check_summaries")
    assert "2 profielen gecontroleerd" in capsys.readouterr().out
    for p in Profile.objects.filter(pk__in=[profile.pk, other_profile.pk]):
        summary = CheckSummary.objects.get(profile=p)
        assert summary.version == p.version
        assert (summary.blocking, summary.warnings, summary.counts) == _expected(p)

    call_command("check_summaries")
    assert "0 profielen gecontroleerd" in capsys.readouterr().out
    call_command("check_summaries", "--alle")
    assert "2 profielen gecontroleerd" in capsys.readouterr().out


def test_a_new_pupil_count_from_the_invulschema_makes_every_years_summary_again(
    monkeypatch, editor, profile, school
):
    """The check holds every year's SOP against the school's pupil count."""
    from steunwijzer.profiles.services import profile_create, profile_update

    set_today(monkeypatch, date(2026, 12, 1))  # in the profile's school year 2026-2027
    earlier = profile_create(school=school, school_year="2025-2026", user=editor)
    fill(earlier, editor)  # eight groups
    earlier.refresh_from_db()
    profile_update(
        profile_id=earlier.pk,
        user=editor,
        base_version=earlier.version,
        changes={"gemiddelde_groepsgrootte": 25},  # eight of 25: 200 pupils
    )

    def save_groups(groups):
        invulschema_save(
            school=school,
            school_year=profile.school_year,
            counts={group: {"geen": 25} for group in GROUPS[:groups]},
            user=editor,
            update_pupil_count=True,
        )

    save_groups(8)
    agreeing = _stored(earlier)
    assert agreeing == _expected(earlier)
    save_groups(12)  # 300 pupils: eight groups of the SOP's average no longer add up
    school.refresh_from_db()
    assert school.pupil_count == 300
    stored = _stored(earlier)
    assert stored == _expected(earlier) and stored != agreeing

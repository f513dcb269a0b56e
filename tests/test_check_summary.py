"""The stored SOP-check summary: written whenever the check runs, shown only while current."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from steunwijzer.dashboards.overview import check_summaries
from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check import report as check_report
from steunwijzer.quality_check.models import CheckSettings, CheckSummary
from steunwijzer.quality_check.report import check_profile
from tests.route_helpers import fill


def _expected(profile):
    report = check_profile(profile)
    return (len(report.blocking), len(report.warnings), report.counts_by_check())


def _row(page: str, school_name: str) -> str:
    start = page.index(school_name)
    return page[start : page.index("</tr>", start)]


def test_running_the_check_stores_its_summary(profile):
    report = check_profile(profile)
    summary = CheckSummary.objects.get(profile=profile)
    assert summary.version == profile.version
    assert summary.format_version_id == profile.format_version_id
    assert (summary.blocking, summary.warnings) == (len(report.blocking), len(report.warnings))
    assert summary.counts == report.counts_by_check()
    assert summary.blocking > 0  # an empty profile misses its mandatory chapters


def test_the_editor_page_stores_the_summary_of_the_version_it_shows(client, editor, profile):
    fill(profile, editor)
    profile.refresh_from_db()
    client.force_login(editor)
    chapter = profile.chapters[0].key
    assert client.get(reverse("profile_chapter", args=[profile.pk, chapter])).status_code == 200
    summary = CheckSummary.objects.get(profile=profile)
    assert summary.version == profile.version
    assert (summary.blocking, summary.warnings, summary.counts) == _expected(profile)


def test_a_stale_summary_is_never_shown(client, officer, editor, profile, school):
    check_profile(profile)
    empty = CheckSummary.objects.get(profile=profile)
    fill(profile, editor)  # a new version: the stored counts are for the old one
    profile.refresh_from_db()
    expected = _expected(Profile.objects.get(pk=profile.pk))
    assert (empty.blocking, empty.counts) != (expected[0], expected[2])
    CheckSummary.objects.filter(profile=profile).update(
        version=empty.version, blocking=empty.blocking, counts=empty.counts
    )

    client.force_login(officer)
    page = client.get(reverse("board_overview", args=[school.board_id])).content.decode()

    assert f"{expected[0]} blokkerend, {expected[1]} aandachtspunten" in _row(page, school.name)
    summary = CheckSummary.objects.get(profile=profile)
    assert (summary.version, summary.blocking, summary.counts) == (
        profile.version,
        expected[0],
        expected[2],
    )


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
    check_profile(profile)
    checked = []
    real = check_report._check

    def spy(p, *args):
        checked.append(p.pk)
        return real(p, *args)

    monkeypatch.setattr(check_report, "_check", spy)
    check_summaries([profile, other_profile])
    assert checked == [other_profile.pk]
    assert CheckSummary.objects.get(profile=other_profile).version == other_profile.version


def test_changing_the_partnerships_lists_drops_its_summaries(profile, partnership):
    check_profile(profile)
    settings, _ = CheckSettings.objects.get_or_create(partnership=partnership)
    settings.vague_phrases = "zo goed mogelijk"
    settings.save()
    assert not CheckSummary.objects.filter(profile=profile).exists()


@pytest.mark.django_db
def test_the_command_stores_a_summary_for_every_profile_without_one(
    capsys, editor, profile, other_profile
):
    check_profile(profile)
    fill(profile, editor)  # its summary is now stale
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

"""The partnership analysis's figures, pinned for a small region: the page counts in the
database and keeps the instruments' figures per content version, and must show the same."""

import re
from collections import Counter
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from steunwijzer.dashboards.overview import check_summaries
from steunwijzer.instruments.diversity.services import invulschema_save
from steunwijzer.instruments.ijk.rules import ScoreInput
from steunwijzer.instruments.ijk.services import scores_save
from steunwijzer.organisations.models import Role
from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check.findings import CHECKS
from steunwijzer.quality_check.models import CheckSummary
from steunwijzer.route.models import Deadline
from tests.conftest import grant
from tests.deadline_helpers import set_deadline, set_today
from tests.route_helpers import to_state

YEAR = "2026-2027"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, date(2026, 11, 22))


@pytest.fixture
def region(
    partnership,
    board,
    school,
    other_school,
    single_school,
    format_version,
    profile,
    other_profile,
    editor,
    other_editor,
    mr_member,
    officer,
):
    """Three schools: one SOP established this year, one in concept under a board whose own
    due date is still to come, one school without an SOP (late); the instruments this year and
    the years before, and profiles of earlier years (one established, one not)."""
    grant(editor, Role.SCHOOL_EDITOR, school=single_school)
    to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)
    set_deadline(partnership, date(2026, 12, 15), board=board)
    for s, year, state in (
        (other_school, "2025-2026", "gepubliceerd"),
        (single_school, "2025-2026", "vastgesteld"),
        (school, "2024-2025", "concept"),
    ):
        Profile.objects.create(
            school=s, school_year=year, state=state, format_version=format_version
        )
    for s, year, scores in (
        (school, YEAR, (2, 3)),
        (other_school, YEAR, (4, 3)),
        (single_school, YEAR, (3, 3)),
        (other_school, "2025-2026", (4, 4)),
        (school, "2023-2024", (1, 2)),
    ):
        scores_save(
            school=s,
            school_year=year,
            user=editor if s != other_school else other_editor,
            scores={
                code: ScoreInput(n, "toelichting")
                for code, n in zip(("OP1", "OP2"), scores, strict=True)
            },
        )
    for s, year, counts in (
        (school, YEAR, {"1": {"geen": 20, "basis": 4}, "2": {"geen": 18, "tlv": 2}}),
        (other_school, YEAR, {"1": {"geen": 25}, "3": {"geen": 20, "extra": 5}}),
        (single_school, "2025-2026", {"1": {"geen": 10, "extra": 10}}),
    ):
        invulschema_save(school=s, school_year=year, update_pupil_count=True, counts=counts)
    return partnership


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def tables(html: str) -> list[list[str]]:
    """Each table of the page as its rows, a row's cells joined by " | "."""
    return [
        [
            " | ".join(_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S))
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
        ]
        for table in re.findall(r"<table.*?</table>", html, re.S)
    ]


FIGURES = [
    [
        "Gemiddelde score | Scholen",
        "1 tot 1,5 | 0",
        "1,5 tot 2 | 0",
        "2 tot 2,5 | 0",
        "2,5 tot 3 | 1",
        "3 tot 3,5 | 1",
        "3,5 tot 4 | 1",
    ],
    [
        "Index | Scholen",
        "1 tot 1,1 | 0",
        "1,1 tot 1,2 | 2",
        "1,2 tot 1,3 | 0",
        "1,3 tot 1,4 | 0",
        "1,4 tot 1,5 | 0",
        "1,5 tot 1,6 | 0",
    ],
    [
        "Soort | Bevindingen",
        "Compleet | 13",
        "Concreet | 4",
        "Leesbaar (B1) | 20",
        "Bondig | 0",
        "Eigen | 0",
    ],
    [
        "Schooljaar | Vastgestelde SOP's",
        "2021-2022 | 0",
        "2022-2023 | 0",
        "2023-2024 | 0",
        "2024-2025 | 0",
        "2025-2026 | 2",
        "2026-2027 | 1",
    ],
    [
        "Schooljaar | IJK",
        "2021-2022 | \N{EN DASH}",
        "2022-2023 | \N{EN DASH}",
        "2023-2024 | 1,50",
        "2024-2025 | \N{EN DASH}",
        "2025-2026 | 4,00",
        "2026-2027 | 3,00",
    ],
    [
        "Schooljaar | Verscheidenheidsindex",
        "2021-2022 | \N{EN DASH}",
        "2022-2023 | \N{EN DASH}",
        "2023-2024 | \N{EN DASH}",
        "2024-2025 | \N{EN DASH}",
        "2025-2026 | 1,50",
        "2026-2027 | 1,14",
    ],
]


def test_the_partnership_analysis_shows_the_regions_figures(client, staff, region):
    client.force_login(staff)
    html = client.get(reverse("partnership_analysis", args=[region.slug])).content.decode()
    assert "3 scholen; 1 SOP's vastgesteld; 1 te laat." in _text(html)
    assert tables(html) == FIGURES


def test_the_figures_follow_a_change_at_once(client, staff, region, board, single_school, editor):
    """What the page keeps is keyed on the partnership's content version, and the route's
    states and due dates are counted afresh: a new score and a due date moved forward both show
    at once."""
    client.force_login(staff)
    url = reverse("partnership_analysis", args=[region.slug])
    client.get(url)
    scores_save(
        school=single_school,
        school_year=YEAR,
        user=editor,
        scores={"OP1": ScoreInput(2, "toelichting"), "OP2": ScoreInput(2, "toelichting")},
    )
    Deadline.objects.filter(board=board).update(due_on=date(2026, 11, 1))
    html = client.get(url).content.decode()
    assert "3 scholen; 1 SOP's vastgesteld; 2 te laat." in _text(html)
    figures = tables(html)
    assert figures[0][3:] == ["2 tot 2,5 | 1", "2,5 tot 3 | 1", "3 tot 3,5 | 0", "3,5 tot 4 | 1"]
    assert figures[4][-1] == "2026-2027 | 2,67"


def test_a_profile_without_a_current_summary_is_checked_for_the_totals(client, staff, region):
    """Saved before summaries were stored (or under an older version): checked on the spot,
    as the overview's rows are (`check_summaries`); the page stores nothing."""
    CheckSummary.objects.filter(profile__school_year=YEAR).delete()
    totals = Counter()
    for _blocking, _warnings, counts in check_summaries(
        list(Profile.objects.filter(school_year=YEAR))
    ).values():
        totals.update(counts)
    client.force_login(staff)
    html = client.get(reverse("partnership_analysis", args=[region.slug])).content.decode()
    labels = ["Compleet", "Concreet", "Leesbaar (B1)", "Bondig", "Eigen"]
    assert tables(html)[2][1:] == [
        f"{label} | {totals[k]}" for label, k in zip(labels, CHECKS, strict=True)
    ]
    assert not CheckSummary.objects.filter(profile__school_year=YEAR).exists()

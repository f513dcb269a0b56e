"""The demo's allocation scenarios: last year's and this year's division of the largest
board's arrangement budget, and the partnership's own staff hours, so the overviews have
something to compare. Computed from the demo's Verscheidenheidsindex like a user would."""

from decimal import Decimal

from steunwijzer.core.school_year import previous_school_year
from steunwijzer.dashboards.scenarios import Inputs, compute, scenario_save
from steunwijzer.organisations.models import School
from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check.report import summaries_refresh, without_current_summary

LARGEST_BOARD = "kansrijk"


def build_dashboards_demo(*, partnership, boards, people, school_year, today) -> str:
    board = boards[LARGEST_BOARD]
    board_schools = list(School.objects.filter(board=board).select_related("board"))
    all_schools = list(School.objects.filter(board__partnership=partnership))
    plans = [
        (
            board,
            board_schools,
            people["kwaliteit"],
            previous_school_year(school_year),
            Inputs("Arrangementen", "euro", "punten", Decimal(240000), Decimal(15000)),
        ),
        (
            board,
            board_schools,
            people["kwaliteit"],
            school_year,
            Inputs("Arrangementen", "euro", "punten", Decimal(252000), Decimal(15000)),
        ),
        (
            board,
            board_schools,
            people["kwaliteit"],
            school_year,
            Inputs("Extra formatie", "fte", "leerlingen", Decimal("3.50"), Decimal(0)),
        ),
        (
            None,
            all_schools,
            people["swv"],
            school_year,
            Inputs("Uren ondersteuningsteam", "uren", "punten", Decimal(1600), Decimal(40)),
        ),
    ]
    for owner, schools, user, year, inputs in plans:
        _, result = compute(schools, year, inputs)
        scenario_save(
            partnership=partnership,
            board=owner,
            school_year=year,
            inputs=inputs,
            result=result,
            user=user,
            today=today,
        )
    # As after an upgrade: the overviews then read stored SOP-check counts from the start.
    profiles = Profile.objects.filter(school__board__partnership=partnership)
    checked = summaries_refresh(profiles=profiles.filter(pk__in=without_current_summary(profiles)))
    return (
        f"{len(plans)} verdelingen bewaard (bestuur en samenwerkingsverband); "
        f"SOP-check van {checked} profielen bewaard."
    )

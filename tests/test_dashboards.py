"""Board and partnership overviews: who sees what, what they show, and their exports."""

import csv
import io
from datetime import date
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from steunwijzer.dashboards.models import AllocationScenario
from steunwijzer.organisations.models import Board
from steunwijzer.profiles.services import profile_create
from steunwijzer.route.models import ReminderSent
from tests.conftest import make_school
from tests.deadline_helpers import set_deadline, set_today
from tests.route_helpers import to_state

TODAY = date(2026, 11, 22)
# The quotes around a value from the query in a notice.
L, R = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, TODAY)


def board_pages(board):
    return [
        reverse("board_overview", args=[board.pk]),
        reverse("board_overview_export", args=[board.pk, "csv"]),
        reverse("board_overview_export", args=[board.pk, "xlsx"]),
        reverse("board_analysis", args=[board.pk]),
        reverse("board_analysis_export", args=[board.pk, "csv"]),
        reverse("board_analysis_export", args=[board.pk, "xlsx"]),
        reverse("board_allocation", args=[board.pk]),
    ]


def partnership_pages(partnership):
    slug = partnership.slug
    return [
        reverse("partnership_overview", args=[slug]),
        reverse("partnership_overview_export", args=[slug, "csv"]),
        reverse("partnership_overview_export", args=[slug, "xlsx"]),
        reverse("coverage", args=[slug]),
        reverse("coverage_export", args=[slug, "csv"]),
        reverse("coverage_export", args=[slug, "xlsx"]),
        reverse("partnership_analysis", args=[slug]),
        reverse("partnership_analysis_export", args=[slug, "csv"]),
        reverse("partnership_analysis_export", args=[slug, "xlsx"]),
        reverse("partnership_report_pdf", args=[slug]),
        reverse("partnership_allocation", args=[slug]),
    ]


PERSONAS = [
    "officer",
    "other_officer",
    "staff",
    "other_staff",
    "editor",
    "mr_member",
    "outsider",
    "anonymous",
]
BOARD_ALLOWED = {"officer"}
PARTNERSHIP_ALLOWED = {"staff"}


def _get(client, request, persona, url):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    return client.get(url)


def _expect(response, allowed):
    if allowed:
        assert response.status_code == 200, response.content[:300]
    elif response.status_code == 302:
        assert "/inloggen/" in response["Location"] or "login" in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_board_pages_allow_only_the_boards_officer(
    client, request, board, profile, single_school, persona
):
    for url in board_pages(board):
        _expect(_get(client, request, persona, url), persona in BOARD_ALLOWED)


@pytest.mark.parametrize("persona", PERSONAS)
def test_partnership_pages_allow_only_its_staff(
    client, request, partnership, profile, single_school, persona
):
    for url in partnership_pages(partnership):
        _expect(_get(client, request, persona, url), persona in PARTNERSHIP_ALLOWED)


def test_a_platform_admin_sees_both(client, board, partnership, profile):
    from steunwijzer.organisations.models import Role
    from tests.conftest import grant, make_user

    admin = make_user("beheer")
    grant(admin, Role.PLATFORM_ADMIN)
    client.force_login(admin)
    for url in board_pages(board) + partnership_pages(partnership)[:4]:
        assert client.get(url).status_code == 200


def test_an_officer_sees_only_the_boards_schools(client, officer, board, profile, single_school):
    client.force_login(officer)
    page = client.get(reverse("board_overview", args=[board.pk])).content.decode()
    assert "De Regenboog" in page
    assert "Het Baken" not in page


def test_the_board_overview_says_which_school_is_late_and_links_to_it(
    client, officer, board, partnership, profile, other_school
):
    set_deadline(partnership, date(2026, 10, 1))
    client.force_login(officer)
    page = client.get(reverse("board_overview", args=[board.pk])).content.decode()
    assert reverse("profile_route", args=[profile.pk]) in page
    assert page.count("te laat</span>") == 2  # De Regenboog late, De Vlieger not started
    only_late = client.get(reverse("board_overview", args=[board.pk]), {"te_laat": "0"})
    assert "De Regenboog" not in only_late.content.decode()


def test_the_overview_shows_advice_establishment_and_delivery(
    client, officer, staff, board, editor, mr_member, profile
):
    to_state(profile, "ontvangen", editor=editor, mr=mr_member, officer=officer, staff=staff)
    client.force_login(staff)
    response = client.get(reverse("partnership_overview_export", args=["testregio", "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header = rows[1]
    row = dict(zip(header, rows[2], strict=True))
    assert row["Status"] == "ontvangen"
    assert row["MR-advies"] == "positief"
    assert row["Vastgesteld op"] == TODAY.isoformat()
    assert row["Aangeleverd op"] == TODAY.isoformat()
    page = client.get(reverse("partnership_overview", args=["testregio"])).content.decode()
    advice = profile.transitions.get(action="give_advice")
    # The advice's and the receipt's dates come as ISO text in their steps: shown as dates.
    assert "positief (22 november 2026)" in page
    assert "ontvangen 22 november 2026" in page
    assert f'href="{reverse("transition_statement", args=[profile.pk, advice.pk])}"' in page
    assert f'href="{reverse("profile_route", args=[profile.pk])}"' in page


def test_the_xlsx_export_holds_dates_as_date_cells(
    client, officer, staff, board, editor, mr_member, profile
):
    to_state(profile, "ontvangen", editor=editor, mr=mr_member, officer=officer, staff=staff)
    client.force_login(staff)
    response = client.get(reverse("partnership_overview_export", args=["testregio", "xlsx"]))
    ws = load_workbook(io.BytesIO(response.content)).worksheets[0]
    at = next(row for row in range(1, 6) if ws.cell(row=row, column=1).value == "School")
    header = [c.value for c in ws[at]]
    for column in ("Advies op", "Vastgesteld op", "Aangeleverd op", "Ontvangen op"):
        cell = ws.cell(row=at + 1, column=header.index(column) + 1)
        assert cell.is_date and cell.value.date() == TODAY, column
        assert cell.number_format == "d-m-yyyy"


def test_the_partnership_overview_filters_by_board_municipality_and_district(
    client, staff, partnership, profile, other_school, single_school
):
    client.force_login(staff)
    url = reverse("partnership_overview", args=[partnership.slug])
    assert "Het Baken" not in client.get(url, {"wijk": "Escamp"}).content.decode()
    page = client.get(url, {"gemeente": "Rijswijk"}).content.decode()
    assert "Het Baken" in page and "De Regenboog" not in page
    page = client.get(url, {"bestuur": single_school.board_id}).content.decode()
    assert "Het Baken" in page and "De Vlieger" not in page


def test_without_reminders_the_overview_says_so_for_the_year_or_for_the_selection(
    client, staff, partnership, profile
):
    client.force_login(staff)
    url = reverse("partnership_overview", args=[partnership.slug])
    whole = client.get(url).content.decode()
    assert "Dit schooljaar zijn nog geen herinneringen verstuurd." in whole
    # Under a filter the list covers the schools shown, not the year: it says that.
    chosen = client.get(url, {"status": "aangeleverd"}).content.decode()
    assert "Dit schooljaar zijn nog geen herinneringen verstuurd." not in chosen
    assert "Aan de scholen in deze selectie zijn dit schooljaar geen herinneringen" in chosen
    # An empty selection (after confirming every receipt) is no dead end.
    assert 'Geen scholen met dit filter. <a class="utrecht-link" href="?">Alle scholen tonen' in (
        chosen
    )


def test_staff_of_another_partnership_gets_no_scenario(client, other_staff, officer, board):
    scenario = AllocationScenario.objects.create(
        partnership=board.partnership,
        board=board,
        school_year="2026-2027",
        name="x",
        unit="euro",
        basis="leerlingen",
        total=10,
        fixed_base=0,
        result={"schools": [], "steps": []},
        created_on=TODAY,
    )
    client.force_login(other_staff)
    assert client.get(reverse("allocation_scenario", args=[scenario.pk])).status_code == 403
    client.force_login(officer)
    assert client.get(reverse("allocation_scenario", args=[scenario.pk])).status_code == 200


def test_an_unknown_export_format_is_not_found(client, officer, board):
    client.force_login(officer)
    assert client.get(reverse("board_overview_export", args=[board.pk, "pdf"])).status_code == 404


def _schools(partnership, count, start=0):
    boards = [Board.objects.create(partnership=partnership, name=f"Bestuur {i}") for i in range(3)]
    for n in range(start, start + count):
        school = make_school(
            boards[n % 3],
            f"{10 + n}QQ",
            f"School {n:02}",
            district=["Escamp", "Centrum", "Laak"][n % 3],
        )
        if n % 2:
            profile_create(school=school, school_year="2026-2027", user=None)
    return boards


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "name", ["partnership_overview", "coverage", "partnership_analysis", "partnership_allocation"]
)
def test_partnership_pages_do_not_query_per_school(client, staff, format_version, name):
    partnership = format_version.partnership
    client.force_login(staff)
    _schools(partnership, 3)
    url = reverse(name, args=[partnership.slug])
    client.get(url)  # fills the SOP-check cache
    few = _queries(client, url)
    _schools(partnership, 30, start=3)
    client.get(url)
    assert _queries(client, url) == few


def test_the_header_links_an_officer_to_the_board_overview(client, officer, editor, board):
    client.force_login(officer)
    assert (
        reverse("board_overview", args=[board.pk]) in client.get(reverse("todo")).content.decode()
    )
    client.force_login(editor)
    assert "Bestuursoverzicht" not in client.get(reverse("todo")).content.decode()


def test_the_header_links_staff_to_their_partnership_overview(
    client, staff, officer, partnership, board
):
    client.force_login(staff)
    page = client.get(reverse("todo")).content.decode()
    assert reverse("partnership_overview", args=[partnership.slug]) in page
    assert "Overzicht samenwerkingsverband" in page
    client.force_login(officer)
    assert "Overzicht samenwerkingsverband" not in client.get(reverse("todo")).content.decode()


def test_the_home_page_links_staff_to_the_partnership_overview(client, staff, partnership):
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert reverse("partnership_overview", args=[partnership.slug]) in page


@pytest.mark.parametrize("name", ["board_overview", "board_analysis", "board_allocation"])
def test_board_pages_do_not_query_per_school(client, officer, board, format_version, name):
    client.force_login(officer)

    def add(count, start):
        for n in range(start, start + count):
            school = make_school(board, f"{10 + n}KK", f"School {n:02}")
            if n % 2:
                profile_create(school=school, school_year="2026-2027", user=None)

    add(3, 0)
    url = reverse(name, args=[board.pk])
    client.get(url)
    few = _queries(client, url)
    add(27, 3)
    client.get(url)
    assert _queries(client, url) == few


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ({"bestuur": "abc"}, f"{L}abc{R} is geen bestuur uit de lijst; dat filter is weggelaten."),
        ({"bestuur": "1.5"}, f"{L}1.5{R} is geen bestuur"),
        ({"bestuur": "9" * 23}, "is geen bestuur"),
        ({"bestuur": "12345"}, f"{L}12345{R} is geen bestuur"),
        ({"gemeente": "Nergensdorp"}, f"{L}Nergensdorp{R} is geen gemeente uit de lijst"),
        ({"wijk": "Escamp\x00"}, "is geen wijk uit de lijst"),
        ({"status": "bestaat_niet"}, f"{L}bestaat_niet{R} is geen status uit de lijst"),
        ({"wijk": "x" * 300}, f"{L}" + "x" * 40 + f"…{R} is geen wijk"),
    ],
)
def test_it_leaves_out_a_filter_value_that_is_not_offered_and_says_so(
    client, staff, partnership, profile, other_school, single_school, query, notice
):
    client.force_login(staff)
    response = client.get(reverse("partnership_overview", args=[partnership.slug]), query)
    page = response.content.decode()
    assert response.status_code == 200
    assert escape(notice) in page
    assert "De Regenboog" in page and "Het Baken" in page
    export = client.get(
        reverse("partnership_overview_export", args=[partnership.slug, "csv"]), query
    )
    rows = _csv_rows(export)
    assert export.status_code == 200
    assert {"De Regenboog", "De Vlieger", "Het Baken"} <= {r[0] for r in rows if r}


def test_an_offered_filter_still_narrows_beside_a_dropped_one(
    client, staff, partnership, profile, other_school, single_school, single_board
):
    client.force_login(staff)
    query = {"bestuur": single_board.pk, "gemeente": "Nergensdorp"}
    page = client.get(reverse("partnership_overview", args=[partnership.slug]), query)
    page = page.content.decode()
    assert "Het Baken" in page and "De Regenboog" not in page
    assert "is geen gemeente uit de lijst" in page


def test_it_ignores_a_late_filter_that_is_neither_yes_nor_no(
    client, staff, officer, board, partnership, profile, other_school, single_school
):
    client.force_login(staff)
    url = reverse("partnership_overview", args=[partnership.slug])
    page = client.get(url, {"te_laat": "ja"}).content.decode()
    assert "De Regenboog" in page and "Het Baken" in page
    client.force_login(officer)
    board_page = client.get(reverse("board_overview", args=[board.pk]), {"te_laat": "x"})
    assert "De Regenboog" in board_page.content.decode()


def test_the_board_overview_leaves_out_an_unknown_status_and_says_so(
    client, officer, board, profile
):
    client.force_login(officer)
    response = client.get(reverse("board_overview", args=[board.pk]), {"status": "abc"})
    page = response.content.decode()
    assert response.status_code == 200
    assert escape(f"{L}abc{R} is geen status uit de lijst; dat filter is weggelaten.") in page
    assert "De Regenboog" in page
    export = client.get(reverse("board_overview_export", args=[board.pk, "csv"]), {"status": "x"})
    assert export.status_code == 200 and "De Regenboog" in export.content.decode("utf-8-sig")


def test_the_overview_export_leaves_open_comments_empty_without_a_profile(
    client, officer, board, profile, other_school
):
    client.force_login(officer)
    rows = _csv_rows(client.get(reverse("board_overview_export", args=[board.pk, "csv"])))
    by_school = {r[0]: dict(zip(rows[1], r, strict=True)) for r in rows[2:] if r}
    assert by_school["De Vlieger"]["Open opmerkingen"] == ""  # no profile: not counted
    assert by_school["De Regenboog"]["Open opmerkingen"] == "0"


def test_the_reminders_follow_the_overviews_filters(
    client, staff, partnership, board, single_board, school, single_school, editor
):
    for s in (school, single_school):
        ReminderSent.objects.create(
            school=s, school_year="2026-2027", kind="late", recipient=editor
        )
    client.force_login(staff)
    query = {"bestuur": single_board.pk}
    page = client.get(reverse("partnership_overview", args=[partnership.slug]), query)
    reminders = page.content.decode().split("Verstuurde herinneringen, nieuwste eerst")[1]
    assert "Het Baken" in reminders and "De Regenboog" not in reminders
    url = reverse("partnership_overview_export", args=[partnership.slug, "csv"])
    export = client.get(url, query)
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    sent = rows[rows.index(["Herinneringen"]) + 2 :]
    assert [(r[1], r[3], r[4]) for r in sent] == [("Het Baken", "Eva de Directeur", editor.email)]


def test_a_refusal_points_to_who_invited_you_and_the_partnership(client, other_officer, board):
    partnership = board.partnership
    partnership.contact_email = "info@swv.example"
    partnership.save()
    client.force_login(other_officer)
    response = client.get(reverse("board_overview", args=[board.pk]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Vraag het aan wie u voor Steunwijzer heeft uitgenodigd" in page
    assert 'href="mailto:info@swv.example"' in page
    # An officer of another board is not sent to "the quality officer of your board": themselves.
    assert "kwaliteitsmedewerker van uw bestuur" not in page

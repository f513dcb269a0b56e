"""The analyses: IJK against the averages, the Verscheidenheidsindex side by side and as the
basis of an allocation, the dekkend-aanbod matrix with its gaps, and the PDF report."""

import csv
import io
from datetime import date
from decimal import Decimal
from html import escape
from types import SimpleNamespace

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from steunwijzer.dashboards import report
from steunwijzer.dashboards.coverage import SchoolOffer, matrix, offer_choices
from steunwijzer.dashboards.instruments import (
    diversity_index,
    ijk_by_year,
    ijk_scores,
    index_by_year,
)
from steunwijzer.dashboards.models import AllocationScenario
from steunwijzer.instruments.diversity.services import invulschema_save
from steunwijzer.instruments.ijk.rules import ScoreInput
from steunwijzer.instruments.ijk.services import scores_save
from steunwijzer.organisations.models import Role
from steunwijzer.steunpunt.models import Kind
from steunwijzer.steunpunt.services import message_send
from tests.allocation_helpers import recompute
from tests.conftest import grant, make_school
from tests.deadline_helpers import set_today
from tests.export_helpers import body, header_scopes, ids_and_references, pdf_text
from tests.route_helpers import to_state

TODAY = date(2026, 11, 22)
ESCAMP = "Den Haag \N{EN DASH} Escamp"
GAP = '<td class="sw-num sw-gap"><strong>geen school</strong></td>'
YEAR = "2026-2027"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, TODAY)


@pytest.fixture
def instruments(school, other_school, single_school, editor, other_editor, format_version):
    grant(editor, Role.SCHOOL_EDITOR, school=single_school)
    for s, user, score in (
        (school, editor, 2),
        (other_school, other_editor, 4),
        (single_school, editor, 3),
    ):
        scores_save(
            school=s,
            school_year=YEAR,
            user=user,
            scores={"OP1": ScoreInput(score, "toelichting"), "OP2": ScoreInput(3)},
        )
    invulschema_save(
        school=school,
        school_year=YEAR,
        update_pupil_count=True,
        counts={"1": {"geen": 20, "basis": 4}, "2": {"geen": 18, "tlv": 2}},
    )
    invulschema_save(
        school=other_school,
        school_year=YEAR,
        update_pupil_count=True,
        counts={"1": {"geen": 25}, "3": {"geen": 20, "extra": 5}},
    )


def test_the_board_analysis_compares_ijk_with_board_and_partnership(
    client, officer, board, instruments
):
    client.force_login(officer)
    response = client.get(reverse("board_analysis_export", args=[board.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    by_name = {r[0]: r[1:] for r in rows if r}
    header = rows[1]
    op1 = header.index("OP1")
    # Decimal commas, as Dutch Excel reads a semicolon file.
    number = lambda cell: Decimal(cell.replace(",", "."))  # noqa: E731
    assert by_name["Gemiddelde bestuur"][op1 - 1] == "3,0"  # (2 + 4) / 2
    assert number(by_name["Gemiddelde SWV"][op1 - 1]) == 3  # (2 + 4 + 3) / 3
    page = client.get(reverse("board_analysis", args=[board.pk])).content.decode()
    assert "Verscheidenheidsindex per school" in page and "<svg" in page


def test_an_allocation_by_index_points_divides_over_groups(client, officer, board, instruments):
    client.force_login(officer)
    client.post(
        reverse("board_allocation", args=[board.pk]),
        {"total": "10000", "unit": "euro", "basis": "punten", "fixed_base": "0"},
    )
    scenario = AllocationScenario.objects.get()
    schools = {s["name"]: s for s in scenario.result["schools"]}
    # De Regenboog: 20 + 6 + 18 + 8 = 52 points; De Vlieger: 25 + 20 + 10 = 55 points.
    assert Decimal(schools["De Regenboog"]["weight"]) == 52
    assert Decimal(schools["De Vlieger"]["weight"]) == 55
    groups = schools["De Regenboog"]["groups"]
    assert sum(Decimal(g["amount"]) for g in groups) == Decimal(schools["De Regenboog"]["amount"])


def test_the_group_sheet_recomputes_each_schools_share_over_its_groups(
    client, officer, board, instruments, tmp_path
):
    client.force_login(officer)
    client.post(
        reverse("board_allocation", args=[board.pk]),
        {"total": "10001", "unit": "euro", "basis": "punten", "fixed_base": "0"},
    )
    scenario = AllocationScenario.objects.get()
    response = client.get(reverse("allocation_scenario_export", args=[scenario.pk, "xlsx"]))
    book = load_workbook(io.BytesIO(response.content))
    main, groups = book["Verdeling"], book["Per groep"]
    quantum = Decimal(str(main["B3"].value))
    by_line = {}
    for row in groups.iter_rows(min_row=2, values_only=True):
        by_line.setdefault(row[1], []).append(row)
    assert by_line, "the schools with an Invulschema have groups"
    for line, rows in by_line.items():
        share = Decimal(str(main[f"J{line}"].value))  # the school's share as shown
        weights = [Decimal(str(r[3])) for r in rows]
        shown = [Decimal(str(r[12])).quantize(quantum) for r in rows]
        assert recompute(share, quantum, Decimal(0), weights) == shown
        assert sum(shown) == share
    # The spreadsheet recomputes it too, formula by formula (pycel evaluates them as a
    # spreadsheet would): the school's share from its line on "Verdeling", then each step.
    from pycel import ExcelCompiler

    path = tmp_path / "verdeling.xlsx"
    path.write_bytes(response.content)
    sheet = ExcelCompiler(filename=str(path))
    for row in range(2, groups.max_row + 1):
        evaluated = sheet.evaluate(f"'Per groep'!L{row}")
        assert evaluated == pytest.approx(groups[f"M{row}"].value), row


def _matrix_row(page: str, area: str) -> str:
    matrix = page.split('id="matrix"')[1].split("</table>")[0]
    return matrix.split(f'<tr><th scope="row">{escape(area)}</th>')[1].split("</tr>")[0]


def test_coverage_marks_gaps_in_a_district_by_support_matrix(
    client, staff, partnership, profile, editor, mr_member, officer
):
    to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)
    client.force_login(staff)
    page = client.get(reverse("coverage", args=[partnership.slug])).content.decode()
    header = page.split('id="matrix"')[1].split("</thead>")[0]
    assert '<th scope="col">Gebied</th>' in header
    labels = [label for _, label in offer_choices(partnership)["extra"]]
    assert all(f'<th scope="col" class="sw-num">{escape(label)}</th>' in header for label in labels)
    # route_helpers ticks the first two choices: dyslexie, dyscalculie (in Escamp); the gap
    # is text, not only colour.
    row = _matrix_row(page, ESCAMP)
    cells = row.split("</td>")[:-1]
    assert cells[0] == '<td class="sw-num">1' and cells[1] == '<td class="sw-num">1'
    assert row.count(GAP) == len(labels) - 2
    assert row.endswith(f'<td class="sw-num">{len(labels) - 2}</td>')
    assert f"{len(labels) - 2} gaten in het aanbod, in 1 van de gebieden." in page
    assert "Geen school in" not in page, "no sentence per gap any more"
    assert "vastgesteld 2026-2027" in page
    only = client.get(reverse("coverage", args=[partnership.slug]), {"aanbod": "autisme"})
    assert "Dyscalculie" not in only.content.decode().split('id="matrix"')[1].split("</table>")[0]


def test_coverage_prefers_the_published_version(
    client, staff, partnership, profile, editor, mr_member, officer
):
    to_state(profile, "gepubliceerd", editor=editor, mr=mr_member, officer=officer, staff=staff)
    client.force_login(staff)
    page = client.get(reverse("coverage", args=[partnership.slug])).content.decode()
    assert "gepubliceerd 2026-2027" in page


def test_the_partnership_analysis_has_distributions_trends_and_a_pdf(
    client, staff, partnership, instruments, profile
):
    client.force_login(staff)
    page = client.get(reverse("partnership_analysis", args=[partnership.slug])).content.decode()
    assert "IJK: scholen naar gemiddelde score" in page
    assert "Verscheidenheidsindex: gemiddelde per schooljaar" in page
    assert "Cijfers als tabel" in page
    pdf = client.get(reverse("partnership_report_pdf", args=[partnership.slug]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_cached_index_follows_a_changed_invulschema(school, other_school, instruments):
    ids = [school.pk, other_school.pk]
    assert diversity_index(ids, YEAR)[school.pk]["pupils"] == 44
    invulschema_save(
        school=school,
        school_year=YEAR,
        update_pupil_count=True,
        counts={"1": {"geen": 20, "basis": 4}, "2": {"geen": 18, "tlv": 8}},
    )
    assert diversity_index(ids, YEAR)[school.pk]["pupils"] == 50
    assert (
        index_by_year(ids, [YEAR])[YEAR][school.pk]
        == diversity_index(ids, YEAR)[school.pk]["index"]
    )


def test_the_cached_ijk_scores_follow_a_changed_score(
    monkeypatch, school, other_school, editor, instruments
):
    ids = [school.pk, other_school.pk]
    assert ijk_scores(ids, YEAR)[school.pk]["OP1"] == 2
    set_today(monkeypatch, date(2026, 11, 23))  # a save stamps its own moment
    scores_save(
        school=school,
        school_year=YEAR,
        user=editor,
        scores={"OP1": ScoreInput(4, "Sterk verbeterd.")},
    )
    assert ijk_scores(ids, YEAR)[school.pk]["OP1"] == 4


def test_a_board_and_its_partnership_never_share_cached_figures(
    school, other_school, single_school, instruments
):
    assert set(ijk_scores([school.pk], YEAR)) == {school.pk}
    everyone = ijk_scores([school.pk, other_school.pk, single_school.pk], YEAR)
    assert set(everyone) == {school.pk, other_school.pk, single_school.pk}
    assert ijk_by_year([school.pk], [YEAR, "2020-2021"]) == {
        YEAR: {school.pk: everyone[school.pk]},
        "2020-2021": {},
    }


def test_the_long_tables_escape_names_and_answers(
    client, staff, partnership, school, profile, editor, mr_member, officer
):
    to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)
    script = "<script>alert(1)</script>"
    type(school).objects.filter(pk=school.pk).update(name=f"De Regenboog {script}")
    revision = profile.established_revision
    revision.answers["externe_partners"] = [{"organisatie": f"CJG {script}"}]
    revision.save(update_fields=["answers"])
    client.force_login(staff)
    for name in ("partnership_overview", "coverage"):
        page = client.get(reverse(name, args=[partnership.slug])).content.decode()
        assert script not in page
        assert "De Regenboog &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "CJG &lt;script&gt;" in page


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _sheet_rows(response, title) -> list[tuple]:
    """The rows of one sheet of an XLSX download, below its title and header."""
    return list(load_workbook(io.BytesIO(response.content))[title].values)[2:]


def test_the_partnership_analysis_export_names_the_school_of_every_figure(
    client, staff, partnership, instruments
):
    client.force_login(staff)
    url = reverse("partnership_analysis_export", args=[partnership.slug, "xlsx"])
    response = client.get(url)
    order = [row[0] for row in _sheet_rows(response, f"Scholen {YEAR}")]
    ijk = _sheet_rows(response, "IJK per school")
    assert ijk == [
        ("De Regenboog", "12AB00", 2.5),  # (2 + 3) / 2
        ("De Vlieger", "34CD00", 3.5),
        ("Het Baken", "56EF00", 3),
    ]
    assert [row[0] for row in ijk] == order, "in the order of the schools' sheet"
    index = _sheet_rows(response, "Index per school")
    assert [row[:2] for row in index] == [("De Regenboog", "12AB00"), ("De Vlieger", "34CD00")]
    assert all(row[2] for row in index)
    csv_url = reverse("partnership_analysis_export", args=[partnership.slug, "csv"])
    rows = _csv_rows(client.get(csv_url))
    sheet = rows[rows.index(["IJK per school"]) :]
    assert sheet[1] == ["School", "BRIN", "Gemiddelde score"]
    assert sheet[2][:2] == ["De Regenboog", "12AB00"]


@pytest.fixture
def established(profile, editor, mr_member, officer):
    """De Regenboog's SOP established; De Vlieger and Het Baken have none."""
    return to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)


@pytest.mark.parametrize(
    "query, notice",
    [
        (
            {"soort": "basis", "aanbod": "dyslexie"},
            "\N{LEFT SINGLE QUOTATION MARK}dyslexie\N{RIGHT SINGLE QUOTATION MARK} hoort niet "
            "bij aanbod basisondersteuning; hieronder staat al het aanbod van deze soort.",
        ),
        (
            {"aanbod": "bogus"},
            "\N{LEFT SINGLE QUOTATION MARK}bogus\N{RIGHT SINGLE QUOTATION MARK} hoort niet bij "
            "extra ondersteuning (deskundigheid); hieronder staat al het aanbod van deze soort.",
        ),
    ],
)
def test_it_shows_every_offer_of_the_kind_for_an_offer_not_of_that_kind(
    client, staff, partnership, established, other_school, single_school, query, notice
):
    client.force_login(staff)
    kind = offer_choices(partnership)[query.get("soort", "extra")]
    page = client.get(reverse("coverage", args=[partnership.slug]), query).content.decode()
    assert notice in page
    assert "In elk gebied biedt minstens één school dit aanbod." not in page
    header = page.split('id="matrix"')[1].split("</thead>")[0]
    cells = [f'<th scope="col" class="sw-num">{escape(label)}</th>' for _, label in kind]
    assert all(cell in header for cell in cells)
    rows = _csv_rows(client.get(reverse("coverage_export", args=[partnership.slug, "csv"]), query))
    assert [notice] in rows
    sheet = rows[: rows.index(["Aanbod per school"])]
    header_row = next(row for row in sheet if row and row[0] == "Gebied")
    assert [label for _, label in kind] == header_row[1:-1]


@pytest.mark.parametrize(
    ("query", "filename"),
    [
        ({}, "dekkend-aanbod-testregio-2026-2027.csv"),
        ({"aanbod": "autisme"}, "dekkend-aanbod-testregio-2026-2027-autisme.csv"),
        # An offer that is not one of the kind's is dropped from the name too.
        ({"aanbod": "../bogus"}, "dekkend-aanbod-testregio-2026-2027.csv"),
    ],
)
def test_the_coverage_download_is_named_after_year_and_offer(
    client, staff, partnership, format_version, query, filename
):
    client.force_login(staff)
    response = client.get(reverse("coverage_export", args=[partnership.slug, "csv"]), query)
    assert f'filename="{filename}"' in response["Content-Disposition"]


def test_it_shows_the_extra_support_for_an_unknown_kind(client, staff, partnership, established):
    client.force_login(staff)
    url = reverse("coverage", args=[partnership.slug])
    page = client.get(url, {"soort": "bogus"}).content.decode()
    assert '<th scope="col" class="sw-num">Autisme</th>' in page
    assert GAP in _matrix_row(page, ESCAMP)


def test_the_export_and_the_pdf_hold_the_matrix(client, staff, partnership, established):
    client.force_login(staff)
    rows = _csv_rows(client.get(reverse("coverage_export", args=[partnership.slug, "csv"])))
    labels = [label for _, label in offer_choices(partnership)["extra"]]
    assert rows[0] == ["Dekkend aanbod"]
    note = "Aantal scholen per gebied dat het aanbiedt, voor extra ondersteuning"
    assert rows[1][0].startswith(note)
    assert rows[2] == ["Gebied", *labels, "Geen school biedt"]
    escamp = next(row for row in rows if row and row[0] == ESCAMP)
    assert escamp[1:3] == ["1", "1"] and escamp[3] == "0"
    assert escamp[-1] == ", ".join(labels[2:])
    book = load_workbook(
        io.BytesIO(client.get(reverse("coverage_export", args=[partnership.slug, "xlsx"])).content)
    )
    sheet = book["Dekkend aanbod"]
    found = [[c.value for c in r] for r in sheet.iter_rows() if r[0].value == ESCAMP]
    assert found[0][1:4] == [1, 1, 0]
    pdf = client.get(reverse("partnership_report_pdf", args=[partnership.slug]))
    report = " ".join(pdf_text(pdf.content).split())
    # The matrix in the year's PDF: the supports as headers, a gap as words.
    assert "Gebied Dyslexie Dyscalculie Autisme Gedrag" in report
    assert "geen school" in report
    assert "Geen school in" not in report


def _offer(municipality, district, offers):
    school = SimpleNamespace(municipality=municipality, district=district)
    return SchoolOffer(school, "vastgesteld 2026-2027", set(offers))


KEYS = ("dyslexie", "autisme", "gedrag")
AREAS = (("Den Haag", "Escamp"), ("Den Haag", "Laak"), ("Rijswijk", ""))


@given(
    st.lists(
        st.tuples(st.sampled_from(AREAS), st.sets(st.sampled_from(KEYS))), min_size=1, max_size=12
    )
)
def test_a_gap_is_exactly_an_area_where_no_school_offers_it(schools):
    offers = [_offer(m, d, keys) for (m, d), keys in schools]
    choices = [(k, k.title()) for k in KEYS]
    grid = matrix(offers, choices)
    assert grid.areas == sorted({o.area for o in offers})
    for area, counts, missing in grid.rows:
        for (key, label), count in zip(choices, counts, strict=True):
            expected = sum(1 for o in offers if o.area == area and key in o.offers)
            assert count == expected
            assert (label in missing) == (expected == 0)
    assert len(grid.gaps) == sum(len(m) for _a, _c, m in grid.rows)
    assert grid.areas_with_gaps == sum(1 for _a, _c, m in grid.rows if m)


def test_a_new_school_that_offers_nothing_opens_a_row_of_gaps(
    client, staff, partnership, board, established
):
    make_school(board, "78GH", "De Wilg", district="Laak")
    client.force_login(staff)
    page = client.get(reverse("coverage", args=[partnership.slug])).content.decode()
    labels = offer_choices(partnership)["extra"]
    assert _matrix_row(page, "Den Haag \N{EN DASH} Laak").count(GAP) == len(labels)


def test_coverage_shows_no_offers_for_a_school_without_an_established_sop(
    client, staff, partnership, established, other_school
):
    client.force_login(staff)
    page = client.get(reverse("coverage", args=[partnership.slug])).content.decode()
    offers = page.split("<h2")[1]  # "Aanbod per school"
    vlieger = offers.split('<th scope="row">De Vlieger</th>')[1].split("</tr>")[0]
    assert "nee" not in vlieger and '<td class="sw-num">\N{EN DASH}</td>' in vlieger
    limits = page.split("<h2")[2]  # "Grenzen per school"
    vlieger = limits.split('<th scope="row">De Vlieger</th>')[1].split("</tr>")[0]
    assert "geen vastgesteld SOP" in vlieger and "niet beschreven" not in vlieger
    rows = _csv_rows(client.get(reverse("coverage_export", args=[partnership.slug, "csv"])))
    vlieger_rows = [row for row in rows if row and row[0] == "De Vlieger"]
    offers_row, limits_row = vlieger_rows
    assert offers_row[2] == "geen vastgesteld SOP"
    assert offers_row[3:-3] == [""] * (len(offers_row) - 6), "no offers, no hours: unknown"
    assert limits_row[1:-1] == [""] * (len(limits_row) - 2)


def test_the_board_analysis_shows_no_offers_for_a_school_without_an_established_sop(
    client, officer, board, established, other_school
):
    client.force_login(officer)
    response = client.get(reverse("board_analysis_export", args=[board.pk, "xlsx"]))
    vlieger = next(r for r in _sheet_rows(response, "Aanbod extra") if r[0] == "De Vlieger")
    assert vlieger[2] == "geen vastgesteld SOP"
    assert all(cell is None for cell in vlieger[3:-2]), "offers and hours empty, not nee and 0"
    page = client.get(reverse("board_analysis", args=[board.pk])).content.decode()
    # Columns: De Regenboog (established, ticks dyslexie), De Vlieger (no SOP).
    assert '<tr><th scope="row">Dyslexie</th><td>ja</td><td>\N{EN DASH}</td></tr>' in page
    assert '<td class="sw-num">\N{EN DASH}</td>' in page


def _ids_are_sound(html: str) -> None:
    ids, references = ids_and_references(html)
    trend_ids = [i for i in ids if i.startswith("trend-") and "-" not in i[len("trend-") :]]
    assert trend_ids == ["trend-1", "trend-2", "trend-3"]
    assert "" not in ids
    assert len(ids) == len(set(ids))
    assert references and set(references) <= set(ids)


def test_the_partnership_analysis_names_every_chart_once(
    client, staff, partnership, instruments, profile, monkeypatch
):
    """Three trend charts, each with its own id that its aria-labelledby points to, on the
    page and in the annual analysis PDF, whose table header cells all have a /Scope."""
    client.force_login(staff)
    _ids_are_sound(
        client.get(reverse("partnership_analysis", args=[partnership.slug])).content.decode()
    )
    rendered = []
    original = report.render_pdf

    def keep_html(html, **options):
        rendered.append(html)
        return original(html, **options)

    monkeypatch.setattr(report, "render_pdf", keep_html)
    pdf = client.get(reverse("partnership_report_pdf", args=[partnership.slug]))
    _ids_are_sound(rendered[0])
    scopes = header_scopes(body(pdf))
    assert scopes and set(scopes) <= {"/Row", "/Column"}
    assert "/Row" in scopes and "/Column" in scopes


def test_the_coverage_export_holds_the_steunpunt_counts(
    client, staff, partnership, established, other_school
):
    for school, kind, support in (
        (established.school, Kind.PRACTICE, "dyslexie"),
        (established.school, Kind.PRACTICE, "dyslexie"),
        (established.school, Kind.QUESTION, "dyslexie"),
        (other_school, Kind.QUESTION, ""),
    ):
        message_send(
            school=school,
            kind=kind,
            support=support,
            message="Hoe helpt de school bij lezen?",
            contact={},
            sender="192.0.2.1",
        )
    client.force_login(staff)
    url = reverse("coverage_export", args=[partnership.slug, "csv"])
    rows = _csv_rows(client.get(url))
    sheet = rows[rows.index(["Vragen en meldingen van ouders"]) :]
    assert sheet[1][0].startswith("Vragen en meldingen aan het ouder- en jeugdsteunpunt")
    assert sheet[2] == ["School", "Ondersteuning", "Vragen", "Meldingen over de praktijk"]
    assert ["De Regenboog", "Dyslexie", "1", "2"] in sheet
    assert ["De Vlieger", "in het algemeen", "1", "0"] in sheet
    url = reverse("coverage_export", args=[partnership.slug, "xlsx"])
    found = _sheet_rows(client.get(url), "Vragen en meldingen van ouders")
    assert ("De Regenboog", "Dyslexie", 1, 2) in found


def test_the_coverage_export_says_when_parents_sent_nothing(
    client, staff, partnership, established
):
    client.force_login(staff)
    rows = _csv_rows(client.get(reverse("coverage_export", args=[partnership.slug, "csv"])))
    sheet = rows[rows.index(["Vragen en meldingen van ouders"]) :]
    assert sheet[2] == ["School", "Ondersteuning", "Vragen", "Meldingen over de praktijk"]
    assert sheet[3:] in ([], [[]])


def test_the_analysis_export_checks_a_profile_without_a_summary_once_and_counts_as_the_page(
    client, staff, partnership, profile, monkeypatch
):
    from steunwijzer.dashboards import overview
    from steunwijzer.quality_check.models import CheckSummary

    CheckSummary.objects.all().delete()  # as for a profile saved before summaries were stored
    checked = []
    real = overview.check_profiles

    def counted(profiles):
        profiles = list(profiles)
        checked.extend(p.pk for p in profiles)
        return real(profiles)

    monkeypatch.setattr(overview, "check_profiles", counted)
    client.force_login(staff)
    page = client.get(reverse("partnership_analysis", args=[partnership.slug]))
    on_page = page.context["distributions"]["check_totals"]
    assert checked == [profile.pk] and sum(on_page.values()) > 0
    exports = {}
    for fmt in ("xlsx", "csv"):
        checked.clear()
        exports[fmt] = client.get(
            reverse("partnership_analysis_export", args=[partnership.slug, fmt])
        )
        assert checked == [profile.pk], fmt
    assert dict(_sheet_rows(exports["xlsx"], "SOP-check")) == on_page

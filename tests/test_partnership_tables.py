"""The partnership's long tables: searched, sorted and paged from the query, and a query the
page does not know falls back to its default instead of failing."""

from datetime import date

import pytest
from django.urls import reverse

from tests.conftest import make_school
from tests.deadline_helpers import set_today

TODAY = date(2026, 11, 22)
BAD_PAGES = ["abc", "-1", "0", "999", "1.5", "", "%00", "1" * 40]
BAD_SORTS = ["bogus", "-", "--school", "school;drop", "termijn ", "x" * 300]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, TODAY)


@pytest.fixture
def region(board, single_board, school, other_school, single_school, format_version):
    """60 schools more: 63 with the fixtures' three, over two boards and districts."""
    for n in range(60):
        make_school(
            board if n % 2 else single_board,
            f"{n:02d}XY",
            f"Basisschool {n:02d}",
            district="Laak" if n % 3 else "Escamp",
        )


def _names(page: str) -> list[str]:
    """The school names of the overview's table, in order."""
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    rows = body.split('<th scope="row">')[1:]
    return [
        r.split("<br>")[0].split(">")[-1] if "<a " in r.split("<br>")[0] else r.split("<br>")[0]
        for r in rows
    ]


def _get(client, staff, partnership, **query):
    client.force_login(staff)
    response = client.get(reverse("partnership_overview", args=[partnership.slug]), query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_overview_shows_50_schools_a_page(client, staff, partnership, region):
    first = _names(_get(client, staff, partnership))
    second = _names(_get(client, staff, partnership, pagina="2"))
    assert len(first) == 50 and len(second) == 13
    assert not set(first) & set(second)
    page = _get(client, staff, partnership, pagina="2")
    assert "Pagina 2 van 2 (rijen 51 tot en met 63 van 63)" in page
    assert "Vorige pagina" in page and "Volgende pagina" not in page


@pytest.mark.parametrize("value", BAD_PAGES)
def test_a_bad_page_number_gives_a_page(client, staff, partnership, region, value):
    assert _names(_get(client, staff, partnership, pagina=value))


def test_the_default_order_is_by_board_then_school(client, staff, partnership, region):
    names = _names(_get(client, staff, partnership))
    # Stichting De Eenpitter before Stichting Leerkracht; by name within each.
    assert names[0] == "Basisschool 00" and names[1] == "Basisschool 02"


@pytest.mark.parametrize("value", BAD_SORTS)
def test_an_unknown_sort_gives_the_default_order(client, staff, partnership, region, value):
    assert _names(_get(client, staff, partnership, sorteer=value)) == _names(
        _get(client, staff, partnership)
    )


def test_sorting_by_name_both_ways_and_the_header_says_so(client, staff, partnership, region):
    page = _get(client, staff, partnership, sorteer="school")
    names = _names(page)
    assert names == sorted(names, key=str.casefold)
    assert (
        '<th scope="col" aria-sort="ascending"><a class="utrecht-link" href="?sorteer=-school"'
        in page
    )
    down = _get(client, staff, partnership, sorteer="-school", pagina="2")
    assert _names(down)[-1] == "Basisschool 00"
    assert 'aria-sort="descending"' in down
    # Sorting again starts at the first page, keeping the filters.
    filtered = _get(client, staff, partnership, sorteer="school", wijk="Laak", pagina="1")
    assert 'href="?wijk=Laak&amp;sorteer=-school"' in filtered


def test_search_by_name_and_brin_with_the_filters(client, staff, partnership, region):
    assert _names(_get(client, staff, partnership, q="regenBOOG")) == ["De Regenboog"]
    assert _names(_get(client, staff, partnership, q="34cd")) == ["De Vlieger"]
    laak = _names(_get(client, staff, partnership, q="Basisschool 1", wijk="Laak"))
    assert laak == [f"Basisschool {n}" for n in range(10, 20) if n % 3 and n % 2 == 0] + [
        f"Basisschool {n}" for n in range(10, 20) if n % 3 and n % 2
    ]
    page = _get(client, staff, partnership, q="x" * 500)
    assert "Geen scholen met dit filter." in page


def test_the_chosen_filters_stand_above_the_table_and_the_form_folds(
    client, staff, partnership, board, school, other_school
):
    page = _get(client, staff, partnership)
    assert "Gefilterd op:" not in page
    assert '<details class="sw-filter-fold sw-noprint" open data-sw-fold-narrow>' in page
    page = _get(client, staff, partnership, q="regen", bestuur=board.pk, wijk="Escamp", te_laat="1")
    chosen = page.split('<div class="sw-chosen sw-noprint">')[1].split("</div>")[0]
    for text in ("“regen”", "Bestuur: Stichting Leerkracht", "Wijk: Escamp", "alleen te laat"):
        assert text in chosen
    assert "Gemeente:" not in chosen
    assert page.index("Gefilterd op:") < page.index("Filteren en sorteren") < page.index("<table")


def test_the_status_filter_and_its_receipt_shortcut(client, staff, partnership, region):
    page = _get(client, staff, partnership, status="niet_begonnen")
    assert len(_names(page)) == 50
    assert "Toon alleen de aangeleverde SOP's" not in page, "nothing delivered: no receipt form"


def _coverage(client, staff, partnership, **query):
    client.force_login(staff)
    response = client.get(reverse("coverage", args=[partnership.slug]), query)
    assert response.status_code == 200
    return response.content.decode()


def _coverage_names(page: str) -> list[str]:
    section = page.split('id="per-school"')[1]
    if "<tbody>" not in section:
        return []
    body = section.split("<tbody>")[1].split("</tbody>")[0]
    return [r.split("</th>")[0] for r in body.split('<th scope="row">')[1:]]


def test_the_coverage_tables_per_school_are_paged_and_filtered_by_area(
    client, staff, partnership, region
):
    first = _coverage_names(_coverage(client, staff, partnership))
    assert len(first) == 50 and first == sorted(first, key=str.casefold)
    laak = _coverage_names(
        _coverage(client, staff, partnership, gebied="Den Haag \N{EN DASH} Laak")
    )
    assert len(laak) == 40
    by_area = _coverage_names(_coverage(client, staff, partnership, sorteer="gebied"))
    assert by_area[0] == "Basisschool 00"  # Escamp before Laak
    # The matrix keeps every area whatever the table below shows.
    page = _coverage(client, staff, partnership, gebied="Den Haag \N{EN DASH} Laak", q="Vlieger")
    assert _coverage_names(page) == []
    assert "Geen scholen met dit filter." in page
    assert '<th scope="row">Den Haag \N{EN DASH} Escamp</th>' in page


@pytest.mark.parametrize(
    "query",
    [{"gebied": "Nergens"}, {"pagina": "abc"}, {"sorteer": "bogus"}, {"pagina": "99"}],
)
def test_a_bad_coverage_query_gives_a_page(client, staff, partnership, region, query):
    assert _coverage_names(_coverage(client, staff, partnership, **query))

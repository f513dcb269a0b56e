"""Partnership staff see their region on the home page as a searchable table, page by page."""

import pytest
from django.urls import reverse

from tests.conftest import make_school

HOME = "/"


@pytest.fixture
def region(board, school, other_school, single_school):
    """30 schools more in the partnership: 33 with the fixtures' three."""
    return [make_school(board, f"{n:02d}XY", f"Basisschool {n:02d}") for n in range(30)]


def _rows(page: str) -> list[str]:
    table = page.split('id="scholen-tabel"')[1].split("</table>")[0]
    return [row.split("</th>")[0] for row in table.split('<th scope="row">')[1:]]


def test_staff_see_a_table_of_25_schools_and_the_next_page(client, staff, region):
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert 'class="sw-cards"' not in page
    assert "33 scholen, op naam" in page
    assert len(_rows(page)) == 25
    assert "Pagina 1 van 2" in page and "pagina=2" in page
    second = client.get(reverse("home"), {"pagina": "2"}).content.decode()
    assert len(_rows(second)) == 8
    assert "Vorige pagina" in second


@pytest.mark.parametrize("value", ["abc", "-1", "0", "999", "1.5", ""])
def test_a_bad_page_number_gives_a_page_not_an_error(client, staff, region, value):
    client.force_login(staff)
    response = client.get(reverse("home"), {"pagina": value})
    assert response.status_code == 200
    assert _rows(response.content.decode())


def test_staff_search_by_name_or_brin(client, staff, region):
    client.force_login(staff)
    page = client.get(reverse("home"), {"q": "regenboog"}).content.decode()
    assert len(_rows(page)) == 1 and "De Regenboog" in _rows(page)[0]
    page = client.get(reverse("home"), {"q": "34CD"}).content.decode()
    assert ["De Vlieger" in r for r in _rows(page)] == [True]
    page = client.get(reverse("home"), {"q": "x" * 500}).content.decode()
    assert "Geen school heeft deze naam of BRIN-code." in page


def test_a_school_editor_keeps_the_cards(client, editor, profile, region):
    client.force_login(editor)
    page = client.get(reverse("home")).content.decode()
    assert 'class="sw-cards"' in page and 'id="scholen-tabel"' not in page


def test_staff_of_another_partnership_see_none_of_these_schools(client, other_staff, region):
    client.force_login(other_staff)
    page = client.get(reverse("home")).content.decode()
    assert "De Regenboog" not in page and "Basisschool 01" not in page


def test_staff_of_a_new_partnership_are_led_to_import_their_schools(client, staff, partnership):
    """A fresh partnership has no schools: the home page says so and links to the DUO import,
    the districts and the list of invitations, instead of "no school has this name"."""
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert "Er zijn nog geen scholen." in page
    assert "Geen school heeft deze naam" not in page
    for name in ("schools_import", "districts", "invitation_list"):
        assert f'href="{reverse(name, args=[partnership.slug])}"' in page, name
    assert "Scholen en besturen van SWV Test inlezen uit DUO" in page


def test_a_search_that_finds_nothing_still_says_so(client, staff, region):
    client.force_login(staff)
    page = client.get(reverse("home"), {"q": "Bestaat niet"}).content.decode()
    assert "Geen school heeft deze naam of BRIN-code." in page
    assert "Er zijn nog geen scholen." not in page


def test_a_director_gets_no_links_to_the_partnerships_pages(client, editor, partnership):
    client.force_login(editor)
    page = client.get(reverse("home")).content.decode()
    assert reverse("schools_import", args=[partnership.slug]) not in page
    assert "Er zijn nog geen scholen." not in page

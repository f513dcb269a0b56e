"""Partnership staff name their boards in the browser: DUO's file has only the numbers, so an
imported board is "Bestuur 41234" until then (the go-live journey's rough spot)."""

import pytest
from django.urls import reverse

from steunwijzer.organisations.models import Board
from steunwijzer.organisations.services import boards_rename


@pytest.fixture
def numbered(board, school, other_school):
    Board.objects.filter(pk=board.pk).update(name="Bestuur 41234", board_number="41234")
    board.refresh_from_db()
    return board


def _url(partnership):
    return reverse("boards", args=[partnership.slug])


def test_staff_see_each_board_with_its_number_and_schools(client, staff, partnership, numbered):
    client.force_login(staff)
    page = client.get(_url(partnership)).content.decode()
    assert "Bestuursnummer 41234" in page
    assert "Scholen: De Regenboog, De Vlieger" in page
    assert 'value="Bestuur 41234"' in page


def test_staff_rename_a_board_and_the_public_page_shows_it(
    client, staff, partnership, numbered, published
):
    client.force_login(staff)
    response = client.post(_url(partnership), {f"board-{numbered.pk}": " Stichting Zuidrand "})
    assert response.status_code == 302
    numbered.refresh_from_db()
    assert numbered.name == "Stichting Zuidrand"
    messages = client.get(response["Location"]).content.decode()
    assert "De namen zijn opgeslagen; 1 bestuur kreeg een andere naam." in messages
    client.logout()
    assert "Stichting Zuidrand" in client.get("/scholen/12AB/").content.decode()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Dit veld is verplicht."),
        ("   ", "Dit veld is verplicht."),
        ("x" * 201, "niet meer dan 200 tekens"),
    ],
)
def test_an_empty_or_too_long_name_is_refused_and_nothing_saved(
    client, staff, partnership, numbered, single_board, name, message
):
    client.force_login(staff)
    response = client.post(
        _url(partnership),
        {f"board-{numbered.pk}": name, f"board-{single_board.pk}": "Stichting Nieuw"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert Board.objects.get(pk=single_board.pk).name == "Stichting De Eenpitter"
    assert Board.objects.get(pk=numbered.pk).name == "Bestuur 41234"


@pytest.mark.parametrize("persona", ["editor", "officer", "other_staff", "outsider"])
def test_others_may_not_name_the_boards(request, client, partnership, numbered, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_url(partnership)).status_code == 403
    response = client.post(_url(partnership), {f"board-{numbered.pk}": "Overgenomen"})
    assert response.status_code == 403
    assert Board.objects.get(pk=numbered.pk).name == "Bestuur 41234"


def test_the_service_leaves_boards_of_another_partnership_alone(partnership, board):
    from steunwijzer.organisations.models import Partnership

    elders = Partnership.objects.create(name="SWV Elders", short_name="Elders", slug="elders")
    theirs = Board.objects.create(partnership=elders, name="Hun bestuur")
    changed = boards_rename(partnership=partnership, names={theirs.pk: "Van ons", board.pk: "Ons"})
    assert changed == 1
    assert Board.objects.get(pk=theirs.pk).name == "Hun bestuur"
    assert Board.objects.get(pk=board.pk).name == "Ons"


def test_a_partnership_without_boards_is_sent_to_the_import(client, staff, partnership):
    client.force_login(staff)
    page = client.get(_url(partnership)).content.decode()
    assert "Er zijn nog geen besturen." in page
    assert reverse("schools_import", args=[partnership.slug]) in page


def test_the_home_page_and_the_import_page_link_to_the_board_names(client, staff, partnership):
    client.force_login(staff)
    assert _url(partnership) in client.get(reverse("home")).content.decode()
    import_page = client.get(reverse("schools_import", args=[partnership.slug]))
    assert _url(partnership) in import_page.content.decode()

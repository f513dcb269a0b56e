"""Who a school asks about its SOP: the board's quality officer, else the partnership."""

from django.urls import reverse

from steunwijzer.organisations.models import Membership, Role
from steunwijzer.profiles.services import profile_create
from tests.conftest import grant, make_user


def test_it_names_the_boards_quality_officers(board, officer, other_officer):
    second = make_user("beleid", first_name="Bram", last_name="Beleid")
    grant(second, Role.BOARD_OFFICER, board=board)
    contacts = board.question_contact()
    assert sorted(contacts, key=lambda c: c["name"]) == [
        {"name": "Bram Beleid", "email": "beleid@example.nl", "via": "board"},
        {"name": "kwaliteit", "email": "kwaliteit@example.nl", "via": "board"},
    ]


def test_it_names_the_partnership_for_a_board_without_one(partnership, single_board, officer):
    partnership.contact_email = "info@swv.example"
    partnership.save()
    assert single_board.question_contact() == [
        {
            "name": "Samenwerkingsverband Testregio",
            "email": "info@swv.example",
            "via": "partnership",
        }
    ]


def test_other_roles_at_the_board_are_no_contact(partnership, board, school, editor):
    grant(editor, Role.SCHOOL_TEAM, school=school)
    assert Membership.objects.filter(board=board).count() == 0
    assert board.question_contact()[0]["via"] == "partnership"


def test_the_editor_shows_the_officer(client, profile, officer, editor):
    client.force_login(editor)
    body = client.get(reverse("profile_chapter", args=[profile.pk, "visie"])).content.decode()
    assert "Vragen over het SOP?" in body
    assert "kwaliteitsmedewerker van uw bestuur" in body
    assert 'href="mailto:kwaliteit@example.nl?subject=SOP-vraag"' in body


def test_the_editor_of_a_board_without_officer_sees_the_partnership(
    client, partnership, single_school, format_version
):
    partnership.contact_email = "info@swv.example"
    partnership.save()
    director = make_user("eenpitter")
    grant(director, Role.SCHOOL_EDITOR, school=single_school)
    profile = profile_create(school=single_school, school_year="2026-2027", user=director)
    client.force_login(director)
    body = client.get(reverse("profile_chapter", args=[profile.pk, "visie"])).content.decode()
    assert 'href="mailto:info@swv.example?subject=SOP-vraag">Samenwerkingsverband Testregio' in body
    assert "onder vermelding van “SOP-vraag”" in body


def test_the_director_of_an_eenpitter_is_not_sent_to_himself(
    partnership, single_board, single_school
):
    """The director-governor holds the board's officer role himself: he asks the partnership."""
    partnership.contact_email = "info@swv.example"
    partnership.save()
    director = make_user("eenpitter")
    grant(director, Role.SCHOOL_EDITOR, school=single_school)
    grant(director, Role.BOARD_OFFICER, board=single_board)
    assert single_board.question_contact(asker=director) == [
        {
            "name": "Samenwerkingsverband Testregio",
            "email": "info@swv.example",
            "via": "partnership",
        }
    ]
    assert single_board.question_contact()[0]["via"] == "board"


def test_another_officer_still_answers_the_officer_who_asks(board, officer):
    second = make_user("beleid", first_name="Bram", last_name="Beleid")
    grant(second, Role.BOARD_OFFICER, board=board)
    contacts = board.question_contact(asker=officer)
    assert [c["email"] for c in contacts] == ["beleid@example.nl"]

"""Postcodes become coordinates through the geocoder (core.geocoder), against a local stand-in
that replays PDOK's recorded answers; schools are geocoded when created or moved, and
partnership staff correct a school's place."""

import pytest

from steunwijzer.core.geocoder import GeocodeError, geocode_postcode
from steunwijzer.organisations.models import School
from tests.conftest import make_school
from tests.geocoder_server import recorded_point

pytestmark = pytest.mark.django_db


def test_a_known_postcode_gives_its_middle(geocoder):
    assert geocode_postcode("2543rb") == recorded_point("2543RB")
    (asked,) = geocoder.asked
    assert asked["q"] == ["2543RB"] and asked["fq"] == ["type:postcode"]


def test_answers_are_kept_per_postcode(geocoder):
    geocode_postcode("2543 RB")
    geocode_postcode(" 2543rb")
    assert len(geocoder.asked) == 1
    with pytest.raises(GeocodeError):
        geocode_postcode("9999 ZZ")
    with pytest.raises(GeocodeError):
        geocode_postcode("9999 ZZ")
    assert len(geocoder.asked) == 2  # an unknown postcode is kept too


def test_an_unknown_postcode_says_so_in_dutch(geocoder):
    with pytest.raises(GeocodeError) as problem:
        geocode_postcode("9999zz")
    assert problem.value.reason == "unknown"
    assert problem.value.message == (
        "Postcode 9999 ZZ kennen we niet. Controleer de postcode of zoek op gemeente."
    )


@pytest.mark.parametrize("text", ["254 RB", "Den Haag", "2543 SS", ""])
def test_a_malformed_postcode_is_refused_without_asking(geocoder, text):
    with pytest.raises(GeocodeError) as problem:
        geocode_postcode(text)
    assert problem.value.message == (
        "Vul een Nederlandse postcode in: vier cijfers en twee letters, zoals 2543 RB."
    )
    assert geocoder.asked == []


UNREACHABLE = (
    "Zoeken op postcode lukt nu niet: de kaartdienst is niet bereikbaar. Probeer het later "
    "opnieuw of zoek op gemeente."
)


@pytest.mark.parametrize("mode", ["broken", "slow", "garbage"])
def test_a_geocoder_that_fails_or_is_too_slow_says_so_and_is_asked_again(geocoder, mode, settings):
    geocoder.mode = mode
    timeout = settings.GEOCODER_TIMEOUT
    settings.GEOCODER_TIMEOUT = 0.3  # shorter than the slow stand-in's answer
    with pytest.raises(GeocodeError) as problem:
        geocode_postcode("2543 RB")
    assert problem.value.reason == "unreachable"
    assert problem.value.message == UNREACHABLE
    geocoder.mode = "normal"  # nothing was kept: the next search asks again
    settings.GEOCODER_TIMEOUT = timeout
    assert geocode_postcode("2543 RB") == recorded_point("2543RB")


def test_a_geocoder_that_is_not_there_says_so(settings):
    settings.GEOCODER_URL = "http://127.0.0.1:9/free"  # the discard port: refused at once
    with pytest.raises(GeocodeError) as problem:
        geocode_postcode("2543 RB")
    assert problem.value.message == UNREACHABLE


def test_without_a_geocoder_postcode_search_is_unavailable():
    with pytest.raises(GeocodeError) as problem:
        geocode_postcode("2543 RB")  # the test settings switch it off
    assert problem.value.reason == "unreachable"


# --- schools --------------------------------------------------------------------------------


def test_a_new_school_is_geocoded(geocoder, board):
    school = make_school(board, "56EF", "De Duinroos", postcode="2553 DR")
    assert (school.latitude, school.longitude) == recorded_point("2553DR")


def test_a_moved_school_is_geocoded_again(geocoder, board):
    school = make_school(board, "56EF", "De Duinroos", postcode="2553 DR")
    school.postcode, school.street_address = "2512 LT", "Lantaarnplein 3"
    school.save()
    school.refresh_from_db()
    assert (school.latitude, school.longitude) == recorded_point("2512LT")


def test_a_corrected_place_stays_until_the_address_changes(geocoder, board):
    from steunwijzer.organisations.locations import school_locate

    school = make_school(board, "56EF", "De Duinroos", postcode="2553 DR")
    school_locate(school=school, latitude=52.0533, longitude=4.2345)
    school.name = "De Duinroos (nieuw)"
    school.save()
    school.refresh_from_db()
    assert (school.latitude, school.longitude) == (52.0533, 4.2345)
    assert len(geocoder.asked) == 1  # only when it was created


def test_a_school_whose_new_postcode_is_unknown_loses_its_old_place(geocoder, board):
    school = make_school(board, "56EF", "De Duinroos", postcode="2553 DR")
    school.postcode = "9999 ZZ"
    school.save()
    school.refresh_from_db()
    assert school.latitude is None and school.longitude is None


def test_a_geocoder_that_is_down_does_not_stop_saving_a_school(geocoder, board):
    geocoder.mode = "broken"
    school = make_school(board, "56EF", "De Duinroos", postcode="2553 DR")
    assert School.objects.filter(pk=school.pk, latitude__isnull=True).exists()


def test_a_school_made_with_its_place_is_not_geocoded(geocoder, board):
    make_school(board, "56EF", "De Duinroos", latitude=52.05, longitude=4.23)
    assert geocoder.asked == []


# --- partnership staff correct a place -----------------------------------------------------------


def _url(school):
    return (
        f"/samenwerkingsverband/{school.board.partnership.slug}/scholen/{school.brin_code}/locatie/"
    )


def test_staff_correct_a_schools_place_and_the_finder_row_follows(client, staff, published):
    from steunwijzer.publication.models import FinderEntry

    school = published.school
    client.force_login(staff)
    assert "Locatie van" in client.get(_url(school)).content.decode()
    response = client.post(_url(school), {"latitude": "52,0431", "longitude": "4.2702"})
    assert response.status_code == 302
    school.refresh_from_db()
    assert (school.latitude, school.longitude) == (52.0431, 4.2702)
    assert FinderEntry.objects.get(school=school).latitude == 52.0431
    settings_page = client.get(response["Location"]).content.decode()
    assert "De locatie van De Regenboog is opgeslagen." in settings_page
    assert "52,04310, 4,27020" in settings_page


@pytest.mark.parametrize(
    "data, message",
    [
        (
            {"latitude": "abc", "longitude": "4.3"},
            "Vul de breedtegraad in als getal, zoals 52,0705.",
        ),
        ({"latitude": "48.8", "longitude": "4.3"}, "Die breedtegraad ligt buiten Nederland."),
        ({"latitude": "52.1", "longitude": "13.4"}, "Die lengtegraad ligt buiten Nederland."),
        ({"latitude": "52.1", "longitude": ""}, "Dit veld is verplicht."),
    ],
)
def test_a_wrong_place_gets_a_dutch_message_and_changes_nothing(
    client, staff, school, data, message
):
    client.force_login(staff)
    response = client.post(_url(school), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    school.refresh_from_db()
    assert school.latitude is None


def test_staff_of_another_partnership_cannot_move_the_school(client, other_staff, school):
    client.force_login(other_staff)
    assert client.post(_url(school), {"latitude": "52.1", "longitude": "4.3"}).status_code == 403
    school.refresh_from_db()
    assert school.latitude is None


def test_a_school_of_another_partnership_is_not_found_under_ones_own(client, other_staff, school):
    client.force_login(other_staff)
    url = f"/samenwerkingsverband/elders/scholen/{school.brin_code}/locatie/"
    assert client.get(url).status_code == 404

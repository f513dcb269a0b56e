"""The finder near home: schools sorted by distance from a postcode or the browser's place,
combined with the support filters; the results say where each school is and why it matches;
several partnerships searched together."""

import re

import pytest

from steunwijzer.core.geo import distance_km
from steunwijzer.organisations.locations import school_locate
from steunwijzer.organisations.models import Board, Partnership
from steunwijzer.publication.finder_summary import kilometres
from tests.geocoder_server import recorded_point

HOME = (52.05, 4.25)  # a parent between Escamp and Loosduinen
REGENBOOG = (52.0431, 4.2702)  # Escamp, 12AB: dyslexie, autisme
VLIEGER = (52.0530, 4.2329)  # Loosduinen, 34CD: dyslexie, hoogbegaafdheid


@pytest.fixture
def placed(two_published):
    regenboog, vlieger = two_published
    school_locate(school=regenboog.school, latitude=REGENBOOG[0], longitude=REGENBOOG[1])
    school_locate(school=vlieger.school, latitude=VLIEGER[0], longitude=VLIEGER[1])
    return regenboog.school, vlieger.school


def names_in_order(html: str) -> list[str]:
    return re.findall(r'<h3 class="utrecht-heading-3"><a [^>]*>([^<]+)</a>', html)


def away(point, school) -> str:
    return f"op {kilometres(distance_km(*point, *school))} km"


def test_from_the_browsers_place_the_nearest_school_comes_first(client, placed):
    html = client.get("/scholen/", {"lat": HOME[0], "lon": HOME[1]}).content.decode()
    assert names_in_order(html) == ["De Vlieger", "De Regenboog"]
    assert away(HOME, VLIEGER) in html and away(HOME, REGENBOOG) in html
    assert away(HOME, VLIEGER) == "op 1,2 km"
    assert "binnen 5 km van uw locatie" in html


def test_distance_and_support_filters_combine(client, placed):
    html = client.get(
        "/scholen/", {"lat": HOME[0], "lon": HOME[1], "aanbod": "expertise_aanbod.autisme"}
    ).content.decode()
    assert names_in_order(html) == ["De Regenboog"]
    assert "1 school gevonden" in html
    assert "biedt: Autisme" in html and away(HOME, REGENBOOG) in html


def test_schools_further_than_chosen_are_left_out(client, placed):
    far = (52.0431, 4.2702 + 0.045)  # about 3 km east of De Regenboog, 5 km from De Vlieger
    html = client.get("/scholen/", {"lat": far[0], "lon": far[1], "afstand": "5"}).content
    assert names_in_order(html.decode()) == ["De Regenboog"]
    html = client.get("/scholen/", {"lat": far[0], "lon": far[1], "afstand": "2"}).content
    assert "0 scholen gevonden" in html.decode()
    assert "Haal een keuze weg of zoek verder van huis." in html.decode()


def test_a_school_without_a_place_is_found_by_name_but_not_by_distance(client, two_published):
    regenboog, _ = two_published
    school_locate(school=regenboog.school, latitude=REGENBOOG[0], longitude=REGENBOOG[1])
    assert "2 scholen gevonden" in client.get("/scholen/").content.decode()
    html = client.get("/scholen/", {"lat": HOME[0], "lon": HOME[1]}).content.decode()
    assert names_in_order(html) == ["De Regenboog"]


def test_a_postcode_is_geocoded_and_said_back(client, placed, geocoder):
    html = client.get("/scholen/", {"postcode": "2543rb", "afstand": "10"}).content.decode()
    here = recorded_point("2543RB")
    assert names_in_order(html) == ["De Regenboog", "De Vlieger"]
    assert away(here, REGENBOOG) in html
    assert "binnen 10 km van 2543 RB" in html
    assert 'value="2543rb"' in html  # what the parent typed stays in the box


@pytest.mark.parametrize(
    "postcode, message",
    [
        ("25431", "Vul een Nederlandse postcode in: vier cijfers en twee letters, zoals 2543 RB."),
        ("9999 ZZ", "Postcode 9999 ZZ kennen we niet. Controleer de postcode of zoek op gemeente."),
    ],
)
def test_a_postcode_that_gives_no_place_says_why_and_lists_by_name(
    client, placed, geocoder, postcode, message
):
    html = client.get("/scholen/", {"postcode": postcode}).content.decode()
    assert message in html
    assert (
        'aria-invalid="true"' in html
        and 'aria-describedby="id_postcode_help id_postcode_error"' in html
    )
    assert names_in_order(html) == ["De Regenboog", "De Vlieger"]
    assert " km</strong>" not in html


def test_a_geocoder_that_cannot_be_reached_says_so(client, placed):
    html = client.get("/scholen/", {"postcode": "2543 RB"}).content.decode()  # none in tests
    assert "Zoeken op postcode lukt nu niet: de kaartdienst is niet bereikbaar." in html


def test_the_browsers_place_is_rounded_and_nonsense_is_ignored(client, placed):
    html = client.get("/scholen/", {"lat": "52.0501234", "lon": "4.2498765"}).content.decode()
    assert 'name="lat" value="52.050"' in html and 'name="lon" value="4.250"' in html
    html = client.get("/scholen/", {"lat": "95", "lon": "x"}).content.decode()
    assert names_in_order(html) == ["De Regenboog", "De Vlieger"]  # by name, no error
    assert 'name="lat"' not in html


def test_each_result_says_where_how_big_and_what_kind(client, placed):
    html = client.get("/scholen/", {"lat": HOME[0], "lon": HOME[1]}).content.decode()
    assert "Schoolstraat 1, 2500 AA Den Haag" in html
    assert "240 leerlingen" in html
    assert "Basisonderwijs" in html
    assert f'data-lat="{REGENBOOG[0]:.5f}"' in html and 'data-url="/scholen/12AB/"' in html


def test_the_chosen_filters_are_said_back_and_each_can_be_dropped(client, placed):
    params = {"lat": HOME[0], "lon": HOME[1], "aanbod": "expertise_aanbod.dyslexie"}
    html = client.get("/scholen/", params).content.decode()
    assert "U zocht op:" in html
    links = dict(re.findall(r'<li><a class="utrecht-link" href="\?([^"]*)">([^<]+) <span', html))
    assert set(links.values()) == {"binnen 5 km van uw locatie", "Dyslexie"}
    without_place = next(q for q, label in links.items() if label.startswith("binnen"))
    assert "lat=" not in without_place and "aanbod=expertise_aanbod.dyslexie" in without_place
    # Searched: the filters fold, with how many of the folded ones were chosen (the place is
    # above the fold, not in it); the first visit shows them open.
    assert '<details class="sw-finder-filters">' in html and "(1 gekozen)" in html
    near_only = client.get("/scholen/", {"lat": HOME[0], "lon": HOME[1]}).content.decode()
    assert "gekozen)" not in near_only
    assert '<details class="sw-finder-filters" open>' in client.get("/scholen/").content.decode()


def test_filter_headings_speak_to_the_parent(client, placed):
    html = client.get("/scholen/").content.decode()
    assert "Waar zoekt u hulp bij?" in html
    assert "Extra ondersteuning bij" in html
    assert "Dit bieden wij" not in html and "kunnen wij" not in html


def test_the_results_heading_stays_a_heading(client, placed):
    html = client.get("/scholen/", {"aanbod": "expertise_aanbod.dyslexie"}).content.decode()
    heading = re.search(r'<h2 [^>]*id="h-resultaten"[^>]*>', html).group(0)
    assert "role=" not in heading


@pytest.fixture
def two_partnerships(placed):
    """De Vlieger's board moves to a second partnership, across the border."""
    _, vlieger = placed
    other = Partnership.objects.create(name="SWV Westland", short_name="Westland", slug="westland")
    board = Board.objects.create(partnership=other, name="Stichting Kust")
    vlieger.board = board
    vlieger.save()
    return other


def test_with_several_partnerships_a_parent_searches_them_all(client, two_partnerships):
    html = client.get("/scholen/", {"lat": HOME[0], "lon": HOME[1]}).content.decode()
    assert "Zoeken in alle regio's" in html
    assert names_in_order(html) == ["De Vlieger", "De Regenboog"]
    assert re.search(r"SOP 2026-2027 · Westland</p>", html)
    assert re.search(r"SOP 2026-2027 · SWV Test</p>", html)
    one = client.get("/scholen/", {"swv": "westland", "lat": HOME[0], "lon": HOME[1]})
    assert names_in_order(one.content.decode()) == ["De Vlieger"]
    assert "· Westland</p>" not in one.content.decode()  # one region: no label needed


def test_filters_of_all_partnerships_are_offered_once(client, two_partnerships):
    html = client.get("/scholen/", {"aanbod": "expertise_aanbod.autisme"}).content.decode()
    assert html.count('value="expertise_aanbod.autisme"') == 1
    assert names_in_order(html) == ["De Regenboog"]


def test_only_the_finder_may_ask_the_browser_for_its_place(client, placed):
    assert "geolocation=(self)" in client.get("/scholen/")["Permissions-Policy"]
    assert "camera=()" in client.get("/scholen/")["Permissions-Policy"]
    assert "geolocation=()" in client.get("/scholen/12AB/")["Permissions-Policy"]


def test_address_pupils_and_kind_come_with_the_rows_not_a_query_each(client, placed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/scholen/", {"lat": HOME[0], "lon": HOME[1]}).content.decode()
    assert names_in_order(html) == ["De Vlieger", "De Regenboog"]
    from_schools = [q for q in queries if 'FROM "organisations_school"' in q["sql"]]
    assert len(from_schools) == 1  # which BRINs have several locations, for the links

"""The import of DUO's school file writes schools without asking the geocoder; the schools
without coordinates are placed after the commit, each in its own small transaction, and
`steunwijzer schools geocode` does that again. A school that cannot be placed is named, and
stops nothing. (Against the local stand-in of tests/geocoder_server.py.)"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse

from steunwijzer.core import geocoder as geocoder_module
from steunwijzer.organisations import locations
from steunwijzer.organisations.locations import schools_geocode
from steunwijzer.organisations.models import Partnership, Role, School
from steunwijzer.organisations.school_import import register_read, schools_import
from tests.geocoder_server import recorded_point
from tests.test_school_import import SAMPLE

# The sample's schools whose postcodes the stand-in knows; the other eight it does not.
KNOWN = {"17XK": "2543RB", "28QZ": "2553DR", "33XQ": "2512LT"}
UNKNOWN_COUNT = 8


@pytest.fixture
def region(db):
    return Partnership.objects.create(name="SWV Zuidrand", short_name="Zuidrand", slug="zuidrand")


def _import(region):
    return schools_import(partnership=region, register=register_read(SAMPLE.read_bytes()))


def _placed():
    return {
        s.brin: (s.latitude, s.longitude)
        for s in School.objects.filter(latitude__isnull=False).order_by("brin")
    }


def test_the_import_asks_nothing_and_places_the_schools_after_its_commit(
    region, geocoder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as after_commit:
        plan = _import(region)
        assert geocoder.asked == []
        assert School.objects.count() == 11 and _placed() == {}
    for callback in after_commit:
        callback()
    assert _placed() == {brin: recorded_point(code) for brin, code in KNOWN.items()}
    assert plan.geocoding.located == 3
    assert len(plan.geocoding.problems) == UNKNOWN_COUNT
    assert not any("kaart" in line for line in plan.summary())  # the geocoding says it apart
    summary = plan.geocoding.summary()
    assert "3 scholen zijn op de kaart gezet." in summary
    assert "8 scholen konden niet op de kaart worden gezet:" in summary
    assert any(
        "de kaartdienst kent postcode" in line and "zet de school met de hand op de kaart" in line
        for line in summary
    )


def test_a_dry_run_places_nothing(region, geocoder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as after_commit:
        schools_import(
            partnership=region, register=register_read(SAMPLE.read_bytes()), dry_run=True
        )
    assert after_commit == [] and geocoder.asked == []


def test_a_school_that_moved_in_the_file_is_placed_anew_after_the_commit(
    region, geocoder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _import(region)
    moved = SAMPLE.read_bytes().replace(b"KLEURENLAAN;12;2543RB", b"DUINROOSWEG;1;2553DR", 1)
    with django_capture_on_commit_callbacks() as after_commit:
        schools_import(partnership=region, register=register_read(moved))
        # Its old place is no longer right; nothing is asked inside the transaction.
        assert School.objects.get(brin="17XK").latitude is None
    for callback in after_commit:
        callback()
    regenboog = School.objects.get(brin="17XK")
    assert (regenboog.latitude, regenboog.longitude) == recorded_point("2553DR")


def test_one_school_edited_alone_is_still_placed_at_once(region, geocoder):
    with_place = _import(region)
    assert with_place.geocoding is None  # no commit in this test: nothing placed yet
    school = School.objects.get(brin="17XK")
    school.postcode = "2512 LT"
    school.save()
    school.refresh_from_db()
    assert (school.latitude, school.longitude) == recorded_point("2512LT")


DOWN = (
    "11 scholen konden niet op de kaart worden gezet: de kaartdienst was niet bereikbaar. "
    "Probeer het later opnieuw met “steunwijzer schools geocode --partnership zuidrand”."
)


def test_a_geocoder_that_is_down_is_asked_once_and_said_once_with_a_count(region, geocoder):
    _import(region)
    geocoder.mode = "broken"
    report = schools_geocode(partnership=region)
    assert len(geocoder.asked) == 1
    assert report.located == 0 and report.problems == [] and report.unreachable == 11
    assert report.summary() == [DOWN]


def test_a_geocoder_going_down_midway_names_only_the_schools_with_their_own_problem(
    region, geocoder, monkeypatch
):
    _import(region)
    real = geocoder_module.geocode_postcode
    asked = []

    def down_after_three(postcode):
        asked.append(postcode)
        if len(asked) > 3:
            raise geocoder_module.GeocodeError("unreachable", postcode)
        return real(postcode)

    monkeypatch.setattr(locations, "geocode_postcode", down_after_three)
    report = schools_geocode(partnership=region)
    assert len(asked) == 4
    own = report.problems
    assert own and all("de kaartdienst kent postcode" in line for line in own)
    assert report.located + len(own) == 3 and report.unreachable == 8
    assert report.summary()[-1].startswith("8 scholen konden niet op de kaart worden gezet: de ")


def test_the_command_says_once_that_the_geocoder_is_down(region, geocoder, capsys):
    _import(region)
    geocoder.mode = "broken"
    call_command("schools", "geocode", "--partnership", "zuidrand")
    assert capsys.readouterr().out.strip() == DOWN


def test_the_command_places_the_schools_again_and_reports_each_problem(region, geocoder, capsys):
    _import(region)
    call_command("schools", "geocode", "--partnership", "zuidrand")
    out = capsys.readouterr().out
    assert "3 scholen zijn op de kaart gezet." in out
    assert "8 scholen konden niet op de kaart worden gezet:" in out
    assert len(_placed()) == 3
    call_command("schools", "geocode", "--partnership", "zuidrand")
    again = capsys.readouterr().out
    assert "3 scholen" not in again and "8 scholen konden niet" in again


def test_the_command_says_when_every_school_is_placed(region, geocoder, capsys):
    call_command("schools", "geocode", "--partnership", "zuidrand")
    assert capsys.readouterr().out.strip() == "Alle scholen staan al op de kaart."


def test_the_command_refuses_an_unknown_partnership(region):
    with pytest.raises(CommandError, match="Samenwerkingsverband 'nergens' bestaat niet"):
        call_command("schools", "geocode", "--partnership", "nergens")


def test_a_school_placed_meanwhile_is_left_where_it_was_put(region, geocoder, monkeypatch):
    _import(region)
    real = geocoder_module.geocode_postcode

    def and_meanwhile(postcode):
        # Staff place De Regenboog while the geocoder is asked about it.
        School.objects.filter(brin="17XK").update(latitude=52.1, longitude=4.3)
        return real(postcode)

    monkeypatch.setattr(locations, "geocode_postcode", and_meanwhile)
    report = schools_geocode(partnership=region)
    regenboog = School.objects.get(brin="17XK")
    assert (regenboog.latitude, regenboog.longitude) == (52.1, 4.3)
    assert report.located == 2


@pytest.mark.django_db(transaction=True)
def test_the_geocoder_is_asked_outside_any_transaction(geocoder, monkeypatch, capsys):
    Partnership.objects.create(name="SWV Zuidrand", short_name="Zuidrand", slug="zuidrand")
    in_transaction = []
    real = geocoder_module.geocode_postcode

    def watched(postcode):
        in_transaction.append(connection.in_atomic_block)
        return real(postcode)

    monkeypatch.setattr(locations, "geocode_postcode", watched)
    monkeypatch.setattr(geocoder_module, "geocode_postcode", watched)
    call_command("schools", "import", str(SAMPLE), "--partnership", "zuidrand")
    assert in_transaction == [False] * 11
    out = capsys.readouterr().out
    assert "11 nieuwe scholen." in out and "3 scholen zijn op de kaart gezet." in out
    assert School.objects.filter(latitude__isnull=False).count() == 3


@pytest.mark.django_db(transaction=True)
def test_staff_read_after_the_import_which_schools_could_not_be_placed(client, geocoder):
    address = _previewed_import(client)
    assert geocoder.asked == []
    done = client.post(address, {"confirm": "1"}, follow=True).content.decode()
    success, warning = _alert(done, "ok"), _alert(done, "warning")
    assert success.startswith("De scholen zijn ingelezen.")
    assert "3 scholen zijn op de kaart gezet." in success and "konden niet" not in success
    assert warning.startswith("8 scholen konden niet op de kaart worden gezet:")
    assert warning.count("de kaartdienst kent postcode") == 8
    assert "OBS De Regenboog" not in warning


def _previewed_import(client) -> str:
    """Staff of a new partnership upload the DUO sample and see its preview; the import's
    address, to confirm it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.conftest import grant, make_user

    region = Partnership.objects.create(name="SWV Zuidrand", short_name="Zuidrand", slug="zuidrand")
    staff = make_user("swv")
    grant(staff, Role.PARTNERSHIP_STAFF, partnership=region)
    client.force_login(staff)
    address = reverse("schools_import", args=[region.slug])
    upload = SimpleUploadedFile("duo.csv", SAMPLE.read_bytes(), content_type="text/csv")
    client.post(address, {"file": upload, "municipalities": ""})
    return address


def _alert(html: str, kind: str) -> str:
    start = html.index(f'utrecht-alert--{kind}"')
    paragraph = html.index('<p class="utrecht-paragraph">', start)
    return html[paragraph : html.index("</p>", paragraph)].split(">", 1)[1]


@pytest.mark.django_db(transaction=True)
def test_staff_read_once_apart_from_the_success_that_the_geocoder_was_down(client, geocoder):
    address = _previewed_import(client)
    geocoder.mode = "broken"
    done = client.post(address, {"confirm": "1"}, follow=True).content.decode()
    success = _alert(done, "ok")
    assert success.startswith("De scholen zijn ingelezen.") and "kaart" not in success
    assert _alert(done, "warning") == DOWN

"""Boards and schools from DUO's file of school locations: the command, the page, bad files."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from steunwijzer.organisations.models import Board, Partnership, School
from steunwijzer.organisations.school_import import (
    RegisterRefused,
    register_read,
    schools_import,
)
from steunwijzer.organisations.school_register import read_register

SAMPLE = (
    Path(__file__).resolve().parent.parent
    / "src/steunwijzer/organisations/samples/duo-vestigingen-po-hofstad.csv"
)
HEADER = (
    "PROVINCIE;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;"
    "POSTCODE;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE;TELEFOONNUMMER;INTERNETADRES;"
    "BEVOEGD GEZAG NUMMER"
)
LINE = (
    "Zuid-Holland;{brin};{brin}{vest};{name};DORPSSTRAAT;1;2511AB;DEN HAAG;0518;DEN HAAG;"
    "Openbaar;070-1234567;www.school.example;{board}"
)


def duo(*lines, header=HEADER) -> bytes:
    return "\r\n".join([header, *lines]).encode("utf-8")


def line(brin="12QQ", vest="00", name="OBS Het Anker", board="41234"):
    return LINE.format(brin=brin, vest=vest, name=name, board=board)


@pytest.fixture
def region(db):
    return Partnership.objects.create(name="SWV Zuidrand", short_name="Zuidrand", slug="zuidrand")


def test_it_imports_the_sample_and_a_second_run_changes_nothing(region):
    register = register_read(SAMPLE.read_bytes())
    plan = schools_import(partnership=region, register=register)
    assert len(plan.new_schools) == 11 and len(plan.new_boards) == 3
    regenboog = School.objects.get(brin="17XK", vestiging="00")
    assert regenboog.street_address == "Kleurenlaan 12"
    assert (regenboog.postcode, regenboog.city) == ("2543 RB", "Den Haag")
    assert regenboog.website == "https://obsderegenboog.example"
    assert regenboog.board.board_number == "99101"
    assert School.objects.get(brin="53XX").school_type == "sbo"
    again = schools_import(partnership=region, register=register_read(SAMPLE.read_bytes()))
    assert not again.changes_anything and again.unchanged == 11


def test_an_eenpitter_is_a_board_of_its_own(region):
    register = register_read(SAMPLE.read_bytes())
    schools_import(partnership=region, register=register)
    zeepaard = Board.objects.get(board_number="99103")
    assert zeepaard.is_single_school
    assert zeepaard.name == "Bestuur 99103"  # DUO's file has no board names: staff rename it


def test_a_dry_run_stores_nothing(region):
    plan = schools_import(
        partnership=region, register=register_read(SAMPLE.read_bytes()), dry_run=True
    )
    assert len(plan.new_schools) == 11
    assert not School.objects.exists() and not Board.objects.exists()


def test_a_changed_school_is_updated_and_one_that_left_is_reported_not_deleted(region):
    schools_import(partnership=region, register=register_read(duo(line(), line("13QQ"))))
    renamed = duo(line(name="OBS Het Nieuwe Anker"))
    plan = schools_import(partnership=region, register=register_read(renamed))
    [(school, changes)] = plan.changed_schools
    assert school.brin == "12QQ" and changes == [("naam", "OBS Het Anker", "OBS Het Nieuwe Anker")]
    assert [s.brin for s in plan.left] == ["13QQ"]
    assert School.objects.filter(brin="13QQ").exists()
    assert any("niet verwijderd" in sentence for sentence in plan.summary())


def test_only_the_municipalities_asked_for(region):
    rijswijk = line("14QQ").replace("DEN HAAG;0518;DEN HAAG", "RIJSWIJK;0603;RIJSWIJK")
    plan = schools_import(
        partnership=region,
        register=register_read(duo(line(), rijswijk)),
        municipalities=["Rijswijk"],
    )
    assert [s.brin for s in plan.new_schools] == ["14QQ"]
    assert plan.outside == 1


def problems(data: bytes) -> list[str]:
    with pytest.raises(RegisterRefused) as caught:
        register_read(data)
    return caught.value.problems


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "Het bestand is leeg."),
        (duo(header="NAAM;ADRES"), "ontbreken de kolommen INSTELLINGSCODE, VESTIGINGSNAAM"),
        (duo(line(brin="1234")), "Regel 2, kolom INSTELLINGSCODE: “1234” is geen BRIN"),
        (
            duo(line().replace("2511AB", "25110")),
            "Regel 2, kolom POSTCODE: “25110” is geen Nederlandse postcode",
        ),
        (duo(line(name="")), "Regel 2, kolom VESTIGINGSNAAM: deze waarde is leeg"),
        (
            duo(line(), line()),
            "Regel 3, kolom INSTELLINGSCODE: deze schoolvestiging staat al op regel 2",
        ),
        (duo(line() + ";extra"), "Regel 2: deze regel heeft 15 kolommen"),
        (
            duo(line(board="SWV")),
            "Regel 2, kolom BEVOEGD GEZAG NUMMER: “SWV” is geen bestuursnummer",
        ),
        (b"\x00" * 6 * 1024 * 1024, "op zijn hoogst 5"),
    ],
)
def test_a_bad_file_is_refused_whole_naming_line_and_column(region, data, expected):
    assert any(expected in problem for problem in problems(data))
    assert not School.objects.exists()


def test_one_bad_line_refuses_every_line(region):
    assert problems(duo(line(), line("13QQ", name="")))
    assert not School.objects.exists()


def test_a_school_of_another_partnership_is_refused(region, school):
    taken = duo(line(brin=school.brin))
    with pytest.raises(RegisterRefused, match="hoort bij een ander samenwerkingsverband"):
        schools_import(partnership=region, register=register_read(taken))
    assert School.objects.count() == 1


def test_the_older_layout_and_windows_encoding_are_read():
    older = (
        (
            "BRIN NUMMER;VESTIGINGSNUMMER;INSTELLINGSNAAM VESTIGING;STRAATNAAM;"
            "HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENAAM;DENOMINATIE;"
            "BEVOEGD GEZAG NUMMER\r\n"
            "12QQ;1;Basisschool Het Tuinpad;TUINPAD;3;2511AB;DEN HAAG;DEN HAAG;"
            "Rooms-Katholiek;41234"
        )
        .encode("cp1252")
        .replace(b"Het", "Hét".encode("cp1252"))
    )
    [location] = read_register(older).locations
    assert (location.brin, location.vestiging) == ("12QQ", "01")
    assert location.name == "Basisschool Hét Tuinpad"


def test_the_command_imports_and_says_what_changed(region, capsys):
    call_command("schools", "import", str(SAMPLE), "--partnership", "zuidrand", "--dry-run")
    out = capsys.readouterr().out
    assert "11 nieuwe scholen." in out and "Proefdraaien: er is niets opgeslagen." in out
    assert not School.objects.exists()
    call_command("schools", "import", str(SAMPLE), "--partnership", "zuidrand")
    assert School.objects.count() == 11


def test_the_command_refuses_a_bad_file_with_its_problems(region, tmp_path):
    bad = tmp_path / "duo.csv"
    bad.write_bytes(duo(line(brin="1234")))
    with pytest.raises(CommandError, match="Regel 2, kolom INSTELLINGSCODE"):
        call_command("schools", "import", str(bad), "--partnership", "zuidrand")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("schools", "import", str(SAMPLE), "--partnership", "nergens")


def url(partnership):
    return reverse("schools_import", args=[partnership.slug])


def test_staff_preview_then_confirm_in_the_browser(client, partnership, staff):
    client.force_login(staff)
    upload = SimpleUploadedFile("duo.csv", SAMPLE.read_bytes(), content_type="text/csv")
    preview = client.post(url(partnership), {"file": upload, "municipalities": ""})
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "11 nieuwe scholen." in body and "OBS De Regenboog" in body
    assert not School.objects.filter(brin="17XK").exists()
    done = client.post(url(partnership), {"confirm": "1"}, follow=True)
    assert "De scholen zijn ingelezen." in done.content.decode()
    assert School.objects.filter(brin="17XK", board__partnership=partnership).exists()


def test_a_bad_upload_shows_every_problem_and_stores_nothing(client, partnership, staff):
    client.force_login(staff)
    upload = SimpleUploadedFile("duo.csv", duo(line(brin="1234"), line("13QQ", name="")))
    response = client.post(url(partnership), {"file": upload})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Regel 2, kolom INSTELLINGSCODE" in body and "Regel 3, kolom VESTIGINGSNAAM" in body
    assert not School.objects.filter(brin="13QQ").exists()


def test_a_confirmation_without_preview_asks_for_the_file_again(client, partnership, staff):
    client.force_login(staff)
    response = client.post(url(partnership), {"confirm": "1"}, follow=True)
    assert "Upload het bestand opnieuw" in response.content.decode()


@pytest.mark.parametrize("persona", ["editor", "officer", "mr_member", "other_staff"])
def test_only_the_partnerships_staff_import(client, request, partnership, persona):
    client.force_login(request.getfixturevalue(persona))
    upload = SimpleUploadedFile("duo.csv", SAMPLE.read_bytes())
    response = client.post(url(partnership), {"file": upload})
    assert response.status_code in (403, 404)
    assert not School.objects.filter(brin="17XK").exists()

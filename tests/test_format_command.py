"""`manage.py format validate|import`: checking and storing regional SOP models."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from steunwijzer.instruments.diversity.models import SchemeVersion
from steunwijzer.instruments.diversity.scheme import DEFAULT_SCHEME_PATH
from steunwijzer.instruments.ijk.catalogue import DEFAULT_CATALOGUE_PATH
from steunwijzer.instruments.ijk.models import CatalogueVersion
from steunwijzer.organisations.models import Partnership
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, MAX_SOURCE_BYTES, FormatError
from steunwijzer.regional_model.models import FormatVersion
from steunwijzer.regional_model.services import format_import
from tests import documents


@pytest.fixture
def swv(db):
    return Partnership.objects.create(name="SWV Test", short_name="Test", slug="test")


def run(*args):
    out = StringIO()
    call_command("format", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def model_file(tmp_path, version="2.1", name="model.yaml"):
    """The shipped model as a new version, written to a temporary file."""
    text = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text.replace('version: "2.0"', f'version: "{version}"'), encoding="utf-8")
    return path


def test_validate_reports_ok_with_counts():
    output = run("validate", str(DEFAULT_FORMAT_PATH))
    assert output.strip() == (
        "OK: Haaglanden SOP-model 2.0: 6 hoofdstukken, 34 invulvelden, 3 vaste teksten"
    )


def test_validate_without_file_checks_the_shipped_model():
    assert run("validate").startswith("OK: Haaglanden SOP-model 2.0")


def test_validate_lists_every_problem_and_fails(tmp_path):
    text = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")
    text = text.replace("type: long_text", "type: tekst", 1)
    text = text.replace("    mandatory_part: zorgplicht\n", "")
    path = tmp_path / "haaglanden.yaml"
    path.write_text(text, encoding="utf-8")
    type_line = next(n for n, line in enumerate(text.splitlines(), 1) if "type: tekst" in line)

    with pytest.raises(CommandError) as caught:
        run("validate", str(path))

    message = str(caught.value)
    assert caught.value.returncode == 1
    assert "(2 problemen)" in message
    assert f"haaglanden.yaml:{type_line}: chapters[1].sections[0].items[0].type: " in message
    assert "onbekend veldtype 'tekst'" in message
    assert "het verplichte onderdeel 'Zorgplicht' ontbreekt" in message


def test_validate_explains_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8").encode("latin-1"))
    with pytest.raises(CommandError, match="geen geldige UTF-8-tekst"):
        run("validate", str(path))


def test_validate_explains_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        run("validate", str(tmp_path / "bestaat-niet.yaml"))


def test_a_subcommand_is_required():
    with pytest.raises(CommandError):
        run()


def test_import_stores_the_source_and_the_normalised_definition(swv):
    output = run("import", str(DEFAULT_FORMAT_PATH), "--partnership", "test")

    version = FormatVersion.objects.get()
    assert (version.partnership, version.format_id, version.version) == (swv, "haaglanden", "2.0")
    assert version.name == "Haaglanden SOP-model"
    assert version.source == DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")
    assert version.definition["chapters"][0]["key"] == "schoolgegevens"
    assert version.format.field("expertise_aanbod").type == "checklist"
    assert "Ingelezen voor SWV Test: Haaglanden SOP-model 2.0 (model haaglanden)" in output


def test_import_without_slug_uses_the_only_partnership(swv):
    run("import", str(DEFAULT_FORMAT_PATH))
    assert FormatVersion.objects.current_for(swv).version == "2.0"


def test_import_without_slug_refuses_when_there_are_several_partnerships(swv):
    Partnership.objects.create(name="SWV Elders", short_name="Elders", slug="elders")
    with pytest.raises(CommandError, match=r"meerdere samenwerkingsverbanden.*elders, test"):
        run("import", str(DEFAULT_FORMAT_PATH))
    assert not FormatVersion.objects.exists()


def test_import_refuses_when_there_is_no_partnership(db):
    with pytest.raises(CommandError, match="nog geen samenwerkingsverband"):
        run("import", str(DEFAULT_FORMAT_PATH))


def test_import_refuses_an_unknown_partnership(swv):
    with pytest.raises(CommandError, match=r"'onbekend' bestaat niet\. Bekende slugs: test"):
        run("import", str(DEFAULT_FORMAT_PATH), "--partnership", "onbekend")


def test_second_import_of_the_same_version_is_refused(swv):
    run("import", str(DEFAULT_FORMAT_PATH), "--partnership", "test")
    with pytest.raises(CommandError) as caught:
        run("import", str(DEFAULT_FORMAT_PATH), "--partnership", "test")
    assert (
        "Versie 2.0 van model haaglanden is al ingelezen voor SWV Test; "
        "verhoog het versienummer." in str(caught.value)
    )
    assert FormatVersion.objects.count() == 1


def test_import_of_a_broken_model_stores_nothing(swv, tmp_path):
    path = tmp_path / "kapot.yaml"
    path.write_text("format: sop-model\nid: kapot\n", encoding="utf-8")
    with pytest.raises(CommandError, match="verplichte sleutel 'name' ontbreekt"):
        run("import", str(path), "--partnership", "test")
    assert not FormatVersion.objects.exists()


def test_import_of_a_new_version_makes_it_current_and_keeps_the_old(swv, tmp_path):
    run("import", str(DEFAULT_FORMAT_PATH), "--partnership", "test")
    first = FormatVersion.objects.current_for(swv)

    run("import", str(model_file(tmp_path, "2.1")), "--partnership", "test")

    current = FormatVersion.objects.current_for(swv)
    assert current.version == "2.1"
    assert current.pk != first.pk
    assert FormatVersion.objects.filter(pk=first.pk, version="2.0").exists()
    assert FormatVersion.objects.filter(partnership=swv).count() == 2


def test_the_same_version_may_be_imported_for_another_partnership(swv):
    other = Partnership.objects.create(name="SWV Elders", short_name="Elders", slug="elders")
    run("import", str(DEFAULT_FORMAT_PATH), "--partnership", "test")
    run("import", str(DEFAULT_FORMAT_PATH), "--partnership", "elders")
    assert FormatVersion.objects.current_for(other).version == "2.0"


def test_the_service_reports_the_line_of_the_version_when_refusing(swv):
    text = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")
    format_import(partnership=swv, text=text, filename="haaglanden.yaml")
    with pytest.raises(FormatError) as caught:
        format_import(partnership=swv, text=text, filename="haaglanden.yaml")
    (problem,) = caught.value.problems
    version_line = text.splitlines().index('version: "2.0"') + 1
    assert (problem.line, problem.path) == (version_line, "version")


# --- Files that are not what the three YAML commands read (format, diversity, ijk) -------------

COMMANDS = {
    "format": (DEFAULT_FORMAT_PATH, FormatVersion),
    "diversity": (DEFAULT_SCHEME_PATH, SchemeVersion),
    "ijk": (DEFAULT_CATALOGUE_PATH, CatalogueVersion),
}
ZIP = b"PK\x03\x04" + bytes(range(256)) * 4


def _bad_file(tmp_path, case: str, command: str) -> str:
    path = tmp_path / "bestand.yaml"
    if case == "missing":
        return str(tmp_path / "bestaat-niet.yaml")
    if case == "folder":
        return str(tmp_path)
    if case == "pipe":
        os.mkfifo(path)  # reading it would wait for a writer for ever
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "binary junk":
        path.write_bytes(bytes(range(128, 256)) * 16)
    elif case == "png":
        path.write_bytes(documents.PNG)
    elif case == "zip":
        path.write_bytes(ZIP)
    elif case == "pdf":
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + documents.PDF)
    elif case == "invalid yaml":
        path.write_text("name: [niet gesloten\n  - : :\n", encoding="utf-8")
    elif case == "nested too deep":
        path.write_text("name: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    elif case == "oversized":
        path.write_bytes(b"# " + b"x" * 2 * MAX_SOURCE_BYTES + b"\n")
    elif case == "another command's file":
        other = "ijk" if command != "ijk" else "format"
        path.write_bytes(COMMANDS[other][0].read_bytes())
    return str(path)


CASES = {
    "missing": "Bestand niet gevonden",
    "folder": "is een map, geen bestand",
    "pipe": "geen gewoon bestand",
    "empty": "is leeg: er staat niets in",
    "binary junk": "geen geldige UTF-8-tekst",
    "png": "dit is een PNG-afbeelding, geen YAML-tekst",
    "zip": "dit is een zip-bestand",
    "pdf": "dit is een PDF-bestand, geen YAML-tekst",
    "invalid yaml": r"bestand\.yaml:2: YAML-fout",
    "nested too deep": "te diep genest",
    "oversized": r"is te groot \(2 MB\); .* \(YAML\) is hooguit 1 MB",
    "another command's file": r"is een (IJK-catalogus|SOP-model), geen ",
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", CASES)
def test_a_file_that_is_not_a_model_is_refused_in_dutch_and_nothing_is_stored(
    swv, tmp_path, command, case
):
    _, model = COMMANDS[command]
    file = _bad_file(tmp_path, case, command)
    for action in ("validate", "import"):
        with pytest.raises(CommandError, match=CASES[case]) as caught:
            call_command(command, action, file, stdout=StringIO(), stderr=StringIO())
        assert caught.value.returncode == 1
    assert not model.objects.exists()


def test_a_file_that_grows_past_the_limit_while_read_is_cut_off(tmp_path, monkeypatch):
    path = tmp_path / "groeit.yaml"
    path.write_bytes(b"x" * (MAX_SOURCE_BYTES + 10))
    # As if it was small when its size was looked up.
    monkeypatch.setattr("steunwijzer.core.command_files.checked_input", lambda *a, **k: 10)
    with pytest.raises(CommandError, match="hooguit 1 MB"):
        run("validate", str(path))

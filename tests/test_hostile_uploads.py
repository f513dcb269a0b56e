"""No file can hurt: every hostile pupil export is refused quickly, in Dutch, with nothing stored.

The corpus is in tests/hostile_files.py. CI also sends four of these files to the real gunicorn
server at once and checks that /healthz keeps answering (benchmarks/hostile_uploads.py).
"""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from steunwijzer.api.models import ApiToken
from steunwijzer.core.bounded import WAITING_SECONDS, Overrun, run_bounded
from steunwijzer.instruments.diversity.models import Invulschema
from steunwijzer.instruments.diversity.pupil_file import (
    PARSE_SECONDS,
    PupilFileError,
    read_pupil_file,
)
from steunwijzer.instruments.diversity.pupil_rows import MAX_COLUMNS, MAX_ROWS
from steunwijzer.instruments.diversity.scheme import default_scheme
from tests.diversity_helpers import export, pupils, this_year
from tests.hostile_files import CORPUS, csv_one_line, xlsx_package

SCHEME = default_scheme()
# The child's CPU limit plus its wall-clock backstop, and a margin: only a parse that escaped
# its bounds can take this long, however busy the machine is (the old reader stalled 30 s).
HANG = PARSE_SECONDS + WAITING_SECONDS + 5

EXPECTED = {
    "zip_bomb": "uitgepakt groter dan 100 MB",
    "lying_zip_bomb": "kan niet gelezen worden",
    "row_without_end": "kan niet gelezen worden",
    "entity_expansion": "kan niet gelezen worden",
    "many_columns": f"de grens is {MAX_COLUMNS}",
    "far_cell": "te veel geheugen",
    "huge_shared_strings": "aan verschillende teksten",
    "csv_one_line_19mb": "Een cel is langer dan 500 tekens",
    "csv_utf16": "opgeslagen als UTF-16",
    "binary_junk": "Dit is geen CSV- of Excelbestand",
    "encrypted_workbook": "met een wachtwoord beveiligd",
}


def test_every_corpus_file_has_an_expected_message():
    assert set(EXPECTED) == set(CORPUS)


@pytest.mark.parametrize("key", sorted(CORPUS))
def test_it_refuses_each_hostile_file_in_time_with_a_dutch_message(key):
    name, build = CORPUS[key]
    data = build()
    start = time.monotonic()
    with pytest.raises(PupilFileError) as refused:
        read_pupil_file(data, name, SCHEME, "bao")
    assert time.monotonic() - start < HANG
    (message,) = refused.value.messages
    assert EXPECTED[key] in message


def test_a_csv_with_one_100_mb_line_is_refused_on_its_size_before_it_is_read():
    with pytest.raises(PupilFileError) as refused:
        read_pupil_file(csv_one_line(), "regel.csv", SCHEME, "bao")
    assert refused.value.messages[0].startswith("Het bestand is 100 MB; de grens is 20 MB.")


def test_rows_past_the_limit_are_refused_naming_the_line():
    data = export(pupils("6", "geen", MAX_ROWS + 1))
    with pytest.raises(PupilFileError) as refused:
        read_pupil_file(data, "x.csv", SCHEME, "bao")
    assert refused.value.messages == [
        f"Regel {MAX_ROWS + 2}: Het bestand heeft meer dan 150.000 regels. Exporteer alleen de "
        "kolommen groep, categorie en eventueel domein, per school."
    ]


def test_exactly_the_row_limit_is_read():
    data = export(pupils("6", "geen", MAX_ROWS))
    assert read_pupil_file(data, "x.csv", SCHEME, "bao").total == MAX_ROWS


def test_a_long_cell_in_a_workbook_is_refused():
    cell = "x" * 600
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>Groep</t></is></c>'
        f'<c t="inlineStr"><is><t>Categorie</t></is></c></row><row><c t="inlineStr"><is><t>6'
        f'</t></is></c><c t="inlineStr"><is><t>{cell}</t></is></c></row></sheetData></worksheet>'
    )
    with pytest.raises(PupilFileError) as refused:
        read_pupil_file(xlsx_package(sheet), "x.xlsx", SCHEME, "bao")
    assert refused.value.messages[0].startswith("Regel 2: Deze regel is te lang")


def test_the_bounded_child_returns_what_the_function_returns():
    assert run_bounded("tests.bounded_targets:echo", b"abc") == b"cba"


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("sleep_forever", "time"),
        ("spin_forever", "time"),
        ("allocate_a_gigabyte", "memory"),
        ("fail", "failed"),
    ],
)
def test_the_bounded_child_is_stopped_at_its_limits(target, reason):
    start = time.monotonic()
    with pytest.raises(Overrun) as overrun:
        run_bounded(
            f"tests.bounded_targets:{target}", b"", seconds=1, memory_mb=200, waiting_seconds=1
        )
    assert overrun.value.reason == reason
    assert time.monotonic() - start < HANG


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["far_cell", "row_without_end", "zip_bomb", "encrypted_workbook"])
def test_the_import_page_refuses_a_hostile_file_and_stores_nothing(client, editor, school, key):
    client.force_login(editor)
    name, build = CORPUS[key]
    response = client.post(
        f"/scholen/{school.brin_code}/verscheidenheid/{this_year()}/inlezen/",
        {"file": SimpleUploadedFile(name, build())},
    )
    assert response.status_code == 422
    assert EXPECTED[key] in response.content.decode()
    assert not Invulschema.objects.exists()
    assert not any(k.startswith("diversity-import-") for k in client.session.keys())  # noqa: SIM118


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["far_cell", "huge_shared_strings", "binary_junk"])
def test_the_import_api_refuses_a_hostile_file_and_stores_nothing(client, editor, school, key):
    token = ApiToken.issue(editor, "test")[1]
    name, build = CORPUS[key]
    for confirm in ("false", "true"):
        response = client.post(
            f"/api/v1/schools/{school.brin_code}/years/{this_year()}/diversity/import/",
            {"file": SimpleUploadedFile(name, build()), "confirm": confirm},
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        assert response.status_code == 422
        body = response.json()
        assert body["error"] == "Het bestand is niet ingelezen; er is niets opgeslagen."
        assert EXPECTED[key] in body["problems"][0]["message"]
    assert not Invulschema.objects.exists()

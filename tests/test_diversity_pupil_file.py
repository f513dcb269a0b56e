"""Reading a pupil export: counts only, lenient headers, and a Dutch message for bad input."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from steunwijzer.instruments.diversity.identity import is_bsn
from steunwijzer.instruments.diversity.pupil_file import (
    MAX_IMPORT_BYTES,
    PupilFileError,
    read_pupil_file,
)
from steunwijzer.instruments.diversity.sample import SAMPLE_PATH
from steunwijzer.instruments.diversity.scheme import default_scheme
from tests.diversity_helpers import export, pupils

SCHEME = default_scheme()
MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def read(data, school_type="bao", name="export.csv"):
    return read_pupil_file(data, name, SCHEME, school_type)


def messages(data, **kwargs) -> list[str]:
    with pytest.raises(PupilFileError) as exc:
        read(data, **kwargs)
    return exc.value.messages


def test_it_counts_rows_per_group_and_category_and_domain():
    rows = (
        pupils("Groep 6", "Geen", 3, "")
        + pupils("6", "Arrangement", 2, "Gedrag")
        + pupils("groep 5-6", "TLV", 1, "Leren")
    )
    result = read(export(rows, header=("Groep", "Categorie", "Domein")))
    assert result.counts == {"6": {"geen": 3, "extra": 2}, "5/6": {"tlv": 1}}
    assert result.domain_counts == {"6": {"gedrag": 2}, "5/6": {"leren": 1}}
    assert result.rows == result.total == 6


@pytest.mark.parametrize(
    ("header", "sep", "encoding"),
    [
        (("Klas", "Niveau"), ",", "utf-8"),
        (("groep", "ondersteuningsniveau"), ";", "utf-8-sig"),
        (("Jaargroep", "Zorgniveau"), ";", "cp1252"),
        (("GROEP", "CATEGORIE"), "\t", "utf-8"),
    ],
)
def test_it_reads_semicolon_comma_and_tab_in_utf8_with_or_without_bom_and_windows_1252(
    header, sep, encoding
):
    rows = pupils("7b", "basisondersteuning", 2) + pupils(
        "7b", "Geen specifieke ondersteuningsbehoefte", 1
    )
    result = read(export(rows, header=header, sep=sep, encoding=encoding))
    assert result.counts == {"7b": {"basis": 2, "geen": 1}}


def test_it_reads_windows_1252_characters_in_values():
    data = "Groep;Categorie;Domein\r\n5;Arrangement;Sociaal-emotioneel é\r\n".encode("cp1252")
    assert messages(data, name="x.csv") == [
        "Regel 2, kolom 'Domein': onbekend domein 'Sociaal-emotioneel é'; gebruik een van: "
        "leren, gedrag, sociaal-emotioneel, fysiek-medisch, taal-nt2, hoogbegaafdheid"
    ]


def test_it_reads_an_xlsx_export():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Groep", "Categorie"])
    sheet.append([6, 3])
    sheet.append(["6", "geen"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read(buffer.getvalue(), name="export.xlsx")
    assert result.counts == {"6": {"extra": 1, "geen": 1}}


def test_the_shipped_example_export_is_the_flagship_school_with_312_pupils():
    result = read(SAMPLE_PATH.read_bytes())
    assert result.total == 312
    assert result.counts["6"] == {"geen": 15, "basis": 7, "extra": 5, "tlv": 2}


@pytest.mark.parametrize(
    "header",
    [
        "Naam",
        "Voornaam",
        "Achternaam",
        "Roepnaam",
        "BSN",
        "Burgerservicenummer",
        "Geboortedatum",
        "Naam leerling",
    ],
)
def test_it_refuses_a_file_with_a_column_that_identifies_pupils(header):
    data = export([("6", "geen", "x")], header=("Groep", "Categorie", header))
    (message,) = messages(data)
    assert message.startswith(f"Regel 1, kolom '{header}': deze kolom bevat gegevens")
    assert "alleen aantallen" in message


def test_it_refuses_a_value_that_looks_like_a_bsn():
    assert is_bsn("111222333") and not is_bsn("123456789")
    data = export([("6", "geen", "111222333")], header=("Groep", "Categorie", "Nummer"))
    (message,) = messages(data)
    assert message.startswith("Regel 2, kolom 'Nummer': dit lijkt een burgerservicenummer")


def test_it_names_row_and_column_of_unknown_groups_and_categories():
    data = export([("6", "geen"), ("9", "geen"), ("5", "heel veel"), ("", "geen")])
    assert messages(data) == [
        "Regel 3, kolom 'Groep': onbekende groep '9'",
        "Regel 4, kolom 'Categorie': onbekende categorie 'heel veel'; gebruik een van: geen, "
        "basis, extra, tlv",
        "Regel 5, kolom 'Groep': de groep ontbreekt",
    ]


def test_an_sbo_school_may_name_its_groups():
    data = export([("Middenbouw A", "tlv")])
    assert read(data, school_type="sbo").counts == {"Middenbouw A": {"tlv": 1}}
    assert messages(data, school_type="bao") == [
        "Regel 2, kolom 'Groep': onbekende groep 'Middenbouw A'"
    ]


def test_it_caps_the_list_of_problems():
    lines = messages(export([("99", "geen")] * 45))
    assert len(lines) == 21
    assert lines[-1] == "… en nog 25 problemen."


def test_it_needs_a_group_and_a_category_column():
    (message,) = messages(export([("6",)], header=("Leerjaar x",)))
    assert message.startswith("Regel 1: geen kolom voor de groep gevonden")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "Het bestand is leeg."),
        (b"\r\n\r\n", "Het bestand is leeg."),
        (b"Groep;Categorie\r\n", "Het bestand heeft kolomnamen, maar geen enkele leerling."),
        (b"%PDF-1.7 binary", "Dit is geen CSV- of Excelbestand (xlsx)."),
        (b"\x00\x01\x02garbage", "Dit is geen CSV- of Excelbestand (xlsx)."),
        (b"PK\x03\x04broken zip", "Dit bestand lijkt een Excelbestand, maar kan niet gelezen"),
        ("Groep;Categorie\n6;geen\n".encode("utf-16"), "Het bestand is opgeslagen als UTF-16."),
        (
            b"Groep;Categorie\n6;g\x81\x8d\n",
            "Regel 2: Het bestand is geen UTF-8- en geen Windows-1252",
        ),
    ],
)
def test_it_explains_empty_binary_and_wrongly_encoded_files(data, expected):
    (message,) = messages(data)
    assert message.startswith(expected)


def test_it_refuses_a_file_over_the_limit_without_reading_it():
    (message,) = messages(b"x" * (MAX_IMPORT_BYTES + 1))
    assert message.startswith("Het bestand is 20 MB; de grens is 20 MB.")


def workbook(sheet: str, shared: str = "") -> bytes:
    """A package as spreadsheet programs write it, with the sheet under its own name."""
    from tests.hostile_files import xlsx_package

    return xlsx_package(sheet, shared, sheet_path="worksheets/leerlingen.xml")


def test_it_reads_shared_strings_numbers_and_cells_out_of_order_as_excel_writes_them():
    shared = (
        f'<sst {MAIN_NS}><si><t>Groep</t></si><si><t xml:space="preserve">Categorie</t></si>'
        "<si><r><t>Arrange</t></r><r><t>ment</t></r></si><si><t>5 &amp; 6</t></si></sst>"
    )
    sheet = (
        f"<worksheet {MAIN_NS}><sheetData>"
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="B2" t="s"><v>2</v></c><c r="A2"><v>6.0</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="inlineStr"><is><t>tlv</t></is></c>'
        '<c r="C3" s="1"/></row>'
        "</sheetData></worksheet>"
    )
    result = read(workbook(sheet, shared), name="export.xlsx")
    assert result.counts == {"6": {"extra": 1}, "5/6": {"tlv": 1}}


def test_a_zip_without_a_worksheet_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    (message,) = messages(buffer.getvalue())
    assert message == "Dit Excelbestand heeft geen werkblad."

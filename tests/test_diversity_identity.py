"""A pupil export that carries identity is refused outright, naming the column and the reason.

The rules are in instruments/diversity/identity.py and docs/instruments-diversity.md.
"""

import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from steunwijzer.instruments.diversity.identity import (
    is_bsn,
    is_name_column,
    is_onderwijsnummer,
    looks_like_name,
    value_identity,
)
from steunwijzer.instruments.diversity.pupil_file import PupilFileError, read_pupil_file
from steunwijzer.instruments.diversity.sample import SAMPLE_PATH
from steunwijzer.instruments.diversity.scheme import default_scheme
from tests.diversity_helpers import export

SCHEME = default_scheme()
TODAY = date(2026, 12, 6)
REMOVE = "Steunwijzer bewaart geen gegevens van leerlingen; haal deze kolom uit het bestand."


def refused(data: bytes, name="export.csv") -> list[str]:
    with pytest.raises(PupilFileError) as exc:
        read_pupil_file(data, name, SCHEME, "bao")
    return exc.value.messages


def with_column(header: str, values: list[str]) -> bytes:
    return export([("6", "geen", value) for value in values], header=("Groep", "Categorie", header))


@pytest.mark.parametrize(
    "header",
    ["leerling", "Kind", "geb. datum", "Geb datum", "Naam leerling", "E-mail ouder", "Telefoon",
     "Adres", "Postcode", "Leerlingnummer", "Onderwijsnummer", "roepnaam_kind"],
)  # fmt: skip
def test_it_refuses_a_header_that_names_identity(header):
    (message,) = refused(with_column(header, ["x"]))
    assert message.startswith(f"Regel 1, kolom '{header}': deze kolom bevat gegevens")


@pytest.mark.parametrize("header", ["Groepsnaam", "Leerjaar", "Zorgniveau", "Domein"])
def test_group_category_and_domain_headers_are_not_identity(header):
    rows = [("6", "geen", "")]
    if header in ("Groepsnaam", "Leerjaar"):
        data = export([("6", "geen")], header=(header, "Categorie"))
    elif header == "Zorgniveau":
        data = export([("6", "geen")], header=("Groep", header))
    else:
        data = export(rows, header=("Groep", "Categorie", header))
    assert read_pupil_file(data, "x.csv", SCHEME, "bao").total == 1


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("111222333", "een burgerservicenummer (BSN)"),
        ("101234567", "een onderwijsnummer"),
        ("12-03-2016", "een geboortedatum"),
        ("12/3/2016", "een geboortedatum"),
        ("2016-03-12", "een geboortedatum"),
        ("12.03.16", "een geboortedatum"),
        ("12 maart 2016", "een geboortedatum"),
        ("12-mrt-2016", "een geboortedatum"),
        ("ouder@example.nl", "een e-mailadres"),
        ("06-12345678", "een telefoonnummer"),
        ("+31 6 1234 5678", "een telefoonnummer"),
        ("070-3456789", "een telefoonnummer"),
        ("Kerkstraat 12", "een adres of postcode"),
        ("Laan van Meerdervoort 5a", "een adres of postcode"),
        ("2511 AB", "een adres of postcode"),
    ],
)
def test_it_refuses_identifying_values_in_any_column_without_quoting_them(value, said):
    data = with_column("Extra", ["", "", value])
    (message,) = refused(data)
    assert message == f"Regel 4, kolom 'Extra': dit lijkt {said}. {REMOVE}"
    assert value not in message


def test_it_refuses_identity_even_in_the_group_column():
    (message,) = refused(export([("6", "geen"), ("12-03-2016", "geen")]))
    assert message == f"Regel 3, kolom 'Groep': dit lijkt een geboortedatum. {REMOVE}"


def test_it_refuses_a_free_column_of_names_whatever_its_header():
    names = ["Emma de Vries", "Noah Jansen", "Sophie van den Berg", "Mohammed El Amrani"]
    (message,) = refused(with_column("Info", names))
    assert message == (
        f"Regel 2, kolom 'Info': deze kolom lijkt namen van personen te bevatten. {REMOVE}"
    )


def test_it_refuses_a_birth_date_cell_of_a_workbook():
    book = Workbook()
    book.active.append(["Groep", "Categorie", "Gegevens"])
    book.active.append(["6", "geen", date(2016, 3, 12)])
    buffer = io.BytesIO()
    book.save(buffer)
    (message,) = refused(buffer.getvalue(), name="x.xlsx")
    assert message == f"Regel 2, kolom 'Gegevens': dit lijkt een geboortedatum. {REMOVE}"


def test_the_shipped_example_and_ordinary_extra_columns_are_accepted():
    assert read_pupil_file(SAMPLE_PATH.read_bytes(), "x.csv", SCHEME, "bao").total == 312
    rows = [("6", "geen", "Nederlandse", "Extra Begeleiding", "M")] * 30
    rows += [("5", "basis", "Marokkaanse", "Extra Begeleiding", "V")] * 10
    data = export(rows, header=("Groep", "Categorie", "Nationaliteit", "Toelichting", "Geslacht"))
    assert read_pupil_file(data, "x.csv", SCHEME, "bao").total == 40


def test_a_group_that_excel_turned_into_a_date_of_this_year_is_not_a_birth_date():
    assert value_identity(f"05-06-{TODAY.year}", TODAY) is None
    assert value_identity(f"05-06-{TODAY.year - 8}", TODAY) == "een geboortedatum"


@pytest.mark.parametrize(
    "value", ["5/6", "Groep 7", "geen", "Arrangement", "1/2a", "2026-2027", "100", "12345"]
)
def test_ordinary_cells_are_not_identity(value):
    assert value_identity(value, TODAY) is None


def test_names_and_repeated_words_are_told_apart():
    assert looks_like_name("Anne-Sophie van der Berg") and looks_like_name("Emma")
    assert not looks_like_name("groep 6") and not looks_like_name("Kerkstraat 12")
    assert is_name_column({"Emma": 1, "Noah": 1, "Liam": 1})
    assert not is_name_column({"Nederlandse": 80, "Marokkaanse": 20})
    assert not is_name_column({"": 5})


def _with_check_digit(first_eight: int) -> str | None:
    digits = f"{first_eight:08d}"
    total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
    last = total % 11
    # A weighted sum of 0 is refused like 000000000; a check digit of 10 does not exist.
    return digits + str(last) if last <= 9 and total != last else None


# Nine digits that pass the elfproef, made by choosing the last digit.
bsns = st.integers(10_000_000, 99_999_999).map(_with_check_digit).filter(bool)


@given(bsns)
def test_every_valid_bsn_is_recognised_as_one(bsn):
    assert is_bsn(bsn)
    assert value_identity(bsn, TODAY) == "een burgerservicenummer (BSN)"


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_a_nine_digit_number_is_a_bsn_or_onderwijsnummer_only_by_its_check(digits):
    said = value_identity(digits, TODAY)
    if is_bsn(digits):
        assert said == "een burgerservicenummer (BSN)"
    elif is_onderwijsnummer(digits):
        assert said == "een onderwijsnummer"
    else:
        assert said != "een burgerservicenummer (BSN)" and said != "een onderwijsnummer"

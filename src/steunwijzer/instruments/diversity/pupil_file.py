"""Reading a pupil export (CSV or XLSX) straight into counts per group and category.

Pure Python, no Django. A school's pupil administration exports one row per pupil with the
group, the category and optionally the domain. This module counts those rows as it reads them
and keeps nothing per pupil; a file that holds names, BSN or dates of birth is refused outright
so it is never read further. Every problem names the row and the column, in Dutch; the list is
capped (`MAX_PROBLEMS`) with a closing "en nog N". Header names are matched leniently
(`GROUP_HEADERS`, `CATEGORY_HEADERS`, `DOMAIN_HEADERS`; documented in
docs/instruments-diversity.md).
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .computation import Counts
from .scheme import Scheme

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_PROBLEMS = 20

GROUP_HEADERS = ("groep", "klas", "groepsnaam", "jaargroep", "stamgroep", "leerjaar", "group")
CATEGORY_HEADERS = (
    "categorie",
    "niveau",
    "ondersteuningsniveau",
    "ondersteuningsbehoefte",
    "ondersteuningscategorie",
    "zorgniveau",
    "zorgcategorie",
    "category",
)
DOMAIN_HEADERS = ("domein", "ondersteuningsdomein", "gebied", "domain")
# Columns that identify a pupil: the file is refused, whatever else it holds.
IDENTITY_HEADERS = (
    "naam",
    "voornaam",
    "voornamen",
    "achternaam",
    "roepnaam",
    "tussenvoegsel",
    "tussenvoegsels",
    "geslachtsnaam",
    "bsn",
    "burgerservicenummer",
    "sofinummer",
    "onderwijsnummer",
    "pgn",
    "geboortedatum",
    "geboren",
    "adres",
    "straat",
    "postcode",
    "email",
    "e-mail",
    "telefoon",
)

_XLSX_MAGIC = b"PK\x03\x04"
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0", b"MZ")


@dataclass(frozen=True)
class ImportProblem:
    row: int | None
    column: str
    message: str

    def __str__(self):
        where = []
        if self.row:
            where.append(f"regel {self.row}")
        if self.column:
            where.append(f"kolom '{self.column}'")
        prefix = ", ".join(where)
        return f"{prefix[:1].upper()}{prefix[1:]}: {self.message}" if prefix else self.message

    @property
    def path(self) -> str:
        """The same place for the API: 'row 5, column Groep' written as rows[5].Groep."""
        if self.row and self.column:
            return f"rows[{self.row}].{self.column}"
        return f"rows[{self.row}]" if self.row else self.column or "file"


class PupilFileError(Exception):
    """The file is not used: `.problems` (capped) and `.more` (how many were left off)."""

    def __init__(self, problems: list[ImportProblem], more: int = 0):
        self.problems = problems
        self.more = more
        super().__init__("; ".join(str(p) for p in problems))

    @property
    def messages(self) -> list[str]:
        lines = [str(p) for p in self.problems]
        if self.more:
            lines.append(f"… en nog {self.more} {'probleem' if self.more == 1 else 'problemen'}.")
        return lines


@dataclass(frozen=True)
class PupilFile:
    """What a pupil export adds up to: counts only."""

    counts: Counts
    domain_counts: Counts
    rows: int

    @property
    def total(self) -> int:
        return sum(sum(cells.values()) for cells in self.counts.values())


def _fail(message: str, row: int | None = None, column: str = "") -> PupilFileError:
    return PupilFileError([ImportProblem(row, column, message)])


def is_bsn(value: str) -> bool:
    """Nine digits that pass the elfproef (9·d1 + 8·d2 + … + 2·d8 - d9 divisible by 11)."""
    if len(value) != 9 or not value.isdigit():
        return False
    digits = [int(c) for c in value]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0 and total != 0


def _header_key(text) -> str:
    return re.sub(r"[\s_.]+", " ", str(text or "")).strip().lower()


def read_pupil_file(data: bytes, filename: str, scheme: Scheme, school_type: str) -> PupilFile:
    """Count the rows of a CSV or XLSX pupil export; PupilFileError with every problem."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _fail(too_large_message(len(data)))
    if not data.strip():
        raise _fail("Het bestand is leeg.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(
            "Het bestand is opgeslagen als UTF-16. Sla het op als 'CSV UTF-8' of als gewone CSV."
        )
    if data.startswith(_XLSX_MAGIC):
        rows = _xlsx_rows(data)
    elif data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise _fail(
            "Dit is geen CSV- of Excelbestand (xlsx). Exporteer de leerlinggegevens uit de "
            "leerlingadministratie als CSV of xlsx."
        )
    else:
        rows = _csv_rows(data)
    return _count(rows, scheme, school_type)


def too_large_message(size: int) -> str:
    return (
        f"Het bestand is {size / 1024 / 1024:.0f} MB; de grens is "
        f"{MAX_IMPORT_BYTES // 1024 // 1024} MB. Exporteer alleen de kolommen groep, categorie "
        "en eventueel domein."
    )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise _fail(
            f"Het bestand is geen UTF-8- en geen Windows-1252-tekst (teken 0x{data[exc.start]:02x}"
            "). Sla het op als 'CSV UTF-8'.",
            row,
        ) from None


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_rows(data: bytes) -> Iterator[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise _fail(
            "Dit bestand lijkt een Excelbestand, maar kan niet gelezen worden. Sla het opnieuw "
            "op als xlsx of als CSV."
        ) from None
    sheet = workbook.worksheets[0]

    def rows():
        try:
            for values in sheet.iter_rows(values_only=True):
                yield ["" if v is None else _cell_text(v) for v in values]
        finally:
            workbook.close()

    return rows()


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _columns(header: list[str]) -> tuple[int, int, int | None]:
    problems = []
    keys = [_header_key(h) for h in header]
    for number, key in enumerate(keys):
        if key in IDENTITY_HEADERS or ("naam" in key and key not in GROUP_HEADERS):
            problems.append(
                ImportProblem(
                    1,
                    header[number],
                    "deze kolom bevat gegevens die een leerling herkenbaar maken. Steunwijzer "
                    "bewaart alleen aantallen: exporteer alleen groep, categorie en eventueel "
                    "domein, zonder namen, BSN of geboortedatum.",
                )
            )
    if problems:
        raise PupilFileError(problems[:MAX_PROBLEMS], max(0, len(problems) - MAX_PROBLEMS))

    def find(names, what, required=True):
        found = [i for i, key in enumerate(keys) if key in names]
        if len(found) > 1:
            raise _fail(
                f"er zijn meerdere kolommen voor de {what}: "
                + ", ".join(f"'{header[i]}'" for i in found)
                + "; laat er één staan",
                1,
            )
        if not found and required:
            shown = ", ".join(f"'{h}'" for h in header if str(h).strip()) or "geen"
            raise _fail(
                f"geen kolom voor de {what} gevonden. Noem de kolom bijvoorbeeld "
                f"'{names[0].capitalize()}'. Gevonden kolommen: {shown}.",
                1,
            )
        return found[0] if found else None

    return (
        find(GROUP_HEADERS, "groep"),
        find(CATEGORY_HEADERS, "categorie"),
        find(DOMAIN_HEADERS, "domein", required=False),
    )


def _count(rows: Iterable[list[str]], scheme: Scheme, school_type: str) -> PupilFile:
    rows = iter(rows)
    try:
        header = next(rows)
    except StopIteration:
        raise _fail("Het bestand is leeg.") from None
    except csv.Error as exc:
        raise _fail(f"Het bestand is geen geldige CSV ({exc}).", 1) from None
    if not any(str(h).strip() for h in header):
        raise _fail("De eerste regel moet de kolomnamen bevatten, maar is leeg.", 1)
    group_at, category_at, domain_at = _columns(header)
    group_name, category_name = header[group_at], header[category_at]
    domain_name = header[domain_at] if domain_at is not None else ""
    # Lookups per distinct value, so 100,000 rows cost a dictionary hit each.
    groups: dict[str, str | None] = {}
    categories: dict[str, str | None] = {}
    domains: dict[str, str | None] = {}
    counts: Counts = {}
    domain_counts: Counts = {}
    problems: list[ImportProblem] = []
    total_problems = 0
    row_number = 1
    pupils = 0

    def problem(column, message):
        nonlocal total_problems
        total_problems += 1
        if len(problems) < MAX_PROBLEMS:
            problems.append(ImportProblem(row_number, column, message))

    width = max(group_at, category_at, domain_at or 0) + 1
    try:
        for row in rows:
            row_number += 1
            if not any(row):
                continue
            for number, cell in enumerate(row):
                if len(cell) == 9 and is_bsn(cell.strip()):
                    column = header[number] if number < len(header) else f"kolom {number + 1}"
                    problem(
                        column,
                        "dit lijkt een burgerservicenummer (BSN). Steunwijzer bewaart geen "
                        "gegevens van leerlingen; haal deze kolom uit het bestand.",
                    )
            if len(row) < width:
                row = row + [""] * (width - len(row))
            raw_group = row[group_at].strip()
            raw_category = row[category_at].strip()
            group = groups.get(raw_group, "?")
            if group == "?":
                group = groups[raw_group] = scheme.match_group(raw_group, school_type)
            category = categories.get(raw_category, "?")
            if category == "?":
                category = categories[raw_category] = scheme.match_category(raw_category)
            if not raw_group:
                problem(group_name, "de groep ontbreekt")
            elif group is None:
                problem(group_name, f"onbekende groep '{raw_group[:40]}'")
            if not raw_category:
                problem(category_name, "de categorie ontbreekt")
            elif category is None:
                problem(
                    category_name,
                    f"onbekende categorie '{raw_category[:40]}'; gebruik een van: "
                    + ", ".join(c.key for c in scheme.categories),
                )
            if group is None or category is None:
                continue
            pupils += 1
            cells = counts.setdefault(group, {})
            cells[category] = cells.get(category, 0) + 1
            if domain_at is not None and (raw_domain := row[domain_at].strip()):
                domain = domains.get(raw_domain, "?")
                if domain == "?":
                    domain = domains[raw_domain] = scheme.match_domain(raw_domain)
                if domain is None:
                    problem(
                        domain_name,
                        f"onbekend domein '{raw_domain[:40]}'; gebruik een van: "
                        + ", ".join(d.key for d in scheme.domains),
                    )
                else:
                    dcells = domain_counts.setdefault(group, {})
                    dcells[domain] = dcells.get(domain, 0) + 1
    except csv.Error as exc:
        problem("", f"dit is geen geldige CSV ({exc})")
    if problems:
        raise PupilFileError(problems, total_problems - len(problems))
    if not pupils:
        raise _fail("Het bestand heeft kolomnamen, maar geen enkele leerling.")
    return PupilFile(counts, domain_counts, pupils)

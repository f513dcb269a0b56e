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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .computation import Counts
from .scheme import Scheme
from .xlsx import XlsxError, xlsx_rows

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
        return _count(lambda: _xlsx_rows(data), scheme, school_type)
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise _fail(
            "Dit is geen CSV- of Excelbestand (xlsx). Exporteer de leerlinggegevens uit de "
            "leerlingadministratie als CSV of xlsx."
        )
    text = _decode(data)
    return _count(lambda: _csv_rows(text), scheme, school_type)


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


def _csv_rows(text: str) -> Iterator[list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


_UNREADABLE_XLSX = (
    "Dit bestand lijkt een Excelbestand, maar kan niet gelezen worden. Sla het opnieuw op als "
    "xlsx of als CSV."
)


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _fail(_UNREADABLE_XLSX) from None

    def rows():
        try:
            yield from xlsx_rows(archive)
        except XlsxError as exc:
            raise _fail(str(exc)) from None
        except (zipfile.BadZipFile, OSError, ValueError, UnicodeDecodeError, EOFError):
            raise _fail(_UNREADABLE_XLSX) from None

    return rows()


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


class _Tally:
    """Counts rows into groups and categories; each distinct value is looked up once."""

    def __init__(self, header: list[str], scheme: Scheme, school_type: str):
        self.header = header
        self.scheme = scheme
        self.school_type = school_type
        self.group_at, self.category_at, self.domain_at = _columns(header)
        self.width = max(self.group_at, self.category_at, self.domain_at or 0) + 1
        self.groups: dict[str, str | None] = {}
        self.categories: dict[str, str | None] = {}
        self.domains: dict[str, str | None] = {}
        self.counts: Counts = {}
        self.domain_counts: Counts = {}
        self.problems: list[ImportProblem] = []
        self.total_problems = 0
        self.pupils = 0

    def problem(self, row_number, at, message):
        self.total_problems += 1
        if len(self.problems) < MAX_PROBLEMS:
            column = self.header[at] if at < len(self.header) else f"kolom {at + 1}"
            self.problems.append(ImportProblem(row_number, column, message))

    def lookup(self, cache, raw, match):
        found = cache.get(raw, "?")
        if found == "?":
            found = cache[raw] = match(raw)
        return found

    def add(self, row, weight: int, row_number: int | None) -> None:
        if not any(row):
            return
        for at, cell in enumerate(row) if 9 in map(len, row) else ():
            if len(cell) == 9 and is_bsn(cell):
                self.problem(
                    row_number,
                    at,
                    "dit lijkt een burgerservicenummer (BSN). Steunwijzer bewaart geen "
                    "gegevens van leerlingen; haal deze kolom uit het bestand.",
                )
        if len(row) < self.width:
            row = (*row, *[""] * (self.width - len(row)))
        raw_group = row[self.group_at].strip()
        raw_category = row[self.category_at].strip()
        group = self.lookup(
            self.groups, raw_group, lambda v: self.scheme.match_group(v, self.school_type)
        )
        category = self.lookup(self.categories, raw_category, self.scheme.match_category)
        if not raw_group:
            self.problem(row_number, self.group_at, "de groep ontbreekt")
        elif group is None:
            self.problem(row_number, self.group_at, f"onbekende groep '{raw_group[:40]}'")
        if not raw_category:
            self.problem(row_number, self.category_at, "de categorie ontbreekt")
        elif category is None:
            self.problem(
                row_number,
                self.category_at,
                f"onbekende categorie '{raw_category[:40]}'; gebruik een van: "
                + ", ".join(self.scheme.category_keys),
            )
        if group is None or category is None:
            return
        self.pupils += weight
        cells = self.counts.setdefault(group, {})
        cells[category] = cells.get(category, 0) + weight
        if self.domain_at is not None and (raw_domain := row[self.domain_at].strip()):
            domain = self.lookup(self.domains, raw_domain, self.scheme.match_domain)
            if domain is None:
                self.problem(
                    row_number,
                    self.domain_at,
                    f"onbekend domein '{raw_domain[:40]}'; gebruik een van: "
                    + ", ".join(self.scheme.domain_keys),
                )
            else:
                cells = self.domain_counts.setdefault(group, {})
                cells[domain] = cells.get(domain, 0) + weight


def _header(rows) -> list[str]:
    try:
        header = next(rows)
    except StopIteration:
        raise _fail("Het bestand is leeg.") from None
    except csv.Error as exc:
        raise _fail(f"Het bestand is geen geldige CSV ({exc}).", 1) from None
    if not any(str(h).strip() for h in header):
        raise _fail("De eerste regel moet de kolomnamen bevatten, maar is leeg.", 1)
    return header


def _count(make_rows, scheme: Scheme, school_type: str) -> PupilFile:
    """First the distinct rows, counted in C (an export repeats a few combinations); only
    when something is wrong are the rows read again one by one, to name each problem's row."""
    rows = make_rows()
    tally = _Tally(_header(rows), scheme, school_type)
    try:
        distinct = Counter(map(tuple, rows))
    except csv.Error:
        distinct = None
    if distinct is not None:
        for row, weight in distinct.items():
            tally.add(row, weight, None)
    if distinct is None or tally.problems:
        rows = make_rows()
        tally = _Tally(_header(rows), scheme, school_type)
        row_number = 1
        try:
            for row_number, row in enumerate(rows, start=2):
                tally.add(row, 1, row_number)
        except csv.Error as exc:
            tally.problem(row_number + 1, 0, f"dit is geen geldige CSV ({exc})")
    if tally.problems:
        raise PupilFileError(tally.problems, tally.total_problems - len(tally.problems))
    if not tally.pupils:
        raise _fail("Het bestand heeft kolomnamen, maar geen enkele leerling.")
    return PupilFile(tally.counts, tally.domain_counts, tally.pupils)

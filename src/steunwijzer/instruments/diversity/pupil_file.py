"""Reading a pupil export (CSV or XLSX) straight into counts per group and category.

Pure Python, no Django. A school's pupil administration exports one row per pupil with the
group, the category and optionally the domain. This module counts those rows as it reads them
and keeps nothing per pupil; a file that holds names, BSN, dates of birth or contact details
is refused outright (`identity`) so it is never counted. Every problem names the row and the
column; its message is a `Text` (`wording`), translated (into Dutch) when it is shown, so the
child process that reads the file needs no Django. The list is capped (`MAX_PROBLEMS`) with a
closing "… and N more". Header names
are matched leniently (`GROUP_HEADERS`, `CATEGORY_HEADERS`, `DOMAIN_HEADERS`; documented in
docs/instruments-diversity.md).

The file is untrusted: `read_pupil_file` reads it in a child process held to
`PARSE_MEMORY_MB` of memory and `PARSE_SECONDS` of CPU time (`steunwijzer.core.bounded`), and
`pupil_rows` refuses what no real export does before the work grows.
"""

import json
import pickle
from collections import Counter
from dataclasses import dataclass
from datetime import date

from steunwijzer.core.bounded import Overrun, run_bounded
from steunwijzer.instruments.wording import Text, _, from_data, gettext_noop, ngettext_lazy

from .computation import Counts
from .identity import (
    ADDRESS,
    BIRTH_DATE,
    BSN,
    EMAIL,
    NAMES,
    ONDERWIJSNUMMER,
    PHONE,
    header_is_identity,
    is_name_column,
    looks_like_name,
    value_identity,
)
from .pupil_rows import RowsError, read_rows
from .scheme import Scheme

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_PROBLEMS = 20
PARSE_SECONDS = 2
PARSE_MEMORY_MB = 200

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
_OVERRUN = {
    "time": _(
        "The file cannot be read within %(seconds)s seconds. Export only the columns group, "
        "category and possibly domain, as CSV.",
        seconds=f"{PARSE_SECONDS:.0f}",
    ),
    "memory": _(
        "Reading the file takes too much memory: unpacked it is too large, or it has too many "
        "lines or columns. Export only the columns group, category and possibly domain, as CSV."
    ),
    "failed": _(
        "The file cannot be read. Save it again as xlsx or as CSV and try once more.",
    ),
}
# What `identity` found in a column, as the problem says it.
_IDENTITY_MESSAGES = {
    BSN: _(
        "this looks like a citizen service number (BSN). Steunwijzer keeps no data of pupils; "
        "remove this column from the file."
    ),
    ONDERWIJSNUMMER: _(
        "this looks like an education number. Steunwijzer keeps no data of pupils; remove this "
        "column from the file."
    ),
    BIRTH_DATE: _(
        "this looks like a date of birth. Steunwijzer keeps no data of pupils; remove this column "
        "from the file."
    ),
    EMAIL: _(
        "this looks like an e-mail address. Steunwijzer keeps no data of pupils; remove this "
        "column from the file."
    ),
    PHONE: _(
        "this looks like a phone number. Steunwijzer keeps no data of pupils; remove this column "
        "from the file."
    ),
    ADDRESS: _(
        "this looks like an address or postcode. Steunwijzer keeps no data of pupils; remove this "
        "column from the file."
    ),
    NAMES: _(
        "this column seems to hold names of people. Steunwijzer keeps no data of pupils; remove "
        "this column from the file."
    ),
}


@dataclass(frozen=True)
class ImportProblem:
    row: int | None
    column: "str | Text"
    message: "str | Text"

    def __str__(self):
        if self.row and self.column:
            said = _(
                "Line %(row)s, column '%(column)s': %(message)s",
                row=self.row,
                column=self.column,
                message=self.message,
            )
        elif self.row:
            said = _("Line %(row)s: %(message)s", row=self.row, message=self.message)
        elif self.column:
            said = _("Column '%(column)s': %(message)s", column=self.column, message=self.message)
        else:
            said = self.message
        return str(said)

    @property
    def path(self) -> str:
        """The same place for the API: 'row 5, column Groep' written as rows[5].Groep."""
        if self.row and self.column:
            return f"rows[{self.row}].{self.column}"
        return f"rows[{self.row}]" if self.row else str(self.column) or "file"


class PupilFileError(Exception):
    """The file is not used: `.problems` (capped) and `.more` (how many were left off)."""

    def __init__(self, problems: list[ImportProblem], more: int = 0):
        self.problems = problems
        self.more = more
        super().__init__("; ".join(str(p) for p in problems))

    @classmethod
    def capped(cls, problems: list[ImportProblem]) -> "PupilFileError":
        """The first MAX_PROBLEMS of these problems, and how many more there were."""
        return cls(problems[:MAX_PROBLEMS], max(0, len(problems) - MAX_PROBLEMS))

    @property
    def messages(self) -> list[str]:
        lines = [str(p) for p in self.problems]
        if self.more:
            lines.append(
                str(
                    ngettext_lazy(
                        "… and %(n)s more problem.",
                        "… and %(n)s more problems.",
                        self.more,
                        n=self.more,
                    )
                )
            )
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


def _fail(message: "str | Text", row: int | None = None, column: str = "") -> PupilFileError:
    return PupilFileError([ImportProblem(row, column, message)])


def _header_key(text) -> str:
    return " ".join(str(text or "").replace("_", " ").replace(".", " ").split()).lower()


def read_pupil_file(data: bytes, filename: str, scheme: Scheme, school_type: str) -> PupilFile:
    """Count the rows of a CSV or XLSX pupil export; PupilFileError with every problem.

    The file is read in a child process within `PARSE_SECONDS` of CPU and `PARSE_MEMORY_MB`: a
    file that needs more is refused with a message, and the web worker never holds it. The
    child's messages come back as msgids (`wording.Text.as_data`) and are translated here."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _fail(too_large_message(len(data)))
    payload = pickle.dumps((data, scheme, school_type, date.today()))
    try:
        answer = json.loads(
            run_bounded(
                f"{__name__}:_count_in_child",
                payload,
                seconds=PARSE_SECONDS,
                memory_mb=PARSE_MEMORY_MB,
            )
        )
    except Overrun as exc:
        raise _fail(_OVERRUN[exc.reason]) from None
    if "problems" in answer:
        problems = [
            ImportProblem(row, str(from_data(column)), str(from_data(message)))
            for row, column, message in answer["problems"]
        ]
        raise PupilFileError(problems, answer["more"])
    return PupilFile(answer["counts"], answer["domain_counts"], answer["rows"])


def _count_in_child(payload: bytes) -> bytes:
    """`count_pupil_file` as the bounded child runs it: pickled arguments in (from our own
    process), JSON out (never a pickle from the process that read the untrusted file)."""
    data, scheme, school_type, today = pickle.loads(payload)
    try:
        found = count_pupil_file(data, scheme, school_type, today)
    except PupilFileError as exc:
        answer = {
            "problems": [[p.row, _as_data(p.column), _as_data(p.message)] for p in exc.problems],
            "more": exc.more,
        }
    else:
        answer = {"counts": found.counts, "domain_counts": found.domain_counts, "rows": found.rows}
    return json.dumps(answer).encode()


def count_pupil_file(data: bytes, scheme: Scheme, school_type: str, today: date) -> PupilFile:
    """The counting itself, unbounded: only for the child process and for tests of the rules."""
    if not data.strip():
        raise _fail(_EMPTY)
    try:
        return _count(lambda: read_rows(data), scheme, school_type, today)
    except RowsError as exc:
        raise _fail(exc.message, exc.row) from None


def _as_data(value: "str | Text"):
    return value.as_data() if isinstance(value, Text) else value


def too_large_message(size: int) -> str:
    """Said where the file is refused: translated now."""
    return str(
        _(
            "The file is %(size)s MB; the limit is %(max)s MB. Export only the columns group, "
            "category and possibly domain.",
            size=f"{size / 1024 / 1024:.0f}",
            max=MAX_IMPORT_BYTES // 1024 // 1024,
        )
    )


_EMPTY = _("The file is empty.")


def _columns(header: list[str]) -> tuple[int, int, int | None]:
    problems = []
    keys = [_header_key(h) for h in header]
    for number, key in enumerate(keys):
        if header_is_identity(key, exempt=(*GROUP_HEADERS, *CATEGORY_HEADERS, *DOMAIN_HEADERS)):
            problems.append(
                ImportProblem(
                    1,
                    header[number],
                    _(
                        "this column holds data that make a pupil recognisable. Steunwijzer keeps "
                        "only numbers: export only group, category and possibly domain, without "
                        "names, BSN or date of birth."
                    ),
                )
            )
    if problems:
        raise PupilFileError.capped(problems)

    def find(names, wording, required=True):
        found = [i for i, key in enumerate(keys) if key in names]
        if len(found) > 1:
            raise _fail(
                _(wording["several"], columns=", ".join(f"'{header[i]}'" for i in found)), 1
            )
        if not found and required:
            # Never empty: `_header` refused a first line without column names.
            shown = ", ".join(f"'{h}'" for h in header if str(h).strip())
            raise _fail(
                _(
                    wording["missing"],
                    example=names[0].capitalize(),
                    found=shown,
                ),
                1,
            )
        return found[0] if found else None

    return (
        find(GROUP_HEADERS, _GROUP_COLUMN),
        find(CATEGORY_HEADERS, _CATEGORY_COLUMN),
        find(DOMAIN_HEADERS, _DOMAIN_COLUMN, required=False),
    )


# What `_columns` says when a column is missing or found twice, per kind of column: msgids,
# given their values where the problem is made.
_GROUP_COLUMN = {
    "several": gettext_noop("there are several columns for the group: %(columns)s; leave one"),
    "missing": gettext_noop(
        "no column for the group found. Call the column for example '%(example)s'. Columns "
        "found: %(found)s."
    ),
}
_CATEGORY_COLUMN = {
    "several": gettext_noop("there are several columns for the category: %(columns)s; leave one"),
    "missing": gettext_noop(
        "no column for the category found. Call the column for example '%(example)s'. Columns "
        "found: %(found)s."
    ),
}
_DOMAIN_COLUMN = {
    "several": gettext_noop("there are several columns for the domain: %(columns)s; leave one"),
    "missing": gettext_noop(
        "no column for the domain found. Call the column for example '%(example)s'. Columns "
        "found: %(found)s."
    ),
}


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

    def header_name(self, at: int) -> str:
        return self.header[at] if at < len(self.header) else _("column %(number)s", number=at + 1)

    def problem(self, row_number, at, message):
        self.total_problems += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(ImportProblem(row_number, self.header_name(at), message))

    def lookup(self, cache, raw, match):
        found = cache.get(raw, "?")
        if found == "?":
            found = cache[raw] = match(raw)
        return found

    def add(self, row, weight: int, row_number: int | None) -> None:
        if not any(row):
            return
        if len(row) < self.width:
            row = (*row, *[""] * (self.width - len(row)))
        raw_group = row[self.group_at].strip()
        raw_category = row[self.category_at].strip()
        group = self.lookup(
            self.groups, raw_group, lambda v: self.scheme.match_group(v, self.school_type)
        )
        category = self.lookup(self.categories, raw_category, self.scheme.match_category)
        if not raw_group:
            self.problem(row_number, self.group_at, _("the group is missing"))
        elif group is None:
            self.problem(
                row_number, self.group_at, _("unknown group '%(group)s'", group=raw_group[:40])
            )
        if not raw_category:
            self.problem(row_number, self.category_at, _("the category is missing"))
        elif category is None:
            self.problem(
                row_number,
                self.category_at,
                _(
                    "unknown category '%(category)s'; use one of: %(choices)s",
                    category=raw_category[:40],
                    choices=", ".join(self.scheme.category_keys),
                ),
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
                    _(
                        "unknown domain '%(domain)s'; use one of: %(choices)s",
                        domain=raw_domain[:40],
                        choices=", ".join(self.scheme.domain_keys),
                    ),
                )
            else:
                cells = self.domain_counts.setdefault(group, {})
                cells[domain] = cells.get(domain, 0) + weight


def _header(rows) -> list[str]:
    try:
        header = next(rows)
    except StopIteration:
        raise _fail(_EMPTY) from None
    if not any(str(h).strip() for h in header):
        raise _fail(_("The first line must hold the column names, but it is empty."), 1)
    return header


def _identity(tally: "_Tally", distinct: Counter, today: date) -> dict[int, str]:
    """Column → what identifying thing it holds, judged on the distinct rows."""
    found: dict[int, str] = {}
    known = {tally.group_at, tally.category_at, tally.domain_at}
    free: dict[int, Counter] = {}
    judged: dict[str, str | None] = {}
    for row, weight in distinct.items():
        for at, cell in enumerate(row):
            if at in found:
                continue
            what = (
                judged[cell]
                if cell in judged
                else judged.setdefault(cell, value_identity(cell, today))
            )
            if what:
                found[at] = what
            elif at not in known:
                free.setdefault(at, Counter())[cell] += weight
    for at, values in free.items():
        if at not in found and is_name_column(values):
            found[at] = NAMES
    return found


def _identity_error(tally: "_Tally", found: dict[int, str], make_rows, today: date):
    """Each identifying column with the first line that shows it; the values are not quoted."""
    first: dict[int, int] = {}
    rows = make_rows()
    next(rows)
    for number, row in enumerate(rows, start=2):
        for at, what in found.items():
            if at in first or at >= len(row):
                continue
            cell = row[at].strip()
            if looks_like_name(cell) if what == NAMES else value_identity(cell, today) == what:
                first[at] = number
        if len(first) == len(found):
            break
    problems = [
        ImportProblem(first.get(at), tally.header_name(at), _IDENTITY_MESSAGES[what])
        for at, what in sorted(found.items())
    ]
    return PupilFileError.capped(problems)


def _count(make_rows, scheme: Scheme, school_type: str, today: date) -> PupilFile:
    """First the distinct rows, counted in C (an export repeats a few combinations); only
    when something is wrong are the rows read again one by one, to name each problem's row."""
    rows = make_rows()
    tally = _Tally(_header(rows), scheme, school_type)
    distinct = Counter(map(tuple, rows))
    if found := _identity(tally, distinct, today):
        raise _identity_error(tally, found, make_rows, today)
    for row, weight in distinct.items():
        tally.add(row, weight, None)
    if tally.problems:
        rows = make_rows()
        tally = _Tally(_header(rows), scheme, school_type)
        for row_number, row in enumerate(rows, start=2):
            tally.add(row, 1, row_number)
    if tally.problems:
        raise PupilFileError(tally.problems, tally.total_problems - len(tally.problems))
    if not tally.pupils:
        raise _fail(_("The file has column names, but not a single pupil."))
    return PupilFile(tally.counts, tally.domain_counts, tally.pupils)

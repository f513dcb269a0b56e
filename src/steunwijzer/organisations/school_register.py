"""DUO's open-data file of school locations, read into plain rows.

Pure Python, no Django: it runs in the bounded child process (core/bounded.py), because the
file is uploaded by a person and may be anything. DUO publishes "Alle schoolvestigingen in het
basisonderwijs" and "… in het speciaal basisonderwijs en (voortgezet) speciaal onderwijs" as
CSV with a semicolon between the columns and the column names below; the older layout
(`BRIN NUMMER`, `VESTIGINGSNUMMER`, `INSTELLINGSNAAM VESTIGING`) is read too. Other columns
(correspondence address, regions, telephone) are ignored.

Problems come back as codes with their values (`Problem`); the service words them in Dutch
with the line and the column, so the whole file is refused at once with everything that is
wrong in it.
"""

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, field

# Our name for a value: the DUO column names that hold it, the current layout first.
COLUMNS = {
    "code": ("VESTIGINGSCODE",),  # "12AB00": BRIN plus vestiging
    "brin": ("INSTELLINGSCODE", "BRIN NUMMER"),
    "vestiging": ("VESTIGINGSNUMMER",),  # older layout: "0", "1" or "12AB01"
    "name": ("VESTIGINGSNAAM", "INSTELLINGSNAAM VESTIGING", "INSTELLINGSNAAM"),
    "street": ("STRAATNAAM",),
    "house_number": ("HUISNUMMER-TOEVOEGING", "HUISNUMMER"),
    "postcode": ("POSTCODE",),
    "city": ("PLAATSNAAM",),
    "municipality": ("GEMEENTENAAM",),
    "denomination": ("DENOMINATIE",),
    "website": ("INTERNETADRES",),
    "board_number": ("BEVOEGD GEZAG NUMMER", "BEVOEGD GEZAG"),
    "board_name": ("BEVOEGD GEZAG NAAM", "NAAM BEVOEGD GEZAG"),
    "kind": ("SOORT PO", "ONDERWIJSSOORT"),
}
REQUIRED = ("brin", "name", "street", "postcode", "city", "municipality", "board_number")

# The most rows a file may have: DUO's national file of primary locations has about 7,000.
MAX_ROWS = 20_000
# Problems listed at most; the count says how many more there were.
MAX_PROBLEMS = 50

BRIN = re.compile(r"^\d{2}[A-Z]{2}$")
POSTCODE = re.compile(r"^(\d{4}) ?([A-Z]{2})$")
BOARD_NUMBER = re.compile(r"^\d{1,10}$")


@dataclass(frozen=True)
class Problem:
    line: int  # 1 is the header
    column: str  # the DUO column name, "" for the whole line or file
    code: str
    value: str = ""


@dataclass(frozen=True)
class Location:
    line: int
    brin: str
    vestiging: str
    name: str
    street_address: str
    postcode: str
    city: str
    municipality: str
    denomination: str
    website: str
    board_number: str
    board_name: str
    school_type: str  # bao, sbo, so

    @property
    def brin_code(self) -> str:
        return f"{self.brin}{self.vestiging}"


@dataclass
class Register:
    locations: list[Location] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    more: int = 0
    # Lines of voortgezet speciaal onderwijs alone: not primary education, left out.
    skipped_vso: int = 0

    def add(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more += 1


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, in which DUO published for years."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_register(data: bytes) -> Register:
    register = Register()
    text = decode(data)
    if not text.strip():
        register.add(Problem(0, "", "empty"))
        return register
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    )
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip().upper() for cell in next(rows)]
    except csv.Error:
        register.add(Problem(1, "", "not_csv"))
        return register
    where = _columns(header)
    missing = [COLUMNS[key][0] for key in REQUIRED if key not in where]
    if "code" not in where and "vestiging" not in where:
        missing.append(COLUMNS["code"][0])
    if missing:
        register.add(Problem(1, "", "missing_columns", ", ".join(missing)))
        return register
    seen: dict[str, int] = {}
    try:
        for line, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if line - 1 > MAX_ROWS:
                register.problems[:] = [Problem(line, "", "too_many_rows", str(MAX_ROWS))]
                return register
            if len(row) != len(header):
                register.add(Problem(line, "", "column_count", str(len(row))))
                continue
            location = _location(line, row, where, header, register)
            if location is None:
                continue
            first = seen.setdefault(location.brin_code, line)
            if first != line:
                register.add(Problem(line, header[where["brin"]], "twice", str(first)))
                continue
            register.locations.append(location)
    except csv.Error:
        register.add(Problem(rows.line_num, "", "not_csv"))
    return register


def _columns(header: list[str]) -> dict[str, int]:
    where = {}
    for key, names in COLUMNS.items():
        for name in names:
            if name in header:
                where[key] = header.index(name)
                break
    return where


def _location(line, row, where, header, register) -> Location | None:
    def value(key: str) -> str:
        return " ".join(row[where[key]].split()) if key in where else ""

    before = len(register.problems) + register.more
    for key in REQUIRED:
        if not value(key):
            register.add(Problem(line, header[where[key]], "empty"))
    brin, vestiging = _code(value("code"), value("brin"), value("vestiging"))
    if value("brin") and not BRIN.match(brin):
        register.add(Problem(line, header[where["brin"]], "brin", value("brin")))
    column = header[where["code"]] if "code" in where else header[where["vestiging"]]
    if vestiging is None:
        register.add(Problem(line, column, "vestiging", value("code") or value("vestiging")))
    postcode = POSTCODE.match(value("postcode").upper())
    if value("postcode") and not postcode:
        register.add(Problem(line, header[where["postcode"]], "postcode", value("postcode")))
    if value("board_number") and not BOARD_NUMBER.match(value("board_number")):
        board_column = header[where["board_number"]]
        register.add(Problem(line, board_column, "board_number", value("board_number")))
    kind = _school_type(value("kind"))
    if kind is None:
        register.add(Problem(line, header[where["kind"]], "kind", value("kind")))
    if len(register.problems) + register.more > before:
        return None
    if kind == "vso":
        register.skipped_vso += 1
        return None
    return Location(
        line=line,
        brin=brin,
        vestiging=vestiging,
        name=value("name")[:200],
        street_address=f"{_cased(value('street'))} {value('house_number')}".strip()[:200],
        postcode=f"{postcode.group(1)} {postcode.group(2)}",
        city=_cased(value("city"))[:100],
        municipality=_cased(value("municipality"))[:100],
        denomination=value("denomination")[:100],
        website=_website(value("website")),
        board_number=value("board_number"),
        board_name=value("board_name")[:200],
        school_type=kind,
    )


def _code(code: str, brin: str, vestiging: str) -> tuple[str, str | None]:
    """BRIN and the two-digit vestiging, from a VESTIGINGSCODE ("12AB00") or from the older
    BRIN NUMMER with VESTIGINGSNUMMER ("0", "00" or "12AB01")."""
    brin = brin.upper()
    code = code.upper() or vestiging.upper()
    if len(code) == 6 and code[:4] == brin and code[4:].isdigit():
        return brin, code[4:]
    if code.isdigit() and len(code) <= 2:
        return brin, code.zfill(2)
    return brin, None


def _school_type(kind: str) -> str | None:
    """bao, sbo, so, or "vso" for a line to leave out; None for a value we do not know."""
    kind = kind.upper().replace("(", "").replace(")", "")
    if not kind or kind in ("BAO", "BO", "BASISONDERWIJS", "BASISSCHOOL"):
        return "bao"
    if kind in ("SBO", "SPECIAAL BASISONDERWIJS"):
        return "sbo"
    if kind in ("SO", "SPECIAAL ONDERWIJS", "VSO/SO", "SO/VSO", "SO EN VSO", "VSO EN SO"):
        return "so"
    if kind in ("VSO", "VOORTGEZET SPECIAAL ONDERWIJS"):
        return "vso"
    return None


def _cased(value: str) -> str:
    """DUO writes streets and places in capitals: "DEN HAAG" becomes "Den Haag"."""
    return value.title() if value.isupper() else value


def _website(value: str) -> str:
    if not value:
        return ""
    value = value.lower()
    return value if value.startswith(("http://", "https://")) else f"https://{value}"


def read_in_child(payload: bytes) -> bytes:
    """`read_register` as the bounded child runs it: the file's bytes in, JSON out."""
    register = read_register(payload)
    return json.dumps(
        {
            "locations": [asdict(location) for location in register.locations],
            "problems": [asdict(problem) for problem in register.problems],
            "more": register.more,
            "skipped_vso": register.skipped_vso,
        }
    ).encode()


def register_from_json(answer: bytes) -> Register:
    data = json.loads(answer)
    return Register(
        locations=[Location(**location) for location in data["locations"]],
        problems=[Problem(**problem) for problem in data["problems"]],
        more=data["more"],
        skipped_vso=data["skipped_vso"],
    )

"""A partnership's boards and schools from DUO's file of school locations.

The file is read in a bounded child process (`school_register`, pure); a file with any problem
is refused whole, every problem named with its line and column. The import creates or updates
the partnership's boards (by bevoegd-gezagnummer) and schools (by BRIN and vestiging); running
it twice changes nothing; a school of the partnership that is not in the file is reported,
never deleted (it may have SOPs, and DUO may simply be behind). Districts are not in DUO's
file: a new school gets its district from the partnership's postcode ranges (`districts.py`),
and the import leaves the district of a known school as it is. New and moved schools are
placed on the map after the commit (`locations.schools_geocode`), not inside the transaction.
"""

from dataclasses import dataclass, field
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from steunwijzer.core.bounded import Overrun, run_bounded
from steunwijzer.core.uploads import size_text

from .districts import district_for, ranges_from_data
from .locations import GeocodeReport, geocode_after_commit, schools_geocode
from .models import Board, Partnership, School
from .school_register import Location, Register, register_from_json

# DUO's national file of primary locations is about 1.5 MB; a region's cut is far smaller.
MAX_IMPORT_BYTES = 5 * 1024 * 1024
PARSE_SECONDS = 5
PARSE_MEMORY_MB = 300

# What the import keeps up to date on a school, and how a change is named.
SCHOOL_FIELDS = (
    "name",
    "street_address",
    "postcode",
    "city",
    "municipality",
    "denomination",
    "website",
    "school_type",
)


class RegisterRefused(Exception):
    """The file is not imported; `problems` are Dutch sentences, the first ones of the file."""

    def __init__(self, problems: list[str], more: int = 0):
        self.problems = problems
        self.more = more
        super().__init__("; ".join(problems))


def _problem_text(problem) -> str:
    messages = {
        "empty": _("this value is empty"),
        "not_csv": _("this is not a CSV file as DUO publishes it"),
        "missing_columns": _("the columns %(value)s are missing; use DUO's file as published"),
        "too_many_rows": _("the file has more than %(value)s lines"),
        "column_count": _("this line has %(value)s columns, the header another number"),
        "twice": _("this school location is already on line %(value)s"),
        "brin": _("“%(value)s” is not a BRIN (two digits and two letters)"),
        "vestiging": _("“%(value)s” is not a location number"),
        "postcode": _("“%(value)s” is not a Dutch postcode (1234 AB)"),
        "board_number": _("“%(value)s” is not a board number (digits)"),
        "kind": _("“%(value)s” is not a type of primary school we know (BAO, SBO, SO)"),
    }
    text = messages[problem.code] % {"value": problem.value}
    if problem.line == 0:
        return _("The file: %(text)s.") % {"text": text}
    if problem.column:
        return _("Line %(line)s, column %(column)s: %(text)s.") % {
            "line": problem.line,
            "column": problem.column,
            "text": text,
        }
    return _("Line %(line)s: %(text)s.") % {"line": problem.line, "text": text}


def register_read(data: bytes) -> Register:
    """The locations in DUO's file, or RegisterRefused with every problem in it."""
    if not data.strip():
        raise RegisterRefused([_("The file is empty.")])
    if len(data) > MAX_IMPORT_BYTES:
        raise RegisterRefused(
            [
                _("The file is %(size)s; at most %(max)s can be imported.")
                % {"size": size_text(len(data)), "max": size_text(MAX_IMPORT_BYTES)}
            ]
        )
    try:
        answer = run_bounded(
            "steunwijzer.organisations.school_register:read_in_child",
            data,
            seconds=PARSE_SECONDS,
            memory_mb=PARSE_MEMORY_MB,
        )
    except Overrun:
        raise RegisterRefused(
            [_("Reading the file took too long or too much memory; is it DUO's CSV file?")]
        ) from None
    register = register_from_json(answer)
    if register.problems:
        raise RegisterRefused([_problem_text(p) for p in register.problems], register.more)
    return register


@dataclass
class ImportPlan:
    new_boards: list[tuple[str, str]] = field(default_factory=list)  # (number, name)
    renamed_boards: list[tuple[Board, str]] = field(default_factory=list)
    new_schools: list[Location] = field(default_factory=list)
    # Per school: (field's verbose name, old, new) for each value the file changes.
    changed_schools: list[tuple[School, list[tuple[str, str, str]]]] = field(default_factory=list)
    unchanged: int = 0
    left: list[School] = field(default_factory=list)
    skipped_vso: int = 0
    outside: int = 0  # lines of municipalities the import was not asked for
    # Filled in after the commit by the geocoding of the schools without coordinates.
    geocoding: GeocodeReport | None = None

    @property
    def changes_anything(self) -> bool:
        return bool(
            self.new_boards or self.renamed_boards or self.new_schools or self.changed_schools
        )

    def summary(self) -> list[str]:
        """The plan in Dutch sentences, for the command line and the page (what the geocoding
        after the commit did is `geocoding`'s to say, apart: its problems are warnings)."""
        lines = [
            ngettext("%(n)s new board.", "%(n)s new boards.", len(self.new_boards))
            % {"n": len(self.new_boards)},
            ngettext("%(n)s new school.", "%(n)s new schools.", len(self.new_schools))
            % {"n": len(self.new_schools)},
            ngettext("%(n)s school changes.", "%(n)s schools change.", len(self.changed_schools))
            % {"n": len(self.changed_schools)},
            ngettext("%(n)s school stays the same.", "%(n)s schools stay the same.", self.unchanged)
            % {"n": self.unchanged},
        ]
        if self.renamed_boards:
            lines.append(
                ngettext(
                    "%(n)s board gets its name from the file.",
                    "%(n)s boards get their names from the file.",
                    len(self.renamed_boards),
                )
                % {"n": len(self.renamed_boards)}
            )
        if self.left:
            lines.append(
                ngettext(
                    "%(n)s school of the partnership is not in the file: %(names)s. It is "
                    "not deleted; check whether it has closed or merged.",
                    "%(n)s schools of the partnership are not in the file: %(names)s. They "
                    "are not deleted; check whether they have closed or merged.",
                    len(self.left),
                )
                % {
                    "n": len(self.left),
                    "names": ", ".join(f"{s.brin_code} {s.name}" for s in self.left),
                }
            )
        if self.skipped_vso:
            lines.append(
                ngettext(
                    "%(n)s line of voortgezet speciaal onderwijs was left out.",
                    "%(n)s lines of voortgezet speciaal onderwijs were left out.",
                    self.skipped_vso,
                )
                % {"n": self.skipped_vso}
            )
        return lines


def _geocode(plan: ImportPlan, partnership: Partnership) -> None:
    """After the import's commit: place the schools it wrote (and any other without
    coordinates); the plan then reports what could not be placed."""
    plan.geocoding = schools_geocode(partnership=partnership)


def _in_scope(location: Location, municipalities: set[str]) -> bool:
    return not municipalities or location.municipality.casefold() in municipalities


def _values(location: Location) -> dict:
    return {name: getattr(location, name) for name in SCHOOL_FIELDS}


@transaction.atomic
def schools_import(
    *, partnership: Partnership, register: Register, municipalities=(), dry_run: bool = False
) -> ImportPlan:
    """Create or update the partnership's boards and schools from the file's locations; with
    `dry_run` only say what would change. All or nothing."""
    wanted = {m.strip().casefold() for m in municipalities if m.strip()}
    locations = [loc for loc in register.locations if _in_scope(loc, wanted)]
    plan = ImportPlan(
        skipped_vso=register.skipped_vso, outside=len(register.locations) - len(locations)
    )
    others = {
        s.brin_code: s
        for s in School.objects.exclude(board__partnership=partnership).select_related(
            "board__partnership"
        )
    }
    elsewhere = [loc for loc in locations if loc.brin_code in others]
    if elsewhere:
        raise RegisterRefused(
            [
                _(
                    "Line %(line)s: school %(code)s belongs to another partnership "
                    "(%(partnership)s); leave it out of the file or ask the administrator."
                )
                % {
                    "line": loc.line,
                    "code": loc.brin_code,
                    "partnership": others[loc.brin_code].board.partnership.name,
                }
                for loc in elsewhere
            ]
        )
    ranges = ranges_from_data(partnership.district_ranges)
    boards = {b.board_number: b for b in Board.objects.filter(partnership=partnership)}
    schools = {
        s.brin_code: s
        for s in School.objects.filter(board__partnership=partnership).select_related("board")
    }
    for location in locations:
        board = boards.get(location.board_number)
        if board is None:
            name = location.board_name or _("Board %(number)s") % {"number": location.board_number}
            plan.new_boards.append((location.board_number, name))
            board = Board(partnership=partnership, name=name, board_number=location.board_number)
            if not dry_run:
                board.save()
            boards[location.board_number] = board
        elif location.board_name and board.name != location.board_name:
            plan.renamed_boards.append((board, location.board_name))
            board.name = location.board_name
            if not dry_run:
                board.save(update_fields=["name"])
        school = schools.get(location.brin_code)
        if school is None:
            plan.new_schools.append(location)
            if not dry_run:
                geocode_after_commit(
                    School(
                        board=board,
                        brin=location.brin,
                        vestiging=location.vestiging,
                        district=district_for(location.postcode, ranges) or "",
                        **_values(location),
                    )
                ).save(force_insert=True)
            continue
        changes = [
            (str(School._meta.get_field(name).verbose_name), getattr(school, name), new)
            for name, new in _values(location).items()
            if getattr(school, name) != new
        ]
        if school.board.board_number != location.board_number:
            changes.append((_("board"), school.board.name, board.name))
        if not changes:
            plan.unchanged += 1
            continue
        plan.changed_schools.append((school, changes))
        if not dry_run:
            for name, new in _values(location).items():
                setattr(school, name, new)
            school.board = board
            geocode_after_commit(school).save()
    if not dry_run:
        transaction.on_commit(partial(_geocode, plan, partnership), robust=True)
    in_file = {loc.brin_code for loc in register.locations}
    plan.left = sorted(
        (s for code, s in schools.items() if code not in in_file), key=lambda s: s.brin_code
    )
    return plan

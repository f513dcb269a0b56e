"""Allocation scenarios: the weights from the Verscheidenheidsindex (or pupil counts), the
division, saving it as a dated scenario, comparing with last year, and the export that
recomputes in a spreadsheet."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from steunwijzer.core.dates import date_text
from steunwijzer.core.numbers import dutch_number
from steunwijzer.core.school_year import previous_school_year
from steunwijzer.core.spreadsheets import Book, Formula
from steunwijzer.organisations.models import School, display_name

from . import calculation
from .allocation import (
    BASES,
    SCHOOL_TYPES,
    UNITS,
    Allocation,
    AllocationError,
    Part,
    divide,
    divide_by_type,
    parse_amount,
    parse_factor,
)
from .exports import Sheet
from .instruments import as_decimal, diversity_index
from .labels import BASES as BASIS_LABELS
from .labels import UNIT_LABELS, UNIT_NAMES, WEIGHT_NAMES
from .models import AllocationScenario

ONE = Decimal(1)


@dataclass
class Inputs:
    name: str
    unit: str
    basis: str
    total: Decimal
    fixed_base: Decimal
    # school type → factor its schools' weights are multiplied by; all 1 by default.
    factors: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(SCHOOL_TYPES, ONE))


NAME_LENGTH = AllocationScenario._meta.get_field("name").max_length


def read_inputs(data) -> tuple[Inputs | None, dict]:
    """The form's inputs, or an error per field; nothing is computed with bad input."""
    errors = {}
    unit = data.get("unit", "euro")
    basis = data.get("basis", "punten")
    if unit not in UNITS:
        errors["unit"] = _("Choose euro, fte or hours.")
    if basis not in BASES:
        errors["basis"] = _("Choose index points or pupils.")
    name = (data.get("name") or "").strip()
    if len(name) > NAME_LENGTH:
        errors["name"] = _("Name of the allocation: at most %(n)s characters.") % {"n": NAME_LENGTH}
    amounts = {}
    labels = (
        ("total", pgettext("allocation", "Total")),
        ("fixed_base", _("Fixed part per school")),
    )
    for key, label in labels:
        try:
            amounts[key] = parse_amount(
                (data.get(key) or "").strip() or "0", unit if unit in UNITS else "euro", label
            )
        except AllocationError as exc:
            errors[key] = calculation.error_message(exc)
    if amounts.get("total") == 0:
        errors["total"] = _("Total: fill in how much there is to divide (more than 0).")
    factors = {}
    for school_type in SCHOOL_TYPES:
        key = f"factor_{school_type}"
        label = _("Factor %(school_type)s") % {"school_type": School.Type(school_type).label}
        try:
            factors[school_type] = parse_factor((data.get(key) or "").strip() or "1", label)
        except AllocationError as exc:
            errors[key] = calculation.error_message(exc)
    if errors:
        return None, errors
    return Inputs(name, unit, basis, amounts["total"], amounts["fixed_base"], factors), {}


def weights_for(schools, school_year: str, basis: str) -> list[dict]:
    """Per school: its weight and its groups' weights, from the Verscheidenheidsindex of the
    year; schools without an Invulschema count with their number of pupils (basis pupils)
    or 0 points."""
    index = diversity_index([s.pk for s in schools], school_year)
    key = "points" if basis == "punten" else "pupils"
    result = []
    for school in schools:
        figures = index.get(school.pk)
        if figures:
            weight = as_decimal(figures.get(key))
            groups = [(g["label"], as_decimal(g.get(key))) for g in figures.get("groups", [])]
        else:
            weight = Decimal(school.pupil_count) if basis == "leerlingen" else Decimal(0)
            groups = []
        result.append({"school": school, "weight": weight, "groups": groups})
    return result


def _weighed(inputs: Inputs) -> bool:
    """Whether any school type counts other than once (else the page and sheets say nothing
    of factors, as before there were any)."""
    return any(f != 1 for f in inputs.factors.values())


def compute(schools, school_year: str, inputs: Inputs) -> tuple[Allocation, dict]:
    """The division over schools and, within each school, over its groups; JSON result."""
    weights = weights_for(schools, school_year, inputs.basis)
    parts = [Part(str(w["school"].pk), w["school"].name, w["weight"]) for w in weights]
    types = [w["school"].school_type for w in weights]
    calculation.check_fixed_base(inputs.total, inputs.fixed_base, len(parts))
    allocation = divide_by_type(
        inputs.total, parts, types, inputs.factors, unit=inputs.unit, fixed_base=inputs.fixed_base
    )
    rows = []
    for share, w, school_type in zip(allocation.shares, weights, types, strict=True):
        groups = []
        if w["groups"] and sum(g for _, g in w["groups"]):
            within = divide(
                share.amount,
                [Part(label, label, g) for label, g in w["groups"]],
                unit=inputs.unit,
            )
            groups = [
                {"label": s.label, "weight": str(s.weight), "amount": str(s.amount)}
                for s in within.shares
            ]
        rows.append(
            {
                "school_id": w["school"].pk,
                "name": share.label,
                "brin": w["school"].brin_code,
                "school_type": school_type,
                # The school's own points or pupils, before its type's factor.
                "own_weight": str(w["weight"]),
                "factor": str(inputs.factors.get(school_type, Decimal(1))),
                "weight": str(share.weight),
                "exact": str(share.exact.quantize(Decimal("0.0001"))),
                "floor": str(share.floor),
                "remainder": str(share.remainder.quantize(Decimal("0.0001"))),
                "rank": share.rank,
                "extra": str(share.extra),
                "amount": str(share.amount),
                "groups": groups,
            }
        )
    steps = list(calculation.steps(allocation, WEIGHT_NAMES[inputs.basis]))
    if _weighed(inputs) and steps:
        steps.insert(3, calculation.factors_text(inputs.factors))
    result = {
        "factors": {key: str(value) for key, value in inputs.factors.items()},
        "steps": steps,
        "variable": str(allocation.variable),
        "total_weight": str(allocation.total_weight),
        "per_weight": str(allocation.per_weight.quantize(Decimal("0.000001"))),
        "leftover": allocation.leftover_units,
        "schools": rows,
    }
    return allocation, result


@transaction.atomic
def scenario_save(*, partnership, board, school_year, inputs: Inputs, result, user, today):
    return AllocationScenario.objects.create(
        partnership=partnership,
        board=board,
        school_year=school_year,
        name=inputs.name or _("Allocation of %(date)s") % {"date": date_text(today)},
        unit=inputs.unit,
        basis=inputs.basis,
        total=inputs.total,
        fixed_base=inputs.fixed_base,
        result=result,
        created_on=today,
        created_by=user,
        created_by_name=display_name(user),
    )


def last_years(scenario) -> AllocationScenario | None:
    """The owner's scenario of the previous school year in the same unit (euro beside euro),
    preferring one of the same name; the newest when several match."""
    candidates = AllocationScenario.objects.of_owner(
        partnership=scenario.partnership, board=scenario.board
    ).filter(school_year=previous_school_year(scenario.school_year), unit=scenario.unit)
    return candidates.filter(name=scenario.name).first() or candidates.first()


def comparison(scenario, previous) -> list[dict]:
    """Per school: this scenario's share, last year's, and the difference."""
    before = (
        {r["school_id"]: Decimal(r["amount"]) for r in previous.result["schools"]}
        if previous
        else {}
    )
    rows = []
    for r in scenario.result["schools"]:
        now = Decimal(r["amount"])
        then = before.get(r["school_id"])
        rows.append(
            {
                "name": r["name"],
                "now": now,
                "then": then,
                "difference": now - then if then is not None else None,
            }
        )
    return rows


# --- Export: a sheet that recomputes ---------------------------------------------------------

STEP_COLUMNS = (
    pgettext_lazy("table column", "School"),
    pgettext_lazy("table column", "BRIN"),
    pgettext_lazy("allocation", "Weight"),
    gettext_lazy("Exact share"),
    gettext_lazy("Rounded down"),
    pgettext_lazy("allocation", "Remainder"),
    gettext_lazy("Order of remainders"),
    pgettext_lazy("allocation", "Extra"),
)
INPUT_ROWS = 6  # title, then total, unit quantum, fixed base, number of schools, leftover
FIRST = INPUT_ROWS + 3
# Beside the shares: where each school's weight comes from (saved before there were factors:
# its own weight, factor 1).
TYPE_COLUMNS = (
    gettext_lazy("School type"),
    gettext_lazy("Own points or pupils"),
    gettext_lazy("Factor of the school type"),
)


def _factors(result) -> dict[str, Decimal]:
    return {t: Decimal(result.get("factors", {}).get(t, 1)) for t in SCHOOL_TYPES}


def _type_cells(school) -> list:
    school_type = school.get("school_type")
    return [
        str(School.Type(school_type).label) if school_type else "",
        Decimal(school.get("own_weight", school["weight"])),
        Decimal(school.get("factor", 1)),
    ]


def scenario_sheets(scenario) -> list[Sheet]:
    """For CSV: inputs, then per school, then per group, as values."""
    r = scenario.result
    unit = UNIT_NAMES[scenario.unit]
    notes = [
        _("Allocation: %(name)s") % {"name": scenario.name},
        _("School year: %(school_year)s") % {"school_year": scenario.school_year},
        _("Unit: %(unit)s") % {"unit": UNIT_LABELS[scenario.unit]},
        _("Basis: %(basis)s") % {"basis": BASIS_LABELS[scenario.basis]},
        _("Total: %(amount)s %(unit)s")
        % {"amount": dutch_number(scenario.total, grouping=True), "unit": unit},
        _("Fixed part per school: %(amount)s %(unit)s")
        % {"amount": dutch_number(scenario.fixed_base, grouping=True), "unit": unit},
        calculation.factors_text(_factors(r)),
        *r["steps"],
    ]
    columns = [*map(str, STEP_COLUMNS), pgettext("allocation", "Share")]
    schools = Sheet(
        _("Per school"),
        [*columns[:2], *map(str, TYPE_COLUMNS), *columns[2:]],
        [
            [
                s["name"],
                s["brin"],
                *_type_cells(s),
                *(Decimal(s[k]) for k in ("weight", "exact", "floor", "remainder")),
                s["rank"],
                Decimal(s["extra"]),
                Decimal(s["amount"]),
            ]
            for s in r["schools"]
        ],
        notes,
    )
    groups = Sheet(
        _("Per group"),
        [
            pgettext("table column", "School"),
            pgettext("school class", "Group"),
            pgettext("allocation", "Weight"),
            pgettext("allocation", "Share"),
        ],
        [
            [s["name"], g["label"], Decimal(g["weight"]), Decimal(g["amount"])]
            for s in r["schools"]
            for g in s["groups"]
        ],
    )
    return [schools, groups]


def scenario_xlsx(scenario) -> bytes:
    """XLSX whose formulas recompute the shares from the inputs on the sheet.

    Column J holds the shares as shown on the page (values); column I computes them with
    formulas from the inputs (B2:B5) and the weights (C), so the two columns agree.
    """
    quantum = UNITS[scenario.unit]
    amounts = AMOUNT_FORMATS[scenario.unit]
    r = scenario.result
    n = len(r["schools"])
    last = FIRST + n - 1
    book = Book()
    main = _main_sheet_name()
    ws = book.sheet(main, (34, 8, 10, 14, 14, 10, 10, 8, 14, 14, 24, 12, 12))
    ws.append(
        [
            _("%(name)s (%(school_year)s), in %(unit)s, by %(basis)s")
            % {
                "name": scenario.name,
                "school_year": scenario.school_year,
                "unit": UNIT_LABELS[scenario.unit],
                "basis": BASIS_LABELS[scenario.basis],
            }
        ],
        bold=True,
        size=13,
    )
    total = pgettext("allocation", "Total")
    ws.append([total, float(scenario.total)], formats={"B": amounts})
    ws.append([_("Round to"), float(quantum)], formats={"B": amounts})
    ws.append([_("Fixed part per school"), float(scenario.fixed_base)], formats={"B": amounts})
    ws.append([_("Number of schools"), n])
    ws.append(
        [_("Left over after rounding (units)"), Formula(f"=ROUND((B2-SUM(E{FIRST}:E{last}))/B3,0)")]
    )
    # The row between the inputs and the table says how the school types were weighed.
    ws.append([calculation.factors_text(_factors(r))])
    ws.append(
        [
            *map(str, STEP_COLUMNS),
            _("Share (formula)"),
            _("Share (shown)"),
            *map(str, TYPE_COLUMNS),
        ],
        bold=True,
    )
    weights = f"$C${FIRST}:$C${last}"
    rests = f"$F${FIRST}:$F${last}"
    formats = {
        "D": EXACT_FORMAT,
        "E": amounts,
        "F": EXACT_FORMAT,
        "H": amounts,
        "I": amounts,
        "J": amounts,
    }
    for row, s in enumerate(r["schools"], start=FIRST):
        ws.append(
            [
                s["name"],
                s["brin"],
                float(Decimal(s["weight"])),
                Formula(f"=$B$4+IF(SUM({weights})=0,0,C{row}*($B$2-$B$4*$B$5)/SUM({weights}))"),
                Formula(f"=ROUNDDOWN(D{row}/$B$3,0)*$B$3"),
                Formula(f"=D{row}-E{row}"),
                # Largest remainder first, ties to the larger weight, then the order of the rows.
                Formula(
                    f'=COUNTIF({rests},">"&F{row})+COUNTIFS({rests},F{row},{weights},">"&C{row})'
                    f"+COUNTIFS($F${FIRST}:F{row},F{row},$C${FIRST}:C{row},C{row})"
                ),
                Formula(f"=IF(G{row}<=$B$6,$B$3,0)"),
                Formula(f"=E{row}+H{row}"),
                float(Decimal(s["amount"])),
                *(float(c) if isinstance(c, Decimal) else c for c in _type_cells(s)),
            ],
            formats=formats,
        )
    ws.append(
        [
            total,
            None,
            Formula(f"=SUM(C{FIRST}:C{last})"),
            *[None] * 5,
            Formula(f"=SUM(I{FIRST}:I{last})"),
            Formula(f"=SUM(J{FIRST}:J{last})"),
        ],
        formats=formats,
    )
    _group_sheet(book.sheet(_("Per group"), (34, 8, 24, *[12] * 10)), r["schools"], amounts, main)
    steps = book.sheet(_("Calculation"))
    for line in r["steps"]:
        steps.append([line])
    return book.bytes()


def _main_sheet_name() -> str:
    """The name of the sheet with the inputs and the shares per school, which the formulas on
    the group sheet refer to."""
    return pgettext("sheet name", "Allocation")


def _sheet_reference(name: str) -> str:
    """How a formula names a sheet: quoted when the name has more than letters and digits."""
    return name if name.isalnum() else "'" + name.replace("'", "''") + "'"


def _group_columns(main: str) -> list[str]:
    return [
        pgettext("table column", "School"),
        _("Row in %(sheet)s") % {"sheet": main},
        pgettext("school class", "Group"),
        pgettext("allocation", "Weight"),
        _("School's share"),
        _("Exact share"),
        _("Rounded down"),
        pgettext("allocation", "Remainder"),
        _("Order of remainders"),
        _("Left over (units)"),
        pgettext("allocation", "Extra"),
        _("Share (formula)"),
        _("Share (shown)"),
    ]


# How a spreadsheet shows the numbers: thousands grouped, the unit's decimals.
AMOUNT_FORMATS = {"euro": "#,##0", "fte": "#,##0.00", "uren": "#,##0"}
EXACT_FORMAT = "#,##0.0000"


def _group_sheet(ws, schools, amounts: str, main: str):
    """Each school's share over its groups, with formulas like the main sheet's: the school's
    share comes from its row on "Verdeling" (column B says which), the same rounding and the
    same tie-break within the school, next to the shares as shown."""
    ws.append(_group_columns(main), bold=True)
    sheet = _sheet_reference(main)
    rows = [(FIRST + i, s["name"], g) for i, s in enumerate(schools) for g in s["groups"]]
    last = len(rows) + 1
    quantum = f"{sheet}!$B$3"
    school, weight, rest = (f"${c}$2:${c}${last}" for c in "BDH")
    formats = {
        "E": amounts,
        "F": EXACT_FORMAT,
        "G": amounts,
        "H": EXACT_FORMAT,
        "K": amounts,
        "L": amounts,
        "M": amounts,
    }
    for row, (line, name, g) in enumerate(rows, start=2):
        # Sums over the rows of the same school (the same line on "Verdeling").
        weights = f"SUMIF({school},B{row},{weight})"
        floors = f"SUMIF({school},B{row},$G$2:$G${last})"
        ws.append(
            [
                name,
                line,
                g["label"],
                float(Decimal(g["weight"])),
                Formula(f"={sheet}!I{line}"),
                Formula(f"=IF({weights}=0,0,E{row}*D{row}/{weights})"),
                Formula(f"=ROUNDDOWN(F{row}/{quantum},0)*{quantum}"),
                Formula(f"=F{row}-G{row}"),
                # Largest remainder first within the school, ties to the larger weight, then
                # the order of the rows: as divide() hands out the units left over.
                Formula(
                    f'=COUNTIFS({school},B{row},{rest},">"&H{row})'
                    f'+COUNTIFS({school},B{row},{rest},H{row},{weight},">"&D{row})'
                    f"+COUNTIFS($B$2:B{row},B{row},$H$2:H{row},H{row},$D$2:D{row},D{row})"
                ),
                Formula(f"=ROUND((E{row}-{floors})/{quantum},0)"),
                Formula(f"=IF(I{row}<=J{row},{quantum},0)"),
                Formula(f"=G{row}+K{row}"),
                float(Decimal(g["amount"])),
            ],
            formats=formats,
        )

"""What the overview pages show, as export sheets; and the reminders sent."""

from steunwijzer.organisations.models import display_name
from steunwijzer.profiles.dates import as_day
from steunwijzer.route.models import ReminderSent

from .exports import Sheet

LIMIT_LABELS = {
    "groepsgrootte_en_samenstelling": "groepsgrootte en samenstelling",
    "deskundigheid_en_beschikbaarheid": "deskundigheid en personeel",
    "grenzen_niet_bieden": "wat wij niet bieden",
    "grens_bereikt": "als de grens bereikt is",
    "verwijzing_sbo_so": "verwijzing S(B)O",
}
REMINDER_KINDS = {"due_14": "over twee weken", "due_3": "over drie dagen", "late": "te laat"}


def reminder_label(kind: str) -> str:
    return REMINDER_KINDS.get(kind) or (
        "wacht op volgende stap" if kind.startswith("waiting") else kind
    )


def reminders(partnership, school_year, rows, limit=200) -> list:
    """The reminders sent this school year about the schools of these overview rows (so they
    follow the overview's filters), newest first."""
    items = list(
        ReminderSent.objects.filter(
            school__board__partnership=partnership,
            school_year=school_year,
            school__in=[r.school.pk for r in rows],
        )
        .select_related("school", "recipient")
        .order_by("-sent_at", "-pk")[:limit]
    )
    for item in items:
        item.label = reminder_label(item.kind)
    return items


def reminders_sheet(items) -> Sheet:
    return Sheet(
        "Herinneringen",
        ["Verstuurd op", "School", "Soort", "Aan", "E-mailadres"],
        [
            [
                r.sent_at.date(),
                r.school.name,
                reminder_label(r.kind),
                display_name(r.recipient),
                r.recipient.email,
            ]
            for r in items
        ],
    )


def overview_sheet(title, rows) -> Sheet:
    return Sheet(
        title,
        [
            "School",
            "BRIN",
            "Bestuur",
            "Gemeente",
            "Wijk",
            "Status",
            "Aan zet",
            "Uiterlijk",
            "Te laat",
            "Open opmerkingen",
            "SOP-check blokkerend",
            "SOP-check aandachtspunten",
            "MR-advies",
            "Advies op",
            "Vastgesteld op",
            "Aangeleverd op",
            "Ontvangen op",
        ],
        [
            [
                r.school.name,
                r.school.brin_code,
                r.school.board.name,
                r.school.municipality,
                r.school.district,
                r.state_label,
                r.actor_label,
                r.due_on,
                r.late,
                # No profile, no comments to count: empty, as the page's dash.
                r.open_comments if r.profile else None,
                r.check_blocking,
                r.check_warnings,
                r.advice,
                # The steps keep these days as ISO text; a date cell sorts as a date.
                as_day(r.advice_on),
                r.established_on,
                r.delivered_on,
                as_day(r.received_on),
            ]
            for r in rows
        ],
    )


def offers_sheet(offers, choices, title="Aanbod per school") -> Sheet:
    labels = [label for _, label in choices]
    return Sheet(
        title,
        [
            "School",
            "Gebied",
            "Bron",
            *labels,
            "Uren deskundigheid per week",
            "Partners",
            "Grenzen genoemd bij",
        ],
        [
            [
                o.school.name,
                o.area,
                o.source or "geen vastgesteld SOP",
                # Without an established SOP nothing is known: empty, not "nee" and 0 hours.
                *[key in o.offers if o.source else None for key, _ in choices],
                o.expertise_hours if o.source else None,
                ", ".join(o.partners),
                ", ".join(o.limit_areas),
            ]
            for o in offers
        ],
    )


def analysis_sheets(data) -> list[Sheet]:
    ijk = data["ijk"]
    sheets = [
        Sheet(
            "IJK per standaard",
            ["School", *ijk["standards"]],
            # Two decimals, as the page and the averages below: 3,67, not 3,6666666666666665.
            [
                [s.name, *(None if v is None else round(v, 2) for v in values)]
                for s, values in ijk["schools"]
            ]
            + [["Gemiddelde bestuur", *ijk["board"]], ["Gemiddelde SWV", *ijk["region"]]],
        ),
        Sheet(
            "Verscheidenheidsindex",
            ["School", "Leerlingen", "Punten", "Index"],
            [
                [s.name, f["pupils"], f["points"], f["index"]] if f else [s.name, "", "", ""]
                for s, f in data["diversity"]["rows"]
            ],
        ),
    ]
    for kind, choices in data["choices"].items():
        sheets.append(offers_sheet(data["offers"], choices, f"Aanbod {kind}"))
    return sheets


def coverage_sheets(data) -> list[Sheet]:
    m = data["matrix"]
    return [
        Sheet(
            "Dekkend aanbod",
            ["Aanbod", *m.areas, "Geen school in"],
            [[label, *counts, ", ".join(missing)] for _, label, counts, missing in m.rows],
            notes=[
                "Aantal scholen dat het aanbod noemt, per gebied. Bron: het gepubliceerde "
                "SOP, anders het nieuwste vastgestelde.",
                *([data["notice"]] if data.get("notice") else []),
            ],
        ),
        offers_sheet(data["offers"], data["choices"]),
        Sheet(
            "Grenzen",
            ["School", *LIMIT_LABELS.values(), "Genoemde gebieden"],
            [
                [
                    o.school.name,
                    *[o.limits_filled.get(k, False) if o.source else None for k in LIMIT_LABELS],
                    ", ".join(o.limit_areas),
                ]
                for o in data["offers"]
            ],
        ),
    ]


def _per_school_sheet(title, label, rows, values: dict) -> Sheet:
    """A figure per school, in the order of the overview's rows; schools without one left out."""
    return Sheet(
        title,
        ["School", "BRIN", label],
        [
            [r.school.name, r.school.brin_code, values[r.school.pk]]
            for r in rows
            if r.school.pk in values
        ],
    )


def partnership_analysis_sheets(data) -> list[Sheet]:
    d = data["distributions"]
    return [
        overview_sheet(f"Scholen {data['school_year']}", data["rows"]),
        Sheet(
            "SOP-check", ["Soort", "Bevindingen"], [[k, v] for k, v in d["check_totals"].items()]
        ),
        _per_school_sheet("IJK per school", "Gemiddelde score", data["rows"], d["ijk_by_school"]),
        _per_school_sheet("Index per school", "Index", data["rows"], d["index_by_school"]),
        Sheet(
            "Trend",
            ["Schooljaar", "Vastgestelde SOP's", "IJK gemiddeld", "Index gemiddeld"],
            [[r["year"], r["done"], r["ijk"], r["index"]] for r in data["trends"]["rows"]],
        ),
    ]

"""What the overview pages show, as export sheets; and the reminders sent."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from steunwijzer.core.dates import as_day
from steunwijzer.organisations.models import display_name
from steunwijzer.route.models import ReminderSent

from .exports import Sheet

LIMIT_LABELS = {
    "groepsgrootte_en_samenstelling": gettext_lazy("group size and composition"),
    "deskundigheid_en_beschikbaarheid": gettext_lazy("expertise and staff"),
    "grenzen_niet_bieden": gettext_lazy("what we do not offer"),
    "grens_bereikt": gettext_lazy("when the limit is reached"),
    "verwijzing_sbo_so": gettext_lazy("referral to S(B)O"),
}
REMINDER_KINDS = {
    "due_14": gettext_lazy("in two weeks"),
    "due_3": gettext_lazy("in three days"),
    "late": gettext_lazy("late"),
}


def reminder_label(kind: str) -> str:
    label = REMINDER_KINDS.get(kind)
    if label:
        return str(label)
    return _("waiting for the next step") if kind.startswith("waiting") else kind


def reminders(partnership, school_year, keys, limit=200) -> list:
    """The reminders sent this school year about the schools of these overview `RowKey`s (so
    they follow the overview's filters), newest first."""
    items = list(
        ReminderSent.objects.filter(
            school__board__partnership=partnership,
            school_year=school_year,
            # The SQL of `school__in`, without checking each id as a related object first.
            school__pk__in=[k.school_id for k in keys],
        )
        .select_related("school", "recipient")
        .order_by("-sent_at", "-pk")[:limit]
    )
    for item in items:
        item.label = reminder_label(item.kind)
    return items


def reminders_sheet(items) -> Sheet:
    return Sheet(
        _("Reminders"),
        [
            _("Sent on"),
            pgettext("table column", "School"),
            pgettext("reminder", "Kind"),
            pgettext("recipient", "To"),
            _("E-mail address"),
        ],
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
            pgettext("table column", "School"),
            pgettext("table column", "BRIN"),
            _("Board"),
            _("Municipality"),
            _("District"),
            pgettext("SOP state", "Status"),
            _("Whose turn"),
            pgettext("deadline", "Due"),
            pgettext("filter", "Late"),
            _("Open comments"),
            _("SOP check blocking"),
            _("SOP check points of attention"),
            _("MR advice"),
            _("Advice on"),
            _("Established on"),
            _("Delivered on"),
            _("Received on"),
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


def offers_sheet(offers, choices, title=None) -> Sheet:
    labels = [label for _key, label in choices]
    return Sheet(
        title or _("Provision per school"),
        [
            pgettext("table column", "School"),
            pgettext("municipality or district", "Area"),
            pgettext("SOP version", "Source"),
            *labels,
            _("Hours of expertise per week"),
            pgettext("external partners", "Partners"),
            _("Limits mentioned for"),
        ],
        [
            [
                o.school.name,
                o.area,
                o.source or _("no established SOP"),
                # Without an established SOP nothing is known: empty, not "nee" and 0 hours.
                *[key in o.offers if o.source else None for key, _label in choices],
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
            _("IJK per standard"),
            [pgettext("table column", "School"), *ijk["standards"]],
            # Two decimals, as the page and the averages below: 3,67, not 3,6666666666666665.
            [
                [s.name, *(None if v is None else round(v, 2) for v in values)]
                for s, values in ijk["schools"]
            ]
            + [
                [_("Board average"), *ijk["board"]],
                [_("Partnership average (SWV)"), *ijk["region"]],
            ],
        ),
        Sheet(
            _("Verscheidenheidsindex"),
            [
                pgettext("table column", "School"),
                _("Pupils"),
                pgettext("diversity index", "Points"),
                pgettext("diversity index", "Index"),
            ],
            [
                [s.name, f["pupils"], f["points"], f["index"]] if f else [s.name, "", "", ""]
                for s, f in data["diversity"]["rows"]
            ],
        ),
    ]
    for kind, choices in data["choices"].items():
        sheets.append(
            offers_sheet(data["offers"], choices, _("Provision %(kind)s") % {"kind": kind})
        )
    return sheets


def coverage_sheets(data) -> list[Sheet]:
    m = data["matrix"]
    return [
        Sheet(
            _("Coverage of support"),
            [
                pgettext("municipality or district", "Area"),
                *[label for _key, label in m.supports],
                _("No school offers"),
            ],
            [[area, *counts, ", ".join(missing)] for area, counts, missing in m.rows],
            notes=[
                _(
                    "Number of schools per area that offer it, for %(kind)s; 0 is a gap, named "
                    "in the last column. Source: the published SOP, otherwise the newest "
                    "established one."
                )
                % {"kind": data["kind_label"]},
                *([data["notice"]] if data.get("notice") else []),
            ],
        ),
        offers_sheet(data["offers"], data["choices"]),
        Sheet(
            _("Limits"),
            [
                pgettext("table column", "School"),
                *map(str, LIMIT_LABELS.values()),
                _("Areas mentioned"),
            ],
            [
                [
                    o.school.name,
                    *[o.limits_filled.get(k, False) if o.source else None for k in LIMIT_LABELS],
                    ", ".join(o.limit_areas),
                ]
                for o in data["offers"]
            ],
        ),
        steunpunt_sheet(data["counts"]),
    ]


def steunpunt_sheet(counts: list[dict]) -> Sheet:
    """What parents asked and reported to the steunpunt, per school and kind of support, as
    the coverage page shows it beside the offer (`steunpunt.services.counts_per_school`)."""
    return Sheet(
        _("Questions and reports from parents"),
        [
            pgettext("table column", "School"),
            pgettext("table column", "Support"),
            pgettext("table column", "Questions"),
            pgettext("table column", "Reports about practice"),
        ],
        [
            [row["school"], row["support"] or _("in general"), row["questions"], row["reports"]]
            for row in counts
        ],
        notes=[
            _(
                "Questions and reports sent to the partnership's support point for parents "
                "and youth, still within their retention period; older ones have been deleted."
            )
        ],
    )


def _per_school_sheet(title, label, rows, values: dict) -> Sheet:
    """A figure per school, in the order of the overview's rows; schools without one left out."""
    return Sheet(
        title,
        [pgettext("table column", "School"), pgettext("table column", "BRIN"), label],
        [
            [r.school.name, r.school.brin_code, values[r.school.pk]]
            for r in rows
            if r.school.pk in values
        ],
    )


def partnership_analysis_sheets(data) -> list[Sheet]:
    d = data["distributions"]
    return [
        overview_sheet(
            _("Schools %(school_year)s") % {"school_year": data["school_year"]}, data["rows"]
        ),
        Sheet(
            _("SOP check"),
            [pgettext("finding", "Kind"), _("Findings")],
            [[k, v] for k, v in d["check_totals"].items()],
        ),
        _per_school_sheet(
            _("IJK per school"), _("Average score"), data["rows"], d["ijk_by_school"]
        ),
        _per_school_sheet(
            _("Index per school"),
            pgettext("diversity index", "Index"),
            data["rows"],
            d["index_by_school"],
        ),
        Sheet(
            pgettext("sheet name", "Trend"),
            [_("School year"), _("Established SOPs"), _("IJK average"), _("Index average")],
            [[r["year"], r["done"], r["ijk"], r["index"]] for r in data["trends"]["rows"]],
        ),
    ]

"""Dekkend aanbod: which support the schools of a partnership offer, by district, and where
nobody offers it; and which schools state limits in which areas.

Source per school: its *published* SOP (what parents see) if it has one, otherwise its newest
*established* version (any school year). Schools with neither are listed as "geen vastgesteld
SOP" and count as offering nothing. Two queries for any number of schools.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.organisations.models import School, brin_code
from steunwijzer.profiles.answers import is_filled
from steunwijzer.profiles.models import Profile, Revision
from steunwijzer.profiles.richtext import markup_to_plain
from steunwijzer.regional_model.models import FormatVersion

# The model's fields that say what a school offers (regional_model/formats/haaglanden-2.0.yaml).
OFFER_FIELDS = {
    "extra": ("expertise_aanbod", gettext_lazy("extra support (expertise)")),
    "basis": ("interventies_basis", gettext_lazy("provision in basic support")),
}
EXPERTISE_TABLE = "expertise_team"
PARTNERS_TABLE = "externe_partners"
LIMIT_FIELDS = (
    "groepsgrootte_en_samenstelling",
    "deskundigheid_en_beschikbaarheid",
    "grenzen_niet_bieden",
    "grens_bereikt",
    "verwijzing_sbo_so",
)
# Where a limit names an area: the text of "wat kunnen wij niet bieden" mentions its label.
LIMIT_TEXT_FIELD = "grenzen_niet_bieden"


@dataclass(frozen=True, slots=True)
class OfferSchool:
    """What the dekkend aanbod shows of a school, read as values: a region's thousand School
    instances with their boards cost more than the rest of the page."""

    pk: int
    name: str
    brin_code: str
    municipality: str
    district: str


def offer_schools(partnership) -> list[OfferSchool]:
    """The partnership's schools by name, as `OfferSchool`s."""
    schools = School.objects.filter(board__partnership=partnership).values_list(
        "pk", "name", "brin", "vestiging", "municipality", "district"
    )
    return [
        OfferSchool(pk, name, brin_code(brin, vestiging), municipality, district)
        for pk, name, brin, vestiging, municipality, district in schools
    ]


@dataclass
class SchoolOffer:
    school: object  # an `OfferSchool`
    source: str  # "gepubliceerd 2025-2026", "vastgesteld 2026-2027" or ""
    offers: set = field(default_factory=set)  # choice keys of both offer fields
    revision: int | None = None  # the pk of the source's Revision
    expertise_hours: float = 0
    partners: list = field(default_factory=list)
    limits_filled: dict = field(default_factory=dict)  # limit field key → bool
    # The text of "wat kunnen wij niet bieden" and the labels it may name (`limit_areas`).
    limit_text: str = ""
    expertise_labels: list = field(default_factory=list)

    @cached_property
    def area(self) -> str:
        return area_of(self.school)

    @cached_property
    def limit_areas(self) -> list:
        """The expertise labels the limits name. Worked out when asked: reading the markup of
        a region's every school cost more than the page, which shows fifty of them."""
        text = markup_to_plain(self.limit_text).lower()
        return [
            label
            for key, label in self.expertise_labels
            if key.split("_")[0] in text or label.split(" ")[0].lower() in text
        ]


def area_of(school) -> str:
    """A district within its municipality, or the municipality when it has no districts."""
    if not school.district:
        return school.municipality
    return f"{school.municipality} \N{EN DASH} {school.district}"


def _sources(schools) -> dict:
    """school pk → (revision pk, label): published first, else the newest established."""
    profiles = (
        # `school__pk__in`: the SQL of `school__in`, without Django checking each of a
        # region's thousand ids as a related object first.
        Profile.objects.filter(school__pk__in=[s.pk for s in schools])
        .exclude(published_revision=None, established_revision=None)
        .order_by("school_id", "-school_year")
        .values_list("school_id", "school_year", "published_revision_id", "established_revision_id")
    )
    # Translated once, not once per school.
    published_in, established_in = _("published %(year)s"), _("established %(year)s")
    published, established = {}, {}
    for school_id, year, published_id, established_id in profiles:
        if published_id and school_id not in published:
            published[school_id] = (published_id, published_in % {"year": year})
        if established_id and school_id not in established:
            established[school_id] = (established_id, established_in % {"year": year})
    return {pk: published.get(pk) or established.get(pk) for pk in {*published, *established}}


def offer_choices(partnership) -> dict:
    """kind → [(key, label)] from the partnership's current model."""
    version = FormatVersion.objects.current_for(partnership)
    sop_format = version.format if version else None
    choices = {}
    for kind, (key, _label) in OFFER_FIELDS.items():
        f = sop_format.field(key) if sop_format else None
        choices[kind] = [(c.key, c.label) for c in f.choices] if f else []
    return choices


# How much of an unknown value from the query a notice repeats.
SHOWN_VALUE_LENGTH = 40


def quoted(value: str) -> str:
    """A value from the query, shortened and between quotes, for a notice about it."""
    if len(value) > SHOWN_VALUE_LENGTH:
        value = value[:SHOWN_VALUE_LENGTH] + "\N{HORIZONTAL ELLIPSIS}"
    return f"\N{LEFT SINGLE QUOTATION MARK}{value}\N{RIGHT SINGLE QUOTATION MARK}"


def offers_shown(kind_choices: list, kind: str, wanted: str) -> tuple[list, str, str]:
    """The choices the matrix shows for the query's offer, the offer kept, and a notice.

    An offer that is not one of this kind's (one of the other kind, a stale link) would leave
    an empty matrix, and an empty matrix reads as "no gaps": so it is dropped, all offers of the
    kind are shown, and the notice says why."""
    if not wanted:
        return kind_choices, "", ""
    shown = [c for c in kind_choices if c[0] == wanted]
    if shown:
        return shown, wanted, ""
    notice = _("%(value)s does not belong to %(kind)s; below is all provision of this kind.") % {
        "value": quoted(wanted),
        "kind": OFFER_FIELDS[kind][1],
    }
    return kind_choices, "", notice


# The sortable columns of the tables per school (`listing.sort_order`).
OFFER_SORTS = {
    "school": lambda o: o.school.name.casefold(),
    "gebied": lambda o: (o.area.casefold(), o.school.name.casefold()),
}


def search_offers(offers: list[SchoolOffer], *, area: str = "", text: str = "") -> list:
    """The schools of one area, and/or those whose name or BRIN code contains the text."""
    text = text.casefold()
    return [
        o
        for o in offers
        if (not area or o.area == area)
        and (not text or text in o.school.name.casefold() or text in o.school.brin_code.casefold())
    ]


# The answers the matrix, the search and the sort need of every school; the rest
# (`DETAIL_KEYS`) only of the schools a page shows.
OFFER_KEYS = tuple(key for key, _label in OFFER_FIELDS.values())
DETAIL_KEYS = (EXPERTISE_TABLE, PARTNERS_TABLE, *LIMIT_FIELDS)


def _answers(revision_ids, keys) -> dict:
    """revision pk → {key: answer} of these keys only, taken out of the JSON by the database:
    decoding every school's whole SOP (its long texts) was most of the page at a thousand
    schools."""
    return {
        pk: dict(zip(keys, values, strict=True))
        for pk, *values in Revision.objects.filter(pk__in=list(revision_ids)).values_list(
            "pk", *(f"answers__{key}" for key in keys)
        )
    }


def school_offers(schools, choices, *, details: bool = True) -> list[SchoolOffer]:
    """A `SchoolOffer` per school, in the order given. `details=False` reads only what the
    matrix, the search and the sort need (the source and what it offers);
    `fill_offer_details` adds the rest to the schools a page shows."""
    sources = _sources(schools)
    answers = _answers({rev for rev, _label in sources.values()}, OFFER_KEYS)
    expertise_labels = choices.get("extra", [])
    result = []
    for school in schools:
        revision, label = sources.get(school.pk) or (None, "")
        offer = SchoolOffer(school, label, revision=revision, expertise_labels=expertise_labels)
        values = answers.get(revision, {})
        for key in OFFER_KEYS:
            offer.offers.update(v for v in values.get(key) or [] if isinstance(v, str))
        result.append(offer)
    if details:
        fill_offer_details(result)
    return result


def fill_offer_details(offers) -> None:
    """Add the hours of expertise, the partners and the limits to offers made with
    `details=False`; one query."""
    answers = _answers({o.revision for o in offers if o.revision}, DETAIL_KEYS)
    for offer in offers:
        values = answers.get(offer.revision, {})
        for row in values.get(EXPERTISE_TABLE) or []:
            try:
                offer.expertise_hours += float(row.get("uren_per_week") or 0)
            except (TypeError, ValueError, AttributeError):
                continue
        offer.partners = [
            row.get("organisatie", "")
            for row in values.get(PARTNERS_TABLE) or []
            if isinstance(row, dict) and row.get("organisatie")
        ]
        # Saving turns a long text without words into "" (answers.clean_answers), so a
        # stored value is filled exactly when it has text: no need to read its markup here.
        offer.limits_filled = {k: is_filled(values.get(k)) for k in LIMIT_FIELDS}
        offer.limit_text = values.get(LIMIT_TEXT_FIELD) or ""


@dataclass
class Matrix:
    """Per area (a row) how many schools offer each kind of support (a column); a nought is a
    gap. Areas are rows because a region adds areas as it grows, and a table grows better
    downwards than sideways."""

    supports: list  # [(key, label)] of the kind shown, the columns
    rows: list  # [(area, [count per support], [labels of the supports no school offers])]

    @property
    def areas(self) -> list[str]:
        return [area for area, _counts, _missing in self.rows]

    @property
    def gaps(self) -> list[tuple[str, str]]:
        """(support label, area) for every area where no school offers it."""
        return [(label, area) for area, _, missing in self.rows for label in missing]

    @property
    def areas_with_gaps(self) -> int:
        return sum(1 for _area, _counts, missing in self.rows if missing)


def matrix(offers: list[SchoolOffer], choices: list) -> Matrix:
    areas = sorted({o.area for o in offers})
    # One pass over the offers, not one per choice and area.
    offered = Counter((o.area, key) for o in offers for key in o.offers)
    rows = []
    for area in areas:
        counts = [offered[area, key] for key, _label in choices]
        missing = [label for (_key, label), n in zip(choices, counts, strict=True) if not n]
        rows.append((area, counts, missing))
    return Matrix(list(choices), rows)

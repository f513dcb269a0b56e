"""Demo Invulschema's: this year and last year for every demo school, built through the services.

The flagship school's figures for this year come from the shipped example export
(`samples/leerlingexport-regenboog.csv`), read the way a school's upload is read, so importing
that file in the demo gives the same figures. The other schools' counts are drawn with a fixed
seed from a mix per school (a heavier mix in Laak and Escamp, an SBO with its own group names),
so some groups pass the signal thresholds and every school has a trend against last year;
each year has as many groups as the school's SOP of that year names.
"""

import random

from steunwijzer.core.school_year import previous_school_year
from steunwijzer.instruments.diversity.models import Invulschema
from steunwijzer.instruments.diversity.pupil_file import read_pupil_file
from steunwijzer.instruments.diversity.sample import SAMPLE_PATH
from steunwijzer.instruments.diversity.scheme import Scheme
from steunwijzer.instruments.diversity.services import _scheme_version_for, invulschema_save
from steunwijzer.profiles.models import Profile

FLAGSHIP = "regenboog"

# school key -> shares of (geen, basis, extra, tlv) this year, and last year
MIXES = {
    "regenboog": ((0.62, 0.25, 0.10, 0.03), (0.66, 0.23, 0.09, 0.02)),
    "zeester": ((0.70, 0.22, 0.06, 0.02), (0.71, 0.21, 0.06, 0.02)),
    "klaverblad": ((0.54, 0.28, 0.14, 0.04), (0.58, 0.27, 0.12, 0.03)),
    "duinroos": ((0.75, 0.19, 0.05, 0.01), (0.73, 0.20, 0.05, 0.02)),
    "lantaarn": ((0.60, 0.27, 0.10, 0.03), (0.62, 0.26, 0.09, 0.03)),
    "boomgaard": ((0.77, 0.18, 0.04, 0.01), (0.78, 0.17, 0.04, 0.01)),
    "lindeboom": ((0.71, 0.21, 0.06, 0.02), (0.70, 0.22, 0.06, 0.02)),
    "wegwijzer": ((0.68, 0.22, 0.08, 0.02), (0.72, 0.20, 0.06, 0.02)),
    "wissel": ((0.00, 0.15, 0.45, 0.40), (0.00, 0.18, 0.47, 0.35)),
    "palet": ((0.70, 0.21, 0.07, 0.02), (0.69, 0.22, 0.07, 0.02)),
    "zeepaard": ((0.72, 0.20, 0.06, 0.02), (0.74, 0.19, 0.05, 0.02)),
}
SBO_GROUPS = (
    "Instroomgroep",
    "Jonge kind",
    "Middenbouw A",
    "Middenbouw B",
    "Middenbouw C",
    "Bovenbouw A",
    "Bovenbouw B",
    "Bovenbouw C",
    "Schakelgroep",
    "Uitstroomgroep",
)
DOMAINS = ("leren", "gedrag", "sociaal-emotioneel", "fysiek-medisch", "taal-nt2", "hoogbegaafdheid")


def groups_for(count: int, sbo: bool) -> list[str]:
    """Plausible names for `count` groups: parallel groups (6a, 6b) where there are more
    than eight, combined groups where there are fewer."""
    if sbo:
        return list(SBO_GROUPS[:count])
    if count <= 4:
        return ["1/2", "3/4", "5/6", "7/8"][:count]
    if count < 8:
        return ["1/2a", "1/2b", "3/4", "5/6", "7/8", "4/5", "6/7"][:count]
    per_grade, more = divmod(count, 8)
    names = []
    for grade in range(1, 9):
        parallel = per_grade + (1 if grade <= more else 0)
        names += [str(grade)] if parallel == 1 else [f"{grade}{c}" for c in "abc"[:parallel]]
    return names


def group_count(school, school_year: str) -> int:
    """The number of groups the school's SOP of the year names (the Invulschema has as
    many); about 26 pupils a group where it names none."""
    profile = Profile.objects.filter(school=school, school_year=school_year).first()
    named = profile.answers.get("aantal_groepen") if profile else None
    return int(named) if named else max(4, round(school.pupil_count / 26))


def draw_counts(scheme: Scheme, pupils: int, groups: list[str], mix, seed: int):
    """Counts per group and per domain for `pupils` spread over `groups`, drawn with `seed`."""
    rng = random.Random(seed)
    base, extra = divmod(pupils, len(groups))
    counts, domain_counts = {}, {}
    keys = scheme.category_keys
    for i, group in enumerate(groups):
        size = base + (1 if i < extra else 0)
        cells, domains = {}, {}
        for category in rng.choices(keys, weights=mix, k=size):
            cells[category] = cells.get(category, 0) + 1
            if category != keys[0]:
                domain = rng.choice(DOMAINS)
                domains[domain] = domains.get(domain, 0) + 1
        counts[group] = cells
        domain_counts[group] = domains
    return counts, domain_counts


def build_diversity_demo(schools: dict, school_year: str, directors: dict) -> int:
    """An Invulschema for this year and last year for every school, saved by its director;
    returns how many."""
    made = 0
    for number, (key, school) in enumerate(schools.items()):
        user = directors.get(key)
        scheme = _scheme_version_for(school.board.partnership).scheme
        now_mix, before_mix = MIXES.get(key, MIXES["zeester"])
        sbo = school.school_type != "bao"
        last_year_pupils = round(school.pupil_count * (0.96 if number % 2 else 1.03))
        groups = groups_for(group_count(school, previous_school_year(school_year)), sbo)
        counts, domains = draw_counts(scheme, last_year_pupils, groups, before_mix, number)
        invulschema_save(
            school=school,
            school_year=previous_school_year(school_year),
            counts=counts,
            domain_counts=domains,
            user=user,
        )
        if key == FLAGSHIP:
            parsed = read_pupil_file(SAMPLE_PATH.read_bytes(), SAMPLE_PATH.name, scheme, "bao")
            counts, domains, source = parsed.counts, parsed.domain_counts, Invulschema.Source.IMPORT
        else:
            counts, domains = draw_counts(
                scheme,
                school.pupil_count,
                groups_for(group_count(school, school_year), sbo),
                now_mix,
                100 + number,
            )
            source = Invulschema.Source.HAND
        invulschema_save(
            school=school,
            school_year=school_year,
            counts=counts,
            domain_counts=domains,
            user=user,
            source=source,
        )
        made += 2
    return made

"""Storing schemes and Invulschema's: checked first, then written in one transaction."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from steunwijzer.core.problems import Problem, ProblemsError
from steunwijzer.core.school_year import school_year_of
from steunwijzer.organisations.models import Partnership, School
from steunwijzer.profiles.school_figures import counted_figures_changed
from steunwijzer.regional_model.services import definition_read, definition_store

from .computation import Counts
from .models import Invulschema, SchemeVersion
from .scheme import (
    DEFAULT_SCHEME_PATH,
    Scheme,
    default_scheme,
    parse_scheme,
    parse_scheme_bounded,
)

MAX_PUPILS_PER_CELL = 999

# What check_counts says of a cell table, for categories and for domains: whole sentences,
# translated when the problem is made.
_CATEGORY_WORDING = {
    "expected": lambda: _("expected the numbers per category"),
    "unknown": lambda: _("unknown category '%(key)s'; choose from %(choices)s"),
}
_DOMAIN_WORDING = {
    "expected": lambda: _("expected the numbers per domain"),
    "unknown": lambda: _("unknown domain '%(key)s'; choose from %(choices)s"),
}


def scheme_read(
    *, partnership: Partnership, text: str | bytes, filename: str, bounded: bool = False
):
    """Check a YAML scheme as a new version for the partnership, storing nothing: its text,
    the `Scheme` and the dict to store. A FormatError names every problem, and a version
    imported before (on its `version` line). `bounded`: an upload, read in the bounded child."""
    return definition_read(
        SchemeVersion,
        partnership=partnership,
        text=text,
        filename=filename,
        parse=parse_scheme_bounded if bounded else parse_scheme,
        id_field="scheme_id",
        refusal=_refusal,
    )


@transaction.atomic
def scheme_import(
    *, partnership: Partnership, text: str | bytes, filename: str, user=None, bounded=False
) -> SchemeVersion:
    """Check the YAML scheme and store it as the partnership's newest `SchemeVersion`.

    A stored version never changes (Invulschema's point at it): importing the same scheme id
    and version again is refused with a FormatError on the `version` line."""
    read = scheme_read(partnership=partnership, text=text, filename=filename, bounded=bounded)
    return definition_store(
        SchemeVersion,
        read,
        partnership=partnership,
        filename=filename,
        refusal=_refusal,
        id_field="scheme_id",
        user=user,
    )


def _refusal(partnership: Partnership, scheme: Scheme) -> str:
    return _(
        "Version %(version)s of scheme %(scheme)s has already been imported for "
        "%(partnership)s; raise the version number."
    ) % {"version": scheme.version, "scheme": scheme.id, "partnership": partnership.name}


def scheme_for(partnership: Partnership) -> Scheme:
    """The partnership's newest scheme, or the shipped default when it has none."""
    version = SchemeVersion.objects.current_for(partnership)
    return version.scheme if version else default_scheme()


def _scheme_version_for(partnership: Partnership) -> SchemeVersion:
    """The newest stored version; the shipped default is stored the first time it is used."""
    version = SchemeVersion.objects.current_for(partnership)
    if version is not None:
        return version
    return scheme_import(
        partnership=partnership,
        text=DEFAULT_SCHEME_PATH.read_bytes(),
        filename=DEFAULT_SCHEME_PATH.name,
    )


def check_counts(
    scheme: Scheme, school: School, counts, domain_counts
) -> tuple[Counts, Counts, list[Problem]]:
    """Counts as sent by a form or the API, cleaned; with a problem per wrong path."""
    problems: list[Problem] = []
    clean: Counts = {}
    clean_domains: Counts = {}
    if not isinstance(counts, dict):
        return {}, {}, [Problem("counts", _("expected the numbers per category for each group"))]
    if not isinstance(domain_counts, dict):
        problems.append(
            Problem("domain_counts", _("expected the numbers per domain for each group"))
        )
        domain_counts = {}
    for label, table, keys, wording in (
        ("counts", counts, scheme.category_keys, _CATEGORY_WORDING),
        ("domain_counts", domain_counts, scheme.domain_keys, _DOMAIN_WORDING),
    ):
        target = clean if label == "counts" else clean_domains
        for raw_group, cells in table.items():
            group = scheme.match_group(raw_group, school.school_type)
            path = f"{label}.{raw_group}"
            if group is None:
                problems.append(
                    Problem(path, _("unknown group '%(group)s'") % {"group": raw_group})
                )
                continue
            if not isinstance(cells, dict):
                problems.append(Problem(path, wording["expected"]()))
                continue
            row = target.setdefault(group, {})
            for key, value in cells.items():
                cell = f"{path}.{key}"
                if key not in keys:
                    problems.append(
                        Problem(
                            cell,
                            wording["unknown"]() % {"key": key, "choices": ", ".join(keys)},
                        )
                    )
                elif isinstance(value, bool) or not isinstance(value, int):
                    problems.append(Problem(cell, _("must be a whole number")))
                elif value < 0:
                    problems.append(
                        Problem(
                            cell,
                            _("a number may not be negative (now %(value)s)") % {"value": value},
                        )
                    )
                elif value > MAX_PUPILS_PER_CELL:
                    problems.append(
                        Problem(cell, _("more than %(max)s pupils") % {"max": MAX_PUPILS_PER_CELL})
                    )
                elif value:
                    row[key] = row.get(key, 0) + value
    for group, cells in clean_domains.items():
        pupils = sum(clean.get(group, {}).values())
        for key, value in cells.items():
            if value > pupils:
                problems.append(
                    Problem(
                        f"domain_counts.{group}.{key}",
                        _("%(value)s pupils in this domain, but the group has %(pupils)s")
                        % {"value": value, "pupils": pupils},
                    )
                )
    clean = {g: cells for g, cells in clean.items() if cells}
    clean_domains = {g: cells for g, cells in clean_domains.items() if cells}
    return clean, clean_domains, problems


def pupil_count_problem(school: School, total: int) -> Problem | None:
    """A total that disagrees with the school's pupil count, unless that count is not known."""
    if school.pupil_count and total != school.pupil_count:
        return Problem(
            "total",
            _(
                "%(total)s pupils in total, but the school has %(count)s pupils. Correct the "
                "numbers, or choose to change the school's number of pupils to %(total)s."
            )
            % {"total": total, "count": school.pupil_count},
        )
    return None


@transaction.atomic
def invulschema_save(
    *,
    school: School,
    school_year: str,
    counts,
    domain_counts=None,
    user=None,
    source: str = Invulschema.Source.HAND,
    update_pupil_count: bool = False,
) -> Invulschema:
    """Check and store the school's counts for the year (replacing earlier ones).

    ProblemsError lists every problem; nothing is written then. With `update_pupil_count`
    the school's pupil count becomes the new total in the same transaction. Only the current
    school year's total is checked against (and may update) the school's pupil count."""
    scheme_version = _scheme_version_for(school.board.partnership)
    clean, clean_domains, problems = check_counts(
        scheme_version.scheme, school, counts, domain_counts or {}
    )
    total = sum(sum(cells.values()) for cells in clean.values())
    if not problems and total == 0:
        problems.append(Problem("counts", _("Fill in the numbers for at least one group.")))
    # The school's pupil count is today's; only this year's Invulschema is held against it.
    current = school_year == school_year_of(timezone.localdate())
    if not problems and current and not update_pupil_count:
        mismatch = pupil_count_problem(school, total)
        problems += [mismatch] if mismatch else []
    if problems:
        raise ProblemsError(problems)
    pupil_count_changed = (
        current and (update_pupil_count or not school.pupil_count) and school.pupil_count != total
    )
    if pupil_count_changed:
        School.objects.filter(pk=school.pk).update(pupil_count=total)
        school.pupil_count = total
    values = {
        "scheme_version": scheme_version,
        "counts": clean,
        "domain_counts": clean_domains,
        "source": source,
        "updated_by": user if getattr(user, "pk", None) else None,
    }
    invulschema, created = Invulschema.objects.select_for_update().get_or_create(
        school=school, school_year=school_year, defaults=values
    )
    if not created:
        for name, value in values.items():
            setattr(invulschema, name, value)
        invulschema.version += 1  # the row is locked, so no save is lost
        invulschema.save()
    # The SOP-check's stored summaries hold the SOP against these figures, and every year's
    # SOP against the school's pupil count.
    counted_figures_changed.send(
        sender=Invulschema, school=school, school_year=None if pupil_count_changed else school_year
    )
    return invulschema

"""Where a school stands: geocoded from its postcode when it is created or its address
changes, and corrected by the partnership's staff (`school_locate`).

A school saved one at a time (the admin, the shell, a page) is geocoded at once, before it is
saved. An import of many schools marks them `geocode_after_commit`: they are written without
asking the geocoder (no network call inside the import's transaction, and no waiting on it
per school), and `schools_geocode` places them after the commit, each in its own small
transaction (`steunwijzer schools geocode --partnership SLUG` runs it again).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from steunwijzer.core.geo import is_valid_point
from steunwijzer.core.geocoder import GeocodeError, geocode_postcode

from .models import Partnership, School

ADDRESS_FIELDS = ("street_address", "postcode", "city")


def _address(school: School) -> tuple:
    return tuple(getattr(school, name) for name in ADDRESS_FIELDS)


def locate_on_save(school: School) -> None:
    """Before a school is saved (pre_save): a new school without coordinates, or one whose
    address changed while its coordinates did not, is geocoded. A geocoder that cannot help
    leaves it without coordinates rather than at its old place; the save goes on."""
    before = None
    if school.pk is not None:
        before = (
            School.objects.filter(pk=school.pk)
            .values_list(*ADDRESS_FIELDS, "latitude", "longitude")
            .first()
        )
    if before is None:
        if school.is_located:
            return
    else:
        moved = _address(school) != tuple(before[:3])
        coordinates_given = (school.latitude, school.longitude) != tuple(before[3:])
        if not moved or coordinates_given:
            return
    if getattr(school, "geocode_after_commit", False):
        # Placed by `schools_geocode` after the import commits; the old place of a school
        # that moved is no longer right.
        school.latitude = school.longitude = None
        return
    try:
        school.latitude, school.longitude = geocode_postcode(school.postcode)
    except GeocodeError:
        school.latitude = school.longitude = None


@transaction.atomic
def school_locate(*, school: School, latitude: float, longitude: float) -> School:
    """The partnership puts the school where it really stands (the postcode's middle can be
    hundreds of metres off). Saving rewrites its finder row and changes its partnership."""
    if not is_valid_point(latitude, longitude):
        raise ValueError("not a point on earth")
    school.latitude, school.longitude = latitude, longitude
    school.save(update_fields=["latitude", "longitude"])
    return school


def geocode_after_commit(school: School) -> School:
    """Mark a school to be saved without asking the geocoder: `schools_geocode` places it
    after the transaction that saves it has committed."""
    school.geocode_after_commit = True
    return school


@dataclass
class GeocodeReport:
    """What `schools_geocode` did: how many schools it placed, a Dutch sentence for each school
    with a problem of its own (its postcode), and how many it could not place because the map
    service could not be reached (said once: the same for every school)."""

    partnership_slug: str
    located: int = 0
    problems: list[str] = field(default_factory=list)
    unreachable: int = 0

    def located_lines(self) -> list[str]:
        if not self.located:
            return []
        return [
            ngettext(
                "%(n)s school has been placed on the map.",
                "%(n)s schools have been placed on the map.",
                self.located,
            )
            % {"n": self.located}
        ]

    def problem_lines(self) -> list[str]:
        """What staff should do something about (a warning, not part of a success)."""
        lines = []
        if self.problems:
            lines.append(
                ngettext(
                    "%(n)s school could not be placed on the map:",
                    "%(n)s schools could not be placed on the map:",
                    len(self.problems),
                )
                % {"n": len(self.problems)}
            )
            lines += self.problems
        if self.unreachable:
            lines.append(
                ngettext(
                    "%(n)s school could not be placed on the map: the map service could not "
                    "be reached. Try again later with “steunwijzer schools geocode "
                    "--partnership %(slug)s”.",
                    "%(n)s schools could not be placed on the map: the map service could not "
                    "be reached. Try again later with “steunwijzer schools geocode "
                    "--partnership %(slug)s”.",
                    self.unreachable,
                )
                % {"n": self.unreachable, "slug": self.partnership_slug}
            )
        return lines

    def summary(self) -> list[str]:
        return self.located_lines() + self.problem_lines()


def _problem(school: School, error: GeocodeError) -> str:
    values = {"school": school.name, "code": school.brin_code, "postcode": school.postcode}
    if error.reason == "invalid":
        return (
            _("%(school)s (%(code)s): “%(postcode)s” is not a Dutch postcode; correct the address.")
            % values
        )
    return (
        _(
            "%(school)s (%(code)s): the map service does not know postcode %(postcode)s; place "
            "the school on the map by hand."
        )
        % values
    )


def schools_geocode(*, partnership: Partnership) -> GeocodeReport:
    """Place the partnership's schools that have no coordinates. Deliberately not one
    transaction: each school is asked of the geocoder outside any transaction and saved in its
    own small one, so a slow geocoder holds no lock and a failing one stops nothing. A school it
    cannot place stays without coordinates until the next run: named in the report when its
    postcode is the problem, counted when the map service could not be reached."""
    report = GeocodeReport(partnership_slug=partnership.slug)
    for school in School.objects.filter(
        board__partnership=partnership, latitude__isnull=True
    ).order_by("name", "pk"):
        if report.unreachable:
            # Not asked again: every school would wait for the geocoder's timeout.
            report.unreachable += 1
            continue
        try:
            point = geocode_postcode(school.postcode)
        except GeocodeError as error:
            if error.reason == "unreachable":
                report.unreachable += 1
            else:
                report.problems.append(_problem(school, error))
            continue
        if _save_point(school, point):
            report.located += 1
    return report


@transaction.atomic
def _save_point(school: School, point: tuple[float, float]) -> bool:
    """Save the point unless the school moved or was placed meanwhile. A save, not an update:
    it rewrites the school's finder row and changes its partnership's content version."""
    current = (
        School.objects.select_for_update()
        .filter(pk=school.pk, postcode=school.postcode, latitude__isnull=True)
        .first()
    )
    if current is None:
        return False
    current.latitude, current.longitude = point
    current.save(update_fields=["latitude", "longitude"])
    return True

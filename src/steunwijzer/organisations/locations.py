"""Where a school stands: geocoded from its postcode when it is created or its address
changes, and corrected by the partnership's staff (`school_locate`)."""

from django.db import transaction

from steunwijzer.core.geo import is_valid_point
from steunwijzer.core.geocoder import GeocodeError, geocode_postcode

from .models import School

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

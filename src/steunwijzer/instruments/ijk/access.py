"""Fetch-with-permission for the IJK pages and API: first the school, then the check."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext, gettext_lazy

from steunwijzer.core.school_year import is_valid_school_year
from steunwijzer.organisations.models import School

from .models import Observation, may_edit, may_observe, may_read

READ_DENIED = gettext_lazy(
    "Only those with a role at this school, its board or partnership see the IJK."
)
EDIT_DENIED = gettext_lazy(
    "Only the school's editors (head teacher, special needs coordinator) fill in the IJK."
)
OBSERVE_DENIED = gettext_lazy(
    "Only the board's quality officer or an invited colleague from another school records an "
    "observation."
)


def check_school_year(school_year: str) -> None:
    if not is_valid_school_year(school_year):
        raise Http404(gettext("Not a valid school year; write it as 2025-2026."))


def school_for(user, school: School | int, school_year: str, *, edit=False, observe=False):
    """The school when this person may read (or edit, or observe) its IJK for the year."""
    check_school_year(school_year)
    if not isinstance(school, School):
        school = get_object_or_404(School.objects.select_related("board"), pk=school)
    if edit and not may_edit(user, school):
        raise PermissionDenied(str(EDIT_DENIED))
    if observe and not may_observe(user, school, school_year):
        raise PermissionDenied(str(OBSERVE_DENIED))
    if not (edit or observe) and not may_read(user, school):
        raise PermissionDenied(str(READ_DENIED))
    return school


def school_by_brin_code(brin_code: str) -> School:
    """`17XK00`: BRIN plus vestiging, as in the API's URLs."""
    code = brin_code.upper()
    return get_object_or_404(
        School.objects.select_related("board"), brin=code[:-2], vestiging=code[-2:]
    )


def observation_for(user, pk: int) -> Observation:
    observation = get_object_or_404(
        Observation.objects.select_related("school__board", "catalogue"), pk=pk
    )
    if not observation.may_read(user):
        raise PermissionDenied(str(READ_DENIED))
    return observation

"""Fetch-with-permission for the IJK pages and API: first the school, then the check."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from steunwijzer.core.school_year import is_valid_school_year
from steunwijzer.organisations.models import School

from .models import Observation, may_edit, may_observe, may_read

READ_DENIED = (
    "Alleen wie een rol heeft bij deze school, haar bestuur of samenwerkingsverband ziet het IJK."
)
EDIT_DENIED = "Alleen de schoolredacteuren (directeur, IB'er) vullen het IJK in."
OBSERVE_DENIED = (
    "Alleen de kwaliteitsmedewerker van het bestuur of een uitgenodigde collega van een andere "
    "school legt een observatie vast."
)


def check_school_year(school_year: str) -> None:
    if not is_valid_school_year(school_year):
        raise Http404("Geen geldig schooljaar; schrijf het als 2025-2026.")


def school_for(user, school: School | int, school_year: str, *, edit=False, observe=False):
    """The school when this person may read (or edit, or observe) its IJK for the year."""
    check_school_year(school_year)
    if not isinstance(school, School):
        school = get_object_or_404(School.objects.select_related("board"), pk=school)
    if edit and not may_edit(user, school):
        raise PermissionDenied(EDIT_DENIED)
    if observe and not may_observe(user, school, school_year):
        raise PermissionDenied(OBSERVE_DENIED)
    if not (edit or observe) and not may_read(user, school):
        raise PermissionDenied(READ_DENIED)
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
        raise PermissionDenied(READ_DENIED)
    return observation

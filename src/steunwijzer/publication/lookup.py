"""Finding the published SOP behind a public URL (`/scholen/<brin>/…`).

A BRIN with one location is addressed by the BRIN alone; where a BRIN has several locations
the vestiging joins the path, and the BRIN alone leads to a choice between them.
"""

import re

from django.http import Http404

from steunwijzer.organisations.models import School
from steunwijzer.profiles.models import Evaluation, Profile
from steunwijzer.route.models import Transition


class SeveralLocations(Exception):
    """The BRIN has more than one location: the path needs the vestiging."""

    def __init__(self, schools: list[School]):
        super().__init__(f"{len(schools)} vestigingen")
        self.schools = schools


def school_for_path(brin: str, vestiging: str | None = None) -> School:
    schools = list(
        School.objects.select_related("board__partnership")
        .defer("board__partnership__logo")
        .filter(brin=brin.upper())
        .order_by("vestiging")
    )
    if vestiging is not None:
        schools = [s for s in schools if s.vestiging == vestiging]
    if not schools:
        raise Http404("Deze school staat niet in Steunwijzer.")
    if len(schools) > 1:
        raise SeveralLocations(schools)
    return schools[0]


def published_profile(school: School, school_year: str | None = None) -> Profile:
    """The school's published SOP: of that school year, or the newest published one."""
    profiles = (
        Profile.objects.filter(school=school, published_revision__isnull=False)
        .select_related("published_revision", "format_version")
        .order_by("-school_year")
    )
    if school_year is not None:
        profiles = profiles.filter(school_year=school_year)
    profile = profiles.first()
    if profile is None:
        raise Http404("Deze school heeft (voor dit schooljaar) geen gepubliceerd SOP.")
    profile.school = school
    return profile


def public_path_kwargs(school: School) -> dict:
    """The URL keywords for a school's public pages: the vestiging only where it is needed."""
    if School.objects.filter(brin=school.brin).exclude(pk=school.pk).exists():
        return {"brin": school.brin, "vestiging": school.vestiging}
    return {"brin": school.brin}


# A school code: BRIN plus vestiging, as the open data and the comparison name a school.
SCHOOL_CODE = re.compile(r"^[0-9]{2}[A-Z]{2}[0-9]{2}$")


def school_for_code(code: str) -> School:
    """The school with this code (e.g. 12AB00, any case); Http404 otherwise."""
    code = code.upper()
    school = None
    if SCHOOL_CODE.match(code):
        school = (
            School.objects.select_related("board__partnership")
            .defer("board__partnership__logo")
            .filter(brin=code[:4], vestiging=code[4:])
            .first()
        )
    if school is None:
        raise Http404("Deze school staat niet in Steunwijzer.")
    return school


def published_profile_by_code(code: str, school_year: str | None = None) -> Profile:
    """The published SOP of the school with this code (e.g. 12AB00); Http404 otherwise."""
    return published_profile(school_for_code(code), school_year)


def publication_dates(profile: Profile) -> dict:
    """Established, published, last and next evaluation (dates, or ISO strings from answers).

    The evaluation is the school's newest record up to this year; without one, the dates
    the school wrote in the model's evaluation fields."""
    published = Transition.objects.filter(profile=profile, action="publish").order_by("-pk")
    evaluation = (
        Evaluation.objects.filter(
            profile__school=profile.school, profile__school_year__lte=profile.school_year
        )
        .order_by("-evaluated_on", "-pk")
        .first()
    )
    answers = profile.published_revision.answers
    step = published.first()
    return {
        "established_on": profile.established_on,
        "published_at": step.created_at if step else None,
        "last_evaluation": evaluation.evaluated_on
        if evaluation
        else answers.get("evaluatie_laatste"),
        "next_evaluation": evaluation.next_evaluation
        if evaluation
        else answers.get("evaluatie_volgende"),
    }

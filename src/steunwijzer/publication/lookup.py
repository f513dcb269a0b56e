"""Finding the published SOP behind a public URL (`/scholen/<brin>/…`).

A BRIN with one location is addressed by the BRIN alone; where a BRIN has several locations
the vestiging joins the path, and the BRIN alone leads to a choice between them.
"""

from django.http import Http404

from steunwijzer.organisations.models import School
from steunwijzer.profiles.models import Profile


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

"""Demo: last school year's SOPs, established and published, so the school finder has schools
to find and parents can open earlier years.

The demo's route (demo/route.py) shows this school year's SOPs on their way; here each
school whose demo content is complete gets its previous year's SOP as it was published then:
the same content with last year's dates, established in July before that year began, and
published. These are history, so they are stored as they stood at the end of that year,
without replaying last year's route. Then the finder's search index is rebuilt from all
published SOPs.
"""

from datetime import date

from django.utils import timezone

from steunwijzer.core.school_year import previous_school_year, school_year_of
from steunwijzer.profiles.models import Profile, Revision
from steunwijzer.publication.search_index import rebuild_index
from steunwijzer.regional_model.models import FormatVersion

from . import route as demo_route

# Last year's SOPs were established before that school year began, after the team's
# evaluation in June or early July (the content's `evaluatie_laatste`), so the next evaluation
# the content plans (`evaluatie_volgende`, a year on) comes after it.
ESTABLISHED_MONTH_DAY = (7, 7)


def _merged(key: str, history) -> dict:
    """The school's demo content as it finally stands, with the edits made along the route."""
    answers = {}
    for _, step in history:
        answers.update(step)
    for _, _, action, payload in demo_route.ROUTE_PLANS.get(key, []):
        if action == demo_route.EDIT:
            answers.update(payload)
    return answers


def publish_previous_year(schools: dict, history: dict, directors: dict, stored_answers) -> int:
    """Publish last year's SOP of every school with complete demo content; returns how many.

    `stored_answers(profile, answers, start_year)` turns the readable demo content into the
    stored form (demo/build.py), with the year placeholders filled in for last year.
    """
    year = previous_school_year(school_year_of(timezone.localdate()))
    start_year = int(year[:4])
    published = 0
    for key, steps in history.items():
        school = schools[key]
        profile = Profile(
            school=school,
            school_year=year,
            format_version=FormatVersion.objects.current_for(school.partnership),
            state="gepubliceerd",
            version=1,
            updated_by=directors[key],
        )
        profile.answers = stored_answers(profile, _merged(key, steps), start_year)
        if not steps or profile.missing_required():
            continue
        profile.save()
        revision = Revision.objects.create(
            profile=profile,
            number=1,
            answers=profile.answers,
            changed_fields=sorted(profile.answers),
            reason=Revision.Reason.SAVE,
            note=f"gepubliceerd SOP {year}",
            author=directors[key],
            author_name=directors[key].get_full_name(),
        )
        profile.established_revision = profile.published_revision = revision
        profile.established_on = date(start_year, *ESTABLISHED_MONTH_DAY)
        profile.save(update_fields=["established_revision", "published_revision", "established_on"])
        published += 1
    rebuild_index()
    return published

"""A school's public page: its published SOP for parents, rendered once per published version.

Nothing here reads the draft: every answer comes from `Profile.published_revision`.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from steunwijzer.core.dates import as_day
from steunwijzer.core.school_year import holds_in, holds_until, school_year_of
from steunwijzer.core.uploads import attachment_response
from steunwijzer.instruments.diversity.summary import public_summary
from steunwijzer.profiles.models import OwnDocument, Profile

from .glossary import BY_KEY, TERMS
from .in_short import in_short
from .lookup import (
    SeveralLocations,
    public_path_kwargs,
    publication_dates,
    published_profile,
    school_for_code,
    school_for_path,
)
from .page_cache import cached_page, page_key, school_version
from .published import pupils_shown

# The words a parent meets first in "In het kort" and the chapters, explained right there.
WORDS_ON_SCHOOL_PAGE = (
    "basisondersteuning",
    "extra-ondersteuning",
    "arrangement",
    "tlv",
    "sbo",
    "so",
)


def download_url(name: str, kwargs: dict) -> str:
    """A download's URL, or "" while that view is not installed."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def _published_years(school) -> list[tuple[str, int]]:
    return list(
        Profile.objects.filter(school=school, published_revision__isnull=False)
        .order_by("-school_year")
        .values_list("school_year", "published_revision_id")
    )


def currency(profile, dates: dict, is_current: bool, today) -> dict:
    """How current the school's newest published profile is, for a parent: the school year
    it has no profile for yet, and whether its planned next evaluation has passed (without a
    newer evaluation: `dates` holds the newest)."""
    this_year = school_year_of(today)
    next_evaluation = as_day(dates["next_evaluation"])
    established_on = as_day(dates["established_on"])
    # A next evaluation planned before the profile was adopted is not a plan a parent can
    # count on: the page says so rather than showing it as in order.
    before_adoption = (
        next_evaluation is not None
        and established_on is not None
        and next_evaluation < established_on
    )
    cycle = profile.school.board.partnership.cycle_years
    holds = holds_in(profile.school_year, cycle, this_year)
    return {
        "missing_year": this_year
        if is_current and not holds and profile.school_year < this_year
        else "",
        # In a cycle of more than one year, parents read until when this SOP holds.
        "holds_until": holds_until(profile.school_year, cycle) if is_current and cycle > 1 else "",
        "evaluation_before_adoption": before_adoption,
        "evaluation_overdue": is_current
        and not before_adoption
        and next_evaluation is not None
        and next_evaluation < today,
    }


def page_context(profile, path_kwargs: dict, years: list, today) -> dict:
    school = profile.school
    revision = profile.published_revision
    year_kwargs = {**path_kwargs, "schooljaar": profile.school_year}
    is_current = years[0][0] == profile.school_year
    page_kwargs = path_kwargs if is_current else year_kwargs
    document = OwnDocument.objects.without_content().filter(profile=profile).first()
    dates = publication_dates(profile)
    return {
        "pupils": pupils_shown(school, public_summary(school, profile.school_year)),
        **currency(profile, dates, is_current, today),
        "profile": profile,
        "school": school,
        "revision": revision,
        "answers": revision.answers,
        "in_short": []
        if profile.is_own_model
        else in_short(profile.sop_format, revision.answers, school.school_type),
        "intro_template": "publication/_intro.html",
        "glossary_url": reverse("public_glossary"),
        "fixed_text_summaries": school.board.partnership.fixed_text_summaries,
        "words": [BY_KEY[key] for key in WORDS_ON_SCHOOL_PAGE],
        "theme_partnership": school.board.partnership,
        "is_current": is_current,
        "current_url": reverse("public_school", kwargs=path_kwargs),
        "earlier_years": [
            (year, reverse("public_school", kwargs={**path_kwargs, "schooljaar": year}))
            for year, _ in years
            if year != profile.school_year
        ],
        "dates": dates,
        "pdf_url": download_url("public_sop_pdf", page_kwargs),
        "docx_url": download_url("public_sop_docx", page_kwargs),
        "schoolgids_url": download_url("public_schoolgids_docx", page_kwargs),
        "own_document": document,
        "own_document_url": reverse("public_own_document", kwargs=year_kwargs)
        if document and document.has_file
        else "",
    }


def _locations(schools, path: str) -> str:
    context = {
        "schools": schools,
        "theme_partnership": schools[0].board.partnership,
        "language_next": path,
    }
    return render_to_string("publication/locations.html", context)


def _unpublished(school, path: str) -> str:
    """Every school has a page: one without a published SOP says so, and where parents can
    turn meanwhile (the school itself, the partnership's ouder- en jeugdsteunpunt)."""
    context = {
        "school": school,
        "partnership": school.board.partnership,
        "theme_partnership": school.board.partnership,
        "glossary_url": reverse("public_glossary"),
        "language_next": path,
    }
    return render_to_string("publication/unpublished.html", context)


@require_GET
def school_code(request, code):
    """The 6-character school code (BRIN + vestiging) that school websites and the open data
    use leads, permanently, to the school's own page."""
    school = school_for_code(code)
    return redirect(reverse("public_school", kwargs=public_path_kwargs(school)), permanent=True)


@require_GET
def school_page(request, brin, vestiging=None, schooljaar=None):
    """A kept page costs one query; only a page not yet kept looks the SOP up."""
    version = school_version(brin)  # before the page's contents are read
    # The page says whether the school's planned evaluation has passed, and which school year
    # it has no SOP for yet: today's date is part of what it shows.
    today = timezone.localdate()

    def render_page():
        try:
            school = school_for_path(brin, vestiging)
        except SeveralLocations as several:
            return _locations(several.schools, request.path)
        try:
            profile = published_profile(school, schooljaar)
        except Http404:
            if schooljaar is not None:  # a year without a published SOP: no such page
                raise
            return _unpublished(school, request.path)
        context = page_context(profile, public_path_kwargs(school), _published_years(school), today)
        context["language_next"] = request.path
        return render_to_string("publication/school.html", context)

    key = page_key("school", version, today, request.path)
    return cached_page(request, key, render_page, day=today)


@require_GET
def own_document(request, brin, schooljaar, vestiging=None):
    """The own-model document of a published SOP, for everyone."""
    try:
        school = school_for_path(brin, vestiging)
    except SeveralLocations:
        raise Http404("Kies eerst een vestiging.") from None
    profile = published_profile(school, schooljaar)
    document = OwnDocument.objects.filter(profile=profile).exclude(filename="").first()
    if not profile.is_own_model or document is None:
        raise Http404("Deze school heeft geen eigen document gepubliceerd.")
    return attachment_response(document.content, document.content_type, document.filename)


@require_GET
def glossary(request):
    """The words of a school support profile in plain language; the same for every visitor."""
    context = {"terms": TERMS, "language_next": request.path}
    key = page_key("glossary")
    return cached_page(request, key, lambda: render_to_string("publication/glossary.html", context))

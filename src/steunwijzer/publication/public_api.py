"""Open data: the published SOPs as JSON, no login (operationIds public_profiles_list and
public_profile_get). Responses are cacheable: ETag and Cache-Control like the public pages."""

import json

from django.core.paginator import Paginator
from django.http import Http404
from django.urls import path, reverse
from django.views.decorators.http import require_GET

from steunwijzer.core.json_api import error
from steunwijzer.organisations.models import Partnership
from steunwijzer.profiles.answers import is_filled
from steunwijzer.profiles.richtext import markup_to_html

from .finder import FinderQuery, filtered_entries
from .lookup import publication_dates, published_profile_by_code
from .models import FinderEntry
from .page_cache import cached_page, page_key, public_version, school_version

PAGE_SIZE = 50
JSON = "application/json"


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


def _list_query(params) -> FinderQuery | None:
    partnership = None
    if params.get("partnership"):
        partnership = Partnership.objects.defer("logo").filter(slug=params["partnership"]).first()
        if partnership is None:
            return None
    return FinderQuery(
        partnership=partnership,
        text=" ".join(params.get("q", "").split())[:100],
        municipality=params.get("municipality", "").strip(),
        district=params.get("district", "").strip(),
        denomination=params.get("denomination", "").strip(),
        offers=params.getlist("offer"),
    )


def _summary(entry: FinderEntry) -> dict:
    return {
        "brin_code": entry.brin_code,
        "name": entry.name,
        "school_year": entry.school_year,
        "city": entry.city,
        "municipality": entry.municipality,
        "district": entry.district,
        "denomination": entry.denomination,
        "school_type": entry.school_type,
        "offers": sorted(entry.offer_keys()),
        "established_on": entry.established_on.isoformat() if entry.established_on else None,
        "url": reverse("api_public_profile", kwargs={"brin_code": entry.brin_code}),
    }


@require_GET
def public_profiles_list(request):
    if any("\x00" in value for _, values in request.GET.lists() for value in values):
        # PostgreSQL cannot compare text with a NUL character in it.
        return error(400, "De zoekvraag bevat een teken dat niet kan (NUL).")
    version = public_version()  # before the rows it names
    query = _list_query(request.GET)
    if query is None:
        return error(404, "Dit samenwerkingsverband bestaat niet.")
    try:
        page_number = int(request.GET.get("page", 1))
    except ValueError:
        return error(400, "De parameter 'page' moet een geheel getal zijn.")
    rows = filtered_entries(query)
    key = page_key("api-list", version, request.GET.urlencode())

    def render():
        paginator = Paginator(rows, PAGE_SIZE)
        page = paginator.get_page(page_number)
        return _json(
            {
                "count": paginator.count,
                "page": page.number,
                "pages": paginator.num_pages,
                "results": [_summary(e) for e in page.object_list],
            }
        )

    return cached_page(request, key, render, content_type=JSON)


def _item(profile, item, answers: dict) -> dict | None:
    if item.kind == "fixed_text":
        return {"kind": "fixed_text", "key": item.key, "title": item.title, "text": item.text}
    if not item.applies_to(profile.school.school_type):
        return None
    value = answers.get(item.key)
    data = {"kind": "field", "key": item.key, "type": item.type, "label": item.label}
    data["value"] = value if is_filled(value) else None
    if item.type == "long_text" and data["value"] is not None:
        data["value"] = markup_to_html(value)  # the API has always given long text as HTML
    if item.type in ("checklist", "single_choice"):
        labels = {c.key: c.label for c in item.choices}
        chosen = value if isinstance(value, list) else [value] if value else []
        data["value_labels"] = [labels.get(v, v) for v in chosen]
    return data


def profile_document(profile) -> dict:
    """A published SOP by chapter, section and field, with labels, values and dates."""
    school = profile.school
    revision = profile.published_revision
    answers = revision.answers
    dates = publication_dates(profile)
    fv = profile.format_version
    chapters = []
    if not profile.is_own_model:
        for chapter in profile.chapters:
            sections = []
            for section in chapter.sections:
                items = [_item(profile, item, answers) for item in section.items]
                sections.append(
                    {"key": section.key, "title": section.title, "items": [i for i in items if i]}
                )
            chapters.append(
                {
                    "key": chapter.key,
                    "number": chapter.number,
                    "title": chapter.title,
                    "mandatory_part": chapter.mandatory_part,
                    "sections": sections,
                }
            )
    return {
        "school": {
            "brin": school.brin,
            "vestiging": school.vestiging,
            "brin_code": school.brin_code,
            "name": school.name,
            "school_type": school.school_type,
            "street_address": school.street_address,
            "postcode": school.postcode,
            "city": school.city,
            "municipality": school.municipality,
            "district": school.district,
            "denomination": school.denomination,
            "website": school.website,
            "board": school.board.name,
            "partnership": school.board.partnership.name,
        },
        "school_year": profile.school_year,
        "version": revision.number,
        "kind": profile.kind,
        "format": {"id": fv.format_id, "version": fv.version, "name": fv.name},
        "dates": {
            name: value.isoformat() if hasattr(value, "isoformat") else value
            for name, value in dates.items()
        },
        "chapters": chapters,
    }


@require_GET
def public_profile_get(request, brin_code):
    school_year = request.GET.get("school_year") or None
    version = school_version(brin_code[:4])
    key = page_key("api-profile", version, brin_code.upper(), school_year)

    def render():
        return _json(profile_document(published_profile_by_code(brin_code, school_year)))

    try:
        return cached_page(request, key, render, content_type=JSON)
    except Http404:
        return error(404, "Van deze school is (voor dit schooljaar) geen gepubliceerd SOP.")


urlpatterns = [
    path("public/profiles/", public_profiles_list, name="api_public_profiles"),
    path("public/profiles/<str:brin_code>/", public_profile_get, name="api_public_profile"),
]

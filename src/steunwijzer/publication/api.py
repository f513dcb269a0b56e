"""Open data: the published SOPs as JSON, no login (operationIds public_profiles_list and
public_profile_get). Responses are cacheable: ETag and Cache-Control like the public pages."""

import json
from typing import Annotated, Any, Literal

from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from ninja import Path, Query, Router, Schema
from pydantic import Field

from steunwijzer.core.json_api import ApiError, AsSent, DateText, DateTimeText, Error
from steunwijzer.organisations.models import Partnership
from steunwijzer.organisations.schemas import BrinCode
from steunwijzer.profiles.answers import is_filled
from steunwijzer.profiles.richtext import markup_to_html

from .finder import FinderQuery, brins_with_several_locations, filtered_entries
from .lookup import public_path_kwargs, publication_dates, published_profile_by_code
from .models import FinderEntry
from .page_cache import cached_page, page_key, public_version, school_version

PAGE_SIZE = 50
JSON = "application/json"

# --- schemas (their class names are the names in the OpenAPI document) --------------------------


class PublicLinks(Schema):
    page: str = Field(description="De pagina van de school voor ouders.")
    pdf: str = Field(description="Het SOP als PDF.")
    docx: str = Field(description="Het SOP als Word-bestand.")


class PublicProfileSummary(Schema):
    brin_code: str = Field(examples=["12AB00"])
    name: str
    school_year: str = Field(examples=["2026-2027"])
    city: str
    municipality: str
    district: str
    denomination: str
    school_type: Literal["bao", "sbo", "so"]
    offers: list[str]
    established_on: DateText | None
    url: str
    links: PublicLinks


class PublicProfileList(Schema):
    count: int
    page: int
    pages: int
    results: list[PublicProfileSummary]


class PublicSchool(Schema):
    brin: str
    vestiging: str
    brin_code: str
    name: str
    school_type: str
    street_address: str
    postcode: str
    city: str
    municipality: str
    district: str
    denomination: str
    website: str
    board: str
    partnership: str


class PublicFormat(Schema):
    id: str
    version: str
    name: str


class PublicDates(Schema):
    established_on: DateText | None
    published_at: DateTimeText | None
    last_evaluation: DateText | None
    next_evaluation: DateText | None


# A fixed text has kind, key, title and text; a field kind, key, type, label and value, and a
# choice field value_labels too. Each item carries only its own keys.
class PublicItem(Schema):
    kind: Literal["fixed_text", "field"]
    key: str
    title: str = ""
    text: str = Field("", description="Vaste tekst (markup).")
    type: str = ""
    label: str = ""
    value: Any = Field(None, description="Het antwoord; lange tekst als HTML.")
    value_labels: list[str] = []


class PublicSection(Schema):
    key: str
    title: str
    items: list[PublicItem]


class PublicChapter(Schema):
    key: str
    number: str
    title: str
    mandatory_part: str | None
    sections: list[PublicSection]


class PublicProfile(Schema):
    school: PublicSchool
    school_year: str
    version: int
    kind: Literal["regional", "own"]
    format: PublicFormat
    dates: PublicDates
    links: PublicLinks
    chapters: list[PublicChapter]


# --- operations ---------------------------------------------------------------------------------

router = Router()
# An empty security list says in the document, as it always has, that no token is needed.
NO_LOGIN = {"security": []}
CACHE_NOTE = "Met ETag en Cache-Control: public, max-age=300; If-None-Match geeft 304."


def _json(schema: type[Schema], data: dict) -> str:
    """The answer, held to its schema before it is kept in the cache."""
    checked = schema.model_validate(data).model_dump(exclude_unset=True)
    return json.dumps(checked, ensure_ascii=False, default=str)


def _list_query(slug, q, municipality, district, denomination, offer) -> FinderQuery | None:
    partnership = None
    if slug:
        partnership = Partnership.objects.defer("logo").filter(slug=slug).first()
        if partnership is None:
            return None
    return FinderQuery(
        partnership=partnership,
        text=" ".join(q.split())[:100],
        municipality=municipality.strip(),
        district=district.strip(),
        denomination=denomination.strip(),
        offers=offer,
    )


def _links(path_kwargs: dict) -> dict:
    """Where a parent reads the SOP: the school's page and the downloads, at one address."""
    return {
        "page": reverse("public_school", kwargs=path_kwargs),
        "pdf": reverse("public_sop_pdf", kwargs=path_kwargs),
        "docx": reverse("public_sop_docx", kwargs=path_kwargs),
    }


def _summary(entry: FinderEntry, several: set[str]) -> dict:
    brin, vestiging = entry.brin_code[:4], entry.brin_code[4:]
    # The newest published SOP: the school's address without a year, which always shows it.
    path_kwargs = {"brin": brin, "vestiging": vestiging} if brin in several else {"brin": brin}
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
        "links": _links(path_kwargs),
    }


@router.get(
    "/public/profiles/",
    operation_id="public_profiles_list",
    url_name="api_public_profiles",
    summary="Gepubliceerde SOP's (open data, zonder inloggen)",
    description="Het nieuwste gepubliceerde SOP van elke school, met dezelfde filters als de "
    "schoolzoeker. 50 per pagina. " + CACHE_NOTE,
    response={200: PublicProfileList, 304: None, 400: Error, 404: Error},
    openapi_extra=NO_LOGIN,
)
def public_profiles_list(
    request,
    partnership: str = Query("", description="Slug van het samenwerkingsverband."),
    municipality: str = Query("", description="Gemeente, precies zoals de school die noemt."),
    district: str = Query("", description="Wijk of stadsdeel."),
    denomination: str = Query("", description="Denominatie (richting)."),
    offer: list[str] = Query(
        [],
        description="Aanbod uit een checklist van het model, als `veld.keuze`, bv. "
        "`expertise_aanbod.dyslexie`. Mag vaker.",
    ),
    q: str = Query("", description="Zoekwoorden in de teksten van het SOP."),
    # Read here, so that a page that is no number gets the API's own 400.
    page: AsSent[Annotated[int, Field(ge=1)]] = Query(1, description="Paginanummer, vanaf 1."),
):
    if any("\x00" in value for _, values in request.GET.lists() for value in values):
        # PostgreSQL cannot compare text with a NUL character in it.
        raise ApiError(400, "De zoekvraag bevat een teken dat niet kan (NUL).")
    version = public_version()  # before the rows it names
    query = _list_query(partnership, q, municipality, district, denomination, offer)
    if query is None:
        raise ApiError(404, "Dit samenwerkingsverband bestaat niet.")
    try:
        page_number = int(page)
    except ValueError:
        raise ApiError(400, "De parameter 'page' moet een geheel getal zijn.") from None
    rows = filtered_entries(query)
    key = page_key("api-list", version, request.GET.urlencode())

    def render():
        paginator = Paginator(rows, PAGE_SIZE)
        shown = paginator.get_page(page_number)
        entries = list(shown.object_list)
        several = brins_with_several_locations({e.brin_code[:4] for e in entries})
        return _json(
            PublicProfileList,
            {
                "count": paginator.count,
                "page": shown.number,
                "pages": paginator.num_pages,
                "results": [_summary(e, several) for e in entries],
            },
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
        # This school year's SOP, at addresses that keep naming it when a newer one comes.
        "links": _links({**public_path_kwargs(school), "schooljaar": profile.school_year}),
        "chapters": chapters,
    }


@router.get(
    "/public/profiles/{brin_code}/",
    operation_id="public_profile_get",
    url_name="api_public_profile",
    summary="Eén gepubliceerd SOP per hoofdstuk en veld (open data)",
    description=CACHE_NOTE,
    response={200: PublicProfile, 304: None, 404: Error},
    openapi_extra=NO_LOGIN,
)
def public_profile_get(
    request,
    brin_code: BrinCode = Path(description="BRIN met vestigingsnummer, bv. 12AB00."),
    school_year: str = Query("", description="Een eerder schooljaar, bv. 2025-2026."),
):
    school_year = school_year or None
    version = school_version(brin_code[:4])
    key = page_key("api-profile", version, brin_code.upper(), school_year)

    def render():
        return _json(
            PublicProfile, profile_document(published_profile_by_code(brin_code, school_year))
        )

    try:
        return cached_page(request, key, render, content_type=JSON)
    except Http404:
        raise ApiError(
            404, "Van deze school is (voor dit schooljaar) geen gepubliceerd SOP."
        ) from None

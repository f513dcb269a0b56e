"""Downloads of a published SOP: PDF, Word, the schoolgids chapter, and the partnership's zip.

The public downloads need no login and only ever show a published revision. Each file is
made once per published version and kept (`export_cache`); the response carries an ETag and
may be cached by browsers and proxies for a while.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from steunwijzer.organisations.changes import content_version, content_version_of_schools
from steunwijzer.organisations.models import Membership
from steunwijzer.organisations.permissions import get_partnership_for_staff
from steunwijzer.profiles.models import Profile

from .archive import publications_zip, zip_filename
from .export_cache import cached_export
from .exports import EXPORTS, export_filename
from .lookup import SeveralLocations, published_profile, school_for_path
from .published import PublishedSop, published_sop

PUBLIC_CACHE = "public, max-age=300"


def _several_locations(request, exc: SeveralLocations, kind: str, schooljaar):
    links = []
    for school in exc.schools:
        kwargs = {"brin": school.brin, "vestiging": school.vestiging}
        if schooljaar:
            kwargs["schooljaar"] = schooljaar
        links.append((school, reverse(EXPORTS[kind].url_name, kwargs=kwargs)))
    context = {"brin": exc.schools[0].brin, "links": links, "kind": EXPORTS[kind]}
    return render(request, "publication/export/several_locations.html", context, status=404)


def _render_dutch(export, sop: PublishedSop) -> bytes:
    """The files are the school's document, in the language it wrote it in: Dutch, also
    for a visitor who reads the public pages in English (and the kept file is for everyone)."""
    with translation.override(settings.LANGUAGE_CODE):
        return export.render(sop)


def _file_response(request, sop: PublishedSop, kind: str) -> HttpResponse:
    export = EXPORTS[kind]
    key = sop.cache_key()
    etag = f'"{key}-{kind}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        own = export.own_file(sop)
        if own is not None:
            response = HttpResponse(own, content_type=export.content_type)
        else:
            cached = cached_export(sop.revision.pk, key, kind, lambda: _render_dutch(export, sop))
            response = FileResponse(cached, content_type=export.content_type)
        response["Content-Disposition"] = content_disposition_header(
            True, export_filename(sop, kind)
        )
    response["ETag"] = etag
    response["Cache-Control"] = PUBLIC_CACHE
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _public_download(request, kind, brin, vestiging=None, schooljaar=None):
    version = content_version_of_schools(brin=brin.upper())  # before what it names
    try:
        school = school_for_path(brin, vestiging)
    except SeveralLocations as exc:
        return _several_locations(request, exc, kind, schooljaar)
    profile = published_profile(school, schooljaar)
    return _file_response(request, published_sop(profile, content_version=version), kind)


@require_safe
def public_sop_pdf(request, brin, vestiging=None, schooljaar=None):
    return _public_download(request, "sop.pdf", brin, vestiging, schooljaar)


@require_safe
def public_sop_docx(request, brin, vestiging=None, schooljaar=None):
    return _public_download(request, "sop.docx", brin, vestiging, schooljaar)


@require_safe
def public_schoolgids_docx(request, brin, vestiging=None, schooljaar=None):
    return _public_download(request, "schoolgids.docx", brin, vestiging, schooljaar)


@login_required
@require_safe
def profile_schoolgids_docx(request, pk):
    """The schoolgids chapter of the established version, for the school's own team."""
    version = content_version_of_schools(profiles__pk=pk)  # before what it names
    profile = Profile.objects.get_for_user(request.user, pk)
    if not Membership.is_school_editor(request.user, profile.school):
        raise PermissionDenied(
            _("Only the school's head or internal support coordinator (IB'er) can download this.")
        )
    if profile.established_revision is None:
        raise Http404("Dit SOP is nog niet vastgesteld.")
    sop = published_sop(profile, profile.established_revision, content_version=version)
    response = _file_response(request, sop, "schoolgids.docx")
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
@require_safe
def partnership_publications_zip(request, slug, schooljaar):
    partnership = get_partnership_for_staff(request, slug)
    version = content_version([partnership.pk])  # before the SOPs it names
    profiles = (
        Profile.objects.filter(
            school__board__partnership=partnership,
            school_year=schooljaar,
            published_revision__isnull=False,
        )
        .select_related("school__board__partnership", "published_revision", "format_version")
        .order_by("school__name", "school__brin", "school__vestiging")
    )
    if not profiles.exists():
        raise Http404(
            f"In {schooljaar} heeft {partnership.short_name} nog geen gepubliceerde SOP's."
        )
    response = StreamingHttpResponse(
        publications_zip(profiles, version), content_type="application/zip"
    )
    response["Content-Disposition"] = content_disposition_header(
        True, zip_filename(partnership, schooljaar)
    )
    response["Cache-Control"] = "private, no-store"
    return response

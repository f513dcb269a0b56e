"""Pages of an own-model profile: the school's document and where the mandatory parts are."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steunwijzer.core.uploads import attachment_response

from .forms import LocationsForm, OwnDocumentUploadForm
from .models import Profile
from .own_document import OwnDocument, own_document_of, required_fixed_texts
from .services import own_document_set_locations, own_document_upload


def _own_profile(request, pk, *, edit=True) -> Profile:
    profile = Profile.objects.get_for_user(request.user, pk, edit=edit)
    if not profile.is_own_model:
        raise Http404(_("This profile uses the regional model, not an own document."))
    return profile


def _suggested(document: OwnDocument | None) -> dict:
    """The headings found in the document, worded as a location the school can confirm."""
    if document is None:
        return {}
    return {
        key: _("p. %(page)s, %(heading)s") % found if found["page"] else found["heading"]
        for key, found in document.suggested_locations.items()
    }


def _page(request, profile, upload_form=None, locations_form=None, status=200):
    document = own_document_of(profile)
    suggested = {} if document is None or document.locations else _suggested(document)
    ctx = {
        "profile": profile,
        "document": document,
        "upload_form": upload_form or OwnDocumentUploadForm(),
        "locations_form": locations_form
        or LocationsForm(
            initial=(document.locations if document else {}) or suggested,
            sop_format=profile.sop_format,
        ),
        "suggested": suggested,
        "progress": profile.chapter_progress(),
        "required_texts": required_fixed_texts(profile.sop_format),
        "own_page": True,
    }
    return render(request, "profiles/own_document.html", ctx, status=status)


@login_required
def own_document(request, pk):
    """The own-model editor; POST saves where each mandatory part is in the document."""
    profile = _own_profile(request, pk)
    if request.method != "POST":
        return _page(request, profile)
    form = LocationsForm(request.POST, sop_format=profile.sop_format)
    if form.is_valid():
        try:
            own_document_set_locations(
                profile=profile, user=request.user, locations=form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The locations have been saved."))
            return redirect("own_document", pk=pk)
    return _page(request, profile, locations_form=form, status=400)


@login_required
@require_POST
def own_document_upload_view(request, pk):
    profile = _own_profile(request, pk)
    form = OwnDocumentUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document = own_document_upload(
                profile=profile, user=request.user, upload=form.cleaned_data["document"]
            )
        except ValidationError as exc:
            form.add_error("document", exc)
        else:
            messages.success(request, _("%(file)s has been saved.") % {"file": document.filename})
            return redirect("own_document", pk=pk)
    return _page(request, profile, upload_form=form, status=400)


@login_required
def own_document_file(request, pk):
    """The school's own document, for everyone who may read the profile."""
    profile = _own_profile(request, pk, edit=False)
    document = OwnDocument.objects.filter(profile=profile).exclude(filename="").first()
    if document is None:
        raise Http404(_("No own document has been uploaded yet."))
    return attachment_response(document.content, document.content_type, document.filename)

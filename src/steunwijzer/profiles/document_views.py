"""Documents beside the chapters: the partnership's and each school's, managed and downloaded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steunwijzer.core.uploads import attachment_response
from steunwijzer.organisations.models import Membership, School
from steunwijzer.organisations.permissions import get_partnership_for_staff
from steunwijzer.regional_model.models import FormatVersion

from .forms import SupportingDocumentForm
from .models import Profile
from .own_document import MANDATORY_PART_LABELS
from .services import supporting_document_add, supporting_document_delete
from .supporting_documents import SupportingDocument


def _owner_page(document_or_owner) -> str:
    owner = getattr(document_or_owner, "owner", document_or_owner)
    if isinstance(owner, School):
        return redirect("school_documents", school_id=owner.pk)
    return redirect("partnership_documents", slug=owner.slug)


def _documents_page(request, owner, partnership, **extra):
    """Shared by the partnership's and a school's page: the list and the form to add one."""
    is_school = isinstance(owner, School)
    kinds = SupportingDocument.SCHOOL_KINDS if is_school else SupportingDocument.PARTNERSHIP_KINDS
    current = FormatVersion.objects.current_for(partnership)
    chapters = current.format.chapters if current else ()
    form = SupportingDocumentForm(
        request.POST or None, request.FILES or None, kinds=kinds, chapters=chapters
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            supporting_document_add(
                owner=owner,
                user=request.user,
                title=data["title"],
                kind=data["kind"],
                document=data["file"],
                url=data["url"],
                chapter_keys=data["chapter_keys"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("“%(title)s” has been added.") % {"title": data["title"]})
            return _owner_page(owner)
    documents = owner.supporting_documents.without_content()
    ctx = {
        "owner": owner,
        "is_school": is_school,
        "form": form,
        "documents": documents,
        # Defaults name mandatory parts; show them as the chapter that holds each part.
        "chapter_names": MANDATORY_PART_LABELS
        | {c.mandatory_part: c.heading for c in chapters if c.mandatory_part}
        | {c.key: c.heading for c in chapters},
        **extra,
    }
    status = 400 if form.errors else 200
    return render(request, "profiles/documents.html", ctx, status=status)


@login_required
def partnership_documents(request, slug):
    """The ondersteuningsplan and the definition of basisondersteuning, beside the model."""
    partnership = get_partnership_for_staff(request, slug)
    return _documents_page(request, partnership, partnership)


@login_required
def school_documents(request, school_id):
    """The school's schoolplan and last inspection or audit report, for its editors."""
    school = get_object_or_404(School.objects.select_related("board__partnership"), pk=school_id)
    if not Membership.is_school_editor(request.user, school):
        raise PermissionDenied(_("Only the head teacher or IB'er of the school manages this."))
    return _documents_page(
        request,
        school,
        school.partnership,
        partnership_documents=school.partnership.supporting_documents.without_content(),
        profile=Profile.objects.filter(school=school).defer("answers").first(),
    )


@login_required
def supporting_document_file(request, pk):
    document = get_object_or_404(
        SupportingDocument.objects.select_related("partnership", "school__board"), pk=pk
    )
    if not document.can_view(request.user):
        raise PermissionDenied(_("You have no access to this document."))
    if not document.has_file:
        raise Http404(_("This document is a link, not a file."))
    return attachment_response(document.content, document.content_type, document.filename)


@login_required
@require_POST
def supporting_document_remove(request, pk):
    document = get_object_or_404(
        SupportingDocument.objects.without_content().select_related("partnership", "school"), pk=pk
    )
    supporting_document_delete(document=document, user=request.user)
    messages.success(request, _("“%(title)s” has been removed.") % {"title": document.title})
    return _owner_page(document)

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steunwijzer.core.forms import error_text
from steunwijzer.core.school_year import school_year_of
from steunwijzer.organisations.models import Membership, Role, School, display_name

from .answers import AnswerError
from .editor_form import (
    changed_answers,
    errors_by_field,
    pending_to_json,
    posted_values,
)
from .forms import ChapterSaveForm, ConflictChoiceForm, NewProfileForm
from .models import Profile, Revision
from .services import (
    ProfileConflict,
    UnknownVersion,
    answers_at,
    profile_create,
    profile_restore,
    profile_update,
)


def _chapter_or_404(profile, key):
    chapter = profile.sop_format.chapter(key)
    if chapter is None or chapter not in profile.chapters:
        raise Http404(_("This chapter does not exist in the model for this school."))
    return chapter


@login_required
@require_POST
def profile_new(request, school_id):
    school = get_object_or_404(School.objects.select_related("board__partnership"), pk=school_id)
    if not Membership.is_school_editor(request.user, school):
        raise PermissionDenied(
            _("Only the head teacher or IB'er of the school can start a profile.")
        )
    form = NewProfileForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(error_text(form))
    kind = form.cleaned_data["kind"]
    school_year = school_year_of(timezone.localdate())
    profile = Profile.objects.filter(school=school, school_year=school_year).first()
    if profile is None:
        try:
            profile = profile_create(
                school=school, school_year=school_year, user=request.user, kind=kind
            )
        except ValueError as exc:
            messages.error(request, str(exc))
            return redirect("home")
        except IntegrityError:
            # A second click that started the same profile a moment earlier: open that one.
            profile = Profile.objects.get(school=school, school_year=school_year)
            return redirect("profile_detail", pk=profile.pk)
        messages.success(
            request, _("The profile for %(year)s has been created.") % {"year": school_year}
        )
    return redirect("profile_detail", pk=profile.pk)


@login_required
def profile_detail(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    if not profile.can_edit(request.user):
        return redirect("profile_preview", pk=pk)
    if profile.is_own_model:
        return redirect("own_document", pk=pk)
    first = profile.chapters[0]
    return redirect("profile_chapter", pk=pk, chapter=first.key)


def _editor_context(profile, chapter, **extra):
    return {
        "profile": profile,
        "chapter": chapter,
        "fields": profile.applicable_fields(chapter),
        "progress": profile.chapter_progress(),
        "values": profile.answers,
        "errors": {},
        "edit_session": secrets.token_hex(16),
        **extra,
    }


@login_required
def profile_chapter(request, pk, chapter):
    """The editor for one chapter; POST is the explicit save. A school's editor who opens it
    while the SOP is on its way (a bookmark) reads why it is locked and who can open it."""
    profile = Profile.objects.get_for_user(request.user, pk)
    chapter = _chapter_or_404(profile, chapter)
    if request.method != "POST" and profile.is_locked_for(request.user):
        return render(request, "profiles/locked.html", _locked_context(profile, chapter))
    if not profile.can_edit(request.user):
        raise PermissionDenied(_("You may not edit this profile."))
    if request.method != "POST":
        return render(request, "profiles/chapter.html", _editor_context(profile, chapter))

    outcome = _save_chapter(request, profile, chapter, Revision.Reason.SAVE)
    if outcome["status"] == 200:
        messages.success(request, _("Your changes have been saved."))
        return redirect("profile_chapter", pk=pk, chapter=chapter.key)
    ctx = _editor_context(outcome["profile"], chapter, **outcome["context"])
    return render(request, "profiles/chapter.html", ctx, status=outcome["status"])


def _locked_context(profile, chapter) -> dict:
    """Who can open the SOP again depends on where it is: the board's officers by name when
    only they can send it back."""
    officers = (
        Membership.objects.filter(board=profile.school.board, role=Role.BOARD_OFFICER)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    return {
        "profile": profile,
        "chapter": chapter,
        "officers": [display_name(m.user) for m in officers],
    }


@login_required
@require_POST
def profile_autosave(request, pk, chapter):
    """htmx: save the chapter while typing; answers with a status line and fresh fields."""
    profile = Profile.objects.get_for_user(request.user, pk, edit=True)
    chapter = _chapter_or_404(profile, chapter)
    outcome = _save_chapter(request, profile, chapter, Revision.Reason.AUTOSAVE)
    ctx = _editor_context(outcome["profile"], chapter, **outcome["context"])
    return render(request, "profiles/_save_status.html", ctx, status=outcome["status"])


def _save_chapter(request, profile, chapter, reason) -> dict:
    """Shared by the explicit save and autosave: returns status, profile and template context."""
    form = ChapterSaveForm(request.POST)
    if not form.is_valid():
        return {
            "status": 400,
            "profile": profile,
            "context": {"save_error": error_text(form)},
        }
    base_version = form.cleaned_data["base_version"]
    edit_session = form.cleaned_data["edit_session"]
    base_version = profile.version_past_own_saves(base_version, edit_session)
    fields = profile.applicable_fields(chapter)
    posted = posted_values(fields, request.POST, profile.answers)
    try:
        changes = changed_answers(fields, request.POST, answers_at(profile, base_version))
        result = profile_update(
            profile_id=profile.pk,
            user=request.user,
            base_version=base_version,
            changes=changes,
            reason=reason,
            edit_session=edit_session,
        )
    except UnknownVersion:
        return {
            "status": 400,
            "profile": profile,
            "context": {"save_error": _("This version does not exist. Reload the page.")},
        }
    except AnswerError as exc:
        return {
            "status": 422,
            "profile": profile,
            "context": {
                "errors": errors_by_field(exc),
                "values": posted,
                "save_error": _("Not saved: correct the marked fields."),
            },
        }
    except ProfileConflict as exc:
        return {
            "status": 409,
            "profile": exc.profile,
            "context": {
                "conflicts": exc.conflicts,
                "pending": pending_to_json(changes),
                "values": posted,
            },
        }
    chapter_keys = {f.key for f in fields}
    return {
        "status": 200,
        "profile": result.profile,
        "context": {
            "saved": result.saved_fields,
            "refreshed_fields": [f for f in fields if f.key in result.merged_from_others],
            "merged_elsewhere": [k for k in result.merged_from_others if k not in chapter_keys],
        },
    }


@login_required
@require_POST
def profile_resolve_conflict(request, pk, chapter):
    """Apply the editor's choice per conflicting field: keep own text or the other's."""
    profile = Profile.objects.get_for_user(request.user, pk, edit=True)
    chapter = _chapter_or_404(profile, chapter)
    form = ConflictChoiceForm(request.POST)
    if not form.is_valid():
        return _choice_refused(request, pk, chapter)
    pending = form.cleaned_data["pending"]
    try:
        profile_update(
            profile_id=profile.pk,
            user=request.user,
            base_version=form.cleaned_data["base_version"],
            changes=form.kept_changes(),
            reason=Revision.Reason.SAVE,
        )
    except ProfileConflict as exc:
        ctx = _editor_context(
            exc.profile, chapter, conflicts=exc.conflicts, pending=pending_to_json(pending)
        )
        return render(request, "profiles/chapter.html", ctx, status=409)
    except (AnswerError, UnknownVersion, ValueError):
        return _choice_refused(request, pk, chapter)
    messages.success(request, _("Your choice has been saved."))
    return redirect("profile_chapter", pk=pk, chapter=chapter.key)


def _choice_refused(request, pk, chapter):
    messages.error(request, _("Your choice could not be processed. Check the chapter."))
    return redirect("profile_chapter", pk=pk, chapter=chapter.key)


@login_required
def profile_preview(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    return render(
        request,
        "profiles/preview.html",
        {
            "profile": profile,
            "answers": profile.answers,
            "missing": profile.missing_required(),
            "can_edit": profile.can_edit(request.user),
        },
    )


REVISIONS_PER_PAGE = 25


@login_required
def profile_revisions(request, pk):
    """The history, newest first, a page at a time (`?pagina=2`)."""
    profile = Profile.objects.get_for_user(request.user, pk)
    # Autosaves fold, so the version before is not always number - 1.
    before = (
        Revision.objects.filter(profile=OuterRef("profile"), number__lt=OuterRef("number"))
        .order_by("-number")
        .values("number")[:1]
    )
    revisions = profile.revisions.defer("answers").annotate(previous=Subquery(before))
    page = Paginator(revisions, REVISIONS_PER_PAGE).get_page(request.GET.get("pagina"))
    steps = {}
    numbers = [revision.number for revision in page]
    for step in profile.transitions.filter(version__in=numbers).defer("attachment"):
        steps.setdefault(step.version, []).insert(0, step)  # oldest first
    for revision in page:
        revision.steps = steps.get(revision.number, [])
    return render(
        request,
        "profiles/revisions.html",
        {
            "profile": profile,
            "page": page,
            "revisions": page.object_list,
            "can_edit": profile.can_edit(request.user),
        },
    )


@login_required
def profile_revision(request, pk, number):
    profile = Profile.objects.get_for_user(request.user, pk)
    revision = get_object_or_404(profile.revisions, number=number)
    return render(
        request,
        "profiles/revision.html",
        {
            "profile": profile,
            "revision": revision,
            "answers": revision.answers,
            "can_edit": profile.can_edit(request.user),
        },
    )


@login_required
@require_POST
def profile_revision_restore(request, pk, number):
    profile = Profile.objects.get_for_user(request.user, pk, edit=True)
    get_object_or_404(profile.revisions, number=number)
    profile_restore(profile_id=profile.pk, user=request.user, revision_number=number)
    messages.success(
        request, _("Version %(number)s has been restored as a new version.") % {"number": number}
    )
    return redirect(reverse("profile_revisions", args=[pk]))

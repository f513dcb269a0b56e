from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steunwijzer.core.forms import NextForm, error_text
from steunwijzer.profiles.comparisons import (
    UnknownRevision,
    compare,
    comparison_presets,
    previous_number,
    revision_label,
)
from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check.report import check_profile

from . import services
from .forms import CommentForm
from .models import Comment


@login_required
def profile_diff(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    ctx = {"profile": profile, "presets": comparison_presets(profile), "comparison": None}
    ctx["revisions"] = [
        (r.number, revision_label(r)) for r in profile.revisions.defer("answers", "changed_fields")
    ]
    status = 200
    try:
        new = int(request.GET.get("naar") or profile.version)
        old = int(request.GET.get("van") or previous_number(profile, new))
        ctx["comparison"] = compare(profile, old, new)
    except ValueError:
        ctx["error"], status = _("A version number is a whole number, such as 7."), 404
    except UnknownRevision as exc:
        ctx["error"], status = str(exc), 404
    else:
        ctx["old"], ctx["new"] = old, new
    return render(request, "review/diff.html", ctx, status=status)


def _review_context(request, profile, form_error=None) -> dict:
    """Per chapter its threads, open count, fields to comment on, and a refused comment."""
    threads = Comment.objects.threads_by_chapter(profile)
    failed = form_error or {}
    chapters = {}
    for chapter in profile.chapters:
        chapter_threads = threads.get(chapter.key, [])
        for thread in chapter_threads:
            thread.form_error = form_error if failed.get("parent") == thread.pk else None
        chapters[chapter.key] = {
            "threads": chapter_threads,
            "open": sum(1 for t in chapter_threads if not t.is_resolved),
            "fields": profile.applicable_fields(chapter),
            "form_error": form_error if failed.get("chapter") == chapter.key else None,
        }
    return {
        "profile": profile,
        "answers": profile.answers,
        "check": check_profile(profile),
        "review": True,
        "chapter_reviews": chapters,
        "form_error": form_error,
        "can_edit": profile.can_edit(request.user),
        "can_resolve": Comment.may_resolve(profile, request.user),
    }


@login_required
def profile_review(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    return render(request, "review/review.html", _review_context(request, profile))


@login_required
@require_POST
def comment_create(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk)
    form = CommentForm(request.POST)
    if "parent" in form.errors:
        raise Http404(_("This comment does not exist."))
    parent_id = form.cleaned_data["parent"]
    parent = get_object_or_404(profile.comments, pk=parent_id) if parent_id is not None else None
    chapter_key = form.cleaned_data.get("chapter", "")
    if form.is_valid():
        try:
            comment = services.comment_create(
                profile=profile,
                user=request.user,
                chapter_key=chapter_key,
                field_key=form.cleaned_data["field"],
                body=form.cleaned_data["body"],
                parent=parent,
            )
        except ValidationError as exc:
            message = " ".join(exc.messages)
        else:
            messages.success(request, _("Your comment has been posted."))
            return _back(request, profile, f"opmerking-{comment.root.pk}")
    else:
        message = error_text(form)
    # Shown again beside the form it came from, with the text kept, so nothing typed is lost.
    form_error = {
        "parent": parent.root.pk if parent else None,
        "chapter": "" if parent else chapter_key,
        "message": message,
        "body": form["body"].value() or "",
        "field": form["field"].value() or "",
    }
    ctx = _review_context(request, profile, form_error=form_error)
    return render(request, "review/review.html", ctx, status=422)


def _comment_for(user, pk) -> Comment:
    """The comment, once its profile has been checked readable for this person."""
    comment = get_object_or_404(Comment.objects.only("profile_id", "parent_id"), pk=pk)
    comment.profile = Profile.objects.get_for_user(user, comment.profile_id)
    return comment


@login_required
@require_POST
def comment_resolve(request, pk):
    comment = _comment_for(request.user, pk)
    thread = services.comment_resolve(comment=comment, user=request.user)
    messages.success(request, _("The comment has been resolved."))
    return _back(request, comment.profile, f"opmerking-{thread.pk}")


@login_required
@require_POST
def comment_reopen(request, pk):
    comment = _comment_for(request.user, pk)
    thread = services.comment_reopen(comment=comment, user=request.user)
    messages.success(request, _("The comment is open again."))
    return _back(request, comment.profile, f"opmerking-{thread.pk}")


def _back(request, profile, anchor: str):
    """Return to the page the form was on (the editor's chapter, say), else the review page."""
    target = NextForm(request.POST).url()
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("profile_review", args=[profile.pk])
    return redirect(f"{target.split('#')[0]}#{anchor}")

"""Pages that bring last year's SOP in Word into a concept profile: upload, preview, confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from steunwijzer.core.forms import error_messages

from .answers import AnswerError
from .forms import OldSopConfirmForm, OldSopUploadForm
from .models import Revision
from .services import StaleVersion, profile_update
from .word_import import (
    ImportRefused,
    fixed_text_line,
    posted_rows,
    preview_rows,
    profile_for_import,
    read_old_sop,
)


def _long_text_keys(profile) -> list[str]:
    return [
        f.key
        for chapter in profile.chapters
        for f in profile.applicable_fields(chapter)
        if f.type == "long_text"
    ]


@login_required
def profile_import(request, pk):
    """GET: the upload form. POST: the file read and the preview (nothing is saved)."""
    profile = profile_for_import(request.user, pk)
    if request.method != "POST":
        return render(
            request, "profiles/import.html", {"profile": profile, "form": OldSopUploadForm()}
        )
    form = OldSopUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            matching = read_old_sop(form.cleaned_data["file"], profile)
        except ImportRefused as exc:
            form.add_error("file", str(exc))
        else:
            return _preview(request, profile, matching)
    return render(request, "profiles/import.html", {"profile": profile, "form": form}, status=400)


def _preview(request, profile, matching):
    ctx = {
        "profile": profile,
        "base_version": profile.version,
        "rows": preview_rows(profile, matching),
        "fixed_texts": [fixed_text_line(f) for f in matching.fixed_texts],
        "unplaced": [matching.parts[i] for i in matching.unplaced],
    }
    return render(request, "profiles/import_preview.html", ctx)


def _refused(request, profile, form, errors, *, field_errors=None, base_version=None):
    """The preview again as the school sent it, with why nothing was filled in."""
    data = form.cleaned_data
    ctx = {
        "profile": profile,
        "base_version": base_version if base_version is not None else data.get("base_version"),
        "rows": posted_rows(profile, data, form.field_keys, field_errors or {}),
        "errors": errors,
    }
    return render(request, "profiles/import_preview.html", ctx, status=400)


@login_required
@require_POST
def profile_import_confirm(request, pk):
    """The ticked fields filled with the (adjusted) old texts, as one version."""
    profile = profile_for_import(request.user, pk)
    form = OldSopConfirmForm(request.POST, field_keys=_long_text_keys(profile))
    if not form.is_valid():
        return _refused(request, profile, form, error_messages(form))
    changes = form.changes()
    try:
        profile_update(
            profile_id=profile.pk,
            user=request.user,
            base_version=form.cleaned_data["base_version"],
            changes=changes,
            reason=Revision.Reason.IMPORT,
            allow_merge=False,
        )
    except StaleVersion as exc:
        message = _(
            "The profile was changed meanwhile; nothing was filled in. Check the fields "
            "and confirm again."
        )
        return _refused(request, profile, form, [message], base_version=exc.profile.version)
    except AnswerError as exc:
        field_errors = {p.path.removeprefix("answers."): p.message for p in exc.problems}
        return _refused(
            request, profile, form, [_("Nothing was filled in.")], field_errors=field_errors
        )
    messages.success(
        request,
        ngettext(
            "%(count)s field was filled from the old SOP. You can undo it on the versions page.",
            "%(count)s fields were filled from the old SOP. You can undo it on the versions page.",
            len(changes),
        )
        % {"count": len(changes)},
    )
    return redirect("profile_detail", pk=pk)

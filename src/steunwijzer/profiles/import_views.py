"""Pages that bring last year's SOP in Word into a concept profile: upload, preview, confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .answers import AnswerError
from .forms import OldSopConfirmForm, OldSopUploadForm
from .models import Revision
from .services import StaleVersion, profile_update
from .word_import import (
    ImportRefused,
    fixed_text_line,
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
        "rows": preview_rows(profile, matching),
        "fixed_texts": [fixed_text_line(f) for f in matching.fixed_texts],
        "unplaced": [matching.parts[i] for i in matching.unplaced],
    }
    return render(request, "profiles/import_preview.html", ctx)


@login_required
@require_POST
def profile_import_confirm(request, pk):
    """The ticked fields filled with the (adjusted) old texts, as one version."""
    profile = profile_for_import(request.user, pk)
    form = OldSopConfirmForm(request.POST, field_keys=_long_text_keys(profile))
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("profile_import", pk=pk)
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
    except StaleVersion:
        messages.error(
            request,
            _("The profile was changed meanwhile; nothing was filled in. Read the file again."),
        )
        return redirect("profile_import", pk=pk)
    except AnswerError as exc:
        labels = {key: profile.sop_format.field(key).label for key in changes}
        problems = [
            f"{labels.get(p.path.removeprefix('answers.'), p.path)}: {p.message}"
            for p in exc.problems
        ]
        messages.error(
            request, _("Nothing was filled in. %(problems)s") % {"problems": " ".join(problems)}
        )
        return redirect("profile_import", pk=pk)
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

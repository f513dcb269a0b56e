from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steunwijzer.core.forms import error_messages
from steunwijzer.core.uploads import attachment_response
from steunwijzer.organisations.permissions import get_partnership_for_staff

from .format_compare import compare_formats
from .format_outline import document_from_definition, document_yaml
from .forms import FixedTextSummariesForm, FormatCompareForm, FormatSourceForm, FormatUploadForm
from .loader import FormatError, FormatProblem, format_summary, format_to_dict, parse_format
from .models import FormatDraft, FormatVersion
from .presenters import FIELD_TYPE_LABELS, difference_rows, published_message
from .services import (
    DraftChanged,
    NotADefaultText,
    fixed_text_confirm,
    fixed_text_summaries_save,
    format_draft_of,
    format_draft_save,
    format_import,
)


@login_required
def format_versions(request, slug):
    """The partnership's SOP model: its versions, and checking or importing a new one."""
    partnership = get_partnership_for_staff(request, slug)
    problems, summary, status = [], None, 200
    if request.method == "POST":
        form = FormatUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            problems, status = error_messages(form), 400
        else:
            upload = form.cleaned_data["model"]
            try:
                if form.imports():
                    version = format_import(
                        partnership=partnership,
                        text=upload.read(),
                        filename=upload.name,
                        user=request.user,
                    )
                    messages.success(
                        request,
                        f"{version} is ingelezen. Nieuwe profielen "
                        "gebruiken deze versie; bestaande houden hun versie.",
                    )
                    return redirect("format_versions", slug=slug)
                fmt, _ = parse_format(upload.read(), upload.name)
                summary = f"{fmt.name} {fmt.version}: {format_summary(fmt)}. Het model is in orde."
            except FormatError as exc:
                problems, status = [str(p) for p in exc.problems], 422
    versions = (
        FormatVersion.objects.filter(partnership=partnership)
        .annotate(profile_count=Count("profile"))
        .order_by("-imported_at", "-pk")
        .defer("source", "definition")
    )
    current = FormatVersion.objects.current_for(partnership)
    offered = [t for t in current.format.fixed_texts if t.default] if current else []
    return render(
        request,
        "regional_model/format_versions.html",
        {
            "partnership": partnership,
            "versions": versions,
            "offered_texts": [(t, partnership.owns_fixed_text(t)) for t in offered],
            "problems": problems,
            "summary": summary,
        },
        status=status,
    )


@login_required
@require_POST
def fixed_text_confirm_view(request, slug, key):
    """Partnership staff make a fixed text Steunwijzer offered their own."""
    partnership = get_partnership_for_staff(request, slug)
    try:
        fixed_text_confirm(partnership=partnership, key=key)
    except NotADefaultText:
        messages.error(
            request,
            _("This fixed text is not a text offered by Steunwijzer in your current model."),
        )
    else:
        messages.success(
            request, _("The fixed text is now yours and appears as such in every SOP.")
        )
    return redirect("format_versions", slug=partnership.slug)


@login_required
def format_version_source(request, slug, pk):
    partnership = get_partnership_for_staff(request, slug)
    version = get_object_or_404(FormatVersion, partnership=partnership, pk=pk)
    filename = f"{version.format_id}-{version.version}.yaml"
    return attachment_response(version.source, "application/yaml; charset=utf-8", filename)


@login_required
def fixed_text_summaries(request, slug):
    """A plain-language summary above each fixed text of the current model, for parents."""
    partnership = get_partnership_for_staff(request, slug)
    version = FormatVersion.objects.current_for(partnership)
    form = FixedTextSummariesForm(
        request.POST if request.method == "POST" else None,
        fixed_texts=version.format.fixed_texts if version else (),
        summaries=partnership.fixed_text_summaries,
    )
    if request.method == "POST" and form.is_valid():
        fixed_text_summaries_save(partnership=partnership, summaries=form.cleaned_data)
        messages.success(request, _("The summaries have been saved."))
        return redirect("fixed_text_summaries", slug=partnership.slug)
    status = 400 if form.errors else 200
    context = {"partnership": partnership, "form": form, "version": version}
    return render(request, "regional_model/fixed_text_summaries.html", context, status=status)


EDITED_FILENAME = "model.yaml"


@login_required
def format_edit(request, slug):
    """The model's YAML edited in the browser: checked, previewed and published as a new version."""
    partnership = get_partnership_for_staff(request, slug)
    current = FormatVersion.objects.current_for(partnership)
    draft = format_draft_of(partnership)
    conflict = None
    if request.method != "POST":
        source = _source_to_edit(request, partnership, current)
        form = FormatSourceForm(initial={"source": source, "draft": draft and draft.token})
        sop_format, problems = (current.format if current else None), []
    else:
        form = FormatSourceForm(request.POST)
        sop_format, problems = _checked(form)
        if sop_format and form.to_outline():
            conflict = _to_outline(request, partnership, form, sop_format)
            if conflict is None:
                return redirect("format_outline", slug=slug)
        if sop_format and form.publishes():
            try:
                version = format_import(
                    partnership=partnership,
                    text=form.cleaned_data["source"],
                    filename=EDITED_FILENAME,
                    user=request.user,
                )
            except FormatError as exc:
                sop_format, problems = None, exc.problems
            else:
                messages.success(request, published_message(version))
                return redirect("format_versions", slug=slug)
    context = {
        "partnership": partnership,
        "form": form,
        "problems": problems,
        "checked": request.method == "POST",
        "sop_format": sop_format,
        "field_types": FIELD_TYPE_LABELS,
        "conflict": conflict,
    }
    status = 422 if problems else 409 if conflict else 200
    return render(request, "regional_model/format_edit.html", context, status=status)


def _to_outline(request, partnership, form, sop_format) -> FormatDraft | None:
    """This YAML as the form editor's draft (the model in the shape of its file), or the
    draft that changed since the page was shown, left alone. The form then carries that
    draft's token, so choosing the button again replaces it knowingly."""
    shown = format_draft_of(partnership)
    # Without a stored draft there is no one's work to keep, only the current version.
    token = form.cleaned_data["draft"] if shown.stored else shown.token
    try:
        format_draft_save(
            partnership=partnership,
            document=document_from_definition(format_to_dict(sop_format)),
            user=request.user,
            revision=token,
        )
    except DraftChanged:
        form.data = form.data.copy()
        form.data["draft"] = format_draft_of(partnership).token
        # (A draft thrown away just now leaves an unsaved one to name: still nothing replaced.)
        return FormatDraft.objects.filter(partnership=partnership).first() or FormatDraft()
    return None


@login_required
@require_POST
def format_check(request, slug):
    """The problems of the YAML being edited, and its preview, as the person types; writes
    nothing."""
    get_partnership_for_staff(request, slug)
    sop_format, problems = _checked(FormatSourceForm(request.POST))
    context = {
        "problems": problems,
        "checked": True,
        "sop_format": sop_format,
        "field_types": FIELD_TYPE_LABELS,
    }
    # A model without problems also replaces the preview (out of band); one with problems
    # leaves the last good preview standing.
    return render(request, "regional_model/_format_check.html", context)


def _source_to_edit(request, partnership, current) -> str:
    """The current version's YAML, or (`?concept=1`, from the form editor) its draft's."""
    draft = format_draft_of(partnership) if request.GET.get("concept") else None
    if draft:
        return document_yaml(draft[0])
    return current.source if current else ""


def _checked(form) -> tuple:
    """The model in the form, or None and its problems (line, place, message)."""
    if not form.is_valid():
        return None, [FormatProblem(EDITED_FILENAME, None, "", m) for m in error_messages(form)]
    try:
        return parse_format(form.cleaned_data["source"], EDITED_FILENAME)[0], []
    except FormatError as exc:
        return None, exc.problems


@login_required
def format_compare(request, slug):
    """What changed between two versions of the partnership's model."""
    partnership = get_partnership_for_staff(request, slug)
    versions = FormatVersion.objects.filter(partnership=partnership).order_by("-imported_at", "-pk")
    form = FormatCompareForm(request.GET or None, versions=versions)
    rows = None
    if form.is_valid():
        old, new = form.cleaned_data["a"], form.cleaned_data["b"]
        rows = difference_rows(compare_formats(old.format, new.format))
    context = {"partnership": partnership, "form": form, "rows": rows}
    return render(
        request, "regional_model/format_compare.html", context, status=400 if form.errors else 200
    )

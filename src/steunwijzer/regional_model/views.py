from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steunwijzer.core.forms import error_messages
from steunwijzer.core.uploads import attachment_response
from steunwijzer.organisations.permissions import get_partnership_for_staff

from .forms import FixedTextSummariesForm, FormatUploadForm
from .loader import FormatError, format_summary, parse_format
from .models import FormatVersion
from .services import (
    NotADefaultText,
    fixed_text_confirm,
    fixed_text_summaries_save,
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

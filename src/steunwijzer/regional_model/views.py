from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render

from steunwijzer.core.uploads import attachment_response
from steunwijzer.organisations.permissions import get_partnership_for_staff

from .loader import MAX_SOURCE_BYTES, FormatError, format_summary, parse_format
from .models import FormatVersion
from .services import format_import


@login_required
def format_versions(request, slug):
    """The partnership's SOP model: its versions, and checking or importing a new one."""
    partnership = get_partnership_for_staff(request, slug)
    problems, summary, status = [], None, 200
    if request.method == "POST":
        upload = request.FILES.get("model")
        if upload is None:
            problems, status = ["Kies een YAML-bestand met het SOP-model."], 400
        elif upload.size > MAX_SOURCE_BYTES:
            problems, status = (
                ["Dit bestand is groter dan 1 MB; een SOP-model is veel kleiner."],
                400,
            )
        else:
            try:
                if request.POST.get("action") == "import":
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
    return render(
        request,
        "regional_model/format_versions.html",
        {
            "partnership": partnership,
            "versions": versions,
            "problems": problems,
            "summary": summary,
        },
        status=status,
    )


@login_required
def format_version_source(request, slug, pk):
    partnership = get_partnership_for_staff(request, slug)
    version = get_object_or_404(FormatVersion, partnership=partnership, pk=pk)
    filename = f"{version.format_id}-{version.version}.yaml"
    return attachment_response(version.source, "application/yaml; charset=utf-8", filename)

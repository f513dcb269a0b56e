from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from steunwijzer.core.school_year import school_year_of
from steunwijzer.organisations.permissions import get_partnership_for_staff
from steunwijzer.profiles.models import Profile

from .forms import CheckSettingsForm
from .models import CheckSettings
from .presenters import CHECK_LABELS, CODE_LABELS
from .report import check_profiles
from .wording import DEFAULT_JARGON, DEFAULT_VAGUE_PHRASES


@login_required
def partnership_checks(request, slug):
    """Per school and for the region: which checks fail most."""
    partnership = get_partnership_for_staff(request, slug)
    school_year = school_year_of(timezone.localdate())
    profiles = Profile.objects.filter(
        school__board__partnership=partnership, school_year=school_year
    ).select_related("school__board__partnership", "format_version")
    rows = [
        {"profile": profile, "report": report, "counts": report.counts_by_check()}
        for profile, report in check_profiles(profiles)
    ]
    totals = Counter()
    for row in rows:
        totals.update(row["counts"])
    return render(
        request,
        "quality_check/partnership_checks.html",
        {
            "partnership": partnership,
            "school_year": school_year,
            "rows": rows,
            "checks": CHECK_LABELS,
            "totals": totals,
            "most_failing": _most_failing(rows),
        },
    )


def _most_failing(rows) -> list[tuple[str, str, int]]:
    """(check label, what, how many schools) for the most common findings in the region."""
    schools = Counter()
    for row in rows:
        schools.update({(f.check, f.code) for f in row["report"].findings})
    return [
        (CHECK_LABELS[check], CODE_LABELS.get(code, code), n)
        for (check, code), n in schools.most_common(10)
    ]


@login_required
def check_settings(request, slug):
    """The partnership's own lists of vague phrases and jargon."""
    partnership = get_partnership_for_staff(request, slug)
    # Stored on the first save; showing the page writes nothing.
    settings = CheckSettings.objects.filter(partnership=partnership).first() or CheckSettings(
        partnership=partnership
    )
    errors = {}
    if request.method == "POST":
        form = CheckSettingsForm(request.POST)
        if form.is_valid():
            settings.vague_phrases = form.cleaned_data["vague_phrases"]
            settings.jargon = form.cleaned_data["jargon"]
            settings.save()
            messages.success(request, _("The lists of the SOP check have been saved."))
            return redirect("check_settings", slug=slug)
        errors = {name: " ".join(problems) for name, problems in form.errors.items()}
        # Shown again as typed, so nothing is lost.
        settings.vague_phrases = form["vague_phrases"].value() or ""
        settings.jargon = form["jargon"].value() or ""
    return render(
        request,
        "quality_check/check_settings.html",
        {
            "partnership": partnership,
            "settings": settings,
            "errors": errors,
            "default_phrases": "\n".join(DEFAULT_VAGUE_PHRASES),
            "default_jargon": "\n".join(f"{k} = {v}" for k, v in DEFAULT_JARGON.items()),
        },
        status=422 if errors else 200,
    )

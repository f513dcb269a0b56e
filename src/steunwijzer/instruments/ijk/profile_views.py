"""Taking the IJK summary over into a field of chapter 2 (basisondersteuning) of the SOP."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from steunwijzer.profiles.answers import AnswerError
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.services import ProfileConflict, profile_update

from .forms import SummaryTakeOverForm
from .result import ijk_result
from .templatetags.ijk import CHAPTER_PART, long_text_fields


@login_required
@require_POST
def ijk_summary_take_over(request, pk):
    profile = Profile.objects.get_for_user(request.user, pk, edit=True)
    chapter = next((c for c in profile.chapters if c.mandatory_part == CHAPTER_PART), None)
    if chapter is None:
        raise Http404("Dit SOP heeft geen hoofdstuk over basisondersteuning.")
    back = reverse("profile_chapter", args=[profile.pk, chapter.key])
    field = SummaryTakeOverForm(request.POST, fields=long_text_fields(chapter)).chosen()
    summary = ijk_result(profile.school, profile.school_year).summary()
    if field is None or not summary:
        messages.error(
            request,
            "Kies een tekstveld van dit hoofdstuk." if summary else "Er zijn nog geen IJK-scores.",
        )
        return redirect(back)
    try:
        profile_update(
            profile_id=profile.pk,
            user=request.user,
            base_version=profile.version,
            changes={field.key: _appended(profile.answers.get(field.key), summary)},
        )
    except (AnswerError, ProfileConflict):
        messages.error(
            request,
            f"De samenvatting past niet in het veld '{field.label}'. Neem de tekst zelf over.",
        )
        return redirect(back)
    messages.success(
        request,
        f"De samenvatting van het IJK staat nu onder het veld '{field.label}'. Pas hem gerust aan.",
    )
    return redirect(f"{back}#field-{field.key}")


def _appended(text, summary: str) -> str:
    """The summary as a new paragraph under what the field already says."""
    return f"{text}\n\n{summary}" if isinstance(text, str) and text.strip() else summary

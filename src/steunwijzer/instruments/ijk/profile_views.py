"""Taking the IJK summary over into a field of chapter 2 (basisondersteuning) of the SOP."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
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
        raise Http404(_("This SOP has no chapter on basic support."))
    back = reverse("profile_chapter", args=[profile.pk, chapter.key])
    field = SummaryTakeOverForm(request.POST, fields=long_text_fields(chapter)).chosen()
    summary = ijk_result(profile.school, profile.school_year).summary()
    if field is None or not summary:
        messages.error(
            request,
            _("Choose a text field of this chapter.")
            if summary
            else _("There are no IJK scores yet."),
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
            _("The summary does not fit in the field '%(field)s'. Copy the text yourself.")
            % {"field": field.label},
        )
        return redirect(back)
    messages.success(
        request,
        _("The summary of the IJK is now below the field '%(field)s'. Feel free to change it.")
        % {"field": field.label},
    )
    return redirect(f"{back}#field-{field.key}")


def _appended(text, summary: str) -> str:
    """The summary as a new paragraph under what the field already says."""
    return f"{text}\n\n{summary}" if isinstance(text, str) and text.strip() else summary

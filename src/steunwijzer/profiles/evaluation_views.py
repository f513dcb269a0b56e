from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from steunwijzer.core.school_year import previous_school_year

from .evaluation import Evaluation
from .forms import EvaluationForm
from .models import Profile
from .services import evaluation_record


@login_required
def profile_evaluation(request, pk):
    """The yearly evaluation: editors record it, every reader of the profile sees it."""
    profile = Profile.objects.get_for_user(request.user, pk)
    may_record = Evaluation.may_record(profile, request.user)
    if request.method == "POST" and not may_record:
        raise PermissionDenied(
            _("Only the head teacher or IB'er of the school records the evaluation.")
        )
    form = EvaluationForm(request.POST or None, today=timezone.localdate()) if may_record else None
    if request.method == "POST" and form.is_valid():
        evaluation_record(profile=profile, user=request.user, **form.cleaned_data)
        messages.success(request, _("The evaluation has been recorded."))
        return redirect("profile_evaluation", pk=pk)
    last_year = previous_school_year(profile.school_year)
    evaluations = Evaluation.objects.filter(
        profile__school=profile.school_id, profile__school_year__in=[profile.school_year, last_year]
    ).select_related("profile")
    ctx = {
        "profile": profile,
        "form": form,
        "this_year": [e for e in evaluations if e.profile_id == profile.pk],
        "last_year": [e for e in evaluations if e.profile_id != profile.pk],
        "last_school_year": last_year,
        "can_edit": profile.can_edit(request.user),
        "progress": profile.chapter_progress() if profile.can_edit(request.user) else None,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "profiles/evaluation.html", ctx, status=status)

"""The home page after signing in: the person's schools with this year's SOP, its deadline and
whether it is late, and what waits for them (the to-do list is the route's too)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone

from steunwijzer.core.school_year import school_year_of
from steunwijzer.organisations.models import Membership, Role, School
from steunwijzer.organisations.permissions import (
    managed_partnerships,
    may_invite_anyone,
    officer_boards,
)
from steunwijzer.profiles.models import Profile

from .deadlines import school_is_late
from .models import Deadline


@login_required
def home(request):
    today = timezone.localdate()
    school_year = school_year_of(today)
    schools = (
        School.objects.visible_to(request.user)
        .select_related("board")
        .prefetch_related(
            Prefetch(
                "profiles",
                queryset=Profile.objects.filter(school_year=school_year).defer("answers"),
                to_attr="current_profiles",
            )
        )
    )
    editable = {m.school_id for m in Membership.of(request.user) if m.role == Role.SCHOOL_EDITOR}
    due = Deadline.objects.due_dates_for_schools(schools, school_year)
    rows = [
        {
            "school": s,
            "profile": s.current_profiles[0] if s.current_profiles else None,
            "can_create": s.pk in editable,
            "due_on": due[s.pk],
            "late": school_is_late(
                s.current_profiles[0] if s.current_profiles else None, due[s.pk], today
            ),
        }
        for s in schools
    ]
    return render(
        request,
        "profiles/home.html",
        {
            "rows": rows,
            "school_year": school_year,
            "partnerships": managed_partnerships(request.user),
            "boards": officer_boards(request.user),
            "can_invite": may_invite_anyone(request.user),
        },
    )

"""The home page after signing in: the person's schools with this year's SOP, its deadline and
whether it is late, and what waits for them (the to-do list is the route's too)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
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

from .cycle import check_years
from .deadlines import school_is_late
from .models import Deadline

# Partnership staff see their region as a searchable table of this many schools a page, not a
# card per school: a region of 300 schools made a page of tens of thousands of pixels.
SCHOOLS_PER_PAGE = 25
SEARCH_LENGTH = 100


def _row(school, can_create, due_on, today, check) -> dict:
    profile = school.current_profiles[0] if school.current_profiles else None
    # Within the partnership's cycle an earlier published SOP still holds: no new one is due,
    # and the due date is that of its yearly check.
    holding = check.holding if check and profile is None else None
    return {
        "school": school,
        "profile": profile,
        "holding": holding,
        # Also with a new SOP started: its lateness is then that of the check (`late`).
        "check": check,
        "holds_until": check.holds_until if check else "",
        "check_done": bool(check and check.done),
        "can_create": can_create,
        "due_on": due_on,
        "late": check.late(due_on, today) if check else school_is_late(profile, due_on, today),
    }


@login_required
def home(request):
    today = timezone.localdate()
    school_year = school_year_of(today)
    partnerships = list(managed_partnerships(request.user))
    schools = (
        School.objects.visible_to(request.user)
        .select_related("board__partnership")
        .prefetch_related(
            Prefetch(
                "profiles",
                queryset=Profile.objects.filter(school_year=school_year).defer("answers"),
                to_attr="current_profiles",
            ),
        )
    )
    page, search = None, ""
    if partnerships:
        search = request.GET.get("q", "").strip()[:SEARCH_LENGTH]
        if search:
            schools = schools.filter(Q(name__icontains=search) | Q(brin__icontains=search))
        # A page number that is not one gives the first page, one past the end the last.
        page = Paginator(schools.order_by("name", "pk"), SCHOOLS_PER_PAGE).get_page(
            request.GET.get("pagina")
        )
        schools = page.object_list
    schools = list(schools)
    editable = {m.school_id for m in Membership.of(request.user) if m.role == Role.SCHOOL_EDITOR}
    due = Deadline.objects.due_dates_for_schools(schools, school_year)
    checks = check_years(schools, school_year)
    rows = [_row(s, s.pk in editable, due[s.pk], today, checks.get(s.pk)) for s in schools]
    return render(
        request,
        "profiles/home.html",
        {
            "rows": rows,
            "school_year": school_year,
            "partnerships": partnerships,
            "boards": officer_boards(request.user),
            "page": page,
            # A page of no schools (nothing found) is falsy: the table needs its own flag.
            "school_table": page is not None,
            "search": search,
            "can_invite": may_invite_anyone(request.user),
        },
    )

"""Deadline pages for the partnership and for boards, and everyone's "Te doen" overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from steunwijzer.core.dates import date_text
from steunwijzer.core.school_year import school_year_of
from steunwijzer.organisations.permissions import (
    get_board_for_officer,
    get_partnership_for_staff,
    officer_boards,
)

from .deadline_services import deadline_remove, deadline_set
from .deadlines import due_date
from .forms import DeadlineForm
from .models import Deadline
from .reminders import board_remind_late
from .todo import todo_rows


@login_required
def todo(request):
    today = timezone.localdate()
    rows = todo_rows(request.user, today)
    only_mine = request.GET.get("mijn") == "1"
    if only_mine:
        rows = [row for row in rows if row.mine]
    return render(
        request,
        "route/todo.html",
        {
            "rows": rows,
            "only_mine": only_mine,
            "school_year": school_year_of(today),
            "late_count": sum(row.late for row in rows),
            "boards": officer_boards(request.user),
        },
    )


def _years(form) -> list[str]:
    return [value for value, _ in form.fields["school_year"].choices]


def _overview(partnership, years, boards) -> list[dict]:
    """Per school year: the partnership's date, and each board's own date and the result."""
    own = {
        (d.board_id, d.school_year): d.due_on
        for d in Deadline.objects.filter(partnership=partnership, school_year__in=years)
    }
    return [
        {
            "school_year": year,
            "partnership_date": own.get((None, year)),
            "default": due_date(year, own.get((None, year)), None),
            "boards": [
                {
                    "board": board,
                    "own": own.get((board.pk, year)),
                    "due_on": due_date(year, own.get((None, year)), own.get((board.pk, year))),
                }
                for board in boards
            ],
        }
        for year in years
    ]


def _save(request, form, *, partnership, board=None) -> bool:
    """Hand a valid form to the service; its Dutch errors land on the form's fields."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        deadline = deadline_set(
            user=request.user, partnership=partnership, board=board, **form.cleaned_data
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    messages.success(
        request,
        _("The deadline for %(school_year)s is now %(date)s.")
        % {"school_year": deadline.school_year, "date": date_text(deadline.due_on)},
    )
    return True


@login_required
def partnership_deadlines(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    form = DeadlineForm(request.POST or None, school_year=school_year_of(timezone.localdate()))
    if _save(request, form, partnership=partnership):
        return redirect("partnership_deadlines", slug=partnership.slug)
    boards = partnership.boards.order_by("name", "pk")
    context = {
        "partnership": partnership,
        "form": form,
        "years": _overview(partnership, _years(form), boards),
    }
    return render(
        request, "route/partnership_deadlines.html", context, status=400 if form.errors else 200
    )


@login_required
def board_deadlines(request, board_id):
    board = get_board_for_officer(request, board_id)
    form = DeadlineForm(request.POST or None, school_year=school_year_of(timezone.localdate()))
    if _save(request, form, partnership=board.partnership, board=board):
        return redirect("board_deadlines", board_id=board.pk)
    years = _overview(board.partnership, _years(form), [board])
    context = {"board": board, "form": form, "years": years}
    return render(
        request, "route/board_deadlines.html", context, status=400 if form.errors else 200
    )


@login_required
@require_POST
def board_deadline_remove(request, board_id, school_year):
    board = get_board_for_officer(request, board_id)
    if deadline_remove(user=request.user, board=board, school_year=school_year):
        messages.success(
            request,
            _(
                "The own deadline for %(school_year)s is gone; "
                "the partnership's deadline now applies."
            )
            % {"school_year": school_year},
        )
    return redirect("board_deadlines", board_id=board.pk)


@login_required
@require_POST
def board_remind_late_view(request, board_id):
    """The board reminds all its late schools at once, from its overview."""
    board = get_board_for_officer(request, board_id)
    now, before = board_remind_late(board=board, today=timezone.localdate())
    if now:
        messages.success(
            request,
            ngettext(
                "%(count)s late school has been reminded by e-mail.",
                "%(count)s late schools have been reminded by e-mail.",
                now,
            )
            % {"count": now},
        )
    if before:
        messages.info(
            request,
            ngettext(
                "%(count)s late school had already been reminded today.",
                "%(count)s late schools had already been reminded today.",
                before,
            )
            % {"count": before},
        )
    if not now and not before:
        messages.info(request, _("There is no late school to remind."))
    return redirect("board_overview", board_id=board.pk)

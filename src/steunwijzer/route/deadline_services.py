"""Setting and removing the dates by which schools deliver their SOP to the board."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from steunwijzer.core.school_year import is_valid_school_year
from steunwijzer.organisations.models import Board, Partnership
from steunwijzer.organisations.permissions import is_board_officer_of

from .deadlines import school_year_bounds
from .models import Deadline


def _check(user, partnership: Partnership, board: Board | None):
    # Views check first; checking again here keeps the API, admin actions and scripts honest.
    if board is None and not partnership.staff_may_manage(user):
        raise PermissionDenied(_("Only staff of the partnership can do this."))
    if board is not None and not is_board_officer_of(user, board):
        raise PermissionDenied(_("Only quality officers of this board can do this."))
    if board is not None and board.partnership_id != partnership.pk:
        raise ValueError("Dit bestuur hoort niet bij dit samenwerkingsverband.")


def _check_dates(school_year: str, due_on: date):
    if not is_valid_school_year(school_year or ""):
        raise ValidationError({"school_year": _("Write the school year as 2026-2027.")})
    first, last = school_year_bounds(school_year)
    if not first <= due_on <= last:
        raise ValidationError(
            {
                "due_on": _(
                    "Choose a date in school year %(school_year)s: between "
                    "1 August %(first)s and 31 July %(last)s."
                )
                % {"school_year": school_year, "first": first.year, "last": last.year}
            }
        )


@transaction.atomic
def deadline_set(
    *, user, partnership: Partnership, board: Board | None = None, school_year: str, due_on: date
) -> Deadline:
    """Set the partnership's date (board None) or a board's own date for one school year.

    Raises PermissionDenied, or ValidationError with Dutch messages per field.
    """
    _check(user, partnership, board)
    _check_dates(school_year, due_on)
    deadline, _ = Deadline.objects.update_or_create(
        partnership=partnership,
        board=board,
        school_year=school_year,
        defaults={"due_on": due_on, "set_by": user},
    )
    return deadline


@transaction.atomic
def deadline_remove(*, user, board: Board, school_year: str) -> bool:
    """Drop a board's own date, so its schools follow the partnership's again."""
    _check(user, board.partnership, board)
    deleted, _ = Deadline.objects.filter(board=board, school_year=school_year).delete()
    return bool(deleted)

"""Partnerships, boards and schools show on the public pages, in the finder, the open data,
the downloads and the overviews: saving or deleting one is a change of its partnership
(`changes.follow`), whoever saves it: the admin, the shell or a service. Connected in
OrganisationsConfig.ready."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from .changes import follow, partnership_of_board, partnership_of_school
from .locations import ADDRESS_FIELDS, locate_on_save
from .models import Board, Partnership, School


@receiver(pre_save, sender=Board, dispatch_uid="board_before_change")
@receiver(pre_save, sender=School, dispatch_uid="school_before_change")
def remember_partnership(sender, instance, raw, **kwargs):
    """The partnership the board or school belonged to before this save: one that moves
    changes what both partnerships show."""
    before = None
    if not raw and instance.pk is not None:
        find = partnership_of_board if sender is Board else partnership_of_school
        before = find(instance.pk)
    instance._partnership_before = before


@receiver(pre_save, sender=School, dispatch_uid="school_located")
def locate_a_school(sender, instance, raw, update_fields=None, **kwargs):
    """A new or moved school gets coordinates, however it is saved (admin, import, shell);
    a back-up's raw rows keep theirs."""
    if not raw and (update_fields is None or set(update_fields) & set(ADDRESS_FIELDS)):
        locate_on_save(instance)


def _board_partnerships(board: Board) -> dict:
    return {"pk__in": [board.partnership_id, getattr(board, "_partnership_before", None)]}


def _school_partnerships(school: School) -> dict:
    return {
        "pk__in": [
            partnership_of_board(school.board_id),
            getattr(school, "_partnership_before", None),
        ]
    }


follow(Partnership, lambda partnership: {"pk": partnership.pk})
follow(Board, _board_partnerships)
follow(School, _school_partnerships)

"""Who may invite whom, for which organisation.

An inviter hands out the roles INVITABLE_ROLES allows for a role they hold, at their own
organisation or at one below it (a partnership's boards and schools, a board's schools).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import INVITABLE_ROLES, ROLE_SCOPE, Board, Membership, Partnership, Role, School

SCOPE_MODELS = {"partnership": Partnership, "board": Board, "school": School}

# From the kind of organisation a membership hangs on, the lookup that reaches organisations
# of another kind at or below it. Missing pairs (a board reaching its partnership) reach nothing.
_LOOKUPS = {
    ("partnership", "partnership"): "pk",
    ("partnership", "board"): "partnership",
    ("partnership", "school"): "board__partnership",
    ("board", "board"): "pk",
    ("board", "school"): "board",
    ("school", "school"): "pk",
}

_SCOPE_ORDER = [None, "partnership", "board", "school"]
_ROLE_ORDER = list(Role)


def _organisations_within(membership: Membership, scope: str) -> QuerySet:
    model = SCOPE_MODELS[scope]
    if membership.role == Role.PLATFORM_ADMIN:
        return model.objects.all()
    own_scope = ROLE_SCOPE[membership.role]
    lookup = _LOOKUPS.get((own_scope, scope))
    if lookup is None:
        return model.objects.none()
    return model.objects.filter(**{lookup: getattr(membership, f"{own_scope}_id")})


def _key(role, organisation) -> tuple:
    scope = ROLE_SCOPE[role]
    return (str(role), scope, organisation.pk if organisation is not None else None)


def invitable_targets(user) -> list[tuple[Role, object]]:
    """Every (role, organisation) this person may invite someone for, in a stable order.

    The organisation is None for the platform admin role, which hangs on no organisation.
    """
    if not user.is_authenticated:
        return []
    targets = {}
    for membership in Membership.objects.filter(user=user, role__in=list(INVITABLE_ROLES)):
        for role in INVITABLE_ROLES[membership.role]:
            scope = ROLE_SCOPE[role]
            organisations = [None] if scope is None else _organisations_within(membership, scope)
            for organisation in organisations:
                targets[_key(role, organisation)] = (Role(role), organisation)
    return sorted(
        targets.values(),
        key=lambda target: (
            _SCOPE_ORDER.index(ROLE_SCOPE[target[0]]),
            str(target[1] or ""),
            target[1].pk if target[1] is not None else 0,
            _ROLE_ORDER.index(target[0]),
        ),
    )


def may_invite_anyone(user) -> bool:
    """Cheap yes/no for showing the invite link, without listing every target."""
    return any(m.role in INVITABLE_ROLES for m in Membership.of(user))


def may_invite(user, role, organisation) -> bool:
    scope = ROLE_SCOPE.get(role)
    if scope is None and role != Role.PLATFORM_ADMIN:
        return False
    expected = None if scope is None else SCOPE_MODELS[scope]
    if (expected is None) != (organisation is None) or (
        expected is not None and not isinstance(organisation, expected)
    ):
        return False
    wanted = _key(role, organisation)
    return any(_key(*target) == wanted for target in invitable_targets(user))


def scope_fields(role, organisation) -> dict:
    """The partnership/board/school keyword a membership or invitation for this role takes."""
    scope = ROLE_SCOPE[Role(role)]
    return {} if scope is None else {scope: organisation}


def get_partnership_for_staff(request, slug) -> Partnership:
    """The partnership whose settings this person manages, or PermissionDenied."""
    partnership = get_object_or_404(Partnership.objects.defer("logo"), slug=slug)
    if not partnership.staff_may_manage(request.user):
        raise PermissionDenied(_("Only staff of the partnership can do this."))
    return partnership


def managed_partnerships(user):
    if Membership.is_platform_admin(user):
        return Partnership.objects.defer("logo")
    return Partnership.objects.defer("logo").filter(
        pk__in=Membership.objects.filter(user=user, role=Role.PARTNERSHIP_STAFF).values(
            "partnership"
        )
    )


def is_board_officer_of(user, board: Board) -> bool:
    """Quality officer of this board, or platform admin."""
    return any(
        m.role == Role.PLATFORM_ADMIN or (m.role == Role.BOARD_OFFICER and m.board_id == board.pk)
        for m in Membership.of(user)
    )


def officer_boards(user) -> list[Board]:
    """The boards this person handles as their quality officer, by name (no query of its own:
    the memberships bring the board's name)."""
    boards = [m.board for m in Membership.of(user) if m.role == Role.BOARD_OFFICER]
    return sorted(boards, key=lambda b: (b.name, b.pk))


def get_board_for_officer(request, board_id) -> Board:
    """The board whose SOPs this person handles as its quality officer, or PermissionDenied."""
    board = get_object_or_404(Board.objects.select_related("partnership"), pk=board_id)
    if not is_board_officer_of(request.user, board):
        raise PermissionDenied(_("Only quality officers of this board can do this."))
    return board

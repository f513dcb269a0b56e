"""Who is to hear of a profile: the people holding roles for its school (the notifications
app tells them of steps, `reminders` of deadlines)."""

from django.db.models import Q

from steunwijzer.organisations.models import Membership, Role

from .definitions import SINGLE_SCHOOL_EDITOR


def _membership_roles(roles) -> set[str]:
    return {Role.SCHOOL_EDITOR if r == SINGLE_SCHOOL_EDITOR else r for r in roles}


class People:
    """Active people with e-mail holding these roles at these schools, their boards or their
    partnerships: read in one query, then asked per school without touching the database."""

    def __init__(self, schools, roles):
        schools = list(schools)
        self._by_scope: dict[tuple[str, int], list] = {}
        if not schools:
            return
        scope = (
            Q(school__in={s.pk for s in schools})
            | Q(board_id__in={s.board_id for s in schools})
            | Q(partnership_id__in={s.board.partnership_id for s in schools})
        )
        memberships = Membership.objects.filter(
            scope, role__in=_membership_roles(roles), user__is_active=True
        ).select_related("user")
        for m in memberships:
            if not m.user.email:
                continue
            for name in ("school", "board", "partnership"):
                if getattr(m, f"{name}_id") is not None:
                    self._by_scope.setdefault((name, getattr(m, f"{name}_id")), []).append(m)

    def with_roles(self, school, roles) -> list:
        """Who holds any of these roles for this school, each once, by pk."""
        roles = _membership_roles(roles)
        places = [
            ("school", school.pk),
            ("board", school.board_id),
            ("partnership", school.board.partnership_id),
        ]
        users = {
            m.user for place in places for m in self._by_scope.get(place, ()) if m.role in roles
        }
        return sorted(users, key=lambda u: u.pk)


def people_with_roles(school, roles) -> list:
    """Active people holding any of these roles for this school (at school, board or region)."""
    return People([school], roles).with_roles(school, roles)

"""E-mail to whoever acts next on a profile."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from steunwijzer.organisations.models import Membership, Role

from .definitions import SINGLE_SCHOOL_EDITOR
from .labels import step_label
from .lifecycle import route_of


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


def notify_step(transition):
    profile = transition.profile
    step = route_of(profile).step(transition.action)
    if step is None or not step.notify:
        return
    url = settings.SITE_URL + reverse("profile_detail", args=[profile.pk])
    label = step_label(step)
    subject = _("SOP %(school)s: %(step)s") % {
        "school": profile.school.name,
        "step": label.lower(),
    }
    body = _(
        "%(actor)s has taken the step '%(step)s' for the school support profile "
        "%(school_year)s of %(school)s.\n"
        "The SOP is now: %(state)s.\n\n%(reason)s"
        "View the SOP: %(url)s\n\nThis message comes from Steunwijzer."
    ) % {
        "reason": _("Reason: %(reason)s\n\n") % {"reason": transition.payload["reason"]}
        if transition.payload.get("reason")
        else "",
        "actor": transition.actor_name,
        "step": label,
        "school_year": profile.school_year,
        "school": profile.school.name,
        "state": profile.get_state_display(),
        "url": url,
    }
    recipients = [
        u for u in people_with_roles(profile.school, step.notify) if u.pk != transition.actor_id
    ]
    send_mass_mail([(subject, body, None, [u.email]) for u in recipients], fail_silently=False)

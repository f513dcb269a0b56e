"""E-mail to whoever acts next on a profile."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.urls import reverse

from steunwijzer.organisations.models import Membership, Role

from .definitions import SINGLE_SCHOOL_EDITOR


def people_with_roles(school, roles) -> list:
    """Active people holding any of these roles for this school (at school, board or region)."""
    roles = {Role.SCHOOL_EDITOR if r == SINGLE_SCHOOL_EDITOR else r for r in roles}
    scope = (
        Q(school=school)
        | Q(board_id=school.board_id)
        | Q(partnership_id=school.board.partnership_id)
    )
    memberships = Membership.objects.filter(scope, role__in=roles, user__is_active=True)
    users = {m.user for m in memberships.select_related("user") if m.user.email}
    return sorted(users, key=lambda u: u.pk)


def notify_step(transition):
    profile = transition.profile
    step = profile.route_definition.step(transition.action)
    if step is None or not step.notify:
        return
    url = settings.SITE_URL + reverse("profile_detail", args=[profile.pk])
    subject = f"SOP {profile.school.name}: {step.label.lower()}"
    body = (
        f"{transition.actor_name} heeft de stap '{step.label}' gezet voor het "
        f"schoolondersteuningsprofiel {profile.school_year} van {profile.school.name}.\n"
        f"Het SOP is nu: {profile.get_state_display()}.\n\n"
        f"Bekijk het SOP: {url}\n\nDit bericht komt van Steunwijzer."
    )
    recipients = [
        u for u in people_with_roles(profile.school, step.notify) if u.pk != transition.actor_id
    ]
    send_mass_mail([(subject, body, None, [u.email]) for u in recipients], fail_silently=False)

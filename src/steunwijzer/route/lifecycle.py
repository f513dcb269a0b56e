"""Where an SOP is on its route and who may take which step now.

The route a profile follows is stored on the profile when it starts (`profile_started`, sent
by `profiles.services.profile_create`), so a partnership that changes its routes later does
not change the road of SOPs already under way; an empty route is the seed letter's SOP route.
"""

from django.dispatch import receiver

from steunwijzer.organisations.models import Role
from steunwijzer.organisations.signals import partnership_settings_saved
from steunwijzer.profiles.signals import profile_started

from .definitions import (
    SCHOOLGIDS_ROUTE,
    SINGLE_SCHOOL_EDITOR,
    SOP_ROUTE,
    RouteDefinition,
    route_from_dict,
    route_to_dict,
)


def stored_route(data: dict) -> RouteDefinition:
    """The route as a profile stores it; empty is the default SOP route."""
    return route_from_dict(data) if data else SOP_ROUTE


def route_of(profile) -> RouteDefinition:
    return stored_route(profile.route)


def route_roles(profile, user) -> set[str]:
    """The person's roles at the profile's school, plus the éénpitter pseudo-role the route
    knows."""
    roles = profile.roles_of(user)
    if Role.SCHOOL_EDITOR in roles and profile.school.board.is_single_school:
        roles = roles | {SINGLE_SCHOOL_EDITOR}
    return roles


def transitions_for(profile, user) -> list[str]:
    return route_of(profile).actions_for(profile.state, route_roles(profile, user))


def allowed_actions(profile, user) -> list[str]:
    """What the person may do with the profile now: edit it, and the route's steps."""
    editing = ["update", "restore"] if profile.can_edit(user) else []
    if profile.is_own_model:  # no fields to update: the document changes on its own page
        editing = [a for a in editing if a != "update"]
    return editing + transitions_for(profile, user)


@receiver(profile_started)
def give_the_profile_its_route(sender, profile, **kwargs):
    """A new profile takes the route of its board, else the schoolgids route from the school
    year its partnership chose, else its partnership's default."""
    from .models import Route

    profile.route = route_to_dict(
        Route.objects.definition_for(profile.school, school_year=profile.school_year)
    )
    profile.save(update_fields=["route"])


@receiver(partnership_settings_saved)
def install_the_chosen_route(sender, partnership, **kwargs):
    """The schoolgids route a partnership chooses becomes one of its routes (one it already
    has, perhaps adapted or a board's own, is left as it is)."""
    from .models import Route

    routes = Route.objects.filter(partnership=partnership, key=SCHOOLGIDS_ROUTE.key)
    if partnership.schoolgids_route_from and not routes.exists():
        Route.install(partnership, SCHOOLGIDS_ROUTE)

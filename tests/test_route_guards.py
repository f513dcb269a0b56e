"""A step names its own rules beyond role and state (`Step.guards`); stored routes keep them."""

import importlib

import pytest

from steunwijzer.profiles.models import Profile
from steunwijzer.route.definitions import (
    SCHOOLGIDS_ROUTE,
    SOP_ROUTE,
    route_from_dict,
    route_to_dict,
)
from steunwijzer.route.guards import GUARDS, guards_of
from steunwijzer.route.services import WrongState, profile_transition

pytestmark = pytest.mark.django_db


def test_every_guard_a_built_in_step_names_exists():
    """Each guard is named by a built-in step, or follows from a partnership setting."""
    named = {
        g for route in (SOP_ROUTE, SCHOOLGIDS_ROUTE) for s in route.steps for g in guards_of(s)
    }
    assert named == set(GUARDS)


def test_guards_survive_the_round_trip_through_json():
    for route in (SOP_ROUTE, SCHOOLGIDS_ROUTE):
        assert route_from_dict(route_to_dict(route)) == route


def test_the_step_to_the_mr_is_held_by_its_guards(profile, editor):
    with pytest.raises(WrongState, match="nog niet compleet"):
        profile_transition(profile_id=profile.pk, user=editor, action="request_advice")


def test_a_route_whose_step_names_no_guards_does_not_check_them(profile, editor):
    """The guards come from the step, not from a table by action: a partnership's own route
    decides which rules its steps have."""
    lenient = route_to_dict(SOP_ROUTE)
    for step in lenient["steps"]:
        if step["action"] == "request_advice":
            step["guards"] = ["mr_present"]
    Profile.objects.filter(pk=profile.pk).update(route=lenient)
    with pytest.raises(WrongState, match="nog geen MR-lid"):
        profile_transition(profile_id=profile.pk, user=editor, action="request_advice")


def test_routes_stored_before_guards_get_the_built_in_ones():
    migration = importlib.import_module("steunwijzer.route.migrations.0005_step_guards")
    stored = route_to_dict(SOP_ROUTE)
    for step in stored["steps"]:
        del step["guards"]
    assert route_from_dict(migration._with_guards(stored)) == SOP_ROUTE

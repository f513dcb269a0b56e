"""Routes stored before the school could take its SOP back to concept after the MR's advice
get that step, placed after "Naar het bestuur sturen" as in the built-in routes.

Only the two built-in routes (by key): a partnership's own route keeps the steps it chose. The
step is frozen here as it was when it was added."""

from django.db import migrations

# Taken back from the state the MR's decision put the SOP in, per built-in route.
DECIDED = {"sop": "advies_gegeven", "schoolgids": "instemming_gegeven"}
REOPEN = {
    "action": "reopen",
    "label": "Terugzetten naar concept",
    "target": "concept",
    "roles": ["school_editor"],
    "notify": ["mr_member"],
    "rejected_target": None,
    "optional": True,
    "guards": [],
}


def _with_reopen(route: dict) -> dict:
    steps = route.get("steps", [])
    if route.get("key") not in DECIDED or any(s["action"] == "reopen" for s in steps):
        return route
    actions = [s["action"] for s in steps]
    at = actions.index("submit_to_board") + 1 if "submit_to_board" in actions else len(steps)
    reopen = {**REOPEN, "sources": [DECIDED[route["key"]]]}
    return {**route, "steps": [*steps[:at], reopen, *steps[at:]]}


def add_reopen(apps, schema_editor):
    Profile = apps.get_model("profiles", "Profile")
    for profile in Profile.objects.exclude(route={}).only("pk", "route").iterator():
        Profile.objects.filter(pk=profile.pk).update(route=_with_reopen(profile.route))
    Route = apps.get_model("route", "Route")
    for route in Route.objects.only("pk", "definition").iterator():
        Route.objects.filter(pk=route.pk).update(definition=_with_reopen(route.definition))


class Migration(migrations.Migration):
    dependencies = [("route", "0007_transition_states_translated")]

    operations = [migrations.RunPython(add_reopen, migrations.RunPython.noop)]

"""Routes stored before steps named their guards get the guards the built-in steps have.

The mapping is frozen here as it was when guards moved onto the steps (before, one table in
route.services held them by action)."""

from django.db import migrations

GUARDS_BY_ACTION = {
    "request_advice": ["complete_profile", "mr_present"],
    "record_pupil_views": ["complete_profile"],
    "request_consent": ["parent_section"],
    "give_consent": ["parent_section_only"],
    "submit_to_board": ["decision_and_officer"],
    "establish": ["not_own_work"],
}


def _with_guards(route: dict) -> dict:
    for step in route.get("steps", ()):
        step.setdefault("guards", GUARDS_BY_ACTION.get(step["action"], []))
    return route


def add_guards(apps, schema_editor):
    Profile = apps.get_model("profiles", "Profile")
    for profile in Profile.objects.exclude(route={}).only("pk", "route").iterator():
        Profile.objects.filter(pk=profile.pk).update(route=_with_guards(profile.route))
    Route = apps.get_model("route", "Route")
    for route in Route.objects.only("pk", "definition").iterator():
        Route.objects.filter(pk=route.pk).update(definition=_with_guards(route.definition))


class Migration(migrations.Migration):
    dependencies = [
        ("route", "0004_remindersent_by_school"),
        ("profiles", "0005_route_default_empty"),
    ]

    operations = [migrations.RunPython(add_guards, migrations.RunPython.noop)]

"""ReminderSent is unique per school, school year, kind and recipient; the profile is optional.

Reminders to a school that has not started its SOP have no profile. Going back to 0002
forgets those (the old table cannot hold them); every other record is kept.
"""

import django.db.models.deletion
from django.db import migrations, models


def forget_reminders_without_profile(apps, schema_editor):
    apps.get_model("route", "ReminderSent").objects.filter(profile=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("profiles", "0002_route_state"),
        ("route", "0003_remindersent_school"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="remindersent", name="unique_reminder"),
        migrations.AlterField(
            model_name="remindersent",
            name="school",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisations.school",
            ),
        ),
        migrations.AlterField(
            model_name="remindersent",
            name="profile",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="reminders",
                to="profiles.profile",
            ),
        ),
        # Only does something when migrating back: before the profile is required again.
        migrations.RunPython(migrations.RunPython.noop, forget_reminders_without_profile),
        migrations.AddConstraint(
            model_name="remindersent",
            constraint=models.UniqueConstraint(
                fields=("school", "school_year", "kind", "recipient"),
                name="unique_school_reminder",
            ),
        ),
    ]

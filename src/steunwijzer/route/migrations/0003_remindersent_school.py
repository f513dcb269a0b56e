"""ReminderSent gets a school and school year, filled in from its profile.

Step one of two: the new columns are nullable here and made required in 0004, each step in
its own transaction (PostgreSQL refuses to alter a table in the transaction that updated it).
"""

import django.db.models.deletion
from django.db import migrations, models

import steunwijzer.core.validators


def fill_school_and_year(apps, schema_editor):
    ReminderSent = apps.get_model("route", "ReminderSent")
    rows = ReminderSent.objects.select_related("profile").only(
        "pk", "profile__school_id", "profile__school_year"
    )
    for row in rows.iterator():
        row.school_id = row.profile.school_id
        row.school_year = row.profile.school_year
        row.save(update_fields=["school", "school_year"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("profiles", "0002_route_state"),
        ("route", "0002_deadline_remindersent"),
    ]

    operations = [
        migrations.AddField(
            model_name="remindersent",
            name="school",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisations.school",
            ),
        ),
        migrations.AddField(
            model_name="remindersent",
            name="school_year",
            field=models.CharField(
                default="",
                max_length=9,
                validators=[steunwijzer.core.validators.validate_school_year],
                verbose_name="schooljaar",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_school_and_year, migrations.RunPython.noop),
    ]

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_notification_mail_retries"),
        ("steunpunt", "0001_messages_from_parents"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="notification",
            name="notification_about_one_thing",
        ),
        migrations.AddField(
            model_name="notification",
            name="parent_message",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="steunpunt.parentmessage",
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="kind",
            field=models.CharField(
                choices=[
                    ("action", "Something waits for me"),
                    ("step", "A step on an SOP I follow"),
                    ("comment", "A comment on an SOP I follow"),
                    ("deadline", "A deadline reminder"),
                    ("steunpunt", "A message from a parent to the support point"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="setting",
            name="kind",
            field=models.CharField(
                choices=[
                    ("action", "Something waits for me"),
                    ("step", "A step on an SOP I follow"),
                    ("comment", "A comment on an SOP I follow"),
                    ("steunpunt", "A message from a parent to the support point"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("comment", None),
                        ("parent_message", None),
                        ("reminder", None),
                        ("transition__isnull", False),
                    ),
                    models.Q(
                        ("comment__isnull", False),
                        ("parent_message", None),
                        ("reminder", None),
                        ("transition", None),
                    ),
                    models.Q(
                        ("comment", None),
                        ("parent_message", None),
                        ("reminder__isnull", False),
                        ("transition", None),
                    ),
                    models.Q(
                        ("comment", None),
                        ("parent_message__isnull", False),
                        ("reminder", None),
                        ("transition", None),
                    ),
                    _connector="OR",
                ),
                name="notification_about_one_thing",
            ),
        ),
    ]

"""Every partnership gets a content version (organisations.changes). Existing rows share the one
drawn here; the cache keys name the partnership too, so that is enough."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnership",
            name="content_version",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
    ]

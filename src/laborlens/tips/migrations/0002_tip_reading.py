# Issue 14, part 3: the engine's reading of a tip's text, kept for triage and follow-up.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("tips", "0001_tips"),
    ]

    operations = [
        migrations.AddField(
            model_name="tip",
            name="reading",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]

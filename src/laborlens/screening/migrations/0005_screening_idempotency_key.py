# Written by hand: a screening queued on a phone carries the phone's key, unique per agency.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("screening", "0004_screening_answers_to_review"),
    ]

    operations = [
        migrations.AddField(
            model_name="screening",
            name="idempotency_key",
            field=models.UUIDField(blank=True, editable=False, null=True),
        ),
        migrations.AddConstraint(
            model_name="screening",
            constraint=models.UniqueConstraint(fields=("agency", "idempotency_key"),
                                               name="screening_agency_idempotency_key_uniq"),
        ),
    ]

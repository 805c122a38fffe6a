# The case list's "Recently changed" sort (keyset keys updated_at DESC, id DESC) read from an
# index instead of sorting every case in scope (BENCHMARKS.md "Scale").

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0006_person_nibrs_demographics"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(models.F("updated_at").desc(), models.F("id").desc(), name="cases_case_updated_idx"),
        ),
    ]

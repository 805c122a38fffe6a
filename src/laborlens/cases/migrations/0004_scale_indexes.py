# Indexes for the case list, search and the visibility rule at a million cases (BENCHMARKS.md "Scale").

from django.db import migrations, models
from django.db.models.functions import Upper


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
        ("cases", "0003_charges_interviews"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="person",
            index=models.Index(Upper("pseudonym"), name="cases_person_pseud_upper_idx"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(models.F("opened_on").desc(), models.F("id").desc(), name="cases_case_opened_idx"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(models.F("lead_agency"), models.F("opened_on").desc(), models.F("id").desc(),
                               name="cases_case_agency_opened_idx"),
        ),
        migrations.AddIndex(
            model_name="casemember",
            index=models.Index(fields=["user", "case"], name="cases_member_user_case_idx"),
        ),
    ]

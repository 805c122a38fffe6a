"""A CTDC-format dataset and its rows. Deliberately no foreign key outside this app:
not to cases or people (never mixed with case records), not even to users (the research
store may live in another database); who imported it is a username in the audit log."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Dataset(models.Model):
    name = models.CharField(_("name"), max_length=200)
    source_file = models.CharField(_("source file"), max_length=300)
    sha256 = models.CharField(max_length=64)
    standard = models.CharField(max_length=40, default="CTDC 2017")
    rows_read = models.PositiveIntegerField(default=0)
    rows_loaded = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    imported_by = models.CharField(max_length=150)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return self.name


class CtdcRecord(models.Model):
    """One row of the CTDC labour subset (one victim x one control category)."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="records")
    year = models.PositiveSmallIntegerField(db_index=True)
    datasource = models.CharField(max_length=40)
    gender = models.CharField(max_length=40)
    citizenship = models.CharField(max_length=2)
    is_forced_labour = models.SmallIntegerField()
    control_category = models.CharField(max_length=40)
    recruiter_category = models.CharField(max_length=40)
    exploit_type = models.CharField(max_length=40)
    labour_type = models.CharField(max_length=40)
    age_category = models.CharField(max_length=20)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"CTDC row {self.pk}"

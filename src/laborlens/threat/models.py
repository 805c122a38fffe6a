"""Threat assessment reference data: public DOL and FBI files, and each area's place names.

The reference tables (certified employers, debarments, UCR counts) hold public records
about employers and agencies, nothing about victims, so they are not scoped by agency;
the views that read them need ``insights.view``. They are written only by the importers,
in batches, and each import leaves one ``ImportRun`` and one audit event (the per-row
audit rule of the case models does not apply to public reference rows).

``AreaProfile`` says which state and counties a task force or an agency covers, and how
its local place names ("City of Riverton") map to counties, so that the jurisdiction is
the default of the assessment and tips and cases can be placed on the map.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency, TaskForce


class ImportRun(models.Model):
    class Kind(models.TextChoices):
        H2A = "h2a", _("DOL H-2A disclosure")
        H2B = "h2b", _("DOL H-2B disclosure")
        DEBARMENTS = "debarments", _("H-2A / H-2B debarments")
        UCR = "ucr", _("FBI UCR human trafficking")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    started_at = models.DateTimeField(default=timezone.now)
    duration_seconds = models.FloatField(default=0)
    rows_read = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)
    unplaced = models.PositiveIntegerField(default=0)
    actor_label = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name}"


class ImportProblem(models.Model):
    """A row the importer could not read: its row number in the file and why."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="problems")
    row_number = models.PositiveIntegerField()
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["run", "row_number"]

    def __str__(self) -> str:
        return f"row {self.row_number}: {self.reason}"


class CertifiedEmployer(models.Model):
    """One row of a DOL OFLC H-2A / H-2B disclosure file (one employer and worksite)."""

    programme = models.CharField(max_length=4)  # h2a | h2b
    fingerprint = models.CharField(max_length=64, unique=True)
    case_number = models.CharField(max_length=40, db_index=True)
    case_status = models.CharField(max_length=100, blank=True)
    certified = models.BooleanField(default=False)
    decision_date = models.DateField(null=True, blank=True)
    primary_sub = models.CharField(max_length=4, blank=True)
    association_total = models.BooleanField(default=False)
    employer_name = models.CharField(max_length=300)
    trade_name = models.CharField(max_length=300, blank=True)
    name_key = models.CharField(max_length=300, db_index=True)
    employer_city = models.CharField(max_length=100, blank=True)
    employer_state = models.CharField(max_length=2, blank=True)
    naics = models.CharField(max_length=10, blank=True)
    industry = models.CharField(max_length=40, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    workers_requested = models.PositiveIntegerField(default=0)
    workers_certified = models.PositiveIntegerField(default=0)
    worksite_city = models.CharField(max_length=100, blank=True)
    worksite_county = models.CharField(max_length=100, blank=True)
    worksite_state = models.CharField(max_length=2, blank=True, db_index=True)
    county_fips = models.CharField(max_length=5, blank=True, db_index=True)
    run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["employer_name"]

    def __str__(self) -> str:
        return f"{self.employer_name} ({self.case_number})"


class Debarment(models.Model):
    fingerprint = models.CharField(max_length=64, unique=True)
    programme = models.CharField(max_length=20)
    entity = models.CharField(max_length=300)
    name_key = models.CharField(max_length=300, db_index=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["entity"]

    def __str__(self) -> str:
        return self.entity


class UcrCount(models.Model):
    """FBI UCR human trafficking offences reported by one agency (ORI) in one year."""

    class Offence(models.TextChoices):
        COMMERCIAL_SEX = "commercial_sex", _("Commercial sex acts")
        INVOLUNTARY_SERVITUDE = "involuntary_servitude", _("Involuntary servitude")

    fingerprint = models.CharField(max_length=64, unique=True)
    year = models.PositiveSmallIntegerField()
    ori = models.CharField(max_length=12, db_index=True)
    agency_name = models.CharField(max_length=200)
    agency_type = models.CharField(max_length=60, blank=True)
    state = models.CharField(max_length=2, db_index=True)
    county_names = models.CharField(max_length=300, blank=True)
    county_fips = models.JSONField(default=list, blank=True)
    offence = models.CharField(max_length=24, choices=Offence.choices)
    actual = models.IntegerField(default=0)
    unfounded = models.IntegerField(default=0)
    cleared = models.IntegerField(default=0)
    run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["state", "agency_name", "year"]

    def __str__(self) -> str:
        return f"{self.ori} {self.year} {self.offence}"


class AreaProfile(models.Model):
    """The state and counties a task force or agency covers, and its local place names."""

    task_force = models.OneToOneField(TaskForce, on_delete=models.CASCADE, null=True, blank=True,
                                      related_name="threat_area")
    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="threat_area")
    state = models.CharField(_("state"), max_length=2)
    counties = models.JSONField(_("counties"), default=list, blank=True)
    place_names = models.JSONField(_("local place names"), default=dict, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(task_force__isnull=False) | models.Q(agency__isnull=False),
                name="threat_area_has_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} {', '.join(self.counties)}"


class ThreatUpload(models.Model):
    """A DOL or FBI file uploaded on the web page, imported by the task queue's worker
    (``threat.tasks.import_upload``) through the same importer as the CLI. Progress is read
    from a small file beside the upload (the import is one transaction, so the database
    shows nothing until it ends); the per-row report is the run's ``ImportProblem`` rows."""

    class Kind(models.TextChoices):
        DOL = "dol", _("DOL H-2A or H-2B disclosure (programme from the file)")
        H2A = "h2a", _("DOL H-2A disclosure")
        H2B = "h2b", _("DOL H-2B disclosure")
        DEBARMENTS = "debarments", _("H-2A / H-2B debarments")
        UCR = "ucr", _("FBI UCR human trafficking")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for the worker")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        REFUSED = "refused", _("Refused")
        FAILED = "failed", _("Failed")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    file_name = models.CharField(max_length=255)
    stored_name = models.CharField(max_length=80, unique=True)
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    message = models.CharField(max_length=500, blank=True)
    run = models.ForeignKey(ImportRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    task_id = models.CharField(max_length=64, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name}"

"""Retention: a closed-case retention period per agency, and the tombstone a purge leaves."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency


class RetentionPolicy(models.Model):
    """How long an agency keeps a closed case it leads (default: CASE_RETENTION_DAYS)."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="retention_policy",
                                  verbose_name=_("agency"))
    closed_case_days = models.PositiveIntegerField(
        _("keep closed cases for (days)"),
        help_text=_("Closed cases older than this are purged by `laborlens retention purge`."))
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("retention policy")
        verbose_name_plural = _("retention policies")

    def __str__(self) -> str:
        return f"{self.agency}: {self.closed_case_days} days"

    @staticmethod
    def days_for(agency_id: int, policies: dict[int, int] | None = None) -> int:
        if policies is not None:
            return policies.get(agency_id, settings.CASE_RETENTION_DAYS)
        policy = RetentionPolicy.objects.filter(agency_id=agency_id).first()
        return policy.closed_case_days if policy else settings.CASE_RETENTION_DAYS


class CaseTombstone(models.Model):
    """What was purged, when, why and by whom; no identifying data about anyone in it."""

    case_pk = models.BigIntegerField(_("case id"), unique=True)
    case_number = models.CharField(_("case number"), max_length=40)
    lead_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("lead agency"))
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"))
    purged_at = models.DateTimeField(_("purged at"), default=timezone.now)
    purged_by = models.CharField(_("purged by"), max_length=150)
    reason = models.CharField(_("reason"), max_length=200)
    retention_days = models.PositiveIntegerField(_("retention period (days)"))
    removed = models.JSONField(_("records removed"), default=dict)

    class Meta:
        ordering = ["-purged_at"]
        verbose_name = _("case tombstone")

    def __str__(self) -> str:
        return f"tombstone of case {self.case_number}"


class WorkerHeartbeat(models.Model):
    """A queue worker's last sign of life; a running task whose worker stopped beating is
    reclaimed (``laborlens.ops.queue.reclaim_stale_tasks``)."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    beat_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"worker {self.worker_id} (last beat {self.beat_at:%H:%M:%S})"


class ScheduledRun(models.Model):
    """One periodic job for one period. The unique constraint is what makes several
    schedulers on several hosts enqueue each period's job exactly once."""

    job = models.CharField(max_length=64)
    period_start = models.DateTimeField()
    enqueued_at = models.DateTimeField(default=timezone.now)
    task_id = models.CharField(max_length=64)
    scheduler = models.CharField(max_length=255)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "period_start"],
                                               name="ops_scheduledrun_once_per_period")]

    def __str__(self) -> str:
        return f"{self.job} for {self.period_start:%Y-%m-%d %H:%M}"

"""The work on a case: operation plans and their sign-off, after-action reports, tasks and the timeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.cases.models.case import Case, CaseScoped
from laborlens.core.bases import VersionedModel
from laborlens.core.querysets import RestrictedQuerySet


class OperationPlan(CaseScoped, VersionedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for sign-off")
        APPROVED = "approved", _("Signed off")
        RETURNED = "returned", _("Returned for changes")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="operations")
    title = models.CharField(_("title"), max_length=200)
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    potential_victims = models.PositiveIntegerField(_("How many potential victims?"), null=True, blank=True)
    separation = models.TextField(_("How will they be separated from suspects?"), blank=True, max_length=3000)
    housing = models.TextField(_("Where will they be housed?"), blank=True, max_length=3000)
    services = models.TextField(_("Which services will they need?"), blank=True, max_length=3000)
    interpreters = models.TextField(_("Interpreters and languages needed"), blank=True, max_length=3000)
    movement = models.TextField(_("Movement patterns"), blank=True, max_length=3000)
    ownership = models.TextField(_("Who owns the establishment, and what else do they own?"), blank=True, max_length=3000)
    security = models.TextField(_("Security and weapons"), blank=True, max_length=3000)
    informants = models.TextField(_("Informants"), blank=True, max_length=3000)
    advocates = models.TextField(_("Victim advocates present"), blank=True, max_length=3000)
    supervisor_note = models.TextField(_("supervisor's note"), blank=True, max_length=2000)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    QUESTIONS = ("potential_victims", "separation", "housing", "services", "interpreters",
                 "movement", "ownership", "security", "informants", "advocates")

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return self.title


class AfterActionReport(CaseScoped, VersionedModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reports")
    operation = models.ForeignKey(OperationPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports")
    title = models.CharField(_("title"), max_length=200)
    what_happened = models.TextField(_("What happened"), max_length=8000)
    what_worked = models.TextField(_("What worked"), blank=True, max_length=5000)
    what_did_not = models.TextField(_("What did not work"), blank=True, max_length=5000)
    lessons = models.TextField(_("Lessons learned"), blank=True, max_length=5000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    SECTIONS = ("what_happened", "what_worked", "what_did_not", "lessons")

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return self.title


class Task(CaseScoped):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="case_tasks", verbose_name=_("assigned to"))
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def overdue(self) -> bool:
        return self.done_at is None and self.due_on is not None and self.due_on < timezone.localdate()


class TimelineEntry(CaseScoped):
    """What happened on the case, in words free of identities (pseudonyms, item numbers)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(default=timezone.now)
    text = models.CharField(max_length=500)
    is_note = models.BooleanField(default=False)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "timeline entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} case {self.case_id}"

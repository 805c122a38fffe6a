"""Operation plans and their sign-off, after-action reports, tasks, timeline notes, charges
and interviews."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases.models import (
    AfterActionReport,
    Case,
    Charge,
    Interview,
    OperationPlan,
    Person,
    Task,
    TimelineEntry,
)
from laborlens.cases.services.common import note
from laborlens.core.errors import RuleError
from laborlens.core.versioning import save_versioned

if TYPE_CHECKING:
    from laborlens.accounts.models import User


def save_plan(plan: OperationPlan, *, by: User, expected_version: int | None = None,
              request: HttpRequest | None = None) -> OperationPlan:
    with transaction.atomic():
        creating = plan.pk is None
        if creating:
            plan.created_by = by
            plan.save()
        else:
            if plan.status == OperationPlan.Status.APPROVED:
                # A change after sign-off needs a new sign-off.
                plan.status = OperationPlan.Status.DRAFT
                plan.approved_by = None
                plan.approved_at = None
            save_versioned(plan, expected_version)
        note(plan.case, (_("Operation plan written: %(title)s.") if creating else
                         _("Operation plan changed: %(title)s.")) % {"title": plan.title}, by)
        record_event(EventTag.CASE_PLAN_CREATED if creating else EventTag.CASE_PLAN_UPDATED,
                     request=request, actor=by, obj=plan, detail={"case": plan.case.number})
    return plan


def plan_transition(plan: OperationPlan, action: str, *, by: User, note_text: str = "",
                    request: HttpRequest | None = None) -> OperationPlan:
    status = OperationPlan.Status
    with transaction.atomic():
        if action == "submit" and plan.status in {status.DRAFT, status.RETURNED}:
            plan.status, tag = status.SUBMITTED, EventTag.CASE_PLAN_SUBMITTED
        elif action == "approve" and plan.status == status.SUBMITTED:
            plan.status, tag = status.APPROVED, EventTag.CASE_PLAN_APPROVED
            plan.approved_by, plan.approved_at = by, timezone.now()
        elif action == "return" and plan.status == status.SUBMITTED:
            plan.status, tag = status.RETURNED, EventTag.CASE_PLAN_RETURNED
        else:
            raise RuleError(_("That step is not possible for a plan in this state."))
        if note_text:
            plan.supervisor_note = note_text[:2000]
        save_versioned(plan, plan.version)
        note(plan.case, _("Operation plan %(title)s: %(status)s.") % {
            "title": plan.title, "status": status(plan.status).label}, by)
        record_event(tag, request=request, actor=by, obj=plan, detail={"case": plan.case.number})
    return plan


def save_report(report: AfterActionReport, *, by: User, expected_version: int | None = None,
                request: HttpRequest | None = None) -> AfterActionReport:
    with transaction.atomic():
        creating = report.pk is None
        if creating:
            report.created_by = by
            report.save()
        else:
            save_versioned(report, expected_version)
        note(report.case, (_("After-action report written: %(title)s.") if creating else
                           _("After-action report changed: %(title)s.")) % {"title": report.title}, by)
        record_event(EventTag.CASE_REPORT_CREATED if creating else EventTag.CASE_REPORT_UPDATED,
                     request=request, actor=by, obj=report, detail={"case": report.case.number})
    return report


def create_task(case: Case, *, by: User, title: str, due_on: date | None, assignee: User | None,
                request: HttpRequest | None = None) -> Task:
    if assignee is not None and not case.memberships.filter(user=assignee).exists():
        raise RuleError(_("Tasks can be assigned only to members of the case team."))
    with transaction.atomic():
        task = Task.objects.create(case=case, title=title, due_on=due_on, assignee=assignee, created_by=by)
        note(case, _("Task added: %(title)s.") % {"title": title}, by)
        record_event(EventTag.CASE_TASK_CREATED, request=request, actor=by, obj=task,
                     detail={"case": case.number, "assignee": assignee.username if assignee else ""})
    return task


def complete_task(task: Task, *, by: User, request: HttpRequest | None = None) -> Task:
    if task.done_at is not None:
        raise RuleError(_("This task is already done."))
    with transaction.atomic():
        task.done_at = timezone.now()
        task.save(update_fields=["done_at"])
        note(task.case, _("Task done: %(title)s.") % {"title": task.title}, by)
        record_event(EventTag.CASE_TASK_COMPLETED, request=request, actor=by, obj=task,
                     detail={"case": task.case.number})
    return task


def add_timeline_note(case: Case, *, by: User, text: str, at: Any = None,
                      request: HttpRequest | None = None) -> TimelineEntry:
    with transaction.atomic():
        entry = note(case, text, by, is_note=True, at=at)
        record_event(EventTag.CASE_TIMELINE_NOTE, request=request, actor=by, obj=case)
    return entry


def add_charge(case: Case, *, by: User, data: dict[str, Any], request: HttpRequest | None = None) -> Charge:
    """Record a charge (arrest, charge, prosecution, disposition, restitution) on a case."""
    defendant = data.get("defendant")
    if defendant is not None and (defendant.case_id != case.pk or defendant.role != Person.Role.SUSPECT):
        raise RuleError(_("The defendant must be a suspect on this case."))
    if data.get("disposition", Charge.Disposition.PENDING) != Charge.Disposition.PENDING and not data.get("disposed_on"):
        raise RuleError(_("Give the date of the disposition."))
    with transaction.atomic():
        charge = Charge.objects.create(case=case, created_by=by, **data)
        who = defendant.pseudonym if defendant is not None else _("unnamed defendant")
        note(case, _("Charge recorded: %(statute)s against %(who)s.") % {"statute": charge.statute, "who": who}, by)
        record_event(EventTag.CASE_CHARGE_CREATED, request=request, actor=by, obj=charge,
                     detail={"case": case.number, "statute": charge.statute, "disposition": charge.disposition})
    return charge


def add_interview(case: Case, *, by: User, data: dict[str, Any], request: HttpRequest | None = None) -> Interview:
    """Record that a victim interview was held (its content belongs in evidence)."""
    person = data["person"]
    if person.case_id != case.pk or person.role != Person.Role.VICTIM:
        raise RuleError(_("Interviews are recorded for potential victims on this case."))
    with transaction.atomic():
        interview = Interview.objects.create(case=case, created_by=by, **data)
        note(case, _("Interview recorded: %(pseudonym)s (%(kind)s).") % {
            "pseudonym": person.pseudonym, "kind": interview.get_kind_display()}, by)
        record_event(EventTag.CASE_INTERVIEW_CREATED, request=request, actor=by, obj=interview,
                     detail={"case": case.number, "person": person.pseudonym, "kind": interview.kind})
    return interview

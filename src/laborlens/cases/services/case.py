"""The case itself: its reads (one function per read, for the page and the API alike),
opening, editing, the team and disseminations."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from laborlens.accounts.models import Agency
from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.cases import search
from laborlens.cases.models import (
    STAGE_ORDER,
    AfterActionReport,
    Case,
    CaseMember,
    Dissemination,
    Stage,
)
from laborlens.cases.services.common import eligible_agencies, note
from laborlens.core.errors import RuleError
from laborlens.core.versioning import save_versioned

if TYPE_CHECKING:
    from laborlens.accounts.models import User


def read_case(user: User, case: Case, request: HttpRequest | None = None, *, via: str = "web") -> None:
    record_read(EventTag.CASE_VIEWED, request, case, by=user, via=via, number=case.number)


def read_case_people(user: User, case: Case, people: list[Any], request: HttpRequest | None = None, *,
                     via: str = "web") -> None:
    """The people of a case as the reader sees them (``identity.access.shown``: the case
    page's list, the API's case_people): how many, and how many with their identity shown
    (their names), as the person page records each person it shows."""
    record_read(EventTag.CASE_PERSON_VIEWED, request, case, by=user, via=via, people=len(people),
                identities_shown=sum(1 for item in people if item.identity))


def list_cases(user: User, request: HttpRequest | None = None, *, first_page: bool, count: int,
               via: str = "web") -> None:
    record_read(EventTag.CASE_LISTED, request, by=user, via=via, first_page=first_page, count=count)


def _next_number(agency: Agency) -> str:
    year = timezone.localdate().year
    prefix = f"{agency.short_name}-{year}-"
    count = Case.objects.filter(number__startswith=prefix).count()
    return f"{prefix}{count + 1:04d}"


def create_case(*, by: User, data: dict[str, Any], request: HttpRequest | None = None) -> Case:
    for attempt in range(5):
        try:
            with transaction.atomic():
                case = Case(lead_agency=by.agency, created_by=by, **data)
                case.number = _next_number(by.agency)
                if attempt:
                    case.number += f"-{uuid.uuid4().hex[:4]}"
                case.save()
                CaseMember.objects.create(case=case, user=by, role=CaseMember.Role.LEAD, added_by=by)
                search.index_case(case)
                note(case, _("Case opened by %(user)s.") % {"user": by.username}, by)
                record_event(EventTag.CASE_CREATED, request=request, actor=by, obj=case,
                             detail={"number": case.number, "stage": case.stage})
                return case
        except IntegrityError:
            continue
    raise RuleError(_("Could not allocate a case number; try again."))


def update_case(case: Case, data: dict[str, Any], *, expected_version: int | None, by: User,
                request: HttpRequest | None = None) -> Case:
    with transaction.atomic():
        old_stage = case.stage
        new_stage = data.get("stage", old_stage)
        if STAGE_ORDER.index(new_stage) < STAGE_ORDER.index(old_stage) and not (
            by.can("cases.supervise") and by.agency_id == case.lead_agency_id
        ):
            raise RuleError(_("Only a supervisor of the lead agency can move a case back to an earlier stage."))
        changed = [name for name, value in data.items() if getattr(case, name) != value]
        for name, value in data.items():
            setattr(case, name, value)
        if new_stage == Stage.CLOSED and old_stage != Stage.CLOSED:
            case.closed_on = timezone.localdate()
        elif new_stage != Stage.CLOSED:
            case.closed_on = None
        case.updated_at = timezone.now()
        save_versioned(case, expected_version)
        search.index_case(case)
        if new_stage != old_stage:
            note(case, _("Stage changed from %(old)s to %(new)s.") % {
                "old": Stage(old_stage).label, "new": Stage(new_stage).label}, by)
        elif changed:
            note(case, _("Case details updated."), by)
        record_event(EventTag.CASE_UPDATED, request=request, actor=by, obj=case,
                     detail={"fields": changed, "version": case.version})
    return case


def add_member(case: Case, user: User, role: str, *, by: User, reason: str = "",
               request: HttpRequest | None = None) -> CaseMember:
    if not user.is_active:
        raise RuleError(_("That account is not active."))
    if not eligible_agencies(case).filter(pk=user.agency_id).exists():
        raise RuleError(_("Only people of the lead agency or its task-force partners can join the team."))
    if case.memberships.filter(user=user).exists():
        raise RuleError(_("That person is already on the team."))
    outside = user.agency_id != case.lead_agency_id
    if outside and len(reason.strip()) < 10:
        raise RuleError(_("Adding someone from another agency is a dissemination: give the reason."))
    with transaction.atomic():
        member = CaseMember.objects.create(case=case, user=user, role=role, added_by=by)
        if outside:
            Dissemination.objects.create(
                case=case, recipient_agency=user.agency, recipient_user=user, what=Dissemination.What.TEAM,
                reason=reason.strip(), recorded_by=by)
            record_event(EventTag.CASE_DISSEMINATED, request=request, actor=by, obj=case,
                         detail={"to_agency": user.agency.short_name, "what": "team"})
        note(case, _("%(user)s (%(agency)s) joined the team as %(role)s.") % {
            "user": user.username, "agency": user.agency.short_name,
            "role": CaseMember.Role(role).label}, by)
        record_event(EventTag.CASE_MEMBER_ADDED, request=request, actor=by, obj=case,
                     detail={"user": user.username, "agency": user.agency.short_name, "role": role})
    return member


def remove_member(member: CaseMember, *, by: User, request: HttpRequest | None = None) -> None:
    case = member.case
    if member.role == CaseMember.Role.LEAD and case.memberships.filter(role=CaseMember.Role.LEAD).count() == 1:
        raise RuleError(_("A case needs a lead: add another lead before removing this one."))
    with transaction.atomic():
        username = member.user.username
        member.delete()  # takes effect at once: scope is read from this table on every request
        note(case, _("%(user)s left the team.") % {"user": username}, by)
        record_event(EventTag.CASE_MEMBER_REMOVED, request=request, actor=by, obj=case,
                     detail={"user": username})


def disseminate(case: Case, *, by: User, recipient_agency: Agency, what: str, reason: str,
                disseminated_on: date | None = None, report: AfterActionReport | None = None,
                recipient_user: User | None = None, request: HttpRequest | None = None) -> Dissemination:
    if recipient_agency.pk == case.lead_agency_id:
        raise RuleError(_("Sharing inside the lead agency is not a dissemination."))
    if what == Dissemination.What.REPORT and (report is None or report.case_id != case.pk):
        raise RuleError(_("Choose the after-action report to share."))
    if recipient_user is not None and recipient_user.agency_id != recipient_agency.pk:
        raise RuleError(_("The recipient person must belong to the recipient agency."))
    with transaction.atomic():
        record = Dissemination.objects.create(
            case=case, recipient_agency=recipient_agency, recipient_user=recipient_user, what=what,
            report=report if what == Dissemination.What.REPORT else None, reason=reason.strip()[:500],
            disseminated_on=disseminated_on or timezone.localdate(), recorded_by=by)
        note(case, _("Shared with %(agency)s: %(what)s.") % {
            "agency": recipient_agency.short_name, "what": Dissemination.What(what).label}, by)
        record_event(EventTag.CASE_DISSEMINATED, request=request, actor=by, obj=case,
                     detail={"to_agency": recipient_agency.short_name, "what": what,
                             "dissemination": record.pk})
    return record

"""Case rules shared by views, the CLI, the demo loader and tests.

Each change happens in one transaction with its audit event and a timeline line. Audit
details and timeline text carry pseudonyms, item numbers and kinds, never a decrypted
identifier.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from laborlens.accounts.models import Agency
from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.cases import deconfliction, elements, search
from laborlens.cases.models import (
    STAGE_ORDER,
    AfterActionReport,
    Case,
    CaseMember,
    Charge,
    CustodyEvent,
    Dissemination,
    ElementLink,
    Entity,
    Evidence,
    EvidenceFile,
    IntelligenceReview,
    Interview,
    MatchKey,
    OperationPlan,
    Person,
    Stage,
    Task,
    TimelineEntry,
)
from laborlens.core.crypto import decrypt_bytes, encrypt_bytes
from laborlens.core.errors import ConflictError, RuleError  # noqa: F401  (raised here; callers may import them from services)
from laborlens.core.versioning import save_versioned  # noqa: F401
from laborlens.matching import keys

if TYPE_CHECKING:
    from laborlens.accounts.models import User

MAX_REVIEW_YEARS = 5


# --- helpers ---------------------------------------------------------------------------


def note(case: Case, text: str, actor: User | None = None, *, is_note: bool = False,
         at: Any = None) -> TimelineEntry:
    return TimelineEntry.objects.create(case=case, text=text[:500], actor=actor, is_note=is_note,
                                        at=at or timezone.now())


def lead_of(case: Case) -> User | None:
    member = case.memberships.filter(role=CaseMember.Role.LEAD).select_related("user").first()
    return member.user if member else case.created_by


def eligible_agencies(case: Case) -> models.QuerySet:
    """The lead agency and every agency sharing a task force with it."""
    partners = Agency.objects.filter(task_forces__agencies=case.lead_agency_id)
    return Agency.objects.filter(models.Q(pk=case.lead_agency_id) | models.Q(pk__in=partners.values("pk")))


# --- reads: one function per read; the page and the API call it (issue 18.4) ----------


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


# --- cases and teams ---------------------------------------------------------------------


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


# --- people ------------------------------------------------------------------------------


def _next_pseudonym(case: Case, role: str) -> str:
    prefix = Person.PREFIX[role]
    taken = set(case.people.values_list("pseudonym", flat=True))
    number = 1
    while f"{prefix}-{number}" in taken:
        number += 1
    return f"{prefix}-{number}"


def person_match_keys(person: Person) -> list[keys.Key]:
    return keys.person_keys(
        names=[person.full_name, *person.aliases], date_of_birth=person.date_of_birth,
        city=person.city, phones=person.phones, emails=person.emails, address=person.address,
        documents=person.id_documents)


def entity_match_keys(entity: Entity) -> list[keys.Key]:
    return keys.entity_keys(kind=entity.kind, name=entity.name, trade_name=entity.trade_name,
                            city=entity.city, phones=entity.phones, addresses=entity.addresses,
                            identifiers=entity.identifiers)


def refresh_keys(obj: Person | Entity, *, check: bool = True) -> int:
    """Replace the object's blind-index keys, then deconflict. Returns notices created."""
    owner = {"person": obj} if isinstance(obj, Person) else {"entity": obj}
    computed = person_match_keys(obj) if isinstance(obj, Person) else entity_match_keys(obj)
    MatchKey.objects.filter(**owner).delete()
    for key in computed:
        MatchKey.objects.create(case_id=obj.case_id, kind=key.kind, value=key.value, **owner)
    return deconfliction.check(obj.case, computed) if check else 0


def validate_intelligence(person: Person) -> None:
    if not person.intelligence_only:
        return
    if person.role != Person.Role.SUSPECT:
        raise RuleError(_("Only a suspect can be recorded as an intelligence subject."))
    if len(person.justification.strip()) < 30:
        raise RuleError(_("Write the reasonable-suspicion justification: the criminal activity and the facts behind it."))
    validate_review_date(person.review_due)


def validate_review_date(review_due: date | None) -> None:
    today = timezone.localdate()
    if review_due is None:
        raise RuleError(_("An intelligence record needs a review date."))
    if review_due <= today:
        raise RuleError(_("The review date must be in the future."))
    if review_due > latest_review_date(today):
        raise RuleError(_("The review date can be at most five years from today."))


def latest_review_date(today: date) -> date:
    try:
        return today.replace(year=today.year + MAX_REVIEW_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + MAX_REVIEW_YEARS, day=28)


def save_person(person: Person, *, by: User, expected_version: int | None = None,
                request: HttpRequest | None = None) -> Person:
    validate_intelligence(person)
    with transaction.atomic():
        creating = person.pk is None
        if creating:
            person.created_by = by
            person.recorded_by_agency = by.agency
            if not person.pseudonym:
                person.pseudonym = _next_pseudonym(person.case, person.role)
            elif person.case.people.filter(pseudonym=person.pseudonym).exists():
                raise RuleError(_("Another person on this case already has that pseudonym."))
            person.save()
        else:
            save_versioned(person, expected_version)
        refresh_keys(person)
        label = Person.Role(person.role).label
        if creating:
            note(person.case, _("%(role)s %(pseudonym)s added.") % {"role": label, "pseudonym": person.pseudonym}, by)
        else:
            note(person.case, _("%(pseudonym)s updated.") % {"pseudonym": person.pseudonym}, by)
        record_event(EventTag.CASE_PERSON_CREATED if creating else EventTag.CASE_PERSON_UPDATED,
                     request=request, actor=by, obj=person,
                     detail={"case": person.case.number, "pseudonym": person.pseudonym, "role": person.role,
                             "intelligence_only": person.intelligence_only})
    return person


def revalidate(person: Person, *, by: User, reason: str, next_due: date,
               request: HttpRequest | None = None) -> IntelligenceReview:
    if not person.intelligence_only:
        raise RuleError(_("This person is not an intelligence subject."))
    if len(reason.strip()) < 10:
        raise RuleError(_("Give the reason for keeping the record."))
    validate_review_date(next_due)
    with transaction.atomic():
        person.review_due = next_due
        save_versioned(person, person.version)
        review = IntelligenceReview.objects.create(
            case=person.case, person=person, pseudonym=person.pseudonym, reason=reason.strip(),
            outcome=IntelligenceReview.Outcome.REVALIDATED, next_review_due=next_due, reviewer=by)
        note(person.case, _("Intelligence record %(pseudonym)s re-validated until %(date)s.") % {
            "pseudonym": person.pseudonym, "date": next_due.isoformat()}, by)
        record_event(EventTag.CASE_INTEL_REVALIDATED, request=request, actor=by, obj=person,
                     detail={"pseudonym": person.pseudonym, "next_review": next_due.isoformat()})
    return review


def purge(person: Person, *, by: User | None, reason: str, request: HttpRequest | None = None) -> IntelligenceReview:
    """Delete the intelligence record (identity, keys); keep who purged it and why."""
    if not person.intelligence_only:
        raise RuleError(_("Only intelligence records are purged this way."))
    with transaction.atomic():
        case, pseudonym, pk = person.case, person.pseudonym, person.pk
        review = IntelligenceReview.objects.create(
            case=case, person=None, pseudonym=pseudonym, reason=reason.strip(),
            outcome=IntelligenceReview.Outcome.PURGED, reviewer=by)
        person.delete()
        note(case, _("Intelligence record %(pseudonym)s purged.") % {"pseudonym": pseudonym}, by)
        record_event(EventTag.CASE_INTEL_PURGED, request=request, actor=by,
                     actor_label="" if by else "review-date", obj=case,
                     detail={"pseudonym": pseudonym, "person": pk, "automatic": by is None})
    return review


def purge_overdue(today: date | None = None) -> int:
    """28 CFR 23.20(h): records past their review date without re-validation are purged."""
    due = Person.objects.filter(intelligence_only=True, review_due__lt=today or timezone.localdate())
    count = 0
    for person in due.select_related("case"):
        purge(person, by=None, reason="review date passed without re-validation")
        count += 1
    return count


# --- entities ----------------------------------------------------------------------------


def save_entity(entity: Entity, *, by: User, expected_version: int | None = None,
                request: HttpRequest | None = None) -> Entity:
    with transaction.atomic():
        creating = entity.pk is None
        if creating:
            entity.created_by = by
            entity.save()
        else:
            save_versioned(entity, expected_version)
        refresh_keys(entity)
        search.index_entity(entity)
        label = Entity.Kind(entity.kind).label
        note(entity.case, (_("%(kind)s added: %(name)s.") if creating else _("%(kind)s updated: %(name)s.")) % {
            "kind": label, "name": entity.name}, by)
        record_event(EventTag.CASE_ENTITY_CREATED if creating else EventTag.CASE_ENTITY_UPDATED,
                     request=request, actor=by, obj=entity, detail={"case": entity.case.number, "kind": entity.kind})
    return entity


# --- evidence ----------------------------------------------------------------------------


def save_evidence(evidence: Evidence, *, by: User, expected_version: int | None = None,
                  request: HttpRequest | None = None) -> Evidence:
    with transaction.atomic():
        creating = evidence.pk is None
        if creating:
            evidence.created_by = by
            numbers = set(evidence.case.evidence.values_list("number", flat=True))
            count = len(numbers) + 1
            while f"E-{count}" in numbers:
                count += 1
            evidence.number = f"E-{count}"
            evidence.save()
        else:
            save_versioned(evidence, expected_version)
        search.index_evidence(evidence)
        note(evidence.case, (_("Evidence %(number)s recorded: %(kind)s.") if creating
                             else _("Evidence %(number)s updated.")) % {
            "number": evidence.number, "kind": Evidence.Kind(evidence.kind).label}, by)
        record_event(EventTag.CASE_EVIDENCE_CREATED if creating else EventTag.CASE_EVIDENCE_UPDATED,
                     request=request, actor=by, obj=evidence,
                     detail={"case": evidence.case.number, "number": evidence.number, "kind": evidence.kind})
    return evidence


def upload_dir() -> Path:
    """The local evidence folder (the default storage backend's location)."""
    folder = Path(settings.MEDIA_ROOT) / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def add_file(evidence: Evidence, *, data: bytes, name: str, content_type: str, by: User,
             request: HttpRequest | None = None) -> EvidenceFile:
    """Store an already validated upload, encrypted, under a random name."""
    from laborlens.core import storage

    stored_name = uuid.uuid4().hex
    storage.save_new(stored_name, encrypt_bytes(data))
    try:
        with transaction.atomic():
            attachment = EvidenceFile.objects.create(
                evidence=evidence, stored_name=stored_name, original_name=name, content_type=content_type,
                size=len(data), sha256=hashlib.sha256(data).hexdigest(), uploaded_by=by)
            note(evidence.case, _("File attached to evidence %(number)s.") % {"number": evidence.number}, by)
            record_event(EventTag.CASE_FILE_UPLOADED, request=request, actor=by, obj=attachment,
                         detail={"evidence": evidence.number, "type": content_type, "size": len(data)})
    except BaseException:
        storage.delete(stored_name)
        raise
    return attachment


def read_file(attachment: EvidenceFile) -> bytes:
    from laborlens.core import storage

    return decrypt_bytes(storage.read(attachment.stored_name))


def add_custody(evidence: Evidence, *, by: User, data: dict[str, Any],
                request: HttpRequest | None = None) -> CustodyEvent:
    with transaction.atomic():
        event = CustodyEvent.objects.create(evidence=evidence, recorded_by=by, **data)
        note(evidence.case, _("Chain of custody for %(number)s: %(action)s.") % {
            "number": evidence.number, "action": CustodyEvent.Action(event.action).label}, by)
        record_event(EventTag.CASE_CUSTODY_RECORDED, request=request, actor=by, obj=evidence,
                     detail={"number": evidence.number, "action": event.action})
    return event


def link_element(evidence: Evidence, *, element: str, note_text: str, by: User,
                 request: HttpRequest | None = None) -> ElementLink:
    if elements.component(element) is None:
        raise RuleError(_("Choose an element from the list."))
    if evidence.element_links.filter(element=element).exists():
        raise RuleError(_("This item is already linked to that element."))
    with transaction.atomic():
        link = ElementLink.objects.create(evidence=evidence, element=element, note=note_text, created_by=by)
        note(evidence.case, _("Evidence %(number)s linked to the element %(element)s.") % {
            "number": evidence.number, "element": element}, by)
        record_event(EventTag.CASE_ELEMENT_LINKED, request=request, actor=by, obj=evidence,
                     detail={"number": evidence.number, "element": element})
    return link


def unlink_element(link: ElementLink, *, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        evidence = link.evidence
        detail = {"number": evidence.number, "element": link.element}
        link.delete()
        note(evidence.case, _("Evidence %(number)s unlinked from the element %(element)s.") % detail, by)
        record_event(EventTag.CASE_ELEMENT_UNLINKED, request=request, actor=by, obj=evidence, detail=detail)


# --- operations, reports, tasks ----------------------------------------------------------


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


def acknowledge(notice: Any, *, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        notice.acknowledged_by = by
        notice.acknowledged_at = timezone.now()
        notice.save(update_fields=["acknowledged_by", "acknowledged_at"])
        record_event(EventTag.CASE_DECONFLICTION_ACKNOWLEDGED, request=request, actor=by, obj=notice)


def review_window() -> timedelta:
    return timedelta(days=30)


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

"""Business rules for victim services. Every change is saved inside a transaction with its
audit event; audit details carry pseudonyms and codes, never names or contact details."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.cases import services as case_services
from laborlens.cases.models import Person
from laborlens.core.errors import ConflictError, RuleError
from laborlens.core.versioning import save_versioned
from laborlens.victims import signals
from laborlens.victims.consent import consented_categories
from laborlens.victims.models import (
    Category,
    Consent,
    NeedItem,
    Partner,
    Referral,
    Relief,
    VictimRecord,
)

if TYPE_CHECKING:
    from laborlens.accounts.models import User
    from laborlens.cases.models import Case

__all__ = ["ConflictError", "RuleError"]

FOLLOW_UP_DAYS = 3
TRANSITIONS: dict[str, tuple[set[str], str]] = {
    # action: (from states, to state)
    "receive": ({Referral.Status.SENT}, Referral.Status.RECEIVED),
    "accept": ({Referral.Status.SENT, Referral.Status.RECEIVED}, Referral.Status.ACCEPTED),
    "decline": ({Referral.Status.SENT, Referral.Status.RECEIVED}, Referral.Status.DECLINED),
    "start": ({Referral.Status.ACCEPTED}, Referral.Status.IN_PROGRESS),
    "complete": ({Referral.Status.ACCEPTED, Referral.Status.IN_PROGRESS}, Referral.Status.COMPLETED),
}


# --- reads: one function per read; the page and the API call it (issue 18.4) ----------


def read_record(user: User, record: VictimRecord, categories: Any, request: HttpRequest | None = None, *,
                via: str = "web", part: str | None = None) -> None:
    """The record (or one ``part`` of it, e.g. its needs) shown with the given categories."""
    extra = {"part": part} if part else {}
    record_read(EventTag.VICTIM_RECORD_VIEWED, request, record, by=user, via=via, **extra,
                pseudonym=record.pseudonym, categories=sorted(categories))


def list_records(user: User, request: HttpRequest | None = None, *, page: int, count: int, via: str = "web") -> None:
    record_read(EventTag.VICTIM_RECORD_LISTED, request, by=user, via=via, page=page, count=count)


def view_queue(user: User, request: HttpRequest | None = None, *, via: str = "web") -> None:
    record_read(EventTag.VICTIM_QUEUE_VIEWED, request, by=user, via=via)


def read_referral(user: User, referral: Referral, request: HttpRequest | None = None, *, via: str = "web") -> None:
    record_read(EventTag.VICTIM_REFERRAL_VIEWED, request, referral, by=user, via=via,
                pseudonym=referral.victim.pseudonym, shared_categories=referral.shared_categories)


def search_directory(user: User, request: HttpRequest | None = None, *, count: int, via: str = "web") -> None:
    record_read(EventTag.VICTIM_DIRECTORY_SEARCHED, request, by=user, via=via, count=count)


def open_record(*, case: Case, by: User, person: Person | None = None, person_data: dict[str, Any] | None = None,
                data: dict[str, Any] | None = None, request: HttpRequest | None = None) -> VictimRecord:
    """Open a victim record for an existing victim on the case, or for a new one that the
    serving agency records itself (and so owns from the start)."""
    with transaction.atomic():
        if person is None:
            person = case_services.save_person(Person(case=case, role=Person.Role.VICTIM, **(person_data or {})),
                                               by=by, request=request)
        elif person.role != Person.Role.VICTIM or person.case_id != case.pk:
            raise RuleError(_("Choose a potential victim on this case."))
        if VictimRecord.objects.filter(person=person).exists():
            raise RuleError(_("This person already has a victim record."))
        record = VictimRecord(person=person, serving_agency=by.agency, created_by=by, **(data or {}))
        record.save()
        record_event(EventTag.VICTIM_RECORD_CREATED, request=request, actor=by, obj=record,
                     detail={"pseudonym": person.pseudonym, "case": case.number})
    return record


def save_record(record: VictimRecord, *, by: User, expected_version: int | None,
                request: HttpRequest | None = None) -> VictimRecord:
    with transaction.atomic():
        save_versioned(record, expected_version)
        record_event(EventTag.VICTIM_RECORD_UPDATED, request=request, actor=by, obj=record,
                     detail={"pseudonym": record.pseudonym, "status": record.status,
                             "do_not_contact": record.do_not_contact})
    return record


def save_need(record: VictimRecord, *, by: User, need: str, urgency: str, status: str, note: str = "",
              expected_version: int | None = None, request: HttpRequest | None = None) -> NeedItem:
    """One row per need, updated over time: the person is not asked the same thing twice."""
    with transaction.atomic():
        item = NeedItem.objects.filter(victim=record, need=need).first()
        creating = item is None
        if item is None:
            item = NeedItem(victim=record, need=need, updated_by=by)
        item.urgency, item.status, item.updated_by, item.updated_at = urgency, status, by, timezone.now()
        if note:
            item.note = note
        if creating:
            item.save()
        else:
            save_versioned(item, item.version if expected_version is None else expected_version)
        record_event(EventTag.VICTIM_NEED_RECORDED, request=request, actor=by, obj=item,
                     detail={"pseudonym": record.pseudonym, "need": need, "urgency": urgency, "status": status})
    return item


def validate_consent_dates(given_on: date, expires_on: date) -> None:
    today = timezone.localdate()
    if given_on > today:
        raise RuleError(_("Consent cannot be dated in the future."))
    if expires_on < today:
        raise RuleError(_("The expiry date has already passed."))
    if expires_on > given_on + timedelta(days=Consent.MAX_DAYS):
        raise RuleError(_("Consent can last at most %(days)s days; choose an earlier expiry date.")
                        % {"days": Consent.MAX_DAYS})


def record_consent(record: VictimRecord, *, by: User, recipient_agency: Any, categories: list[str], purpose: str,
                   given_on: date, expires_on: date, signature: str, attested: bool, explained_in: str,
                   interpreter: str = "", method: str = Consent.Method.SIGNED,
                   request: HttpRequest | None = None) -> Consent:
    if not attested:
        raise RuleError(_("Confirm that the consent was explained and freely given."))
    if len(signature.strip()) < 2:
        raise RuleError(_("The person must sign by typing their name."))
    if not categories or not set(categories) <= set(Category.values):
        raise RuleError(_("Choose at least one category of data."))
    if recipient_agency.pk == record.serving_agency_id:
        raise RuleError(_("Consent is for sharing with another agency."))
    validate_consent_dates(given_on, expires_on)
    with transaction.atomic():
        consent = Consent.objects.create(
            victim=record, recipient_agency=recipient_agency, categories=sorted(set(categories)), purpose=purpose,
            given_on=given_on, expires_on=expires_on, signature=signature.strip(), explained_in=explained_in,
            interpreter=interpreter, method=method, recorded_by=by)
        record_event(EventTag.VICTIM_CONSENT_GIVEN, request=request, actor=by, obj=consent,
                     detail={"pseudonym": record.pseudonym, "recipient_agency": recipient_agency.pk,
                             "categories": consent.categories, "expires_on": expires_on.isoformat()})
    return consent


def revoke_consent(consent: Consent, *, by: User, request: HttpRequest | None = None) -> Consent:
    if consent.revoked_at is not None:
        raise RuleError(_("This consent was already revoked."))
    with transaction.atomic():
        consent.revoked_at = timezone.now()
        consent.revoked_by = by
        consent.save()
        record_event(EventTag.VICTIM_CONSENT_REVOKED, request=request, actor=by, obj=consent,
                     detail={"pseudonym": consent.victim.pseudonym, "recipient_agency": consent.recipient_agency_id})
    return consent


def shared_snapshot(record: VictimRecord, categories: frozenset[str]) -> dict[str, Any]:
    """Only the consented categories, as they are at the moment of referral."""
    person = record.person
    data: dict[str, Any] = {}
    if Category.IDENTITY in categories:
        data["identity"] = {"full_name": person.full_name, "date_of_birth": person.date_of_birth,
                            "id_documents": person.id_documents}
    if Category.CONTACT in categories:
        data["contact"] = {"phone": record.contact_phone, "safe_contact": record.safe_contact}
    if Category.NEEDS in categories:
        data["needs"] = [{"need": item.need, "urgency": item.urgency, "status": item.status}
                         for item in record.needs.all()]
    if Category.NARRATIVE in categories:
        data["narrative"] = record.narrative
    if Category.IMMIGRATION in categories:
        data["immigration"] = record.immigration_status
    return data


def referral_renderer(user: User, referral: Referral) -> Any:
    """The referral's free text (note, reason) as this reader may see it: everyone on the
    victim's case whose identity they may not see becomes a pseudonym; the receiving
    agency sees the victim's identity when the consent shared it with the referral."""
    from laborlens.cases.identity.text import renderer_for_case

    person = referral.victim.person
    receiver = referral.partner.agency_id is not None and referral.partner.agency_id == user.agency_id
    shared = [person.pk] if receiver and "identity" in (referral.shared_categories or []) else []
    return renderer_for_case(user, person.case, shared=shared)


def send_referral(record: VictimRecord, *, by: User, partner: Partner, need: str, note: str = "",
                  follow_up_on: date | None = None, request: HttpRequest | None = None) -> Referral:
    """Never conditional on consent: without one, the referral carries the pseudonym, the
    need and the note only."""
    categories = consented_categories(record, partner.agency_id) if partner.agency_id else frozenset()
    today = timezone.localdate()
    with transaction.atomic():
        referral = Referral.objects.create(
            victim=record, partner=partner, need=need, note=note, shared_categories=sorted(categories),
            shared=shared_snapshot(record, categories), sent_by=by,
            follow_up_on=follow_up_on or today + timedelta(days=FOLLOW_UP_DAYS),
            days_to_referral=max((today - record.identified_on).days, 0))
        item = NeedItem.objects.filter(victim=record, need=need).first()
        if item is not None and item.status == NeedItem.Status.IDENTIFIED:
            item.status = NeedItem.Status.REFERRED
            item.save()
        record_event(EventTag.VICTIM_REFERRAL_SENT, request=request, actor=by, obj=referral,
                     detail={"pseudonym": record.pseudonym, "partner": partner.pk, "need": need,
                             "shared_categories": referral.shared_categories,
                             "days_to_referral": referral.days_to_referral})
        signals.referral_sent.send(sender=Referral, referral=referral, by=by)
    return referral


def move_referral(referral: Referral, action: str, *, by: User, reason: str = "",
                  expected_version: int | None = None, request: HttpRequest | None = None) -> Referral:
    if action not in TRANSITIONS:
        raise RuleError(_("Unknown action."))
    sources, target = TRANSITIONS[action]
    if referral.status not in sources:
        raise RuleError(_("This referral is %(status)s; that step is not possible now.")
                        % {"status": referral.get_status_display()})
    if action == "decline" and len(reason.strip()) < 3:
        raise RuleError(_("Say why the referral is declined, so the sender can find another place."))
    now = timezone.now()
    with transaction.atomic():
        referral.status = target
        if action == "receive":
            referral.received_at = now
        elif action in {"accept", "decline"}:
            referral.received_at = referral.received_at or now
            referral.decided_at = now
            referral.decline_reason = reason.strip()[:300]
        elif action == "complete":
            referral.completed_at = now
        save_versioned(referral, referral.version if expected_version is None else expected_version)
        record_event(EventTag.VICTIM_REFERRAL_UPDATED, request=request, actor=by, obj=referral,
                     detail={"action": action, "status": target, "pseudonym": referral.victim.pseudonym})
        if action in {"accept", "decline"}:
            signals.referral_answered.send(sender=Referral, referral=referral, by=by)
    return referral


def save_relief(relief: Relief, *, by: User, expected_version: int | None = None,
                request: HttpRequest | None = None) -> Relief:
    if relief.expires_on and relief.decided_on and relief.expires_on < relief.decided_on:
        raise RuleError(_("The expiry date cannot be before the decision."))
    with transaction.atomic():
        creating = relief.pk is None
        if creating:
            relief.created_by = by
            relief.save()
        else:
            save_versioned(relief, expected_version)
        record_event(EventTag.VICTIM_RELIEF_CREATED if creating else EventTag.VICTIM_RELIEF_UPDATED,
                     request=request, actor=by, obj=relief,
                     detail={"kind": relief.kind, "status": relief.status, "pseudonym": relief.victim.pseudonym})
    return relief


def due_reminders(today: date | None = None, horizon_days: int = 14) -> dict[str, list[Any]]:
    """Open referrals whose follow-up date has come, and relief deadlines, expiries and
    renewals within ``horizon_days``."""
    today = today or timezone.localdate()
    referrals = list(Referral.objects.select_related("victim__person", "partner")
                     .exclude(status__in=[Referral.Status.DECLINED, Referral.Status.COMPLETED])
                     .filter(follow_up_on__lte=today))
    until = today + timedelta(days=horizon_days)
    relief = [item for item in Relief.objects.select_related("victim__person")
              .exclude(status__in=[Relief.Status.DENIED, Relief.Status.EXPIRED])
              if item.next_date is not None and item.next_date <= until
              or (item.expires_on is not None and item.expires_on <= until)]
    return {"referrals": referrals, "relief": relief}


def send_reminders(today: date | None = None) -> int:
    """Mark each due follow-up as reminded (once a day) and leave an audit event; the queue
    shows them to the organisations concerned."""
    today = today or timezone.localdate()
    sent = 0
    for referral in due_reminders(today)["referrals"]:
        if referral.reminded_on == today:
            continue
        with transaction.atomic():
            referral.reminded_on = today
            referral.save()
            record_event(EventTag.VICTIM_REMINDER_SENT, actor_label="victims-reminders", obj=referral,
                         detail={"kind": "referral_follow_up", "status": referral.status})
        sent += 1
    return sent

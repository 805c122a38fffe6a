"""People and entities on a case: pseudonyms, match keys and deconfliction, and the rules
of intelligence records (28 CFR Part 23: justification, review dates, re-validation, purge)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases import deconfliction, search
from laborlens.cases.models import Case, Entity, IntelligenceReview, MatchKey, Person
from laborlens.cases.services.common import note
from laborlens.core.errors import RuleError
from laborlens.core.versioning import save_versioned
from laborlens.matching import keys

if TYPE_CHECKING:
    from laborlens.accounts.models import User


MAX_REVIEW_YEARS = 5


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


def review_window() -> timedelta:
    return timedelta(days=30)


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


def acknowledge(notice: Any, *, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        notice.acknowledged_by = by
        notice.acknowledged_at = timezone.now()
        notice.save(update_fields=["acknowledged_by", "acknowledged_at"])
        record_event(EventTag.CASE_DECONFLICTION_ACKNOWLEDGED, request=request, actor=by, obj=notice)

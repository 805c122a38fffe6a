"""Consent: the only way a victim's data crosses from the serving agency to another.

Every answer is read from the database on every call (no caching), so a revocation or an
expiry takes effect on the very next request. ``cases.visibility`` asks
``consented_categories`` for identity; the victims views ask ``record_categories``.

Time limit: a consent lasts at most ``Consent.MAX_DAYS`` (365) days. 34 U.S.C.
12291(b)(2)(B)(ii) and 28 CFR 94.115 require releases to be "reasonably time-limited"
without fixing a number; one year matches the usual length of a Continued Presence grant
and of most victim-services case plans, and forces a fresh, informed conversation at
least once a year. A shorter period can always be chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils import timezone

from laborlens.victims.models import ALL_CATEGORIES, Category, Consent, VictimRecord

if TYPE_CHECKING:
    from laborlens.accounts.models import User
    from laborlens.cases.models import Person


def record_for(person: Person) -> VictimRecord | None:
    return VictimRecord.objects.filter(person_id=person.pk).select_related("serving_agency").first()


def serves(user: User, record: VictimRecord | None) -> bool:
    """The user belongs to the serving agency and may use victim records."""
    return record is not None and user.agency_id == record.serving_agency_id and user.can("victims.view")


def valid_consents(record: VictimRecord, agency_id: int | None) -> list[Consent]:
    if agency_id is None:
        return []
    today = timezone.localdate()
    return list(Consent.objects.filter(victim=record, recipient_agency_id=agency_id, revoked_at__isnull=True,
                                       given_on__lte=today, expires_on__gte=today))


def consented_categories(record: VictimRecord | None, agency_id: int | None) -> frozenset[str]:
    if record is None:
        return frozenset()
    found: set[str] = set()
    for consent in valid_consents(record, agency_id):
        found.update(consent.categories)
    if record.do_not_contact:
        found.discard(Category.CONTACT)
    return frozenset(found & ALL_CATEGORIES)


Known = dict[int, tuple[VictimRecord, frozenset[str]]]


def known_for(people: Iterable[Person], agency_id: int | None) -> Known:
    """Victim records of these people and what valid consents give ``agency_id``: two
    queries for a whole page, read fresh for each request (never cached across requests)."""
    victim_ids = [person.pk for person in people if person.role == "victim"]
    if not victim_ids:
        return {}
    records = {record.person_id: record for record in
               VictimRecord.objects.filter(person_id__in=victim_ids).select_related("serving_agency")}
    if not records:
        return {}
    today = timezone.localdate()
    granted: dict[int, set[str]] = {}
    if agency_id is not None:
        for victim_id, categories in Consent.objects.filter(
                victim_id__in=[record.pk for record in records.values()], recipient_agency_id=agency_id,
                revoked_at__isnull=True, given_on__lte=today, expires_on__gte=today).values_list("victim_id", "categories"):
            granted.setdefault(victim_id, set()).update(categories)
    known: Known = {}
    for person_id, record in records.items():
        categories = set(granted.get(record.pk, ())) & ALL_CATEGORIES
        if record.do_not_contact:
            categories.discard(Category.CONTACT)
        known[person_id] = (record, frozenset(categories))
    return known


def record_categories(user: User, record: VictimRecord) -> frozenset[str]:
    """Which categories of the victim record this user sees (the pseudonym and service
    status are always shown to whoever may see the record at all)."""
    from laborlens.cases.visibility import can_see_identity

    if not user.is_authenticated or not user.is_active or user.is_locked:
        return frozenset()
    if serves(user, record):
        return ALL_CATEGORIES
    categories = set(consented_categories(record, user.agency_id))
    if can_see_identity(user, record.person):
        categories.add(Category.IDENTITY)
    else:
        categories.discard(Category.IDENTITY)
    return frozenset(categories)

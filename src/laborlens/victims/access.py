"""What a victim record and its consents let a viewer see.

The rule over a person's identity is ``laborlens.cases.identity.access`` (one module); the
victim records and consents it needs live here, in the app that owns them, and are handed to
it when this app loads (``VictimsConfig.ready``), so the dependency runs one way: victims
imports cases, never the reverse.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from laborlens.cases.identity.access import IDENTITY, Known, active_user, can_see_identity, serves
from laborlens.cases.models import Person
from laborlens.core import prepared
from laborlens.victims.consent import consented_categories, granted
from laborlens.victims.models import ALL_CATEGORIES, Category, VictimRecord

if TYPE_CHECKING:
    from laborlens.accounts.models import User


def record_for(person: Person) -> VictimRecord | None:
    return VictimRecord.objects.filter(person_id=person.pk).select_related("serving_agency").first()


# A page of one case has a few victims: the query for up to this many is compiled once.
PREPARED_UP_TO = 8


def _records_query(count: int) -> Any:
    """Victim records of the people in slots 0..count-1 (none: filter them yourself), with
    only what the identity rule reads of a record."""
    records = VictimRecord.objects.only("person_id", "serving_agency_id", "do_not_contact")
    if count:
        records = records.filter(person_id__in=[prepared.slot(number) for number in range(count)])
    return records


def known_for(people: Iterable[Person], agency_id: int | None) -> Known:
    """Victim records of these people and what valid consents give ``agency_id``: two
    queries for a whole page, read fresh for each request (never cached across requests)."""
    victim_ids = [person.pk for person in people if person.role == "victim"]
    if not victim_ids:
        return {}
    # Only what the identity rule reads of a record (``serves``, ``do_not_contact``): its
    # encrypted fields and the serving agency's row were most of this query's cost.
    if len(victim_ids) <= PREPARED_UP_TO:
        found = prepared.fixed(f"victims.known_for.{len(victim_ids)}", partial(_records_query, len(victim_ids)),
                               slots=len(victim_ids)).objects(*victim_ids)
    else:
        found = list(_records_query(0).filter(person_id__in=victim_ids))
    records = {record.person_id: record for record in found}
    if not records:
        return {}
    given = granted([record.pk for record in records.values()], agency_id)
    known: Known = {}
    for person_id, record in records.items():
        categories = set(given.get(record.pk, frozenset()))
        if record.do_not_contact:
            categories.discard(Category.CONTACT)
        known[person_id] = (record, frozenset(categories))
    return known


def record_categories(user: User, record: VictimRecord) -> frozenset[str]:
    """Which categories of the victim record this user sees (the pseudonym and service
    status are always shown to whoever may see the record at all)."""
    if not active_user(user):
        return frozenset()
    if serves(user, record):
        return ALL_CATEGORIES
    categories = set(consented_categories(record, user.agency_id))
    if can_see_identity(user, record.person):
        categories.add(IDENTITY)
    else:
        categories.discard(IDENTITY)
    return frozenset(categories)

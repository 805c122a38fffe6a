"""THE valid-consent rule, written once.

A consent counts, on a given day, when it has not been revoked, was given on or before
that day and expires on or after it. Everything that asks "does a consent allow this?"
(identity, record categories, the needs filter, relief, referrals, publishing) uses the
``Q`` or the predicate here, so expiry and revocation take effect on the very next request
everywhere at once. Nothing here is cached.

Time limit: a consent lasts at most ``Consent.MAX_DAYS`` (365) days. 34 U.S.C.
12291(b)(2)(B)(ii) and 28 CFR 94.115 require releases to be "reasonably time-limited"
without fixing a number; one year matches the usual length of a Continued Presence grant
and of most victim-services case plans, and forces a fresh, informed conversation at
least once a year. A shorter period can always be chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

from laborlens.victims.models import ALL_CATEGORIES, Category, Consent

if TYPE_CHECKING:
    from laborlens.victims.models import VictimRecord

VALID, EXPIRED, REVOKED, NOT_YET = "valid", "expired", "revoked", "not_yet"


def valid_q(today: date | None = None) -> Q:
    """The rows of ``Consent`` that count today."""
    today = today or timezone.localdate()
    return Q(revoked_at__isnull=True, given_on__lte=today, expires_on__gte=today)


def is_valid(consent: Consent, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return consent.revoked_at is None and consent.given_on <= today <= consent.expires_on


def state(consent: Consent, today: date | None = None) -> str:
    """valid, expired, revoked or not_yet (given in the future)."""
    today = today or timezone.localdate()
    if consent.revoked_at is not None:
        return REVOKED
    if consent.expires_on < today:
        return EXPIRED
    if consent.given_on > today:
        return NOT_YET
    return VALID


def valid_consents(record: VictimRecord, agency_id: int | None) -> list[Consent]:
    if agency_id is None:
        return []
    return list(Consent.objects.filter(valid_q(), victim=record, recipient_agency_id=agency_id))


def granted(victim_ids: Iterable[int], agency_id: int | None) -> dict[int, frozenset[str]]:
    """Per victim record: the categories valid consents give ``agency_id`` (one query)."""
    found: dict[int, set[str]] = {}
    if agency_id is None:
        return {}
    for victim_id, categories in Consent.objects.filter(
            valid_q(), victim_id__in=list(victim_ids), recipient_agency_id=agency_id).values_list("victim_id",
                                                                                                 "categories"):
        found.setdefault(victim_id, set()).update(categories)
    return {victim_id: frozenset(categories & ALL_CATEGORIES) for victim_id, categories in found.items()}


def victims_consenting(agency_id: int | None, category: str) -> list[int]:
    """Victim record ids with a valid consent naming ``agency_id`` and ``category``."""
    if agency_id is None:
        return []
    return sorted({victim_id for victim_id, categories in Consent.objects.filter(
        valid_q(), recipient_agency_id=agency_id).values_list("victim_id", "categories") if category in categories})


def consented_categories(record: VictimRecord | None, agency_id: int | None) -> frozenset[str]:
    if record is None:
        return frozenset()
    found = set(granted([record.pk], agency_id).get(record.pk, frozenset()))
    if record.do_not_contact:
        found.discard(Category.CONTACT)
    return frozenset(found)

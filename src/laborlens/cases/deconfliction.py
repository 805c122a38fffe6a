"""Deconfliction: tell two agencies that their cases may overlap, and nothing more.

When a person, phone, business, address, document, plate or account on one agency's case
has the same blind-index key as one on another agency's case, each case's leads get a
notice naming the other agency and a contact person. The notice never shows the other
case, its people or the matched value; both sides only learn that *a phone number* (or a
name in the same city...) matched. Matching compares HMAC digests (``keys.py``), so no
encrypted field is decrypted to find overlaps.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.matching import keys

if TYPE_CHECKING:
    from laborlens.cases.models import Case

KIND_LABELS = {
    keys.PHONE: _("a phone number"),
    keys.EMAIL: _("an e-mail address"),
    keys.ADDRESS: _("an address"),
    keys.DOCUMENT: _("an identity document number"),
    keys.NAME_DOB: _("a person's name and date of birth"),
    keys.NAME_CITY: _("a person's name in the same city"),
    keys.SOUND_CITY: _("a similar-sounding name in the same city (close match)"),
    keys.SOUND_CITY_ES: _("a similar-sounding name in the same city (close match)"),
    keys.BUSINESS: _("a business name in the same city"),
    keys.PLATE: _("a vehicle plate"),
    keys.ACCOUNT: _("a financial account number"),
    keys.LICENCE: _("a licence number"),
}


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def check(case: Case, computed: Iterable[keys.Key]) -> int:
    """Create the missing notices for ``case``'s new keys, on both sides. Returns how many."""
    from laborlens.cases.models import DeconflictionNotice, MatchKey
    from laborlens.cases.services import lead_of, note
    from laborlens.cases.signals import deconfliction_match

    wanted = {key.value: key.kind for key in computed if key.kind in keys.DECONFLICT}
    if not wanted:
        return 0
    matches = (MatchKey.objects.filter(value__in=list(wanted))
               .exclude(case__lead_agency_id=case.lead_agency_id)
               .select_related("case__lead_agency"))
    created = 0
    with transaction.atomic():
        # Sorted so that an English sound match is named before the Spanish one for the same names.
        for match in sorted(matches, key=lambda match: (match.kind, match.pk)):
            if wanted.get(match.value) != match.kind:
                continue
            for mine, other in ((case, match.case), (match.case, case)):
                if match.kind in keys.FUZZY and DeconflictionNotice.objects.filter(
                        case=mine, other_case=other, match_kind__in=keys.FUZZY).exists():
                    continue  # one close-match notice per pair of cases, whichever spelling rule found it
                notice, new = DeconflictionNotice.objects.get_or_create(
                    case=mine, other_case=other, match_kind=match.kind,
                    defaults={"other_agency": other.lead_agency, "contact": lead_of(other),
                              "fuzzy": match.kind in keys.FUZZY})
                if not new:
                    continue
                created += 1
                note(mine, gettext("Deconfliction: a possible overlap with another agency's case was sent to the case leads."))
                record_event(EventTag.CASE_DECONFLICTION_MATCH, actor_label="deconfliction", obj=notice,
                             detail={"case": mine.number, "other_agency": other.lead_agency.short_name,
                                     "kind": match.kind, "fuzzy": notice.fuzzy})
                deconfliction_match.send(sender=DeconflictionNotice, notice=notice)
    return created

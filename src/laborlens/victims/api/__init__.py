"""Victim services endpoints, one module per resource: victim records (``records``), needs,
consents, referrals and the service ``directory``; ``common`` holds what they share. The
routes (``victims/api_urls.py``) name the endpoints from here. The rules are the pages' in
``views.py``:

* every object comes through ``restrict()`` (out of scope = 404), writes go through
  ``services`` (each audited there);
* what a user sees of a record is decided by ``victims.access.record_categories`` and identity by
  ``cases.identity.access`` (both read consent fresh on every call);
* every read of a record, its needs or consents, the referral queue, a referral or the
  directory leaves the audit event the matching page leaves, with ``"via": "api"``;
* services never depend on consent: a referral without consent carries the pseudonym,
  the need and the note only.
"""

from laborlens.victims.api.consents import ConsentRevoke, VictimConsents
from laborlens.victims.api.directory import Directory
from laborlens.victims.api.needs import NeedDetail, VictimNeeds
from laborlens.victims.api.records import VictimDetail, VictimList
from laborlens.victims.api.referrals import (
    ReferralAction,
    ReferralDetail,
    ReferralList,
    VictimReferrals,
)

__all__ = [
    "ConsentRevoke", "Directory", "NeedDetail", "ReferralAction", "ReferralDetail", "ReferralList",
    "VictimConsents", "VictimDetail", "VictimList", "VictimNeeds", "VictimReferrals",
]

"""Kept for old imports. The valid-consent rule lives in ``laborlens.identity.consent``
and who sees which categories in ``laborlens.identity.access``.

Time limit: a consent lasts at most ``Consent.MAX_DAYS`` (365) days. 34 U.S.C.
12291(b)(2)(B)(ii) and 28 CFR 94.115 require releases to be "reasonably time-limited"
without fixing a number; one year matches the usual length of a Continued Presence grant
and of most victim-services case plans, and forces a fresh, informed conversation at
least once a year. A shorter period can always be chosen.
"""

from laborlens.identity.access import Known, known_for, record_categories, record_for, serves  # noqa: F401
from laborlens.identity.consent import consented_categories, valid_consents  # noqa: F401

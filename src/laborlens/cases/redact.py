"""Identities removed: text for export or sharing with another agency.

Kept for its callers; the work is done by ``laborlens.cases.identity.text`` (tolerant of case,
accents, spacing and phone formats). Every person of the case is replaced by their
pseudonym, and anything that still looks like a phone number or an e-mail address is
removed too.
"""

from __future__ import annotations

from collections.abc import Iterable

from laborlens.cases.identity.text import EMAIL, PHONE, REMOVED
from laborlens.cases.identity.text import redact as redact_people
from laborlens.cases.models import Case, Person

__all__ = ["EMAIL", "PHONE", "REMOVED", "redact"]


def redact(text: str, case: Case, people: Iterable[Person] | None = None) -> str:
    return redact_people(text or "", case.people.all() if people is None else people, strict=True)

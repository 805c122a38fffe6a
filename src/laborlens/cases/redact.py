"""Identities removed: text for export or sharing with another agency.

Known identifiers of the case's people (names, aliases, name parts, phones, e-mails,
document numbers, addresses) are replaced by the person's pseudonym or "[removed]";
anything that still looks like a phone number or an e-mail address is removed too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from laborlens.cases.models import Case, Person

REMOVED = "[removed]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<!\w)\+?\d[\d ().-]{6,}\d(?!\w)")


def _replacements(people: Iterable[Person]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for person in people:
        for name in [person.full_name, *person.aliases]:
            if name.strip():
                pairs.append((name.strip(), person.pseudonym))
                pairs.extend((part, person.pseudonym) for part in re.findall(r"\w{3,}", name))
        for value in [*person.phones, *person.emails, *person.id_documents, person.address, person.date_of_birth]:
            if value and value.strip():
                pairs.append((value.strip(), REMOVED))
    # Longest first, so a full name is replaced before its parts.
    return sorted(set(pairs), key=lambda pair: -len(pair[0]))


def redact(text: str, case: Case, people: Iterable[Person] | None = None) -> str:
    result = text or ""
    for needle, replacement in _replacements(case.people.all() if people is None else people):
        result = re.sub(rf"(?<!\w){re.escape(needle)}(?!\w)", replacement, result, flags=re.IGNORECASE)
    result = EMAIL.sub(REMOVED, result)
    return PHONE.sub(REMOVED, result)

"""Kept for old imports: the rule lives in ``laborlens.identity.access`` (one module,
imported by ``cases`` and ``victims``; it imports neither of their rule modules)."""

from laborlens.identity.access import (  # noqa: F401
    CONTACT,
    IDENTITY,
    PERSON_CATEGORIES,
    VICTIM_SERVICES,
    ShownPerson,
    can_see_identity,
    findable_by_identity,
    member_case_ids,
    shown,
    visible_categories,
)

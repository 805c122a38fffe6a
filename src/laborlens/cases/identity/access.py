"""Who may see whose identity: ONE module decides it (field-level rule).

A victim's identifying fields are shown to members of the case team whose agency
recorded the person, and to victim-services members of the team while no victim record
exists; everyone else who may see the case sees the pseudonym. Suspects and witnesses are
shown to whoever may see the case.

Once a victim record exists, the agency that serves the victim sees the identity, and the
identity crosses to any other agency only through a valid consent (``identity.consent``)
naming that agency and the category, read on every call, so expiry and revocation take
effect on the next request. A do-not-contact flag hides contact details from everyone
outside the serving agency. Needs, narrative and immigration status live on the victim
record and are gated by ``victims.access.record_categories``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured

from laborlens.cases.models import CaseMember, Person

if TYPE_CHECKING:
    from laborlens.accounts.models import User
    from laborlens.victims.models import VictimRecord

VICTIM_SERVICES = "victim_services"
IDENTITY = "identity"
CONTACT = "contact"
PERSON_CATEGORIES = frozenset({IDENTITY, CONTACT})

# Per person id: their victim record and the categories valid consents give the viewer's agency.
Known = dict[int, tuple["VictimRecord", frozenset[str]]]
KnownReader = Callable[[Iterable[Person], "int | None"], Known]

# Victim records and consents belong to the victims app, which stands above this one: it hands
# over how to read them when it loads (``VictimsConfig.ready`` calls ``read_victim_records_with``).
# Until it has, asking who may see a victim fails loudly rather than showing anyone.
_victim_records: KnownReader | None = None


def read_victim_records_with(reader: KnownReader) -> None:
    global _victim_records
    _victim_records = reader


def active_user(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and not user.is_locked)


def member_case_ids(user: User, cases: Iterable[int] | None = None) -> frozenset[int]:
    """The cases the user is on right now (one query; pass it along for a whole page).
    With ``cases``, only those of them: a supervisor may be on hundreds of thousands of
    cases, and a page of people needs only its own (BENCHMARKS.md "Scale")."""
    memberships = CaseMember.objects.filter(user_id=user.pk).order_by()
    if cases is not None:
        memberships = memberships.filter(case_id__in=set(cases))
    return frozenset(memberships.values_list("case_id", flat=True))


def serves(user: User, record: VictimRecord | None) -> bool:
    """The user belongs to the serving agency and may use victim records."""
    return record is not None and user.agency_id == record.serving_agency_id and user.can("victims.view")


def known_for(people: Iterable[Person], agency_id: int | None) -> Known:
    """Victim records of these people and what valid consents give ``agency_id`` (read by
    the victims app: two queries for a whole page, fresh for each request)."""
    if _victim_records is None:
        raise ImproperlyConfigured("laborlens.victims must be installed: it tells who may see a victim's identity")
    return _victim_records(people, agency_id)


def visible_categories(user: User, person: Person, *, member_of: Iterable[int] | None = None,
                       known: Known | None = None) -> frozenset[str]:
    """Which of a person's own fields the user sees: identity, contact (phones, e-mail,
    address). ``known`` (from ``known_for``) batches the look-ups for a page of people."""
    if not active_user(user):
        return frozenset()
    if person.role != Person.Role.VICTIM:
        return PERSON_CATEGORIES
    if known is None:
        known = known_for([person], user.agency_id)
    record, consented = known.get(person.pk, (None, frozenset()))
    if serves(user, record):
        return PERSON_CATEGORIES
    on_team = person.case_id in (member_case_ids(user, [person.case_id]) if member_of is None else member_of)
    if not on_team:
        return frozenset()
    seen: set[str] = set()
    if user.agency_id == person.recorded_by_agency_id:
        seen |= PERSON_CATEGORIES
    elif record is None and user.agency.agency_type == VICTIM_SERVICES:
        seen |= PERSON_CATEGORIES
    seen |= consented & PERSON_CATEGORIES
    if record is not None and record.do_not_contact:
        seen.discard(CONTACT)
    return frozenset(seen)


def can_see_identity(user: User, person: Person, *, member_of: Iterable[int] | None = None,
                     known: Known | None = None) -> bool:
    if not active_user(user):
        return False
    if person.role != Person.Role.VICTIM:
        return True
    return IDENTITY in visible_categories(user, person, member_of=member_of, known=known)


def findable_by_identity(user: User, person: Person, *, member_of: Iterable[int] | None = None,
                         known: Known | None = None) -> bool:
    """May a search on a name, phone or document number return this person? Not for a
    served victim whose identity the user may not see: the match itself would tell them."""
    if person.role != Person.Role.VICTIM:
        return True
    if known is None:
        known = known_for([person], user.agency_id)
    if person.pk not in known:
        return True
    return can_see_identity(user, person, member_of=member_of, known=known)


@dataclass(frozen=True)
class ShownPerson:
    """A person as one user may see them: the template never touches hidden fields."""

    person: Person
    identity: bool

    @property
    def label(self) -> str:
        if self.identity and self.person.full_name:
            return f"{self.person.full_name} ({self.person.pseudonym})"
        return self.person.pseudonym


def shown(user: User, people: Iterable[Person], member_of: Iterable[int] | None = None) -> list[ShownPerson]:
    people = list(people)
    ids = member_case_ids(user, {person.case_id for person in people}) if member_of is None else frozenset(member_of)
    known = known_for(people, user.agency_id)
    return [ShownPerson(person, can_see_identity(user, person, member_of=ids, known=known)) for person in people]


def hidden_people(user: User, people: Iterable[Person], member_of: Iterable[int] | None = None) -> list[Person]:
    """The people among these whose identity the user may not see (batched)."""
    return [item.person for item in shown(user, people, member_of) if not item.identity]

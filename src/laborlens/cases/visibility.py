"""Field-level rule: whose identity a user may see. ONE function decides it.

Today: a victim's identifying fields are shown only to members of the case team whose
agency recorded the person, and to victim-services members of the team; everyone else
who may see the case sees the pseudonym. Suspects and witnesses are shown to whoever may
see the case. The Victim services issue plugs consent in here (and nowhere else).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from laborlens.cases.models import CaseMember, Person

if TYPE_CHECKING:
    from laborlens.accounts.models import User

VICTIM_SERVICES = "victim_services"


def member_case_ids(user: User) -> frozenset[int]:
    """The cases the user is on right now (one query; pass it along for a whole page)."""
    return frozenset(CaseMember.objects.filter(user_id=user.pk).values_list("case_id", flat=True))


def can_see_identity(user: User, person: Person, *, member_of: Iterable[int] | None = None) -> bool:
    if not user.is_authenticated or not user.is_active or user.is_locked:
        return False
    if person.role != Person.Role.VICTIM:
        return True
    on_team = person.case_id in (member_case_ids(user) if member_of is None else member_of)
    if not on_team:
        return False
    if user.agency_id == person.recorded_by_agency_id:
        return True
    return user.agency.agency_type == VICTIM_SERVICES


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
    ids = member_case_ids(user) if member_of is None else frozenset(member_of)
    return [ShownPerson(person, can_see_identity(user, person, member_of=ids)) for person in people]

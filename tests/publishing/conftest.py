"""Releases world on top of the named users (tests/conftest.py).

Agency A (Riverton PD) allows statistical use and has an analyst of its own (analyst_a);
its supervisor approves. Safe Harbor (victim services) has an analyst and a supervisor and
serves victim records with and without consent to statistical use. Agency B has a
supervisor (supervisor_b) who must see none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count
from pathlib import Path

import pytest
from django.utils import timezone

from laborlens.accounts.models import Agency, User
from laborlens.cases.models import Case, Person
from laborlens.victims.models import Consent, VictimRecord
from tests.conftest import World, make_user

CTDC_FILE = str(Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ctdc_labour_subset.csv")
_numbers = count(1)


@dataclass
class PubWorld:
    w: World
    analyst_a: User
    analyst_vsp: User
    supervisor_vsp: User
    supervisor_b: User


@pytest.fixture
def pw(world, settings) -> PubWorld:
    settings.RELEASE_CTDC_FILE = CTDC_FILE
    return build_pub_world(world)


def build_pub_world(world: World) -> PubWorld:
    world.agency_a.allow_statistical_use = True
    world.agency_a.save()
    return PubWorld(
        w=world,
        analyst_a=make_user("analyst_a", world.agency_a, "analyst"),
        analyst_vsp=make_user("analyst_vsp", world.vsp, "analyst"),
        supervisor_vsp=make_user("supervisor_vsp", world.vsp, "supervisor"),
        supervisor_b=make_user("supervisor_b", world.agency_b, "supervisor"),
    )


def make_case(agency: Agency, by: User, *, industry: str = "agriculture", opened: date | None = None) -> Case:
    number = next(_numbers)
    case = Case(number=f"T-{number}", title=f"Case {number}", lead_agency=agency, industry=industry,
                exploitation="labor", created_by=by, opened_on=opened or date(2025, 3, 1))
    case.save()
    return case


def make_victim(case: Case, by: User, *, minor: bool = False) -> Person:
    person = Person(case=case, role=Person.Role.VICTIM, pseudonym=f"V-{next(_numbers)}", is_minor=minor,
                    recorded_by_agency=by.agency, created_by=by)
    person.save()
    return person


def serve(person: Person, agency: Agency, by: User, consent: str | None) -> VictimRecord:
    """A victim record served by ``agency`` with a consent to statistics that is
    "valid", "revoked", "expired", "other" (valid, without the statistics category) or None."""
    record = VictimRecord(person=person, serving_agency=agency, created_by=by, identified_on=date(2025, 4, 1))
    record.save()
    if consent is None:
        return record
    today = timezone.localdate()
    given = today - timedelta(days=400 if consent == "expired" else 10)
    categories = ["needs"] if consent == "other" else ["statistics", "needs"]
    item = Consent(victim=record, recipient_agency=agency, categories=categories, purpose="Statistics",
                   given_on=given, expires_on=given + timedelta(days=365), signature="X", recorded_by=by)
    if consent == "revoked":
        item.revoked_at, item.revoked_by = timezone.now(), by
    item.save()
    return record

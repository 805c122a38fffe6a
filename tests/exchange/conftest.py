from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from laborlens.cases import services as case_services
from laborlens.cases.models import Person


def open_case(by, **data):
    values = {"title": "Farm case", "jurisdiction": "Riverton", "industry": "farming_agriculture",
              "visa_programmes": ["h2a"], "exploitation": "labor", "co_occurring_crimes": [], "summary": "Secret summary"}
    values.update(data)
    return case_services.create_case(by=by, data=values)


def add_person(case, by, role, **data):
    return case_services.save_person(Person(case=case, role=role, **data), by=by)


@pytest.fixture
def cases(world):
    """Agency A: a labour case with two victims (one a minor) and two suspects (one an
    intelligence-only subject) and an arrest; a closed sex-trafficking case without people.
    The sheriff: a case A's supervisor is on, which A must not export."""
    world.agency_a.ori = "TX0000100"
    world.agency_a.save()
    farm = open_case(world.supervisor, stage="investigation", incident_date=date(2026, 3, 2), incident_hour=14)
    victim = add_person(farm, world.supervisor, "victim", full_name="Ana Secreta", date_of_birth="1990-05-01",
                        languages=["es", "mam"], phones=["+1 555 0100"], sex="F", race="U", ethnicity="H")
    add_person(farm, world.supervisor, "victim", full_name="Nino Secreto", languages=["mam"], is_minor=True)
    suspect = add_person(farm, world.supervisor, "suspect", full_name="Boss Secreto", languages=["en"],
                         age_low=40, age_high=50, sex="M", race="W", ethnicity="N")
    add_person(farm, world.supervisor, "suspect", full_name="Maybe Secreto", intelligence_only=True,
               justification="Seen recruiting workers at the same labour camp twice this year.",
               review_due=timezone.localdate() + timedelta(days=100))
    case_services.add_charge(farm, by=world.supervisor, data={
        "defendant": suspect, "statute": "usc18_1589a", "arrested_on": date(2026, 6, 1)})
    closed = open_case(world.investigator, title="Club", industry="", exploitation="sex", stage="closed",
                       closed_on=timezone.localdate())
    from tests.conftest import make_user

    other_super = make_user("sheriff_supervisor", world.sheriff, "supervisor")
    theirs = open_case(other_super, title="Eastport case")
    case_services.add_member(theirs, world.supervisor, "observer", by=other_super,
                            reason="Joint operation with Riverton")
    add_person(theirs, other_super, "victim", full_name="Other Secret", languages=["pt"])
    return {"farm": farm, "closed": closed, "theirs": theirs, "victim": victim, "other_super": other_super}

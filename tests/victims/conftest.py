"""Victim services world, on top of the cases world (tests/cases/conftest.py):

* the advocate (Safe Harbor) opens a victim record for a worker they record themselves
  ("Lucía", served and owned by Safe Harbor: RPD never recorded her identity);
* shelter_user works at Casa Esperanza, a shelter on LaborLens but not on the case;
* the directory lists the shelter and a clinic without LaborLens users.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from laborlens.accounts.models import Agency, User
from laborlens.victims import services
from laborlens.victims.models import Consent, Partner, VictimRecord
from tests.cases.conftest import CaseWorld, build_case_world
from tests.conftest import make_user

SERVED_NAME = "Lucinda Xochiquetzal"
SERVED_PHONE = "+12025550199"
NARRATIVE = "Recruited in Oaxaca; the crew boss keeps every passport in a safe."
IMMIGRATION = "B-2 overstay since March"


@dataclass
class VictimWorld:
    cw: CaseWorld
    shelter: Agency
    shelter_user: User
    casa: Partner
    clinic: Partner
    record: VictimRecord


@pytest.fixture
def vw(world) -> VictimWorld:
    cw = build_case_world(world)
    shelter = Agency.objects.create(name="Casa Esperanza Shelter", short_name="CASA", agency_type="victim_services",
                                    jurisdiction="Harlan County")
    shelter_user = make_user("shelter", shelter, "victim_advocate")
    casa = Partner.objects.create(name="Casa Esperanza Shelter", agency=shelter, services=["housing", "food"],
                                  languages=["en", "es"], service_area="Harlan County", hotline="+1 202 555 0190",
                                  capacity=3, listed_by=world.vsp)
    clinic = Partner.objects.create(name="Riverton Community Clinic", services=["medical"], languages=["en", "ht"],
                                    service_area="City of Riverton", listed_by=world.vsp)
    record = services.open_record(case=cw.case, by=world.advocate, person_data={
        "full_name": SERVED_NAME, "phones": [SERVED_PHONE], "city": "Riverton"}, data={
        "contact_phone": SERVED_PHONE, "safe_contact": "Text after 7 pm", "narrative": NARRATIVE,
        "immigration_status": IMMIGRATION, "identified_on": timezone.localdate() - timedelta(days=4)})
    return VictimWorld(cw, shelter, shelter_user, casa, clinic, record)


def give_consent(vw: VictimWorld, agency: Agency, categories: list[str], days: int = 90) -> Consent:
    today = timezone.localdate()
    return services.record_consent(vw.record, by=vw.cw.w.advocate, recipient_agency=agency, categories=categories,
                                   purpose="Coordination", given_on=today, expires_on=today + timedelta(days=days),
                                   signature=SERVED_NAME, attested=True, explained_in="es")

"""Objects the victim-services rows of the authorization matrix need, on top of the
matrix case (``make_case``: led by A's investigator, A's officer on the team):

* ``victim``: a record served by Safe Harbor (the advocate's agency) for a victim on the
  case, with a need ("food") and a consent naming agency A for "needs" only;
* ``consent``: that consent; ``need``: that need;
* ``referral``: an incoming referral for the advocate: Casa Esperanza (another provider,
  none of the eight users) refers its own client to Safe Harbor's directory entry;
* ``partner``: a clinic without LaborLens users, for new referrals.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from laborlens.accounts.models import Agency
from laborlens.victims import services
from laborlens.victims.models import Partner
from tests.conftest import make_user

VICTIM_NAME = "Marisol Quetzalcoatl-Ybarra"
VICTIM_PHONE = "+12025550143"


def victim_objects(world: Any, case: Any) -> dict[str, Any]:
    today = timezone.localdate()
    record = services.open_record(case=case, by=world.advocate, person_data={
        "full_name": VICTIM_NAME, "phones": [VICTIM_PHONE]}, data={
        "contact_phone": VICTIM_PHONE, "narrative": "The crew boss kept our passports.",
        "identified_on": today - timedelta(days=2)})
    need = services.save_need(record, by=world.advocate, need="food", urgency="now", status="identified")
    consent = services.record_consent(record, by=world.advocate, recipient_agency=world.agency_a,
                                      categories=["needs"], purpose="Coordination", given_on=today,
                                      expires_on=today + timedelta(days=90), signature=VICTIM_NAME, attested=True,
                                      explained_in="es")
    harbor = Partner.objects.create(name="Safe Harbor", agency=world.vsp, services=["housing", "counselling"],
                                    languages=["en", "es"], service_area="Harlan County", listed_by=world.vsp)
    clinic = Partner.objects.create(name="Riverton Community Clinic", services=["medical"], languages=["en", "ht"],
                                    service_area="City of Riverton", listed_by=world.vsp)
    shelter = Agency.objects.create(name="Casa Esperanza Shelter", short_name="CASA", agency_type="victim_services",
                                    jurisdiction="Harlan County")
    shelter_user = make_user("shelter", shelter, "victim_advocate")
    theirs = services.open_record(case=case, by=shelter_user, person_data={"full_name": "Other Client"})
    referral = services.send_referral(theirs, by=shelter_user, partner=harbor, need="counselling")
    return {"victim": record.pk, "need": need.pk, "consent": consent.pk, "referral": referral.pk,
            "partner": clinic.pk, "agency_b": world.agency_b.pk, "referral_version": referral.version,
            "need_version": need.version}


def victim_bodies() -> dict[str, Any]:
    """Request bodies for the matrix rows; callables receive ``victim_objects``' ids."""
    today = timezone.localdate()
    return {
        "/api/v1/victims/{victim}/needs/": lambda ids: {"need": "housing", "urgency": "now"},
        "/api/v1/needs/{need}/": lambda ids: {"status": "met", "version": ids["need_version"]},
        "/api/v1/victims/{victim}/consents/": lambda ids: {
            "recipient_agency": ids["agency_b"], "categories": ["needs"], "purpose": "Shelter placement",
            "given_on": today.isoformat(), "expires_on": (today + timedelta(days=30)).isoformat(),
            "signature": VICTIM_NAME, "attested": True},
        "/api/v1/victims/{victim}/referrals/": lambda ids: {"partner": ids["partner"], "need": "medical"},
        "/api/v1/referrals/{referral}/actions/": lambda ids: {"action": "accept", "version": ids["referral_version"]},
    }


def build_victim_world(world: Any) -> Any:
    """The world of tests/victims/conftest.py (``vw``), built without its fixture."""
    from tests.cases.conftest import build_case_world
    from tests.victims.conftest import (
        IMMIGRATION,
        NARRATIVE,
        SERVED_NAME,
        SERVED_PHONE,
        VictimWorld,
    )

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

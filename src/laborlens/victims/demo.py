"""Demo victim services (fictional): a shelter that uses LaborLens, a directory, victim
records on the RPD farm-crew case with needs, consents (valid, expired, revoked),
referrals in every state and a Continued Presence request.

Listed in ``laborlens.demo.DEMO_STEPS``; idempotent (skips a victim that already has
a record)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from laborlens.accounts.models import Agency
from laborlens.cases.models import Case, Person
from laborlens.victims import services
from laborlens.victims.models import Consent, Partner, Relief, VictimRecord

if TYPE_CHECKING:
    from laborlens.accounts.models import User

PARTNERS = [
    {"name": "Casa Esperanza Shelter", "agency": "CASA", "services": ["housing", "food", "clothing", "safety", "child_care"],
     "languages": ["en", "es", "mam"], "service_area": "Harlan County, Riverton", "hours": "24/7 intake",
     "eligibility": "Adults and families; any immigration status", "hotline": "+1 202 555 0190",
     "phone": "+1 202 555 0191", "capacity": 4},
    {"name": "Safe Harbor Victim Services", "agency": "SAFEHARBOR",
     "services": ["advocacy", "counselling", "coordination", "interpreter", "safety", "immigration", "transport"],
     "languages": ["en", "es", "qu", "vi"], "service_area": "Harlan County", "hours": "Mon–Fri 8–18; on call",
     "eligibility": "Victims of trafficking and violent crime", "hotline": "+1 202 555 0120", "capacity": None},
    {"name": "Harlan Legal Aid (immigration unit)", "agency": None, "services": ["legal", "immigration"],
     "languages": ["en", "es"], "service_area": "Harlan County and the state", "hours": "Mon–Thu 9–17",
     "eligibility": "Low income; T and U visa applicants", "hotline": "", "phone": "+1 202 555 0133", "capacity": 6},
    {"name": "Riverton Community Clinic", "agency": None, "services": ["medical", "mental_health", "counselling"],
     "languages": ["en", "es", "ht"], "service_area": "City of Riverton", "hours": "Daily 7–21",
     "eligibility": "Everyone; sliding fee, no papers asked", "hotline": "", "phone": "+1 202 555 0150",
     "capacity": None},
]


def load_demo_partners() -> dict[str, Partner]:
    partners = {}
    listed_by = Agency.objects.get(short_name="SAFEHARBOR")
    for spec in PARTNERS:
        agency = Agency.objects.filter(short_name=spec["agency"]).first() if spec["agency"] else None
        data = {**spec, "agency": agency, "listed_by": listed_by, "capacity_updated_at": timezone.now()}
        partner, _ = Partner.objects.get_or_create(name=spec["name"], defaults=data)
        partners[partner.name] = partner
    return partners


def load_demo_victims(users: dict[str, User]) -> None:
    partners = load_demo_partners()
    case = Case.objects.filter(title="Green Acres farm crew").first()
    if case is None:
        return
    advocate, investigator, shelter = users["advocate"], users["investigator"], users["shelter"]
    today = timezone.localdate()
    v1 = case.people.filter(role=Person.Role.VICTIM, pseudonym="V-1").first()
    v2 = case.people.filter(role=Person.Role.VICTIM, pseudonym="V-2").first()
    if v1 is None or v2 is None or VictimRecord.objects.filter(person=v1).exists():
        return
    casa, safe, legal, clinic = (partners[name] for name in [spec["name"] for spec in PARTNERS])
    rpd, hcso = users["investigator"].agency, users["coordinator"].agency

    one = services.open_record(case=case, by=advocate, person=v1, data={
        "preferred_language": "qu", "identified_on": today - timedelta(days=9), "contact_phone": "+12025550187",
        "safe_contact": "Text in Spanish after 19:00; never call during work hours.",
        "narrative": "Recruited in Cusco with a promise of orchard work; the crew boss took his passport on arrival.",
        "immigration_status": "H-2A visa, employer-tied; status at risk if he leaves the job.",
        "family_threatened": True, "family_abroad": True,
        "threat_details": "Crew boss said his mother in Cusco would pay the debt."})
    two = services.open_record(case=case, by=advocate, person=v2, data={
        "preferred_language": "es", "identified_on": today - timedelta(days=9), "do_not_contact": True,
        "safe_contact": "Only through Safe Harbor."})
    three = services.open_record(case=case, by=advocate, person_data={
        "full_name": "Lucía Ccori Apaza", "languages": ["qu", "es"], "city": "Riverton"}, data={
        "preferred_language": "qu", "identified_on": today - timedelta(days=2), "status": VictimRecord.Status.WAITING})
    for record, need, urgency, status in [
            (one, "housing", "now", "identified"), (one, "medical", "soon", "identified"),
            (one, "legal", "soon", "identified"), (one, "immigration", "soon", "identified"),
            (one, "interpreter", "now", "met"), (two, "housing", "now", "identified"),
            (two, "counselling", "later", "identified"), (three, "food", "now", "identified"),
            (three, "clothing", "soon", "identified"), (three, "medical", "soon", "identified")]:
        services.save_need(record, by=advocate, need=need, urgency=urgency, status=status)

    signature = {"signature": "Mateo Quispe Huamán", "attested": True, "explained_in": "es",
                 "interpreter": "Quechua interpreter, Safe Harbor list"}
    services.record_consent(one, by=advocate, recipient_agency=rpd, categories=["identity", "needs"],
                            purpose="So the investigators know what help he receives",
                            given_on=today - timedelta(days=8), expires_on=today + timedelta(days=180), **signature)
    services.record_consent(one, by=advocate, recipient_agency=casa.agency, categories=["identity", "contact", "needs"],
                            purpose="Shelter placement", given_on=today - timedelta(days=1),
                            expires_on=today + timedelta(days=90), **signature)
    # An expired consent (given before the demo's "today", so created directly).
    Consent.objects.create(victim=one, recipient_agency=hcso, categories=["identity"], purpose="County interview",
                           given_on=today - timedelta(days=60), expires_on=today - timedelta(days=30),
                           signature="Mateo Quispe Huamán", explained_in="es", recorded_by=advocate)
    revoked = services.record_consent(two, by=advocate, recipient_agency=casa.agency,
                                      categories=["identity", "contact"], purpose="Shelter placement",
                                      given_on=today - timedelta(days=7), expires_on=today + timedelta(days=60),
                                      signature="Rosa Elena Mamani", attested=True, explained_in="es")
    services.revoke_consent(revoked, by=advocate)

    housing = services.send_referral(one, by=advocate, partner=casa, need="housing", note="Single adult man; needs a bed tonight.")
    services.move_referral(housing, "accept", by=shelter)
    services.move_referral(housing, "start", by=shelter)
    services.send_referral(one, by=advocate, partner=legal, need="legal", note="T visa screening")
    medical = services.send_referral(one, by=advocate, partner=clinic, need="medical", follow_up_on=today)
    del medical
    received = services.send_referral(two, by=advocate, partner=casa, need="housing", note="Woman, 30s; Spanish.")
    services.move_referral(received, "receive", by=shelter)
    declined = services.send_referral(three, by=advocate, partner=casa, need="clothing")
    services.move_referral(declined, "decline", by=shelter, reason="No clothing bank this month; try the clinic.")
    accepted = services.send_referral(three, by=advocate, partner=casa, need="food")
    services.move_referral(accepted, "accept", by=shelter)
    done = services.send_referral(one, by=advocate, partner=safe, need="interpreter") if safe.agency_id != advocate.agency_id else None
    if done is not None:
        services.move_referral(done, "accept", by=advocate)
        services.move_referral(done, "complete", by=advocate)
    completed = services.send_referral(two, by=advocate, partner=casa, need="counselling")
    services.move_referral(completed, "accept", by=shelter)
    services.move_referral(completed, "complete", by=shelter)

    services.save_relief(Relief(victim=one, kind=Relief.Kind.CONTINUED_PRESENCE, status=Relief.Status.SUBMITTED,
                                requesting_officer=investigator.get_full_name(), federal_partner="HSI Riverton (SA Kim)",
                                requested_on=today - timedelta(days=3), deadline=today + timedelta(days=10)),
                         by=investigator)
    services.save_relief(Relief(victim=one, kind=Relief.Kind.T_DECLARATION, status=Relief.Status.DRAFT,
                                requesting_officer="Chief of Police, RPD", deadline=today + timedelta(days=21)),
                         by=investigator)


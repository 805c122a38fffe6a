"""Demo cases (fictional): an RPD farm-crew case and an HCSO motel case that share a
phone number, so both leads get a deconfliction notice; and an EPD case the task force
never sees. Registered on ``laborlens.demo.DEMO_STEPS``; idempotent (keyed by title)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from laborlens.cases import services
from laborlens.cases.models import (
    AfterActionReport,
    Case,
    CaseMember,
    Entity,
    Evidence,
    OperationPlan,
    Person,
)

if TYPE_CHECKING:
    from laborlens.accounts.models import User

SHARED_PHONE = "+12025550143"  # the recruiter's phone, on both agencies' cases


def _case(users: dict[str, User], lead: str, title: str, **data: object) -> Case | None:
    if Case.objects.filter(title=title, lead_agency=users[lead].agency).exists():
        return None
    return services.create_case(by=users[lead], data={"title": title, **data})


def _person(case: Case, by: User, **data: object) -> Person:
    return services.save_person(Person(case=case, **data), by=by)


def load_demo_cases(users: dict[str, User]) -> None:
    investigator, supervisor = users["investigator"], users["supervisor"]
    today = timezone.localdate()
    rpd = _case(users, "investigator", "Green Acres farm crew",
                stage="investigation", jurisdiction="City of Riverton", industry="farming_agriculture",
                visa_programmes=["h2a"], exploitation="labor", co_occurring_crimes=["financial", "immigration"],
                # NIBRS incident date and hour (from the workers' statements: passports taken on arrival).
                incident_date=today - timedelta(days=120), incident_hour=6,
                summary="Crew of about twelve H-2A workers housed above the company yard; passports "
                        "held by the crew boss; recruitment debt deducted from pay.")
    if rpd is not None:
        services.add_member(rpd, users["officer"], CaseMember.Role.INVESTIGATOR, by=investigator)
        services.add_member(rpd, users["advocate"], CaseMember.Role.ADVOCATE, by=investigator,
                            reason="Victim advocacy and services for the workers identified")
        services.add_member(rpd, users["prosecutor"], CaseMember.Role.PROSECUTOR, by=investigator,
                            reason="Charging decision under 18 U.S.C. 1589 and 1592")
        mateo = _person(rpd, investigator, role="victim", full_name="Mateo Quispe Huamán", city="Riverton",
                date_of_birth="1994-03-11", languages=["es", "qu"], phones=["+12025550187"],
                id_documents=["Passport PE 4471920"], sex="M", race="U", ethnicity="H")
        rosa = _person(rpd, investigator, role="victim", full_name="Rosa Elena Mamani", city="Riverton",
                languages=["es"], is_minor=False, age_low=25, age_high=30, sex="F", race="U", ethnicity="H")
        lopez = _person(rpd, investigator, role="suspect", full_name="Victor Lopez", aliases=["El Jefe"],
                city="Riverton", phones=[SHARED_PHONE], age_low=45, age_high=55, sex="M", race="U", ethnicity="U")
        _person(rpd, investigator, role="suspect", full_name="Dale Hutchins", city="Riverton",
                intelligence_only=True, review_due=today + timedelta(days=20),
                justification="Owner of the yard where the crew is housed; pays the crew boss in cash "
                              "weekly per two worker statements (E-2); suspected of benefiting (1589(b)).")
        business = Entity(case=rpd, kind="business", name="Green Acres Landscaping LLC",
                          trade_name="Green Acres", city="Riverton", addresses=["410 Mill Road, Riverton"],
                          phones=["+12025550100"], identifiers=["BL-2231-RV"], owners=["Dale Hutchins"])
        services.save_entity(business, by=investigator)
        pay = services.save_evidence(Evidence(case=rpd, kind="pay_records", title="Pay stubs, March to May",
                                              description="Weekly deductions for 'travel debt' and housing; "
                                                          "net pay below minimum wage.",
                                              source="Provided by V-1", collected_on=today - timedelta(days=12)),
                                     by=investigator)
        statements = services.save_evidence(Evidence(case=rpd, kind="interview_notes", title="Worker statements",
                                                      description="V-1 and V-2: passports collected on arrival; told "
                                                                  "police would deport them if they left.",
                                                      collected_on=today - timedelta(days=10)), by=investigator)
        services.link_element(pay, element="purpose.labor_services", note_text="Weekly work, net pay below minimum wage", by=investigator)
        services.link_element(statements, element="means.abuse_of_law_1589a3", note_text="Threats of deportation", by=investigator)
        services.link_element(statements, element="act.harbors", note_text="Housed above the company yard", by=investigator)
        services.add_custody(pay, by=investigator, data={"at": timezone.now() - timedelta(days=12),
                                                          "action": "collected", "handler": "Det. I. Reyes",
                                                          "location": "RPD property room"})
        plan = services.save_plan(OperationPlan(
            case=rpd, title="Yard welfare check and interviews", planned_for=today + timedelta(days=7),
            potential_victims=12, separation="Interview workers at the church hall, away from the crew boss.",
            housing="Safe Harbor emergency rooms (8) and motel vouchers.", services="Medical, food, clothing, legal aid.",
            interpreters="Spanish and Quechua interpreters from Safe Harbor's list; never the employer.",
            movement="Crew bus leaves the yard at 05:30 and returns at 19:00.",
            ownership="Green Acres Landscaping LLC; owner also holds two rental houses on Mill Road.",
            security="Two dogs; no weapons reported.", informants="One former worker (handled by RPD).",
            advocates="Two Safe Harbor advocates on site."), by=investigator)
        services.plan_transition(plan, "submit", by=investigator)
        services.plan_transition(plan, "approve", by=supervisor, note_text="Approved; brief interpreters the day before.")
        services.save_report(AfterActionReport(
            case=rpd, operation=plan, title="Yard welfare check",
            what_happened="Eleven workers interviewed; Mateo Quispe Huamán asked for help and was placed with Safe Harbor.",
            what_worked="Separate interview rooms; interpreters booked in advance.",
            what_did_not="The crew boss arrived early; one worker left before the interview.",
            lessons="Start interviews before the bus returns; have a second interpreter."), by=investigator)
        services.create_task(rpd, by=investigator, title="Subpoena Green Acres bank records",
                             due_on=today + timedelta(days=5), assignee=investigator)
        services.create_task(rpd, by=investigator, title="Request Continued Presence for V-1",
                             due_on=today - timedelta(days=1), assignee=investigator)
        # Outcome records counted by the metrics dashboard (issue 7).
        services.add_interview(rpd, by=investigator, data={
            "person": mateo, "held_on": today - timedelta(days=10), "kind": "forensic", "language": "qu",
            "interpreter_used": True, "advocate_present": True})
        services.add_interview(rpd, by=investigator, data={
            "person": rosa, "held_on": today - timedelta(days=10), "kind": "forensic", "language": "es",
            "interpreter_used": True, "advocate_present": True})
        services.add_interview(rpd, by=investigator, data={
            "person": mateo, "held_on": today - timedelta(days=3), "kind": "follow_up", "language": "es",
            "interpreter_used": False, "advocate_present": True})
        services.add_charge(rpd, by=investigator, data={
            "defendant": lopez, "statute": "usc18_1589a", "arrested_on": today - timedelta(days=8),
            "charged_on": today - timedelta(days=7), "prosecution_filed_on": today - timedelta(days=5)})
        services.add_charge(rpd, by=investigator, data={
            "defendant": lopez, "statute": "usc18_1592", "arrested_on": today - timedelta(days=8),
            "charged_on": today - timedelta(days=7), "prosecution_filed_on": today - timedelta(days=5),
            "disposition": "plea", "disposed_on": today - timedelta(days=2),
            "restitution_ordered": Decimal("18450.00")})

    hcso = _case(users, "coordinator", "Harlan Inn housekeeping staff",
                 stage="discovery", jurisdiction="Harlan County", industry="hotels",
                 visa_programmes=["j1"], exploitation="labor",
                 summary="Tip from a guest: housekeepers live in two motel rooms and never leave.")
    if hcso is not None:
        coordinator = users["coordinator"]
        services.save_entity(Entity(case=hcso, kind="phone", name="Recruiter's phone (from tip)",
                                    city="Harlan", phones=[SHARED_PHONE]), by=coordinator)
        ana = _person(hcso, coordinator, role="victim", full_name="Ana Sofia Marin", city="Harlan", languages=["es"])
        services.add_interview(hcso, by=coordinator, data={
            "person": ana, "held_on": today - timedelta(days=4), "kind": "forensic", "language": "es",
            "interpreter_used": False, "advocate_present": True})

    epd = _case(users, "outsider", "Eastport nail salon", stage="screening",
                jurisdiction="City of Eastport", industry="salon_services", exploitation="labor")
    if epd is not None:
        _person(epd, users["outsider"], role="victim", full_name="Linh Tran", city="Eastport", languages=["vi"])


def register() -> None:
    from laborlens.demo import DEMO_STEPS

    if load_demo_cases not in DEMO_STEPS:
        # First, whatever the import order: the victims, tips and barriers steps build on these
        # cases, and importing this module before laborlens.demo registers them before it.
        DEMO_STEPS.insert(0, load_demo_cases)


register()

"""A case of agency A (Riverton PD) with a victim, a suspect, a business, evidence with a
file, an operation plan, an after-action report and a task, and a story around it:

* investigator: case lead; officer: on the team (can look, role cannot change);
* advocate (Safe Harbor, victim services): on the team, sees victims' identities;
* deputy (sheriff, task-force partner): on the team, sees victims by pseudonym only;
* supervisor: not on the team, sees the case as a supervisor of the lead agency;
* analyst: no case permission at all; outsider and rival (agency B): see nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from laborlens.accounts.models import User
from laborlens.cases import services
from laborlens.cases.models import (
    AfterActionReport,
    Case,
    CaseMember,
    Dissemination,
    ElementLink,
    Entity,
    Evidence,
    EvidenceFile,
    OperationPlan,
    Person,
    Task,
)
from tests.conftest import World, make_user

VICTIM_NAME = "Quintessa Zyxwort"
VICTIM_PHONE = "+12025550187"
VICTIM_DOCUMENT = "Passport GT 9981234"
SUSPECT_NAME = "Barnaby Krawczyk"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


@dataclass
class CaseWorld:
    w: World
    deputy: User
    rival: User
    case: Case
    victim: Person
    suspect: Person
    business: Entity
    evidence: Evidence
    attachment: EvidenceFile
    link: ElementLink
    plan: OperationPlan
    report: AfterActionReport
    task: Task
    shared: Dissemination


def build_case_world(world: World) -> CaseWorld:
    deputy = make_user("deputy", world.sheriff, "investigator")
    rival = make_user("rival", world.agency_b, "supervisor")
    investigator = world.investigator
    case = services.create_case(by=investigator, data={
        "title": "Sunrise orchard crew", "jurisdiction": "Riverton", "industry": "farming_agriculture",
        "visa_programmes": ["h2a"], "exploitation": "labor", "co_occurring_crimes": ["financial"],
        "summary": "Orchard workers housed in a barn; wages withheld."})
    services.add_member(case, world.officer, CaseMember.Role.INVESTIGATOR, by=investigator)
    services.add_member(case, world.advocate, CaseMember.Role.ADVOCATE, by=investigator,
                        reason="Services for the workers identified")
    services.add_member(case, deputy, CaseMember.Role.INVESTIGATOR, by=investigator,
                        reason="County-wide recruiter investigation")
    victim = services.save_person(Person(
        case=case, role="victim", full_name=VICTIM_NAME, city="Riverton", phones=[VICTIM_PHONE],
        date_of_birth="1990-02-03", id_documents=[VICTIM_DOCUMENT], languages=["es"],
        address="12 Orchard Lane"), by=investigator)
    suspect = services.save_person(Person(case=case, role="suspect", full_name=SUSPECT_NAME, city="Riverton"),
                                   by=investigator)
    business = services.save_entity(Entity(case=case, kind="business", name="Sunrise Orchards LLC",
                                           city="Riverton", phones=["+12025550111"]), by=investigator)
    evidence = services.save_evidence(Evidence(case=case, kind="pay_records", title="Pay stubs",
                                               description="Deductions for housing"), by=investigator)
    attachment = services.add_file(evidence, data=PNG, name="stub.png", content_type="image/png", by=investigator)
    link = services.link_element(evidence, element="purpose.labor_services", note_text="", by=investigator)
    plan = services.save_plan(OperationPlan(case=case, title="Barn welfare check", potential_victims=6), by=investigator)
    report = services.save_report(AfterActionReport(
        case=case, title="Barn check", what_happened=f"{VICTIM_NAME} asked for help; call {VICTIM_PHONE}."),
        by=investigator)
    task = services.create_task(case, by=investigator, title="Subpoena bank", due_on=timezone.localdate() + timedelta(days=3),
                                assignee=investigator)
    shared = services.disseminate(case, by=investigator, recipient_agency=world.sheriff, what="report",
                                  reason="Lessons for the county task force", report=report)
    return CaseWorld(world, deputy, rival, case, victim, suspect, business, evidence, attachment, link, plan,
                     report, task, shared)


@pytest.fixture
def cw(world) -> CaseWorld:
    return build_case_world(world)

from __future__ import annotations

import pytest
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.cases import services
from laborlens.cases.models import CaseMember, Entity, Evidence
from laborlens.screening.models import Screening
from laborlens.victims.models import Partner
from tests.conftest import make_user
from tests.permissions import assert_view_permissions

pytestmark = pytest.mark.django_db

BUSINESS = "Sunrise Orchards LLC"


def make_case(world, by, title="Sunrise orchard crew", indicators=(), **data):
    case = services.create_case(by=by, data={"title": title, "jurisdiction": "Riverton", "exploitation": "labor",
                                              **data})
    if indicators:
        Screening.objects.create(agency=by.agency, created_by=by, label="Worker 1", case=case,
                                 present_indicators=list(indicators))
    return case


@pytest.fixture
def bw(world):
    case = make_case(world, world.investigator, visa_programmes=["h2a"], co_occurring_crimes=["financial"],
                     indicators=["cd_debt_bondage", "rf_overcrowded_residence", "cr_confiscation_of_documents"])
    services.add_member(case, world.advocate, CaseMember.Role.ADVOCATE, by=world.investigator,
                        reason="Services for the workers")
    services.save_entity(Entity(case=case, kind="business", name=BUSINESS, city="Riverton"), by=world.investigator)
    services.save_evidence(Evidence(case=case, kind="bank_records", title="Bank statements"), by=world.investigator)
    second = make_case(world, world.investigator, title="Hotel housekeeping", indicators=["cd_withholding_of_wages"])
    rival = make_user("rival", world.agency_b, "supervisor")
    theirs = make_case(world, rival, title="Eastport nursery", indicators=["cd_debt_bondage", "ex_excessive_hours"],
                       visa_programmes=["h2b"])
    Partner.objects.create(name="Casa Esperanza Shelter", services=["housing", "food"], service_area="Harlan County",
                           listed_by=world.vsp)
    Partner.objects.create(name="Harlan Legal Aid", services=["legal", "immigration"], service_area="Harlan County",
                           listed_by=world.vsp)
    return {"case": case, "second": second, "theirs": theirs, "rival": rival}


def test_case_map_permissions_and_audit(world, login, bw):
    url = reverse("barriers:case", args=[bw["case"].pk])
    assert_view_permissions(url, allowed=world.investigator, no_permission=world.analyst, outsider=world.outsider,
                            login=login, audit_tag="barriers:case:view")
    assert login(bw["rival"]).get(url).status_code == 404  # another agency's supervisor
    assert login(world.advocate).get(url).status_code == 200  # on the team as advocate


def test_case_map_places_findings_and_names_partners(world, login, bw):
    page = login(world.investigator).get(reverse("barriers:case", args=[bw["case"].pk])).content.decode()
    section = {bid: page.split(f'data-testid="barrier-{bid}"')[1].split("</section>")[0]
               for bid in ("entry", "housing", "identity", "work", "finances")}
    assert "H-2A" in section["entry"]
    assert "Too many people living in one small residence" in section["housing"]
    assert "Casa Esperanza Shelter" in section["housing"]  # directory partner offering housing
    assert "Documents taken during recruitment or travel" in section["identity"]
    assert "Harlan Legal Aid" in section["identity"]
    assert "A business is recorded on the case" in section["work"]
    assert "Debt bondage" in section["finances"] and "Bank records in evidence" in section["finances"]
    assert "Harlan County Sheriff" in section["entry"]  # task force agency of a listed type
    assert "Eastport Police Department" not in page  # not in the task force
    assert BUSINESS not in page  # facts are kinds, never names
    event = AuditEvent.objects.filter(tag="barriers:case:view").latest("seq")
    assert set(event.detail["barriers"]) == {"entry", "housing", "identity", "work", "finances"}


def test_case_without_findings(world, login):
    case = make_case(world, world.investigator, title="Empty")
    page = login(world.investigator).get(reverse("barriers:case", args=[case.pk])).content.decode()
    assert 'data-testid="nothing"' in page


def test_jurisdiction_counts_only_visible_cases(world, login, bw):
    url = reverse("barriers:jurisdiction")
    assert_view_permissions(url, allowed=world.investigator, no_permission=world.analyst, outsider=None,
                            login=login, audit_tag="barriers:jurisdiction:view")
    page = login(world.investigator).get(url).content.decode()

    def cell(name):
        return page.split(f'data-testid="{name}">')[1].split("<")[0]

    assert cell("cases-finances") == "2"  # both RPD cases; not Eastport's
    assert cell("cases-entry") == "1" and cell("cases-work") == "1" and cell("cases-housing") == "1"
    assert cell("findings-finances") == "4"  # debt bondage, financial crime, bank records; wages withheld
    assert "Sunrise orchard crew" not in page and BUSINESS not in page
    # The outsider (agency B, not on any case) counts nothing from agency A.
    outsider = login(world.outsider).get(url).content.decode()
    assert outsider.split('data-testid="cases-finances">')[1].split("<")[0] == "0"
    # Agency B's supervisor sees only their own case.
    rival = login(bw["rival"]).get(url).content.decode()
    assert rival.split('data-testid="cases-finances">')[1].split("<")[0] == "1"
    assert rival.split('data-testid="cases-entry">')[1].split("<")[0] == "1"


def test_case_page_links_to_the_barrier_map(world, login, bw):
    page = login(world.investigator).get(reverse("cases:detail", args=[bw["case"].pk])).content.decode()
    assert reverse("barriers:case", args=[bw["case"].pk]) in page

"""The case detail reads through statements compiled once (core.prepared): the same answer,
byte for byte, as the ORM's path, for every named user, with the same 404 and audit events."""

from __future__ import annotations

import pytest

from laborlens.audit.models import AuditEvent
from laborlens.cases import api as cases_api
from laborlens.cases import services
from laborlens.cases.identity import text
from laborlens.cases.models import Case, CaseMember, Person
from laborlens.victims import access as victims_access
from laborlens.victims.models import VictimRecord
from tests.api.conftest import bearer
from tests.cases.conftest import SUSPECT_NAME, VICTIM_NAME, VICTIM_PHONE, build_case_world


def readers(world, cw):
    return [world.officer, world.investigator, world.supervisor, world.admin, world.auditor, world.advocate,
            world.analyst, world.outsider, world.outsider_admin, cw.deputy, cw.rival]


def the_orms_path(monkeypatch):
    """What the detail did before: the scoped get, the team and the people through the ORM."""
    monkeypatch.setattr(cases_api.prepared, "scoped", lambda *args, **kwargs: None)
    monkeypatch.setattr(cases_api, "team_of", lambda case: [cases_api.TeamMember(*row) for row in (
        CaseMember.objects.filter(case_id=case.pk).order_by("pk")
        .values_list("user_id", "user__username", "user__agency__short_name", "role"))])

    def people(case):
        return list(Person.objects.filter(case=case).only(*text.RENDERER_COLUMNS))

    real = text.prepared.fixed

    def fixed(name, build, slots=0):
        if name == "cases.renderer_people":
            class Orm:
                @staticmethod
                def objects(pk):
                    return people(Case(pk=pk))
            return Orm
        return real(name, build, slots)

    monkeypatch.setattr(text.prepared, "fixed", fixed)


def answers(world, cw, cases):
    found = {}
    since = max(AuditEvent.objects.values_list("seq", flat=True), default=0)
    for user in readers(world, cw):
        client = bearer(user)[0]
        for pk in [*(case.pk for case in cases), 987654, 10**30]:
            response = client.get(f"/api/v1/cases/{pk}/")
            found[(user.username, pk)] = (response.status_code, response.content)
    events = list(AuditEvent.objects.filter(seq__gt=since, tag__in=["cases:case:view", "core:scope:refused"]).order_by("seq")
                  .values_list("tag", "outcome", "actor_id", "object_id", "detail"))
    return found, events


@pytest.fixture
def cases(world):
    cw = build_case_world(world)
    case = cw.case
    case.title = f"Crew of {VICTIM_NAME}"
    case.summary = f"{VICTIM_NAME} and {SUSPECT_NAME}; call {VICTIM_PHONE}."
    case.save()
    county = services.create_case(by=cw.deputy, data={
        "title": "County laundry", "jurisdiction": "", "industry": "", "visa_programmes": [],
        "exploitation": "labor", "co_occurring_crimes": [], "summary": "Night shifts"})
    services.add_member(county, world.supervisor, CaseMember.Role.OBSERVER, by=cw.deputy, reason="Shared lead")
    return cw, [case, county]


def test_the_prepared_detail_answers_as_the_orms_path(world, cases, monkeypatch):
    cw, some = cases
    fast, fast_events = answers(world, cw, some)
    with monkeypatch.context() as patch:
        the_orms_path(patch)
        slow, slow_events = answers(world, cw, some)
    assert fast == slow
    assert sum(1 for status, _ in fast.values() if status == 200) >= 6
    assert any(VICTIM_NAME.encode() in body for _, body in fast.values())  # seen by some
    assert any(b"Crew of " in body and VICTIM_NAME.encode() not in body for _, body in fast.values())  # hidden from others
    # The same events, in the same order, for the two runs: reads and refused attempts alike.
    assert [event[:2] + event[3:] for event in fast_events] == [event[:2] + event[3:] for event in slow_events]
    assert {tag for tag, *_ in fast_events} == {"cases:case:view", "core:scope:refused"}


def test_a_role_change_takes_effect_on_the_next_detail_read(world, cases):
    cw, (case, county) = cases
    client = bearer(world.supervisor)[0]
    assert client.get(f"/api/v1/cases/{case.pk}/").status_code == 200  # the agency's case
    world.supervisor.role = "investigator"
    world.supervisor.save()
    assert client.get(f"/api/v1/cases/{case.pk}/").status_code == 404  # not on its team
    assert client.get(f"/api/v1/cases/{county.pk}/").status_code == 200  # on this one's
    world.supervisor.is_active = False
    world.supervisor.save()
    assert client.get(f"/api/v1/cases/{county.pk}/").status_code == 401


def test_team_people_and_victim_records_equal_the_orm(world, cases):
    cw, (case, county) = cases
    assert cases_api.team_of(case) == [cases_api.TeamMember(*row) for row in (
        CaseMember.objects.filter(case_id=case.pk).order_by("pk")
        .values_list("user_id", "user__username", "user__agency__short_name", "role"))]
    assert cases_api.team_of(Case(pk=987654)) == []
    fast = text.prepared.fixed("cases.renderer_people", text._people_query, slots=1).objects(case.pk)
    slow = list(Person.objects.filter(case=case).only(*text.RENDERER_COLUMNS))
    assert [[getattr(p, name) for name in ("pk", *text.RENDERER_COLUMNS)] for p in fast] == \
        [[getattr(p, name) for name in ("pk", *text.RENDERER_COLUMNS)] for p in slow]
    assert fast[0].get_deferred_fields() == slow[0].get_deferred_fields()
    # Victim records: up to PREPARED_UP_TO victims through the compiled statement, more through the ORM.
    from laborlens.victims import services as victim_services

    victim_services.open_record(case=case, by=world.advocate, person=cw.victim, data={"do_not_contact": True})
    victims = [cw.victim]
    for number in range(victims_access.PREPARED_UP_TO + 1):
        victims.append(victim_services.open_record(case=case, by=world.advocate,
                                                   person_data={"full_name": f"Person {number}"}).person)
        victims.append(services.save_person(Person(case=case, role="victim", full_name=f"Unserved {number}"),
                                            by=world.investigator))
    for count in (1, 2, 3, victims_access.PREPARED_UP_TO, victims_access.PREPARED_UP_TO + 1, len(victims)):
        chosen = victims[:count]
        fast_known = victims_access.known_for(chosen, world.vsp.pk)
        slow_records = {record.person_id: record for record in VictimRecord.objects.filter(
            person_id__in=[p.pk for p in chosen]).only("person_id", "serving_agency_id", "do_not_contact")}
        assert {pk: (record.pk, record.serving_agency_id, record.do_not_contact) for pk, (record, _) in
                fast_known.items()} == {pk: (r.pk, r.serving_agency_id, r.do_not_contact) for pk, r in slow_records.items()}
        assert slow_records and cw.victim.pk in fast_known and fast_known[cw.victim.pk][0].do_not_contact

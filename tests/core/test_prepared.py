"""Statements compiled once (core.prepared) give what the ORM gives, and a scoped one is
reused only for a user who answers every read of the scope as before."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from laborlens.cases.models import Case, CaseMember, Person
from laborlens.core import prepared
from tests.cases.conftest import VICTIM_NAME, VICTIM_PHONE, build_case_world

ACTIONS = ("view", "export", "change", "manage_team", "add_screening", "supervise", "unknown")


def everyone(world, cw):
    return [world.officer, world.investigator, world.supervisor, world.admin, world.auditor, world.advocate,
            world.analyst, world.outsider, world.outsider_admin, cw.deputy, cw.rival]


def more_cases(world, cw):
    from laborlens.cases import services

    other = services.create_case(by=cw.deputy, data={  # led by the sheriff, with agency A's supervisor on it
        "title": "County laundry", "jurisdiction": "", "industry": "", "visa_programmes": [],
        "exploitation": "labor", "co_occurring_crimes": [], "summary": ""})
    services.add_member(other, world.supervisor, CaseMember.Role.OBSERVER, by=cw.deputy, reason="Shared lead")
    eastport = services.create_case(by=cw.rival, data={
        "title": "Eastport laundry", "jurisdiction": "", "industry": "", "visa_programmes": [],
        "exploitation": "labor", "co_occurring_crimes": [], "summary": ""})
    mine = services.create_case(by=world.supervisor, data={
        "title": "Agency case", "jurisdiction": "", "industry": "", "visa_programmes": [],
        "exploitation": "labor", "co_occurring_crimes": [], "summary": ""})
    return [cw.case, other, mine, eastport]


def by_pk(queryset):
    return queryset.filter(pk=prepared.slot(0)).order_by().values_list("pk", "title", "lead_agency__short_name")


def test_slots_and_converters_give_what_the_orm_gives(world):
    cw = build_case_world(world)
    people = prepared.Prepared(Person.objects.filter(case_id=prepared.slot(0)).only("full_name", "phones", "role"),
                               slots=1)
    fast = people.objects(cw.case.pk)
    slow = list(Person.objects.filter(case_id=cw.case.pk).only("full_name", "phones", "role"))
    assert [(p.pk, p.full_name, p.phones, p.role) for p in fast] == [(p.pk, p.full_name, p.phones, p.role) for p in slow]
    assert VICTIM_NAME in [p.full_name for p in fast] and [VICTIM_PHONE] in [p.phones for p in fast]
    # Encrypted at rest: the statement reads the ciphertext and the field's converter decrypts it.
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name FROM cases_person WHERE id = %s", [cw.victim.pk])
        assert VICTIM_NAME not in str(cursor.fetchone()[0])
    team = prepared.Prepared(CaseMember.objects.filter(case_id=prepared.slot(0)).order_by("pk")
                             .values_list("user_id", "user__username", "role"), slots=1)
    assert team.rows(cw.case.pk) == list(CaseMember.objects.filter(case_id=cw.case.pk).order_by("pk")
                                         .values_list("user_id", "user__username", "role"))
    assert team.rows(-1) == []
    with pytest.raises(TypeError):
        team.rows()
    with pytest.raises(TypeError):
        team.objects(cw.case.pk)
    with pytest.raises(ImproperlyConfigured):
        prepared.Prepared(CaseMember.objects.filter(case_id=1), slots=1)


def test_fixed_is_compiled_once(world):
    cw = build_case_world(world)
    prepared.forget_all()
    first = prepared.fixed("test.people", lambda: Person.objects.filter(case_id=prepared.slot(0)), slots=1)
    assert prepared.fixed("test.people", lambda: Person.objects.filter(case_id=prepared.slot(0)), slots=1) is first
    assert {p.pk for p in first.objects(cw.case.pk)} == {cw.victim.pk, cw.suspect.pk}


def test_a_scoped_statement_finds_what_restrict_finds_for_every_user_and_action(world):
    cw = build_case_world(world)
    cases = more_cases(world, cw)
    prepared.forget_all()
    for _ in range(2):  # built, then reused
        for user in everyone(world, cw):
            for action in ACTIONS:
                statement = prepared.scoped("test.case", Case, user, action, by_pk, slots=1)
                for case in cases:
                    expected = list(Case.objects.restrict(user, action).filter(pk=case.pk).order_by()
                                    .values_list("pk", "title", "lead_agency__short_name"))
                    if statement is None:
                        assert expected == [], (user.username, action)  # a scope of nothing: the usual path
                    else:
                        assert statement.rows(case.pk) == expected, (user.username, action, case.title)


def test_a_changed_user_gets_a_new_statement_at_once(world):
    cw = build_case_world(world)
    more_cases(world, cw)
    agency_case = cw.case  # led by agency A, the supervisor not on its team
    prepared.forget_all()
    supervisor = world.supervisor
    before = prepared.scoped("test.case", Case, supervisor, "view", by_pk, slots=1)
    assert before is not None and before.rows(agency_case.pk)
    assert prepared.scoped("test.case", Case, supervisor, "view", by_pk, slots=1) is before
    supervisor.role = "investigator"  # no longer sees the agency's cases, only their team's
    supervisor.save()
    after = prepared.scoped("test.case", Case, supervisor, "view", by_pk, slots=1)
    assert after is not before and after.rows(agency_case.pk) == []
    supervisor.is_active = False
    assert prepared.scoped("test.case", Case, supervisor, "view", by_pk, slots=1) is None
    supervisor.is_active, supervisor.role = True, "supervisor"
    assert prepared.scoped("test.case", Case, supervisor, "view", by_pk, slots=1) is before


def test_a_scope_that_reads_more_than_plain_values_or_runs_sql_is_not_reused(world):
    cw = build_case_world(world)
    reads = prepared._Reads(world.investigator)
    with pytest.raises(prepared._Uncacheable):
        _ = reads.agency  # a related object: its own row could change
    with pytest.raises(prepared._Uncacheable):
        _ = reads._state

    def runs_sql(queryset):
        return by_pk(queryset.filter(pk__in=list(Case.objects.values_list("pk", flat=True))))

    assert prepared.scoped("test.sql", Case, world.investigator, "view", runs_sql, slots=1) is None
    from django.contrib.auth.models import AnonymousUser

    assert prepared.scoped("test.case", Case, AnonymousUser(), "view", by_pk, slots=1) is None
    assert prepared.scoped("test.case", Case, None, "view", by_pk, slots=1) is None
    with CaptureQueriesContext(connection) as queries:
        statement = prepared.scoped("test.case", Case, world.investigator, "view", by_pk, slots=1)
    assert statement is not None and len(queries) == 0  # building it runs nothing
    assert statement.rows(cw.case.pk)

"""The case list's capped count comes from the shared cache until a case or a team changes
(laborlens.cases.countcache), and is never served stale after such a change."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from laborlens.cases import services
from laborlens.cases.models import CaseMember
from tests.api.conftest import bearer

LIST = "/api/v1/cases/"
CASE = {"title": "Orchard crew", "jurisdiction": "Riverton", "industry": "farming_agriculture",
        "visa_programmes": [], "exploitation": "labor", "co_occurring_crimes": [], "summary": ""}


def counts(client) -> int:
    return client.get(LIST).json()["count"]


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(LIST).status_code == 200
    return sum(1 for query in captured if query["sql"].startswith("SELECT COUNT(*)"))


@pytest.mark.django_db(transaction=True)
def test_a_repeated_list_counts_once(world):
    services.create_case(by=world.investigator, data=CASE)
    client = bearer(world.investigator)[0]
    assert count_queries(client) == 1
    assert count_queries(client) == 0
    assert counts(client) == 1


def test_a_new_case_is_counted_at_once(world):
    client = bearer(world.investigator)[0]
    assert counts(client) == 0
    services.create_case(by=world.investigator, data=CASE)
    assert counts(client) == 1
    services.create_case(by=world.investigator, data={**CASE, "title": "Second crew"})
    assert counts(client) == 2


def test_joining_and_leaving_a_team_changes_the_count_at_once(world):
    case = services.create_case(by=world.investigator, data=CASE)
    officer = bearer(world.officer)[0]
    assert counts(officer) == 0
    member = services.add_member(case, world.officer, CaseMember.Role.INVESTIGATOR, by=world.investigator)
    assert counts(officer) == 1
    services.remove_member(member, by=world.investigator)
    assert counts(officer) == 0


def test_each_scope_and_filter_has_its_own_count(world):
    services.create_case(by=world.investigator, data=CASE)
    assert counts(bearer(world.investigator)[0]) == 1
    assert counts(bearer(world.outsider)[0]) == 0
    client = bearer(world.investigator)[0]
    assert client.get(f"{LIST}?stage=closed").json()["count"] == 0
    assert client.get(f"{LIST}?stage=discovery").json()["count"] == 1
    assert counts(client) == 1


class Undo(Exception):
    pass


def test_a_count_that_saw_uncommitted_cases_is_not_kept(world):
    client = bearer(world.investigator)[0]
    try:
        with transaction.atomic():
            services.create_case(by=world.investigator, data=CASE)
            assert counts(client) == 1  # this transaction sees its own case
            raise Undo
    except Undo:
        pass
    assert counts(client) == 0

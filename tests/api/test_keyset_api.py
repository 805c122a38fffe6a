"""Keyset pages on the API's large lists (issue 16, part 6; laborlens.api.keyset): opt-in
with ``?cursor=``, every visible row exactly once, no ``COUNT``, a bad cursor is a 400, and a
cursor never widens the caller's scope. A garbled cursor is a 400, a well-formed forged one a 422. Runs on SQLite and on PostgreSQL (DATABASE_URL)."""

from __future__ import annotations

import base64
import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from laborlens.api.keyset import encode
from laborlens.cases import services as case_services
from laborlens.screening import services as screening_services
from tests.api.conftest import bearer

LIST = "/api/v1/cases/"
ORDERINGS = ["-opened_on", "opened_on", "number", "-number"]
BAD_EN = "This cursor is not one this list gave out (or the order changed); start again with an empty cursor."
BAD_ES = ("Este cursor no es uno que esta lista haya dado (o el orden cambió); "
          "vuelva a empezar con un cursor vacío.")


def make_cases(world) -> tuple[set[int], set[int]]:
    """Nine cases of agency A (several on one day, so the order leans on the id) and three
    of agency B; returns (A's ids, B's ids)."""
    days = [datetime.date(2026, 3, 1)] * 4 + [datetime.date(2026, 2, d) for d in (3, 9, 9, 20, 27)]
    ours = set()
    for number, day in enumerate(days):
        case = case_services.create_case(by=world.investigator, data={"title": f"Orchard {number}"})
        case.opened_on = day
        case.save()
        ours.add(case.pk)
    theirs = {case_services.create_case(by=world.outsider_admin, data={"title": f"Dock {n}"}).pk for n in range(3)}
    return ours, theirs


def walk(client, url: str, link: str = "next") -> list[dict]:
    """Every row, following ``link`` from ``url`` to the end."""
    rows: list[dict] = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        body = response.json()
        assert set(body) == {"next", "previous", "results", "count_estimate"}
        rows.extend(body["results"] if link == "next" else reversed(body["results"]))
        url = body[link]
    return rows


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_walking_by_cursor_shows_every_visible_case_once_in_the_page_order(world, ordering):
    ours, theirs = make_cases(world)
    client = bearer(world.supervisor)[0]  # a supervisor sees all of agency A's cases
    rows = walk(client, f"{LIST}?cursor=&page_size=2&ordering={ordering}")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) and set(ids) == ours and not set(ids) & theirs
    numbered = client.get(f"{LIST}?page_size=200&ordering={ordering}").json()["results"]
    assert ids == [row["id"] for row in numbered]  # the same order as the numbered pages


def test_walking_back_by_previous_gives_the_same_rows(world):
    ours, _ = make_cases(world)
    client = bearer(world.supervisor)[0]
    forward = walk(client, f"{LIST}?cursor=&page_size=2")
    last = client.get(f"{LIST}?cursor=&page_size=2")
    while last.json()["next"]:
        last = client.get(last.json()["next"])
    tail = last.json()["results"]
    backward = walk(client, last.json()["previous"], link="previous")
    assert [row["id"] for row in list(reversed(tail)) + backward] == [row["id"] for row in reversed(forward)]


def test_a_team_member_walks_only_their_teams(world):
    ours, theirs = make_cases(world)
    rows = walk(bearer(world.outsider_admin)[0], f"{LIST}?cursor=&page_size=1")
    assert {row["id"] for row in rows} <= theirs and not {row["id"] for row in rows} & ours


@pytest.mark.django_db(transaction=True)  # committed, so the capped count off PostgreSQL is cached
def test_keyset_pages_issue_no_count(world):
    make_cases(world)
    client = bearer(world.supervisor)[0]
    first = client.get(f"{LIST}?cursor=&page_size=2").json()  # warms the estimate off PostgreSQL
    with CaptureQueriesContext(connection) as captured:
        walk(client, first["next"])
        walk(client, f"{LIST}?cursor=&page_size=3&ordering=number")
    sql = [query["sql"] for query in captured]
    assert sql and not [text for text in sql if "COUNT(" in text.upper()]


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_keyset_pages_issue_no_count_at_all_on_postgresql(world):
    make_cases(world)
    with CaptureQueriesContext(connection) as captured:
        body = bearer(world.supervisor)[0].get(f"{LIST}?cursor=&page_size=2").json()
    assert isinstance(body["count_estimate"], int) and body["count_estimate"] >= 0
    assert not [q["sql"] for q in captured if "COUNT(" in q["sql"].upper()]
    assert any(q["sql"].startswith("EXPLAIN") for q in captured)


@pytest.mark.skipif("connection.vendor == 'postgresql'")
def test_the_estimate_off_postgresql_is_the_capped_count(world):
    ours, _ = make_cases(world)
    assert bearer(world.supervisor)[0].get(f"{LIST}?cursor=").json()["count_estimate"] == len(ours)
    assert bearer(world.outsider)[0].get(f"{LIST}?cursor=").json()["count_estimate"] == 0


def test_without_cursor_the_list_keeps_its_numbered_pages(world):
    ours, _ = make_cases(world)
    body = bearer(world.supervisor)[0].get(f"{LIST}?page_size=2&page=2").json()
    assert body["count"] == len(ours) and body["count_capped"] is False and "count_estimate" not in body
    assert "page=3" in body["next"]


def test_a_cursor_of_one_user_shows_another_only_their_own_scope(world):
    ours, theirs = make_cases(world)
    first = bearer(world.supervisor)[0].get(f"{LIST}?cursor=&page_size=2").json()
    rows = walk(bearer(world.outsider_admin)[0], first["next"])
    assert {row["id"] for row in rows} <= theirs
    # A cursor forged to start before every row: still only the caller's scope.
    forged = encode("-opened_on,-pk", "a", ["9999-12-31", "999999"])
    rows = walk(bearer(world.outsider)[0], f"{LIST}?cursor={forged}")
    assert not {row["id"] for row in rows} & ours


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


GARBLED = ["not-a-cursor!", "@@@", "abc=", "abc\n", "A" * 2001]  # not base64url: what the schema refuses
FORGED = [  # base64url, but no cursor of this list
    "A", "0" * 40, _b64("not json"), _b64("[1, 2]"), _b64(json.dumps({"o": "number,-pk", "a": ["X", "1"]})),
    _b64(json.dumps({"o": "-opened_on,-pk", "a": ["yesterday", "1"]})), _b64(json.dumps({"o": "-opened_on,-pk", "a": []})),
    _b64(json.dumps({"o": "-opened_on,-pk", "a": "2026-03-01.1"})), _b64(json.dumps({"o": "-opened_on,-pk", "a": [1, 2]})),
    _b64(json.dumps({"o": "-opened_on,-pk", "a": ["2026-03-01", "99999999999999999999999"]})),
    _b64(json.dumps({"o": "-opened_on,-pk", "a": ["2026-03-01", "1"], "b": ["2026-03-01", "1"]})),
    _b64(json.dumps({"o": "-opened_on,-pk", "x": ["2026-03-01", "1"]})),
]


@pytest.mark.parametrize("cursor", GARBLED)
def test_a_garbled_cursor_is_a_400_problem(world, cursor):
    response = bearer(world.supervisor)[0].get(LIST, {"cursor": cursor})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == {"cursor": [BAD_EN]}


@pytest.mark.parametrize("cursor", FORGED)
def test_a_forged_cursor_is_refused_with_the_same_message(world, cursor):
    """Well formed (the schema's pattern) but not ours: 422, the API's answer to input that
    the schema cannot refuse (api.exceptions.RuleRefused)."""
    response = bearer(world.supervisor)[0].get(LIST, {"cursor": cursor})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == {"cursor": [BAD_EN]}


def test_a_cursor_for_another_order_is_refused_and_one_given_twice_is_a_400(world):
    make_cases(world)
    client = bearer(world.supervisor)[0]
    next_link = client.get(f"{LIST}?cursor=&page_size=2").json()["next"]
    assert client.get(next_link.replace("cursor=", "ordering=number&cursor=")).status_code == 422
    assert client.get(f"{LIST}?cursor=&cursor=").status_code == 400


@pytest.mark.parametrize(("cursor", "status"), [("@@@", 400), (FORGED[2], 422)])
def test_the_bad_cursor_message_is_in_spanish(world, cursor, status):
    response = bearer(world.supervisor)[0].get(LIST, {"cursor": cursor}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == status and response.json()["errors"] == {"cursor": [BAD_ES]}


def test_screenings_and_tips_walk_by_cursor_too(world):
    made = {screening_services.create(user=world.officer, label=f"Worker {n}", age_group="adult",
                                      setting="traffic_stop", question_language="en").pk for n in range(5)}
    rows = walk(bearer(world.officer)[0], "/api/v1/screenings/?cursor=&page_size=2")
    assert sorted(row["id"] for row in rows) == sorted(made)
    from laborlens.tips import services as tip_services
    from laborlens.tips.models import Source

    for n in range(3):
        tip_services.submit(source=Source.PUBLIC, agency=world.agency_a, data={
            "narrative": f"The diner pays late {n}.", "business_name": "Diner", "city": "Riverton", "address": "",
            "observations": ["in_danger_now"] if n == 1 else []})
    rows = walk(bearer(world.investigator)[0], "/api/v1/tips/?cursor=&page_size=1")
    numbered = bearer(world.investigator)[0].get("/api/v1/tips/").json()["results"]
    assert [row["code"] for row in rows] == [row["code"] for row in numbered] and len(rows) == 3
    naive = encode("priority,-created_at,-pk", "a", ["9", "2026-03-01T10:00:00.5", "1"])
    assert bearer(world.investigator)[0].get(f"/api/v1/tips/?cursor={naive}").status_code == 422


def test_schema_documents_the_cursor_and_both_answers(world):
    document = json.loads(bearer(world.investigator)[0].get("/api/schema/?format=json").content)
    for path in ("/api/v1/cases/", "/api/v1/screenings/", "/api/v1/tips/"):
        operation = document["paths"][path]["get"]
        assert "cursor" in [parameter["name"] for parameter in operation["parameters"]]
        assert {"400", "422"} <= set(operation["responses"])
        cursor = next(parameter for parameter in operation["parameters"] if parameter["name"] == "cursor")
        assert cursor["schema"]["pattern"] == "^[A-Za-z0-9_-]*$" and cursor["schema"]["maxLength"] == 2000
    shapes = document["components"]["schemas"]["PaginatedCaseList"]["oneOf"]
    assert [sorted(shape["required"]) for shape in shapes] == [
        ["count", "count_capped", "results"], ["count_estimate", "next", "previous", "results"]]



@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True)  # committed, so the estimate is cached
def test_the_case_lists_estimate_is_planned_once_until_a_case_changes(world):
    """The planner's estimate is kept like the count: one EXPLAIN per list and scope until a
    case or a team changes; another scope plans its own."""
    make_cases(world)
    supervisor, investigator = bearer(world.supervisor)[0], bearer(world.investigator)[0]

    def explains(client) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            body = client.get(f"{LIST}?cursor=&page_size=2").json()
        return body["count_estimate"], sum(q["sql"].startswith("EXPLAIN") for q in captured)

    estimate, planned = explains(supervisor)
    assert planned == 1 and isinstance(estimate, int)
    assert explains(supervisor) == (estimate, 0)
    assert explains(investigator)[1] == 1  # another scope: not the supervisor's entry
    make_cases(world)
    assert explains(supervisor)[1] == 1

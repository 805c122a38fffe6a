"""The case list pages by keyset (laborlens.core.keyset): no COUNT query, every case on
exactly one page, forward and back, with the stage filter kept and the scope respected."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from laborlens.cases import services
from laborlens.cases.models import Case
from laborlens.cases.views import case as case_views
from laborlens.core import keyset

LINK = re.compile(r'href="\?([^"]*)">(First page|Previous|Next)</a>')


def _open(world, count: int, stage_every: int = 0) -> list[Case]:  # noqa: ANN001
    cases = []
    for number in range(count):
        case = services.create_case(by=world.investigator, data={"title": f"Orchard crew {number}"})
        # Several cases on one day: the primary key must break the tie.
        case.opened_on = date(2026, 1, 1) + timedelta(days=number // 3)
        if stage_every and number % stage_every == 0:
            case.stage = "investigation"
        case.save(update_fields=["opened_on", "stage"])
        cases.append(case)
    return cases


def _numbers(body: str) -> list[str]:
    return re.findall(r"<strong>([^<]+)</strong>", body)


def _links(body: str) -> dict[str, str]:
    return {label: query.replace("&amp;", "&") for query, label in LINK.findall(body)}


def test_every_case_is_on_exactly_one_page_forward_and_back(world, login, monkeypatch):  # noqa: ANN001
    monkeypatch.setattr(case_views, "CASE_PAGE_SIZE", 4)
    _open(world, 11)
    expected = list(Case.objects.restrict(world.investigator, "view")
                    .order_by("-opened_on", "-pk").values_list("number", flat=True))
    assert len(expected) == 11
    client = login(world.investigator)
    url = reverse("cases:list")
    body = client.get(url).content.decode()
    pages = [_numbers(body)]
    assert "First page" not in body and "Previous" not in body
    while "Next" in _links(body):
        body = client.get(f"{url}?{_links(body)['Next']}").content.decode()
        pages.append(_numbers(body))
    assert [len(page) for page in pages] == [4, 4, 3]
    assert [number for page in pages for number in page] == expected
    # Back from the last page, the same pages in reverse.
    back = [pages[-1]]
    while "Previous" in _links(body):
        body = client.get(f"{url}?{_links(body)['Previous']}").content.decode()
        back.append(_numbers(body))
    assert back == list(reversed(pages))
    assert "First page" not in body  # back at the start


def test_the_list_runs_no_count_query(world, login):  # noqa: ANN001
    _open(world, 3)
    client = login(world.investigator)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("cases:list")).status_code == 200
    assert not [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]


def test_the_stage_filter_is_kept_across_pages(world, login, monkeypatch):  # noqa: ANN001
    monkeypatch.setattr(case_views, "CASE_PAGE_SIZE", 2)
    _open(world, 10, stage_every=2)  # five in investigation
    client = login(world.investigator)
    url = reverse("cases:list")
    body = client.get(f"{url}?stage=investigation").content.decode()
    seen = _numbers(body)
    while "Next" in _links(body):
        assert _links(body)["Next"].startswith("stage=investigation&")
        body = client.get(f"{url}?{_links(body)['Next']}").content.decode()
        seen += _numbers(body)
    assert sorted(seen) == sorted(Case.objects.filter(stage="investigation").values_list("number", flat=True))


def test_pages_show_only_cases_in_scope_and_bad_cursors_give_the_first_page(world, login):  # noqa: ANN001
    _open(world, 3)
    assert _numbers(login(world.outsider).get(reverse("cases:list")).content.decode()) == []
    client = login(world.investigator)
    first = _numbers(client.get(reverse("cases:list")).content.decode())
    for cursor in ("nonsense", "2026-13-40.1", "1.2.3", "2026-01-01.x"):
        assert _numbers(client.get(reverse("cases:list"), {"after": cursor}).content.decode()) == first


def test_keyset_cursors_name_only_the_sort_key(world):  # noqa: ANN001
    case = _open(world, 1)[0]
    case.refresh_from_db()
    keys = (keyset.date_key("opened_on"), keyset.pk_key())
    assert keyset.cursor_of(keys, case) == f"{case.opened_on.isoformat()}.{case.pk}"
    assert keyset.parse_cursor(keys, keyset.cursor_of(keys, case)) == [case.opened_on, case.pk]

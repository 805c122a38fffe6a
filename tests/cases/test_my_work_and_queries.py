"""The "my work" page, and query counts that keep N+1 out of the busiest pages."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from laborlens.cases import services
from laborlens.cases.models import Entity, Evidence, Person


def test_my_work_lists_my_tasks_cases_and_overdue(cw, login):
    services.create_task(cw.case, by=cw.w.investigator, title="Overdue thing",
                         due_on=timezone.localdate() - timedelta(days=2), assignee=cw.w.investigator)
    services.create_task(cw.case, by=cw.w.investigator, title="Officer's thing", due_on=None, assignee=cw.w.officer)
    body = login(cw.w.investigator).get(reverse("cases:my_work")).content.decode()
    assert "Subpoena bank" in body and "Overdue thing" in body and "overdue" in body
    assert "Officer&#x27;s thing" not in body and cw.case.number in body
    assert "Officer&#x27;s thing" in login(cw.w.officer).get(reverse("cases:my_work")).content.decode()


def test_task_completion(cw, login):
    client = login(cw.w.investigator)
    url = reverse("cases:task_complete", args=[cw.task.pk])
    assert client.post(url, {"next": "my-work"}).status_code == 302
    assert client.post(url).status_code == 302  # second time: a message, no change
    cw.task.refresh_from_db()
    assert cw.task.done_at is not None


def _grow(cw, count):
    for number in range(count):
        services.save_person(Person(case=cw.case, role="victim", full_name=f"Person {number}"), by=cw.w.investigator)
        services.save_entity(Entity(case=cw.case, kind="business", name=f"Business {number}"), by=cw.w.investigator)
        services.save_evidence(Evidence(case=cw.case, kind="photo", title=f"Photo {number}"), by=cw.w.investigator)
        services.create_task(cw.case, by=cw.w.investigator, title=f"Task {number}", due_on=None,
                             assignee=cw.w.officer)
        services.create_case(by=cw.w.investigator, data={"title": f"Case {number}"})


def test_case_list_and_detail_do_not_grow_queries_with_rows(cw, login, django_assert_max_num_queries):
    _grow(cw, 12)
    client = login(cw.w.investigator)
    # Measured: list 10, detail 21, my work 13, search 15 queries, the same with 0 or 12
    # extra rows of each kind (session, MFA and the audit append included).
    # list: +3 for the identity-aware titles (the page's people, memberships, victim
    # records: one query each for the whole page, issue 15)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("cases:list")).status_code == 200
    # detail: +2 for the interviews and charges lists (issue 7), constant in the number of rows
    with django_assert_max_num_queries(28):  # 25, then the people-read event of the case page (3)
        assert client.get(reverse("cases:detail", args=[cw.case.pk])).status_code == 200
    with django_assert_max_num_queries(17):  # +2..3 for identity-aware titles, as on the list
        assert client.get(reverse("cases:my_work")).status_code == 200
    with django_assert_max_num_queries(17):
        assert client.post(reverse("cases:search"), {"q": "person 1"}).status_code == 200


def test_case_pages_have_no_inline_script_or_style_and_are_not_cached(cw, login):
    client = login(cw.w.investigator)
    for url in [reverse("cases:detail", args=[cw.case.pk]), reverse("cases:person", args=[cw.victim.pk]),
                reverse("cases:evidence", args=[cw.evidence.pk]), reverse("cases:board", args=[cw.case.pk]),
                reverse("cases:person_create", args=[cw.case.pk])]:
        response = client.get(url)
        body = response.content.decode()
        assert "<script>" not in body and " style=" not in body and " onclick" not in body, url
        assert response["Cache-Control"] == "no-store"


def test_spanish_strings_cover_the_interface():
    import json
    from pathlib import Path

    import laborlens.cases

    translations = json.loads((Path(laborlens.cases.__file__).parent / "es.json").read_text(encoding="utf-8"))
    assert len(translations) > 400 and all(value.strip() for value in translations.values())
    assert translations["Legal elements board"] == "Tablero de elementos legales"

"""Optimistic locking, and bad input: a clear 4xx that changes nothing, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.cases.models import Case, Evidence, Person


def case_form(case, **overrides):
    data = {"title": case.title, "stage": case.stage, "jurisdiction": case.jurisdiction, "industry": case.industry,
            "exploitation": case.exploitation, "summary": case.summary, "opened_on": case.opened_on.isoformat(),
            "version": case.version}
    data.update(overrides)
    return data


def test_stale_case_edit_is_a_conflict_and_overwrites_nothing(cw, login):
    url = reverse("cases:edit", args=[cw.case.pk])
    first, second = login(cw.w.investigator), login(cw.w.supervisor)
    stale = case_form(cw.case)
    assert first.post(url, case_form(cw.case, title="Sunrise orchard crew (renamed)")).status_code == 302
    response = second.post(url, {**stale, "title": "Overwrite attempt"})
    assert response.status_code == 409
    assert "Someone else saved a change" in response.content.decode()
    case = Case.objects.get(pk=cw.case.pk)
    assert case.title == "Sunrise orchard crew (renamed)" and case.version == 2
    assert AuditEvent.objects.filter(tag="cases:case:edit_conflict", outcome="conflict").exists()


def test_stale_person_and_evidence_edits_conflict(cw, login):
    client = login(cw.w.investigator)
    person_url = reverse("cases:person_edit", args=[cw.victim.pk])
    base = {"role": "victim", "full_name": "Quintessa Zyxwort", "version": cw.victim.version}
    assert client.post(person_url, {**base, "city": "Harlan"}).status_code == 302
    assert client.post(person_url, {**base, "city": "Elsewhere"}).status_code == 409
    assert Person.objects.get(pk=cw.victim.pk).city == "Harlan"
    evidence_url = reverse("cases:evidence_edit", args=[cw.evidence.pk])
    base = {"kind": "pay_records", "title": "Pay stubs", "version": cw.evidence.version}
    assert client.post(evidence_url, {**base, "title": "A"}).status_code == 302
    assert client.post(evidence_url, {**base, "title": "B"}).status_code == 409
    assert Evidence.objects.get(pk=cw.evidence.pk).title == "A"


def test_missing_version_is_treated_as_stale(cw, login):
    data = case_form(cw.case, title="No version")
    del data["version"]
    assert login(cw.w.investigator).post(reverse("cases:edit", args=[cw.case.pk]), data).status_code == 409
    assert Case.objects.get(pk=cw.case.pk).title == "Sunrise orchard crew"


def test_only_supervisor_moves_a_case_back(cw, login):
    url = reverse("cases:edit", args=[cw.case.pk])
    client = login(cw.w.investigator)
    assert client.post(url, case_form(cw.case, stage="investigation")).status_code == 302
    case = Case.objects.get(pk=cw.case.pk)
    assert client.post(url, case_form(case, stage="screening")).status_code == 400
    assert login(cw.w.supervisor).post(url, case_form(case, stage="screening")).status_code == 302


@pytest.mark.parametrize("overrides", [
    {"stage": "teleported"}, {"opened_on": "31/31/2026"}, {"opened_on": "2999-01-01"}, {"version": "abc"},
    {"version": "-1"}, {"title": ""}, {"title": "x" * 500}, {"industry": "space-mining"},
    {"exploitation": "none"}, {"visa_programmes": ["h9z"]}, {"summary": "s" * 6000},
])
def test_bad_case_input_is_a_400_and_changes_nothing(cw, login, overrides):
    response = login(cw.w.investigator).post(reverse("cases:edit", args=[cw.case.pk]), case_form(cw.case, **overrides))
    assert response.status_code == 400
    case = Case.objects.get(pk=cw.case.pk)
    assert case.version == 1 and case.title == "Sunrise orchard crew"


@pytest.mark.parametrize(("name", "target", "data"), [
    ("cases:person_create", "case", {"role": "alien"}),
    ("cases:person_create", "case", {"role": "victim", "date_of_birth": "1800-01-01"}),
    ("cases:person_create", "case", {"role": "victim", "emails": "not-an-email"}),
    ("cases:entity_create", "case", {"kind": "spaceship", "name": "x"}),
    ("cases:entity_create", "case", {"kind": "phone", "name": "x", "phones": "12"}),
    ("cases:evidence_create", "case", {"kind": "rumour", "title": "x"}),
    ("cases:plan_create", "case", {"title": "", "potential_victims": "-3"}),
    ("cases:report_create", "case", {"title": "x", "what_happened": "", "operation": "99999"}),
    ("cases:task_create", "case", {"title": "", "due_on": "tomorrow"}),
    ("cases:timeline_note", "case", {"text": "", "on": "2999-01-01"}),
    ("cases:create", None, {}),
])
def test_bad_input_everywhere_is_a_4xx(cw, login, name, target, data):
    if target is None:
        response = login(cw.w.investigator).post(reverse("cases:create"), {"title": "", "opened_on": "x"})
    else:
        response = login(cw.w.investigator).post(reverse(name, args=[getattr(cw, target).pk]), data)
    assert response.status_code == 400


def test_task_for_someone_off_the_team_is_refused(cw, login):
    client = login(cw.w.investigator)
    response = client.post(reverse("cases:task_create", args=[cw.case.pk]),
                           {"title": "Follow up", "assignee": cw.w.outsider.pk})
    assert response.status_code == 400
    assert not cw.case.tasks.filter(title="Follow up").exists()


def test_ids_that_are_not_numbers_are_404(cw, login):
    client = login(cw.w.officer)
    assert client.get("/cases/abc/").status_code == 404
    assert client.get("/cases/99999999/").status_code == 404
    assert client.get("/cases/people/0/").status_code == 404

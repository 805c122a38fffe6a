"""Saved screenings in the web app: scope, audit, answers as given, explanations."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.screening import services
from laborlens.screening.models import Screening
from tests.permissions import assert_view_permissions

TRAFFICKING_ANSWERS = {
    "dr_nature_of_job_location_employer": "present",
    "dr_wages_earnings": "present",
    "ex_excessive_hours": "present",
    "ex_low_or_no_salary": "present",
    "cd_confiscation_of_documents": "present",
    "cd_debt_bondage": "present",
}


def make_screening(user, **answers) -> Screening:
    screening = services.create(user=user, label="Worker 1, farm", age_group="adult",
                                setting="workplace", question_language="es")
    if answers:
        screening = services.record_answers(
            screening, [{"indicator": key, "value": value} for key, value in answers.items()], user=user)
    return screening


def post_answer(client, screening, payload, raw=None):
    return client.post(reverse("screening:answer", args=[screening.pk]),
                       data=raw if raw is not None else json.dumps(payload),
                       content_type="application/json")


def test_officer_starts_a_screening(world, login):
    client = login(world.officer)
    response = client.post(reverse("screening:start"), {
        "label": "Worker A", "age_group": "adult", "setting": "traffic_stop", "question_language": "es"})
    screening = Screening.objects.get()
    assert response["Location"] == reverse("screening:detail", args=[screening.pk])
    assert screening.agency == world.agency_a and screening.reading == "insufficient"
    assert AuditEvent.objects.filter(tag="screening:screening:create", object_id=str(screening.pk)).exists()
    page = client.get(response["Location"]).content.decode()
    # The short form: at most 12 questions, read in Spanish.
    assert page.count('class="question"') <= 12
    assert "¿" in page


def test_full_form_shows_every_indicator(world, login):
    screening = make_screening(world.officer)
    page = login(world.officer).get(reverse("screening:detail", args=[screening.pk]) + "?all=1")
    count = page.content.decode().count('class="question"')
    assert count >= len(services.catalogue().indicators)


def test_autosave_records_each_answer_and_the_reading_follows(world, login):
    screening = make_screening(world.officer)
    client = login(world.officer)
    for indicator in TRAFFICKING_ANSWERS:
        response = post_answer(client, screening, {"indicator": indicator, "value": "present",
                                                   "source": "statement", "note": "said in interview"})
        assert response.status_code == 200, response.content
    screening.refresh_from_db()
    assert screening.reading == "trafficking"
    assert screening.answers["cd_debt_bondage"]["note"] == "said in interview"
    assert response.json()["reading"] == "trafficking"
    assert AuditEvent.objects.filter(tag="screening:screening:update").count() == len(TRAFFICKING_ANSWERS)


@pytest.mark.parametrize("payload,raw", [
    ({"indicator": "not_a_thing", "value": "present"}, None),
    ({"indicator": "cd_debt_bondage", "value": "maybe"}, None),
    ({"indicator": "cd_debt_bondage", "value": "present", "source": "rumour"}, None),
    ({"indicator": "cd_debt_bondage", "value": "present", "note": "x" * 1001}, None),
    ({"indicator": "cd_debt_bondage", "value": "present", "extra": 1}, None),
    (None, "{not json"),
    (None, "[1, 2]"),
    (None, "\xff\xfe"),
])
def test_bad_answers_get_a_clear_400_and_change_nothing(world, login, payload, raw):
    screening = make_screening(world.officer)
    before = (screening.version, dict(screening.answers))
    response = post_answer(login(world.officer), screening, payload, raw)
    assert response.status_code == 400
    assert response.json()["detail"]
    screening.refresh_from_db()
    assert (screening.version, screening.answers) == before


def test_whole_form_save_and_stale_form_conflict(world, login):
    screening = make_screening(world.officer)
    client = login(world.officer)
    url = reverse("screening:detail", args=[screening.pk])
    form = {"version": screening.version, "value-cd_debt_bondage": "present",
            "source-cd_debt_bondage": "observed", "note-cd_debt_bondage": ""}
    response = client.post(url, form)
    assert response["Location"] == reverse("screening:result", args=[screening.pk])
    screening.refresh_from_db()
    assert screening.answers["cd_debt_bondage"]["source"] == "observed" and screening.completed_at
    stale = client.post(url, {**form, "value-cd_debt_bondage": "absent"})
    assert stale.status_code == 409
    assert "changed since you opened it" in stale.content.decode()
    screening.refresh_from_db()
    assert screening.answers["cd_debt_bondage"]["value"] == "present"


def test_result_explains_itself_and_never_says_not_a_victim(world, login):
    screening = make_screening(world.officer, **TRAFFICKING_ANSWERS)
    client = login(world.officer)
    page = client.get(reverse("screening:result", args=[screening.pk])).content.decode()
    assert "Rule" in page and "Source" in page
    assert "1589" in page
    assert "not a victim" not in page.replace("never decides that a person is not a victim", "")
    empty = make_screening(world.officer)
    page = client.get(reverse("screening:result", args=[empty.pk])).content.decode()
    assert "Ask next" in page
    assert AuditEvent.objects.filter(tag="screening:screening:view").count() == 2


def test_answers_and_notes_are_encrypted_at_rest(world):
    screening = make_screening(world.officer)
    services.record_answers(screening, [{"indicator": "cd_debt_bondage", "value": "present",
                                         "note": "Maria Lopez owes 8000"}], user=world.officer)
    with connection.cursor() as cursor:
        cursor.execute("SELECT answers, result FROM screening_screening WHERE id = %s", [screening.pk])
        answers, result = cursor.fetchone()
    assert "Maria Lopez" not in answers and "cd_debt_bondage" not in answers
    assert "Maria Lopez" not in result
    assert "Maria Lopez" not in json.dumps(list(AuditEvent.objects.values_list("detail", flat=True)))


URLS = ["screening:detail", "screening:result", "screening:print"]


@pytest.mark.parametrize("name", URLS)
def test_permissions_scope_and_audit(world, login, name):
    screening = make_screening(world.officer)
    audit = {"screening:result": "screening:screening:view",
             "screening:print": "screening:screening:print"}.get(name)
    assert_view_permissions(reverse(name, args=[screening.pk]), allowed=world.officer,
                            no_permission=world.auditor, outsider=world.outsider, login=login,
                            audit_tag=audit)


def test_colleagues_do_not_see_each_others_screenings_but_supervisors_do(world, login):
    screening = make_screening(world.officer)
    url = reverse("screening:result", args=[screening.pk])
    assert login(world.investigator).get(url).status_code == 404
    assert login(world.supervisor).get(url).status_code == 200
    assert login(world.supervisor).get(reverse("screening:detail", args=[screening.pk])).status_code == 404
    listing = login(world.outsider).get(reverse("screening:list")).content.decode()
    assert "Worker 1" not in listing
    assert "Worker 1" in login(world.officer).get(reverse("screening:list")).content.decode()


def test_outsider_cannot_autosave_into_our_screening(world, login):
    screening = make_screening(world.officer)
    response = post_answer(login(world.outsider), screening, {"indicator": "cd_debt_bondage", "value": "present"})
    assert response.status_code == 404
    screening.refresh_from_db()
    assert "cd_debt_bondage" not in screening.answers


def test_guide_page_in_both_languages(world, login):
    client = login(world.officer)
    page = client.get(reverse("screening:guide")).content.decode()
    assert "Smuggling" in page and "1-888-373-7888" in page
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert "Tráfico ilícito" in client.get(reverse("screening:guide")).content.decode()


def test_list_query_count_is_flat(world, login, django_assert_max_num_queries):
    for _ in range(15):
        make_screening(world.officer)
    client = login(world.officer)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("screening:list")).status_code == 200


def test_attach_to_a_case_shares_with_the_case_team_only(world, login):
    from laborlens.cases import services as case_services
    from laborlens.cases.models import CaseMember

    case = case_services.create_case(by=world.investigator, data={
        "title": "Orchard crew", "jurisdiction": "Riverton", "industry": "farming_agriculture",
        "visa_programmes": ["h2a"], "exploitation": "labor", "co_occurring_crimes": [], "summary": ""})
    case_services.add_member(case, world.officer, CaseMember.Role.INVESTIGATOR, by=world.investigator)
    screening = make_screening(world.investigator, **TRAFFICKING_ANSWERS)
    url = reverse("screening:result", args=[screening.pk])
    # Before attaching, a case colleague does not see it.
    assert login(world.officer).get(url).status_code == 404
    # Nobody attaches to a case they cannot change, or a screening that is not theirs.
    assert login(world.outsider).post(reverse("screening:attach", args=[screening.pk]),
                                      {"case": case.pk}).status_code == 404
    response = login(world.investigator).post(reverse("screening:attach", args=[screening.pk]),
                                              {"case": case.pk})
    assert response.status_code == 302
    screening.refresh_from_db()
    assert screening.case == case
    assert AuditEvent.objects.filter(tag="screening:screening:attach").exists()
    assert login(world.officer).get(url).status_code == 200
    assert login(world.outsider).get(url).status_code == 404
    case_page = login(world.officer).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert url in case_page
    assert login(world.investigator).post(reverse("screening:attach", args=[screening.pk]),
                                          {"case": "nonsense"}).status_code == 404

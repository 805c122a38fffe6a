from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from laborlens.audit.models import AuditEvent
from laborlens.readiness import services
from laborlens.readiness.models import Assessment
from laborlens.readiness.scoring import load_instrument
from tests.permissions import assert_view_permissions

pytestmark = pytest.mark.django_db


def best(**changes):
    given = {q["id"]: max(q["options"], key=lambda o: o["points"])["value"] for q in load_instrument()["questions"]}
    given.update(changes)
    return given


def form_data(given, when):
    return {"assessed_on": when.isoformat(), "notes": "Command staff meeting",
            **{f"q_{key}": value for key, value in given.items()}}


def test_permissions_scope_and_audit(world, login):
    assessment = services.record_assessment(by=world.supervisor, answers=best(task_force="no"),
                                            assessed_on=timezone.localdate())
    assert AuditEvent.objects.filter(tag="readiness:assessment:create", actor_id=world.supervisor.pk).exists()
    detail = reverse("readiness:detail", args=[assessment.pk])
    assert_view_permissions(detail, allowed=world.admin, no_permission=world.investigator,
                            outsider=world.outsider_admin, login=login, audit_tag="readiness:assessment:view")
    assert_view_permissions(reverse("readiness:history"), allowed=world.supervisor, no_permission=world.officer,
                            outsider=None, login=login, audit_tag="readiness:assessment:view")
    assert login(world.outsider_admin).get(reverse("readiness:history")).content.decode().count(
        reverse("readiness:detail", args=[assessment.pk])) == 0
    assert login(world.analyst).get(reverse("readiness:assess")).status_code == 403
    assert list(Assessment.objects.restrict(world.outsider_admin, "view")) == []


def test_assess_twice_and_see_progress(world, login):
    client = login(world.supervisor)
    page = client.get(reverse("readiness:assess")).content.decode()
    assert "task force" in page and 'type="radio"' in page
    first_day = timezone.localdate() - timedelta(days=180)
    response = client.post(reverse("readiness:assess"),
                           form_data(best(task_force="no", familiar_continued_presence="1"), first_day))
    assert response.status_code == 302
    first = Assessment.objects.get()
    assert first.agency == world.agency_a
    assert set(first.scores["gaps"]) == {"familiar_continued_presence", "task_force"}
    # The second time, the form starts from the last answers.
    page = client.get(reverse("readiness:assess")).content.decode()
    assert re.search(r'name="q_task_force" value="no"[^>]*checked', page)
    response = client.post(reverse("readiness:assess"),
                           form_data(best(familiar_continued_presence="1", interpreter_access="never"),
                                     timezone.localdate()))
    second = Assessment.objects.exclude(pk=first.pk).get()
    assert response["Location"] == reverse("readiness:detail", args=[second.pk])
    page = client.get(response["Location"]).content.decode()
    closed = page.split('data-testid="closed"')[1].split("</ul>")[0]
    new = page.split('data-testid="new-gaps"')[1].split("</ul>")[0]
    assert "task force" in closed and "interpreter" in new
    assert "Name who requests Continued Presence" in page.split('data-testid="gaps"')[1]
    assert 'data-testid="change-collaboration"' in page
    history = client.get(reverse("readiness:history")).content.decode()
    assert history.index(date_format(second.assessed_on)) < history.index(date_format(first.assessed_on))


def test_incomplete_or_future_assessment_is_refused(world, login):
    client = login(world.admin)
    given = best()
    given.pop("task_force")
    response = client.post(reverse("readiness:assess"), form_data(given, timezone.localdate()))
    assert response.status_code == 400 and "Choose an answer." in response.content.decode()
    response = client.post(reverse("readiness:assess"), form_data(best(), timezone.localdate() + timedelta(days=2)))
    assert response.status_code == 400
    assert not Assessment.objects.exists()


def test_spanish_questions(world, login):
    client = login(world.supervisor)
    page = client.get(reverse("readiness:assess"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "grupo de trabajo" in page

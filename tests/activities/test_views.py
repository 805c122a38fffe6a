from __future__ import annotations

from contextlib import redirect_stdout
from datetime import timedelta
from io import StringIO

import pytest
from django.urls import reverse
from django.utils import timezone

from laborlens.activities import services
from laborlens.activities.models import Activity, Agreement, Kind
from laborlens.activities.topics import load_topics, topics
from laborlens.audit.models import AuditEvent
from tests.permissions import assert_view_permissions

pytestmark = pytest.mark.django_db


def shared_training(world, **extra):
    activity = Activity(kind=Kind.TRAINING_GIVEN, title="Roll call: indicators", held_on=timezone.localdate(),
                        lead_agency=world.agency_a, topics=["identifying_cases"], **extra)
    return services.save_activity(activity, by=world.supervisor, agencies=[world.vsp])


def agreement(world, renewal_in=30, parties=None, ended=None):
    today = timezone.localdate()
    item = Agreement(kind=Agreement.Kind.MOU, title=f"MOU renewing in {renewal_in}", signed_on=today - timedelta(days=300),
                     renewal_on=today + timedelta(days=renewal_in), ended_on=ended, scope="Referrals and roles",
                     document_reference="MOU-1")
    return services.save_agreement(item, by=world.supervisor, parties=parties or [world.vsp])


def test_topics_file_is_versioned_cited_and_bilingual():
    data = load_topics()
    assert data["version"] and "Figure 24" in data["source"]["locator"]
    assert len(topics()) == 12
    assert all(topic.en and topic.es for topic in topics())
    assert [topic.item for topic in topics()] == list("abcdefghijkl")


def test_list_permissions_and_scope(world, login):
    activity = shared_training(world)
    url = reverse("activities:list")
    assert_view_permissions(url, allowed=world.officer, no_permission=world.auditor, outsider=None, login=login)
    # Every agency taking part sees it; an agency that did not take part does not.
    assert activity.title in login(world.advocate).get(url).content.decode()
    assert activity.title in login(world.officer).get(url).content.decode()
    assert activity.title not in login(world.analyst).get(url).content.decode()
    assert activity.title not in login(world.outsider).get(url).content.decode()
    assert list(Activity.objects.restrict(world.outsider, "view")) == []
    assert list(Activity.objects.restrict(world.auditor, "view")) == []


def test_record_activity_is_audited_and_lead_included(world, login):
    client = login(world.investigator)
    response = client.post(reverse("activities:new"), {
        "kind": Kind.OUTREACH_EVENT, "title": "Farmworker rights fair", "held_on": "2026-05-01",
        "audience": "workers", "language": "es", "attendees": "40", "agencies": [world.vsp.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = Activity.objects.get(title="Farmworker rights fair")
    assert set(activity.agencies.values_list("short_name", flat=True)) == {"RPD", "SH"}
    assert activity.lead_agency == world.agency_a and activity.recorded_by == world.investigator
    event = AuditEvent.objects.get(tag="activities:activity:create")
    assert event.actor_id == world.investigator.pk and event.detail["agencies"] == ["RPD", "SH"]


def test_form_rules_for_trainings_and_outreach(world, login):
    client = login(world.supervisor)
    response = client.post(reverse("activities:new"), {"kind": Kind.TRAINING_RECEIVED, "title": "Academy",
                                                       "held_on": "2026-05-01"})
    assert response.status_code == 400 and "Choose at least one topic" in response.content.decode()
    response = client.post(reverse("activities:new"), {"kind": Kind.OUTREACH_EVENT, "title": "Fair",
                                                       "held_on": "2026-05-01"})
    assert response.status_code == 400 and "Say who the outreach event was for" in response.content.decode()
    assert not Activity.objects.exists()


def test_record_needs_permission(world, login):
    assert login(world.officer).get(reverse("activities:new")).status_code == 403
    assert login(world.analyst).post(reverse("activities:new"), {}).status_code == 403
    assert login(world.auditor).get(reverse("activities:agreements")).status_code == 403
    assert login(world.investigator).get(reverse("activities:agreement_new")).status_code == 403


def test_only_lead_agency_edits_and_edit_is_versioned(world, login):
    activity = shared_training(world)
    url = reverse("activities:edit", args=[activity.pk])
    # The advocate's agency took part but did not lead: 404, as for the outsider.
    assert login(world.advocate).get(url).status_code == 404
    assert login(world.outsider).get(url).status_code == 403  # no activities.record
    assert login(world.outsider_admin).get(url).status_code == 404
    client = login(world.investigator)
    assert client.get(url).status_code == 200
    data = {"kind": Kind.TRAINING_GIVEN, "title": "Roll call: indicators (2)", "held_on": "2026-05-02",
            "topics": ["identifying_cases", "tvpa_and_laws"], "agencies": [world.vsp.pk], "version": "1"}
    assert client.post(url, data).status_code == 302
    activity.refresh_from_db()
    assert activity.version == 2 and activity.topics == ["identifying_cases", "tvpa_and_laws"]
    assert AuditEvent.objects.filter(tag="activities:activity:update").count() == 1
    stale = client.post(url, {**data, "title": "stale"})
    assert stale.status_code == 409
    activity.refresh_from_db()
    assert activity.title == "Roll call: indicators (2)"


def test_agreements_scope_reminders_and_audit(world, login):
    due = agreement(world, renewal_in=30)
    later = agreement(world, renewal_in=120)
    overdue = agreement(world, renewal_in=-3)
    ended = agreement(world, renewal_in=10, ended=timezone.localdate() - timedelta(days=1))
    other = services.save_agreement(
        Agreement(kind=Agreement.Kind.SHARING, title="Eastport sharing", signed_on=timezone.localdate(),
                  renewal_on=timezone.localdate() + timedelta(days=5), scope="x"),
        by=world.outsider_admin, parties=[])
    assert AuditEvent.objects.filter(tag="activities:agreement:create").count() == 5
    assert set(due.parties.values_list("short_name", flat=True)) == {"RPD", "SH"}

    url = reverse("activities:agreements")
    assert_view_permissions(url, allowed=world.supervisor, no_permission=world.auditor, outsider=None,
                            login=login, audit_tag="activities:agreement:reminders")
    page = login(world.advocate).get(url).content.decode()
    due_section = page.split('data-testid="due"')[1].split("</ul>")[0]
    assert due.title in due_section and overdue.title in due_section
    assert later.title not in due_section and ended.title not in due_section
    assert other.title not in page
    assert list(services.due_for_renewal(Agreement.objects.restrict(world.outsider, "view"))) == [other]
    assert other.title in login(world.outsider).get(url).content.decode()
    assert due.title not in login(world.outsider).get(url).content.decode()
    # The list of activities shows how many are due.
    assert 'data-testid="due-count"' in login(world.officer).get(reverse("activities:list")).content.decode()


def test_agreement_edit_by_party_admin_only(world, login):
    item = agreement(world, renewal_in=30)
    url = reverse("activities:agreement_edit", args=[item.pk])
    assert login(world.outsider_admin).get(url).status_code == 404
    client = login(world.admin)
    assert client.get(url).status_code == 200
    response = client.post(url, {"kind": "mou", "title": "MOU renewed", "signed_on": item.signed_on.isoformat(),
                                 "renewal_on": (timezone.localdate() + timedelta(days=400)).isoformat(),
                                 "scope": "Referrals", "parties": [world.vsp.pk], "version": "1"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "MOU renewed" and item.version == 2
    bad = client.post(url, {"kind": "mou", "title": "x", "signed_on": "2026-01-10", "renewal_on": "2026-01-01",
                            "scope": "x", "parties": [world.vsp.pk], "version": "2"})
    assert bad.status_code == 400


def test_reminders_cli(world, capsys):
    due = agreement(world, renewal_in=20)
    later = agreement(world, renewal_in=90)
    from laborlens.cli import main

    out = StringIO()
    with redirect_stdout(out):
        assert main(["activities", "reminders"]) == 0
    text = out.getvalue()
    assert f"agreement {due.pk}:" in text and f"agreement {later.pk}:" not in text
    assert "(RPD, SH)" in text and "due: 1 agreements within 60 days" in text
    out = StringIO()
    with redirect_stdout(out):
        assert main(["activities", "reminders", "--days", "100"]) == 0
    assert f"agreement {later.pk}:" in out.getvalue()

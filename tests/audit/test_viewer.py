from __future__ import annotations

from django.urls import reverse

from laborlens.audit.events import record_event
from laborlens.audit.models import AuditEvent
from laborlens.audit.tags import EventTag
from tests.permissions import assert_view_permissions


def test_only_auditors_read_the_trail_and_reading_is_audited(world, login):
    assert_view_permissions(reverse("audit:events"), allowed=world.auditor,
                            no_permission=world.supervisor, outsider=None, login=login,
                            audit_tag="audit:log:view")
    assert login(world.admin).get(reverse("audit:events")).status_code == 403


def test_filters_by_who_what_and_outcome(world, login):
    record_event(EventTag.LOGIN_FAILURE, actor_label="mallory", outcome="failure")
    record_event(EventTag.LOGIN_SUCCESS, actor=world.officer)
    client = login(world.auditor)
    page = client.get(reverse("audit:events"), {"who": "mallory"}).content.decode()
    assert "mallory" in page and "<td>Sign-in: succeeded</td>" not in page and "<td>Sign-in: failed</td>" in page
    page = client.get(reverse("audit:events"), {"what": "accounts:login:success"}).content.decode()
    assert "officer" in page and "<td>Sign-in: succeeded</td>" in page
    assert "accounts:login:success</td>" not in page  # the tag itself is never shown (issue 17.8)
    page = client.get(reverse("audit:events"), {"outcome": "failure"}).content.decode()
    assert "mallory" in page


def test_bad_filters_get_a_400_with_a_message(world, login):
    client = login(world.auditor)
    response = client.get(reverse("audit:events"), {"since": "not-a-date"})
    assert response.status_code == 400
    response = client.get(reverse("audit:events"), {"since": "2026-02-01", "until": "2026-01-01"})
    assert response.status_code == 400
    assert AuditEvent.objects.filter(tag="audit:log:view").count() >= 2

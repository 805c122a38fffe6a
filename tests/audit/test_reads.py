"""Every route that shows a protected field records a read event, and every refused
attempt on an object outside the user's scope (a 404) records a "refused" event that
names only the kind of object and the path, never anything of the object."""

from __future__ import annotations

import pytest
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.victims import services as victim_services
from laborlens.victims.models import Relief
from tests.conftest import make_user
from tests.permissions import last_audit_seq
from tests.screening.test_web_screening import make_screening
from tests.victims.conftest import NARRATIVE, SERVED_NAME, give_consent


def _routes(vw) -> list[tuple[str, object, str]]:
    """(url, user allowed to read it, the read tag): every page or form showing a protected field."""
    w = vw.cw.w
    give_consent(vw, w.agency_a, ["immigration"])
    relief = victim_services.save_relief(Relief(victim=vw.record, kind="cp", status="draft",
                                                requesting_officer="Adv."), by=w.advocate)
    screening = make_screening(w.officer)
    return [
        (reverse("victims:detail", args=[vw.record.pk]), w.advocate, "victims:record:view"),
        (reverse("victims:edit", args=[vw.record.pk]), w.advocate, "victims:record:edit_view"),
        (reverse("victims:relief_edit", args=[relief.pk]), w.investigator, "victims:relief:view"),
        (reverse("victims:relief_new", args=[vw.record.pk]), w.investigator, "victims:relief:view"),
        (reverse("cases:person", args=[vw.cw.victim.pk]), w.investigator, "cases:person:view"),
        (reverse("cases:person_edit", args=[vw.cw.victim.pk]), w.investigator, "cases:person:edit_view"),
        (reverse("cases:report", args=[vw.cw.report.pk]), w.investigator, "cases:report:view"),
        (reverse("cases:report_edit", args=[vw.cw.report.pk]), w.investigator, "cases:report:edit_view"),
        (reverse("screening:detail", args=[screening.pk]), w.officer, "screening:answers:view"),
        (reverse("screening:result", args=[screening.pk]), w.officer, "screening:screening:view"),
    ]


def test_every_sensitive_read_records_an_event(vw, login):
    for url, user, tag in _routes(vw):
        before = last_audit_seq()
        response = login(user).get(url)
        assert response.status_code == 200, url
        events = AuditEvent.objects.filter(seq__gt=before, tag=tag, actor_id=user.pk)
        assert events.exists(), f"{url} recorded no {tag} event"


def test_refused_attempts_are_recorded_without_leaking(vw, login):
    advocate_b = make_user("stranger", vw.cw.w.agency_b, "victim_advocate")
    strangers = [vw.cw.rival, vw.cw.w.outsider, advocate_b]  # Eastport: supervisor, line officer, advocate
    for url, _user, _tag in _routes(vw):
        probes = 0
        for stranger in strangers:
            before = last_audit_seq()
            status = login(stranger).get(url).status_code
            assert status in {403, 404}, (url, stranger.username)
            refused = AuditEvent.objects.filter(seq__gt=before, tag="core:scope:refused", actor_id=stranger.pk)
            if status == 403:  # the role does not use the page at all: not a probe of an object
                continue
            probes += 1
            assert refused.count() == 1, (url, stranger.username)
            event = refused.get()
            assert event.outcome == "refused" and event.detail["path"] == url
            assert SERVED_NAME not in str(event.detail) and NARRATIVE not in str(event.detail)
        assert probes, f"no stranger's role reaches {url}"
    # A missing object looks the same and is recorded the same way.
    before = last_audit_seq()
    assert login(advocate_b).get(reverse("victims:detail", args=[999999])).status_code == 404
    assert AuditEvent.objects.filter(seq__gt=before, tag="core:scope:refused").count() == 1


@pytest.mark.parametrize("path", ["/api/v1/victims/{pk}/", "/api/v1/victims/{pk}/needs/"])
def test_refused_api_attempts_are_recorded(vw, login, path):
    stranger = make_user("stranger", vw.cw.w.agency_b, "victim_advocate")
    url = path.format(pk=vw.record.pk)
    before = last_audit_seq()
    response = login(stranger).get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    event = AuditEvent.objects.get(seq__gt=before, tag="core:scope:refused")
    assert event.actor_id == stranger.pk and event.detail["model"] == "victims.victimrecord"

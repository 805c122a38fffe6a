"""Release pages: scoped to the agency (outsider 404, no release role 403), the whole flow
through the web, the download audited, the agency policy page."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from laborlens.anonymity import kanon
from laborlens.audit.models import AuditEvent
from laborlens.publishing import services
from laborlens.publishing.models import Release, Status
from tests.permissions import assert_view_permissions, last_audit_seq

QIS = "yearOfRegistration,gender,ageCategories,citizenship"


def a_release(pw) -> Release:
    release = services.request_release(by=pw.analyst_a, title="CTDC microdata", dataset="ctdc", method="kanon",
                                       parameters={"quasi_identifiers": QIS.split(","), "k": 11})
    return services.preview_release(release, by=pw.analyst_a)


def test_list_and_detail_permissions(pw, login):
    release = a_release(pw)
    w = pw.w
    assert_view_permissions(reverse("publishing:list"), allowed=w.supervisor, no_permission=w.officer,
                            outsider=None, login=login, audit_tag="publishing:release:list")
    assert_view_permissions(reverse("publishing:detail", args=[release.pk]), allowed=w.supervisor,
                            no_permission=w.officer, outsider=pw.supervisor_b, login=login,
                            audit_tag="publishing:release:view")
    assert_view_permissions(reverse("publishing:detail", args=[release.pk]), allowed=pw.analyst_a,
                            no_permission=w.advocate, outsider=w.analyst, login=login)
    # The outsider agency's list does not name A's release.
    page = login(pw.supervisor_b).get(reverse("publishing:list")).content.decode()
    assert "CTDC microdata" not in page
    assert login(w.outsider).get(reverse("publishing:list")).status_code == 403
    assert login(w.supervisor).get(reverse("publishing:new")).status_code == 403  # approve only


def test_actions_are_scoped(pw, login):
    release = a_release(pw)
    for url_name in ("publishing:decide", "publishing:publish"):
        response = login(pw.supervisor_b).post(reverse(url_name, args=[release.pk]), {"action": "approve"})
        assert response.status_code == 404
    assert login(pw.w.analyst).post(reverse("publishing:preview", args=[release.pk])).status_code == 404
    assert login(pw.w.officer).post(reverse("publishing:preview", args=[release.pk])).status_code == 403
    assert login(pw.analyst_a).post(reverse("publishing:decide", args=[release.pk]),
                                    {"action": "approve"}).status_code == 403
    assert login(pw.supervisor_b).get(reverse("publishing:download", args=[release.pk])).status_code == 404
    release.refresh_from_db()
    assert release.status == Status.PREVIEWED


def test_whole_flow_through_the_pages(pw, login):
    analyst, supervisor = login(pw.analyst_a), login(pw.w.supervisor)
    response = analyst.post(reverse("publishing:new"), {
        "title": "Labour microdata 2012-2018", "purpose": "Annual report", "dataset": "ctdc", "method": "kanon",
        "quasi_identifiers": QIS, "k": "11", "suppress_below": "11"})
    assert response.status_code == 302, response.content.decode()[:2000]
    release = Release.objects.get(title="Labour microdata 2012-2018")
    assert release.requested_by == pw.analyst_a and release.parameters["k"] == 11
    analyst.post(reverse("publishing:preview", args=[release.pk]))
    page = supervisor.get(reverse("publishing:detail", args=[release.pk])).content.decode()
    assert 'data-testid="mae"' in page and 'data-testid="suppression"' in page and "Approve" in page
    assert "Approve" not in analyst.get(reverse("publishing:detail", args=[release.pk])).content.decode()
    supervisor.post(reverse("publishing:decide", args=[release.pk]), {"action": "approve", "note": "Fine"})
    release.refresh_from_db()
    assert release.status == Status.APPROVED and release.decision_note == "Fine"
    analyst.post(reverse("publishing:publish", args=[release.pk]))
    release.refresh_from_db()
    assert release.status == Status.RELEASED
    before = last_audit_seq()
    response = supervisor.get(reverse("publishing:download", args=[release.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert kanon.verify_k_anonymity(rows, QIS.split(","), 11).ok
    assert AuditEvent.objects.filter(seq__gt=before, tag="publishing:release:download",
                                     actor_id=pw.w.supervisor.pk).exists()


def test_form_errors_are_shown_not_raised(pw, login):
    response = login(pw.analyst_a).post(reverse("publishing:new"), {
        "title": "Bad", "dataset": "ctdc", "method": "dp_table", "by": "nope"})
    assert response.status_code == 200
    assert "not columns of ctdc" in response.content.decode() or "epsilon" in response.content.decode()
    assert not Release.objects.exists()


def test_budget_form_for_supervisors(pw, login):
    url = reverse("publishing:budget")
    assert login(pw.analyst_a).post(url, {"dataset": "ctdc", "epsilon": "3", "delta": "0"}).status_code == 403
    assert login(pw.w.supervisor).post(url, {"dataset": "ctdc", "epsilon": "3", "delta": "0"}).status_code == 302
    page = login(pw.analyst_a).get(reverse("publishing:list")).content.decode()
    assert f"agency:{pw.w.agency_a.pk}:ctdc:" in page
    assert AuditEvent.objects.filter(tag="publishing:budget:set").count() == 1


def test_agency_policy_page(pw, login):
    w = pw.w
    url = reverse("accounts:agency_policy")
    assert login(w.officer).get(url).status_code == 403
    admin = login(w.admin, reauthenticated=True)
    assert admin.get(url).status_code == 200
    response = admin.post(url, {})  # unticked: statistical use off
    assert response.status_code == 302
    w.agency_a.refresh_from_db()
    assert w.agency_a.allow_statistical_use is False
    event = AuditEvent.objects.filter(tag="accounts:agency:policy_change").last()
    assert event.detail == {"allow_statistical_use": False}
    admin.post(url, {"allow_statistical_use": "on"})
    w.agency_a.refresh_from_db()
    assert w.agency_a.allow_statistical_use is True
    # Another agency's administrator changes only their own agency.
    login(w.outsider_admin, reauthenticated=True).post(url, {})
    w.agency_a.refresh_from_db()
    assert w.agency_a.allow_statistical_use is True


def test_a_server_without_the_ctdc_file_refuses_clearly(pw, login, settings, tmp_path):
    settings.RELEASE_CTDC_FILE = str(tmp_path / "absent.csv")
    response = login(pw.analyst_a).post(reverse("publishing:new"), {
        "title": "No file", "purpose": "", "dataset": "ctdc", "method": "kanon",
        "quasi_identifiers": QIS, "k": "11", "suppress_below": "11"})
    assert response.status_code == 200
    assert "LABORLENS_CTDC_FILE" in response.content.decode()
    assert not Release.objects.filter(title="No file").exists()
    response = login(pw.w.supervisor).post(reverse("publishing:budget"),
                                          {"dataset": "ctdc", "epsilon": "3", "delta": "0"}, follow=True)
    assert response.status_code == 200 and "LABORLENS_CTDC_FILE" in response.content.decode()

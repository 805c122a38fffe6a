"""Operation plans with a supervisor's sign-off; after-action reports as PDF and shared
with other agencies with identities removed."""

from __future__ import annotations

import shutil
import subprocess

from django.urls import reverse

from laborlens.cases.models import OperationPlan
from laborlens.cases.pdf import report_pdf, report_sections
from laborlens.cases.redact import redact
from tests.cases.conftest import VICTIM_NAME, VICTIM_PHONE


def test_plan_answers_the_smart_raid_questions_and_needs_sign_off(cw, login):
    client = login(cw.w.investigator)
    response = client.post(reverse("cases:plan_create", args=[cw.case.pk]), {
        "title": "Barn entry", "potential_victims": "8", "separation": "Church hall",
        "housing": "Safe Harbor", "services": "Medical", "interpreters": "Spanish, Mam",
        "movement": "Bus at 6", "ownership": "LLC; two houses", "security": "None known",
        "informants": "One", "advocates": "Two"})
    assert response.status_code == 302
    plan = OperationPlan.objects.get(title="Barn entry")
    url = reverse("cases:plan", args=[plan.pk])
    page = client.get(url).content.decode()
    for question in ["How many potential victims?", "separated from suspects", "Where will they be housed?",
                     "Interpreters and languages", "Movement patterns", "what else do they own",
                     "Security and weapons", "Informants", "Victim advocates present"]:
        assert question in page
    assert client.post(url, {"action": "approve"}).status_code == 403  # not a supervisor
    assert client.post(url, {"action": "submit"}).status_code == 302
    assert login(cw.w.officer).post(url, {"action": "approve"}).status_code == 403
    assert login(cw.rival).post(url, {"action": "approve"}).status_code == 404
    supervisor = login(cw.w.supervisor)
    assert supervisor.post(url, {"action": "approve", "note": "Go"}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == "approved" and plan.approved_by == cw.w.supervisor
    assert supervisor.post(url, {"action": "approve"}).status_code == 400  # already signed off
    assert supervisor.post(url, {"action": "dance"}).status_code == 400
    # A change after sign-off needs a new sign-off.
    edit = {"title": "Barn entry v2", "version": plan.version, "potential_victims": "9"}
    assert client.post(reverse("cases:plan_edit", args=[plan.pk]), edit).status_code == 302
    plan.refresh_from_db()
    assert plan.status == "draft" and plan.approved_by is None


def test_redaction_removes_identities():
    class Case:
        pass

    text = redact(f"{VICTIM_NAME} (Quintessa) called from {VICTIM_PHONE} and 202-555-0123, mail q@x.org",
                  Case(), people=[_person()])
    assert "Quintessa" not in text and "Zyxwort" not in text and "0187" not in text and "0123" not in text
    assert "q@x.org" not in text and "V-1" in text


def _person():
    from laborlens.cases.models import Person

    return Person(pseudonym="V-1", full_name=VICTIM_NAME, aliases=["Q.Z."], phones=[VICTIM_PHONE])


def test_report_pdf_has_identities_removed(cw, login):
    sections = dict(report_sections(cw.report))
    assert VICTIM_NAME not in sections["What happened"] and "V-1 asked for help" in sections["What happened"]
    data = report_pdf(cw.report)
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True,  # noqa: S603,S607
                              timeout=60).stdout.decode()
        assert "LAW ENFORCEMENT SENSITIVE" in text and VICTIM_NAME not in text
    response = login(cw.w.officer).get(reverse("cases:report_pdf", args=[cw.report.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")


def test_shared_report_reaches_the_recipient_agency_redacted(cw, login):
    url = reverse("cases:shared_report", args=[cw.shared.pk])
    body = login(cw.deputy).get(url).content.decode()
    assert "V-1 asked for help" in body and VICTIM_NAME not in body and "0187" not in body
    assert "Riverton Police Department" in body
    # The recipient agency sees the shared report only, never the case.
    assert login(cw.deputy).get(reverse("cases:report", args=[cw.report.pk])).status_code == 200  # deputy is on the team
    cw.case.memberships.filter(user=cw.deputy).delete()
    assert login(cw.deputy).get(reverse("cases:report", args=[cw.report.pk])).status_code == 404
    assert login(cw.deputy).get(url).status_code == 200
    assert login(cw.w.outsider).get(url).status_code == 404

"""Evidence, files, chain of custody, and the legal-elements board."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laborlens.audit.models import AuditEvent
from laborlens.cases import forms as case_forms
from laborlens.cases.models import CustodyEvent, ElementLink, EvidenceFile
from tests.cases.conftest import PNG


def upload(client, evidence, name, data, content_type="application/octet-stream"):
    return client.post(reverse("cases:evidence_upload", args=[evidence.pk]),
                       {"file": SimpleUploadedFile(name, data, content_type=content_type)})


def test_upload_is_checked_and_stored_encrypted(cw, login, media_root):
    client = login(cw.w.investigator)
    assert upload(client, cw.evidence, "lease.pdf", b"%PDF-1.7\n" + b"x" * 100).status_code == 302
    for name, data in [("evil.html", b"<script>alert(1)</script>"), ("fake.pdf", b"<html>not a pdf"),
                       ("photo.png", b"GIF89a"), ("notes.txt", b"\x00\x01binary"), ("empty.pdf", b""),
                       ("noextension", b"%PDF-1.4")]:
        response = upload(client, cw.evidence, name, data)
        assert response.status_code == 400, name
    assert EvidenceFile.objects.filter(evidence=cw.evidence).count() == 2
    assert AuditEvent.objects.filter(tag="cases:file:reject", outcome="failure").count() == 6
    for path in (media_root / "cases").iterdir():
        assert b"%PDF" not in path.read_bytes() and b"PNG" not in path.read_bytes()


def test_upload_size_limit(cw, login, monkeypatch):
    monkeypatch.setattr(case_forms, "UPLOAD_LIMIT", 1000)
    response = upload(login(cw.w.investigator), cw.evidence, "big.pdf", b"%PDF-" + b"x" * 2000)
    assert response.status_code == 400 and "larger than" in response.content.decode()


def test_download_is_an_attachment_never_inline(cw, login):
    response = login(cw.w.officer).get(reverse("cases:file_download", args=[cw.attachment.pk]))
    assert response.status_code == 200
    assert response.content == PNG
    assert response["Content-Disposition"].startswith("attachment;")
    assert "stub" not in response["Content-Disposition"]  # neutral name
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_upload_folder_has_no_url(cw, client, login):
    assert login(cw.w.investigator).get(f"/uploads/cases/{cw.attachment.stored_name}").status_code == 404
    assert login(cw.w.investigator).get(f"/media/cases/{cw.attachment.stored_name}").status_code == 404


def test_custody_events_are_append_only(cw, login):
    client = login(cw.w.investigator)
    url = reverse("cases:evidence_custody", args=[cw.evidence.pk])
    assert client.post(url, {"at": "2026-01-02T10:00", "action": "transferred", "handler": "Det. R",
                             "location": "Lab"}).status_code == 302
    assert client.post(url, {"at": "2999-01-02T10:00", "action": "stored", "handler": "x"}).status_code == 400
    assert client.post(url, {"at": "yesterday", "action": "eaten", "handler": ""}).status_code == 400
    event = CustodyEvent.objects.get(evidence=cw.evidence)
    event.handler = "someone else"
    try:
        event.save()
    except PermissionError:
        pass
    else:
        raise AssertionError("custody events must be append-only")
    body = client.get(reverse("cases:evidence", args=[cw.evidence.pk])).content.decode()
    assert "Transferred" in body and "Det. R" in body


def test_link_evidence_to_elements_and_see_the_board(cw, login):
    client = login(cw.w.investigator)
    url = reverse("cases:evidence_link", args=[cw.evidence.pk])
    assert client.post(url, {"element": "means.abuse_of_law_1589a3", "note": "Threat of deportation"}).status_code == 302
    assert client.post(url, {"element": "means.abuse_of_law_1589a3"}).status_code == 400  # already linked
    assert client.post(url, {"element": "means.magic"}).status_code == 400
    assert client.post(url, {"element": ""}).status_code == 400
    assert ElementLink.objects.filter(evidence=cw.evidence).count() == 2
    body = login(cw.w.officer).get(reverse("cases:board", args=[cw.case.pk])).content.decode()
    forced = body.split('id="st-usc18_1589a"')[1].split("</section>")[0]
    assert "Every element is supported" in forced and forced.count(">Supported<") == 2
    assert f'href="/cases/evidence/{cw.evidence.pk}/">E-1</a>' in forced
    trafficking = body.split('id="st-usc18_1590"')[1].split("</section>")[0]
    assert "Still missing" in trafficking and "Act: any one of" in trafficking and trafficking.count(">Supported<") == 1
    link = ElementLink.objects.get(evidence=cw.evidence, element="means.abuse_of_law_1589a3")
    assert client.post(reverse("cases:link_delete", args=[link.pk])).status_code == 302
    assert AuditEvent.objects.filter(tag="cases:element:unlink").exists()


def test_officer_may_look_but_not_change_evidence(cw, login):
    client = login(cw.w.officer)
    assert client.get(reverse("cases:evidence", args=[cw.evidence.pk])).status_code == 200
    assert upload(client, cw.evidence, "x.pdf", b"%PDF-1").status_code == 403

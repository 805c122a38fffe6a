"""The exports page and downloads: permission, scope, audit, no inline script."""

from __future__ import annotations

import io
import json
import zipfile

from django.urls import reverse

from laborlens.exchange import htcds
from tests.permissions import assert_view_permissions


def test_page_permissions_and_not_reportable_list(world, cases, login):
    url = reverse("exchange:index")
    assert_view_permissions(url, allowed=world.supervisor, no_permission=world.investigator, outsider=None,
                            login=login, audit_tag="exchange:page:view")
    for user in (world.analyst, world.advocate, world.outsider):
        assert login(user).get(url).status_code == 403
    page = login(world.supervisor).get(url).content.decode()
    assert cases["closed"].number in page and "no victim recorded" in page
    assert cases["theirs"].number not in page
    assert "<script>" not in page and "style=" not in page


def test_downloads(world, cases, login):
    client = login(world.supervisor)
    response = client.get(reverse("exchange:htcds_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows, problems = htcds.read_csv(response.content.decode())
    assert problems == [] and htcds.validate(rows) == []
    document = json.loads(client.get(reverse("exchange:htcds_json")).content)
    assert len(document["records"]) == 5
    extract = json.loads(client.get(reverse("exchange:nibrs_json")).content)
    assert len(extract["segments"]["administrative"]) == 1
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("exchange:nibrs_zip")).content))
    assert "arrestee.csv" in archive.namelist() and "not_reportable.csv" in archive.namelist()
    for name in ("exchange:htcds_csv", "exchange:nibrs_zip"):
        assert login(world.investigator).get(reverse(name)).status_code == 403


def test_spanish_page(world, cases, login):
    client = login(world.supervisor)
    response = client.get(reverse("exchange:index"), HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200


def test_xml_download_and_the_valid_report(world, cases, login):
    client = login(world.supervisor)
    response = client.get(reverse("exchange:nibrs_xml"))
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    assert b"<nibrs:OffenseUCRCode>64B</nibrs:OffenseUCRCode>" in response.content
    page = client.get(reverse("exchange:nibrs_check")).content.decode()
    assert 'data-testid="nibrs-valid"' in page and "not validated against the FBI" in page


def test_a_broken_case_shows_every_error_and_no_file(world, cases, login):
    from laborlens.audit.models import AuditEvent

    farm = cases["farm"]
    farm.incident_date = None
    farm.incident_hour = 25
    farm.save()
    client = login(world.supervisor)
    for name in ("exchange:nibrs_xml", "exchange:nibrs_json", "exchange:nibrs_zip"):
        response = client.get(reverse(name))
        assert response.status_code == 422
        assert "attachment" not in response.get("Content-Disposition", "")
        page = response.content.decode()
        assert "No file was written." in page and farm.number in page
        assert "the incident date is missing" in page and "&#x27;25&#x27; is not an hour 00-23" in page
    assert AuditEvent.objects.filter(tag="exchange:nibrs:export").latest("seq").detail["refused"] == "errors"
    index = client.get(reverse("exchange:index")).content.decode()
    assert 'data-testid="nibrs-errors"' in index and 'data-testid="nibrs-xml"' not in index


def test_a_placeholder_ori_is_refused_and_says_who_sets_it(world, cases, login):
    world.agency_a.ori = "XX0010100"
    world.agency_a.save()
    page = login(world.supervisor).get(reverse("exchange:nibrs_json"))
    assert page.status_code == 422
    text = page.content.decode()
    assert "placeholder" in text and "administrator" in text


def test_htcds_import_from_the_web(world, cases, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from laborlens.audit.models import AuditEvent
    from laborlens.cases.models import Case

    client = login(world.supervisor)
    exported = client.get(reverse("exchange:htcds_csv")).content
    before = Case.objects.count()
    response = client.post(reverse("exchange:htcds_import"),
                           {"file": SimpleUploadedFile("in.csv", exported, "text/csv")})
    assert response.status_code == 200
    assert Case.objects.count() == before + 2
    assert "cases created: 2" in response.content.decode()
    event = AuditEvent.objects.filter(tag="exchange:htcds:import").latest("seq")
    assert event.detail["via"] == "web" and event.detail["cases"] == 2
    broken = exported.decode().replace("Closed", "Shut", 1).encode()
    response = client.post(reverse("exchange:htcds_import"), {"file": SimpleUploadedFile("b.csv", broken)})
    assert response.status_code == 422 and 'data-testid="import-problems"' in response.content.decode()
    assert login(world.investigator).get(reverse("exchange:htcds_import")).status_code == 403


def test_the_agency_administrator_sets_the_ori(world, cases, login):
    from laborlens.audit.models import AuditEvent

    url = reverse("accounts:agency_policy")
    admin = login(world.admin, reauthenticated=True)
    response = admin.post(url, {"ori": "XX0010100"})
    assert response.status_code == 200 and "not a placeholder" in response.content.decode()
    world.agency_a.refresh_from_db()
    assert world.agency_a.ori == "TX0000100"
    assert admin.post(url, {"ori": "tx0450200", "allow_statistical_use": "on"}).status_code == 302
    world.agency_a.refresh_from_db()
    assert world.agency_a.ori == "TX0450200"
    assert AuditEvent.objects.filter(tag="accounts:agency:policy_change").latest("seq").detail["ori"] == "TX0450200"

"""API exports: scoped, audited, CSV or JSON."""

from __future__ import annotations

from laborlens.audit.models import AuditEvent
from laborlens.exchange import htcds
from tests.api.conftest import bearer


def test_htcds_json_and_csv(world, cases):
    client, _token = bearer(world.supervisor)
    response = client.get("/api/v1/exports/htcds/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert len(response.json()["records"]) == 5
    response = client.get("/api/v1/exports/htcds/?format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows, problems = htcds.read_csv(response.content.decode())
    assert problems == [] and htcds.validate(rows) == [] and len(rows) == 5
    assert AuditEvent.objects.filter(tag="exchange:htcds:export", actor_id=world.supervisor.pk).count() == 2


def test_htcds_refuses_bad_format_and_other_roles(world, cases):
    client, _token = bearer(world.supervisor)
    assert client.get("/api/v1/exports/htcds/?format=csv&format=json").status_code == 400
    assert bearer(world.investigator)[0].get("/api/v1/exports/htcds/").status_code == 403
    response = bearer(world.investigator)[0].get("/api/v1/exports/htcds/?format=csv")
    assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"


def test_nibrs(world, cases):
    client, _token = bearer(world.supervisor)
    data = client.get("/api/v1/exports/nibrs/").json()
    assert data["format"] == "laborlens-nibrs-flat-1"
    assert len(data["segments"]["victim"]) == 2 and len(data["not_reportable"]) == 1
    assert AuditEvent.objects.filter(tag="exchange:nibrs:export", actor_id=world.supervisor.pk).exists()


def test_nibrs_with_errors_is_422_with_every_error(world, cases):
    cases["farm"].incident_date = None
    cases["farm"].save()
    client, _token = bearer(world.supervisor)
    response = client.get("/api/v1/exports/nibrs/")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    data = response.json()
    assert "segments" not in data and data["status"] == 422 and data["title"] and data["detail"]
    assert data["errors"] == [{"case": cases["farm"].number, "segment": "administrative", "row": 1,
                               "data_element": "3", "message": "the incident date is missing: record it on "
                               "the case (Edit case, Incident date)"}]

"""The same workflow through the API and the ``laborlens release`` command line, and the
database ledger store against the ``anonymity.budget`` protocol."""

from __future__ import annotations

import csv
import json

import pytest

from laborlens.anonymity import kanon
from laborlens.anonymity.budget import BudgetExceededError, NoBudgetError
from laborlens.audit.models import AuditEvent
from laborlens.cli import main
from laborlens.publishing.ledger import DjangoLedgerStore, ledger_for
from laborlens.publishing.models import PrivacyBudget, Release, Status
from tests.api.conftest import bearer

QIS = ["yearOfRegistration", "gender", "ageCategories", "citizenship"]


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_api_request_read_approve(pw):
    analyst, _ = bearer(pw.analyst_a)
    supervisor, _ = bearer(pw.w.supervisor)
    response = post(analyst, "/api/v1/releases/", {"title": "API release", "dataset": "ctdc", "method": "kanon",
                                                  "parameters": {"quasi_identifiers": QIS, "k": 11}})
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["status"] == "draft" and response.json()["requested_by"] == "analyst_a"
    # Not previewed yet: approval is refused with a problem document, nothing changes.
    refused = post(supervisor, f"/api/v1/releases/{pk}/approve/", {})
    assert refused.status_code == 409 and refused["Content-Type"] == "application/problem+json"
    # the one problem vocabulary of the API (api.exceptions.Conflict), not a hand-built answer
    assert refused.json()["type"].endswith("/409") and refused.json()["title"] == "Conflict"
    assert "preview" in refused.json()["detail"].lower()
    from laborlens.publishing import services
    services.preview_release(Release.objects.get(pk=pk), by=pw.analyst_a)
    detail = supervisor.get(f"/api/v1/releases/{pk}/").json()
    assert detail["selection"]["included"] == 14299 and "utility" in detail["preview"]
    assert post(supervisor, f"/api/v1/releases/{pk}/approve/", {"note": "ok"}).json()["status"] == "approved"
    assert bearer(pw.supervisor_b)[0].get(f"/api/v1/releases/{pk}/").status_code == 404
    assert [r["id"] for r in bearer(pw.supervisor_b)[0].get("/api/v1/releases/").json()["results"]] == []
    assert AuditEvent.objects.filter(tag="publishing:release:approve", actor_id=pw.w.supervisor.pk).exists()


@pytest.mark.parametrize(("body", "expected"), [
    # Malformed or unknown fields: 400.
    ({"title": "x", "dataset": "ctdc", "method": "kanon", "surprise": 1}, 400),
    ({"title": 5, "dataset": "ctdc", "method": "kanon"}, 400),
    ({"title": "x", "dataset": "secret", "method": "kanon"}, 400),
    ({"title": "x", "dataset": "ctdc", "method": "kanon", "parameters": {"k": 1}}, 400),
    ({"title": "x", "dataset": "ctdc", "method": "dp_table", "parameters": {"by": ["gender"], "evil": 1}}, 400),
    # Well formed, refused by the method's rules (the schema cannot say so): 422.
    ({"title": "x", "dataset": "ctdc", "method": "dp_table", "parameters": {"by": ["nope"], "epsilon": 1}}, 422),
])
def test_api_rejects_bad_input(pw, body, expected):
    response = post(bearer(pw.analyst_a)[0], "/api/v1/releases/", body)
    assert response.status_code == expected, response.content
    assert not Release.objects.exists()


def test_cli_workflow(pw, capsys, tmp_path):
    analyst, supervisor = pw.analyst_a.username, pw.w.supervisor.username
    assert main(["release", "request", "--user", analyst, "--title", "CLI release", "--dataset", "ctdc",
                 "--method", "kanon", "--param", f"quasi_identifiers={','.join(QIS)}", "--param", "k=11"]) == 0
    pk = json.loads(capsys.readouterr().out)["id"]
    assert main(["release", "approve", "--user", supervisor, str(pk)]) == 1  # not previewed yet
    assert main(["release", "preview", "--user", analyst, str(pk)]) == 0
    assert json.loads(capsys.readouterr().out)["preview"]["kanon"]["k"] == 11
    assert main(["release", "approve", "--user", analyst, str(pk)]) == 2  # an analyst may not approve: not found
    assert main(["release", "approve", "--user", supervisor, str(pk)]) == 0
    assert main(["release", "publish", "--user", analyst, str(pk)]) == 0
    out = tmp_path / "release.csv"
    assert main(["release", "download", "--user", supervisor, str(pk), "--out", str(out)]) == 0
    with open(out, newline="") as handle:
        assert kanon.verify_k_anonymity(list(csv.DictReader(handle)), QIS, 11).ok
    assert main(["release", "reproduce", "--user", supervisor, str(pk)]) == 0
    capsys.readouterr()
    assert main(["release", "list", "--user", supervisor]) == 0
    assert "CLI release" in capsys.readouterr().out
    assert main(["release", "list", "--user", pw.w.officer.username]) == 1
    assert main(["release", "show", "--user", pw.supervisor_b.username, str(pk)]) == 2
    assert main(["release", "ledger", "--user", supervisor, "--dataset", "cases", "--epsilon", "2"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["epsilon"] == 2.0
    assert Release.objects.get(pk=pk).status == Status.RELEASED
    tags = set(AuditEvent.objects.values_list("tag", flat=True))
    assert {"publishing:release:request", "publishing:release:preview", "publishing:release:approve",
            "publishing:release:publish", "publishing:release:download", "publishing:release:reproduce",
            "publishing:release:list", "publishing:budget:set"} <= tags


def test_database_ledger_store(pw):
    agency = pw.w.agency_a
    ledger = ledger_for(agency, "supervisor")
    with pytest.raises(NoBudgetError):
        ledger.spend("d", 0.1, 0, who="x", what="y")
    ledger.set_budget("d", 1.0, 1e-6)
    ledger.spend("d", 0.1, 0, who="x", what="y")
    ledger.spend("d", 0.2, 0, who="x", what="y")
    ledger.spend("d", 0.7, 1e-6, who="x", what="y")  # 0.1 + 0.2 + 0.7 is exactly 1.0
    with pytest.raises(BudgetExceededError):
        ledger.spend("d", 0.001, 0, who="x", what="y")
    assert ledger.remaining("d").epsilon == 0.0
    assert [s.epsilon for s in ledger.history("d")] == [0.1, 0.2, 0.7]
    assert PrivacyBudget.objects.get(dataset="d").set_by == "supervisor"
    # Budgets belong to an agency: another agency's store does not see them.
    assert DjangoLedgerStore(pw.w.agency_b).get_budget("d") is None

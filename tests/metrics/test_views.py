"""Dashboard, CSV, reports, case summary, charges and interviews: permissions, scope,
audit events, small-count suppression, and no identities where they must not be."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from laborlens.accounts.models import Agency, TaskForce
from laborlens.audit.models import AuditEvent
from laborlens.cases.identity.access import can_see_identity
from laborlens.cases.models import Case, Charge, Interview, Person
from laborlens.metrics import disclosure, figures, reports
from laborlens.metrics.figures import Filters, Table
from tests.api.conftest import bearer
from tests.conftest import signed_in
from tests.permissions import assert_view_permissions

NAMES = ["Mateo Quispe", "Rosa Elena Mamani", "Victor Lopez", "Dale Hutchins", "Ana Sofia Marin", "Linh Tran",
         "Lucía Ccori Apaza"]


def events(tag: str, user) -> int:
    return AuditEvent.objects.filter(tag=tag, actor_id=user.pk).count()


def test_dashboard_permissions_and_audit(demo):
    assert_view_permissions("/metrics/", allowed=demo["supervisor"], no_permission=demo["officer"],
                            outsider=None, login=signed_in, audit_tag="metrics:dashboard:view")
    assert signed_in(demo["outsider"]).get("/metrics/").status_code == 403
    assert signed_in(demo["analyst"]).get("/metrics/").status_code == 200


def test_dashboard_has_charts_tables_and_csv_links_and_no_names(demo):
    tf = TaskForce.objects.get()
    response = signed_in(demo["supervisor"]).get("/metrics/", {"period": "year", "scope": f"tf-{tf.pk}"})
    assert response.status_code == 200
    html = response.content.decode()
    for key in figures.FIGURE_KEYS:
        assert f'data-testid="figure-{key}"' in html
        assert f"/metrics/figures/{key}.csv?" in html
    assert html.count("<svg") >= 8 and "<caption>" in html and 'scope="row"' in html and 'scope="col"' in html
    assert "style=" not in html.split("<main", 1)[1]
    for name in NAMES:
        assert name not in html


def test_scope_only_own_agency_or_own_task_forces(demo):
    other = TaskForce.objects.create(name="Eastport Task Force", jurisdiction="Eastport")
    other.agencies.set([Agency.objects.get(short_name="EPD")])
    client = signed_in(demo["supervisor"])
    assert client.get("/metrics/", {"scope": f"tf-{other.pk}"}).status_code == 400
    assert client.get("/metrics/", {"scope": "tf-999999"}).status_code == 400
    assert client.get("/metrics/", {"period": "custom", "start": "2026-02-01", "end": "2026-01-01"}).status_code == 400
    assert client.get("/metrics/", {"period": "decade"}).status_code == 400
    own = TaskForce.objects.get(name__startswith="Harlan")
    assert client.get("/metrics/", {"scope": f"tf-{own.pk}", "period": "quarter", "on": "2026-05-01"}).status_code == 200


def test_csv_download_is_audited_and_matches_the_figure(demo, wide):
    tf = TaskForce.objects.get()
    user = demo["supervisor"]
    params = {"period": "custom", "start": wide.start.isoformat(), "end": wide.end.isoformat(), "scope": f"tf-{tf.pk}"}
    before = events("metrics:figure:export_csv", user)
    response = signed_in(user).get("/metrics/figures/interviews.csv", params)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert events("metrics:figure:export_csv", user) == before + 1
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    expected = figures.interviews(wide)
    assert lines[0] == ["code", "label", *expected.columns]
    # the CSV leaves the building: small cells are withheld (metrics.disclosure)
    published = disclosure.protect(expected, figures.small_count())
    assert [(line[0], line[2]) for line in lines[1:]] == [(code, row[0].text) for (code, _l, _v), row
                                                          in zip(expected.rows, published, strict=True)]
    assert signed_in(user).get("/metrics/figures/nope.csv").status_code == 404
    assert signed_in(demo["officer"]).get("/metrics/figures/interviews.csv").status_code == 403


def test_suppression_of_small_counts():
    table = Table("x", "X", ["A", "B"], [("a", "one", [1, 0]), ("b", "four", [4, 5]), ("c", "many", [12, None])])
    assert reports.suppressed_rows(table, 5) == [("one", ["<5", "0"]), ("four", ["<5", "5"]), ("many", ["12", "—"])]
    days = Table("referrals", "R", ["V"], [("referrals_sent", "s", [3]), ("victims_referred", "v", [2]),
                                            ("median_days", "m", [4.0]), ("mean_days", "mm", [4.5])],
                 bases={"median_days": [2], "mean_days": [2]})
    assert [cells for _label, cells in reports.suppressed_rows(days, 5)] == [["<5"], ["<5"], ["—"], ["—"]]
    assert [cells for _label, cells in reports.suppressed_rows(days, 2)] == [["3"], ["2"], ["4.0"], ["4.5"]]


def test_funder_xlsx_is_audited_and_suppresses_small_counts(demo, settings):
    settings.METRICS_SMALL_COUNT = 5
    user = demo["analyst"]
    tf = TaskForce.objects.get()
    before = events("metrics:report:export", user)
    response = signed_in(user).get("/metrics/report.xlsx", {"period": "year", "scope": f"tf-{tf.pk}"})
    assert response.status_code == 200
    assert events("metrics:report:export", user) == before + 1
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row[1:] if cell is not None]
    assert "<5" in cells
    # no count from 1 to 4 appears as a number (restitution is money, days are not counts)
    small = [c for c in cells if isinstance(c, int) and 1 <= c <= 4]
    assert small == []
    text = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None)
    for name in NAMES:
        assert name not in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (scripts/bootstrap.sh)")
def test_funder_pdf_renders_to_non_blank_pages(demo, tmp_path: Path):
    from PIL import Image

    user = demo["supervisor"]
    before = events("metrics:report:export", user)
    response = signed_in(user).get("/metrics/report.pdf", {"period": "year"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert events("metrics:report:export", user) == before + 1
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)  # noqa: S603,S607
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages
    for page in pages:
        image = Image.open(page).convert("L")
        low, high = image.getextrema()
        assert low < 128 < high, f"{page.name} looks blank"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60).stdout  # noqa: S603,S607
    assert "Performance report" in text
    for name in NAMES:
        assert name not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_case_summary_pdf_scoped_and_identities_by_visibility(demo, tmp_path: Path):
    case = Case.objects.get(title="Green Acres farm crew")
    url = f"/metrics/cases/{case.pk}/summary.pdf"
    assert_view_permissions(url, allowed=demo["investigator"], no_permission=demo["analyst"],
                            outsider=demo["outsider"], login=signed_in, audit_tag="cases:summary:export")
    victims = list(case.people.filter(role="victim"))
    for username in ("investigator", "advocate", "prosecutor"):
        user = demo[username]
        response = signed_in(user).get(url)
        assert response.status_code == 200, username
        pdf = tmp_path / f"{username}.pdf"
        pdf.write_bytes(response.content)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60).stdout  # noqa: S603,S607
        text = " ".join(text.split())
        assert "LAW ENFORCEMENT SENSITIVE" in text  # printed on every page
        for person in victims:
            assert person.pseudonym in text
            assert (person.full_name in text) == can_see_identity(user, person), (username, person.pseudonym)
    hcso_case = Case.objects.get(title="Harlan Inn housekeeping staff")
    assert signed_in(demo["investigator"]).get(f"/metrics/cases/{hcso_case.pk}/summary.pdf").status_code == 404


def test_add_charge_and_interview_from_the_case_page(demo):
    case = Case.objects.get(title="Green Acres farm crew")
    investigator = demo["investigator"]
    client = signed_in(investigator)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Record a charge" in page and "Record an interview" in page and "Case summary (PDF)" in page
    suspect = Person.objects.filter(case=case, role="suspect").last()
    victim = Person.objects.filter(case=case, role="victim").first()
    charges, interviews = Charge.objects.count(), Interview.objects.count()
    response = client.post(f"/cases/{case.pk}/charges/new/", {
        "defendant": suspect.pk, "statute": "usc18_1589b", "arrested_on": "2026-01-05", "charged_on": "2026-01-06",
        "disposition": "pending"})
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(f"/cases/{case.pk}/interviews/new/", {
        "person": victim.pk, "held_on": "2026-01-07", "kind": "trial_prep", "language": "es", "interpreter_used": "on"})
    assert response.status_code == 302
    assert Charge.objects.count() == charges + 1 and Interview.objects.count() == interviews + 1
    assert events("cases:charge:create", investigator) >= 1 and events("cases:interview:create", investigator) >= 1
    # a victim cannot be a defendant; a suspect is not interviewed as a victim; no future dates
    assert client.post(f"/cases/{case.pk}/charges/new/", {"defendant": victim.pk, "statute": "usc18_1589a",
                                                          "disposition": "pending"}).status_code == 400
    assert client.post(f"/cases/{case.pk}/interviews/new/", {"person": suspect.pk, "held_on": "2026-01-07",
                                                             "kind": "forensic", "language": "es"}).status_code == 400
    assert client.post(f"/cases/{case.pk}/charges/new/", {"statute": "usc18_1589a", "disposition": "plea"}).status_code == 400
    # permission and scope
    assert signed_in(demo["officer"]).post(f"/cases/{case.pk}/charges/new/", {}).status_code == 403
    hcso_case = Case.objects.get(title="Harlan Inn housekeeping staff")
    assert client.post(f"/cases/{hcso_case.pk}/interviews/new/", {}).status_code == 404


def test_api_returns_the_same_figures(demo, wide):
    tf = TaskForce.objects.get()
    client, _token = bearer(demo["analyst"])
    params = {"period": "custom", "start": wide.start.isoformat(), "end": wide.end.isoformat(), "scope": f"tf-{tf.pk}"}
    response = client.get("/api/v1/metrics/", params)
    assert response.status_code == 200
    body = response.json()
    assert [f["key"] for f in body["figures"]] == figures.FIGURE_KEYS
    expected = {t.key: t.as_dict(figures.small_count()) for t in figures.compute_all(Filters(**{**wide.__dict__}))}
    for figure in body["figures"]:
        assert figure["rows"] == expected[figure["key"]]["rows"]
    read = AuditEvent.objects.filter(tag="metrics:dashboard:view", actor_id=demo["analyst"].pk).latest("seq")
    assert read.detail["via"] == "api" and read.detail["period"] == "custom"  # the page's event, via the API
    assert client.get("/api/v1/metrics/", {"bogus": "1"}).status_code == 400
    assert client.get("/api/v1/metrics/", {"scope": "tf-999"}).status_code == 422
    assert client.get("/api/v1/metrics/", {"period": "custom"}).status_code == 422
    assert client.get("/api/v1/metrics/", {"period": "custom", "end": "2000-01-01"}).status_code == 422
    assert client.get("/api/v1/metrics/", {"period": "decade"}).status_code == 400
    assert client.get("/api/v1/metrics/", {"on": "not-a-date"}).status_code == 400
    assert bearer(demo["officer"])[0].get("/api/v1/metrics/").status_code == 403

"""Threat data from the web: upload, queued import on the real worker, progress and the
per-row report, the period of the data behind every figure."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.formats import date_format
from django_tasks_db.models import DBTaskResult

from laborlens.audit.models import AuditEvent
from laborlens.threat import assessment, demo, uploads
from laborlens.threat.models import CertifiedEmployer, ImportRun, ThreatUpload, UcrCount

pytestmark = pytest.mark.django_db(transaction=True)

BAD_UCR = ("DATA_YEAR,ORI,STATE_ABBR,OFFENSE_SUBCAT_NAME,ACTUAL_COUNT\n"
           "2016,GA0000000,GA,Arson,1\n2017,GA0000000,GA,Human Trafficking: Involuntary Servitude,2\n")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.THREAT_UPLOAD_INLINE = False


def run_worker() -> None:
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)


def test_upload_queues_then_the_worker_imports_and_reports_every_row(world, login):
    client = login(world.analyst)
    assert client.get(reverse("threat:upload")).status_code == 200
    response = client.post(reverse("threat:upload"), {
        "kind": "ucr", "file": SimpleUploadedFile("ucr_2016.csv", BAD_UCR.encode(), "text/csv")})
    item = ThreatUpload.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("threat:upload_status", args=[item.pk])
    assert item.status == "queued" and (uploads.upload_dir() / item.stored_name).is_file()
    assert AuditEvent.objects.filter(tag="threat:data:upload").latest("seq").detail["file"] == "ucr_2016.csv"
    waiting = client.get(response["Location"])
    assert waiting["Refresh"] == "3" and "waits for the background worker" in waiting.content.decode()
    assert DBTaskResult.objects.filter(task_path="laborlens.threat.tasks.import_upload").count() == 1
    run_worker()
    item.refresh_from_db()
    assert item.status == "done" and item.run is not None
    assert (item.run.rows_read, item.run.imported, item.run.flagged) == (2, 1, 1)
    assert not (uploads.upload_dir() / item.stored_name).exists()  # the stored file is gone
    assert AuditEvent.objects.filter(tag="threat:data:import").latest("seq").actor_label == "web:analyst"
    done = client.get(response["Location"])
    html = done.content.decode()
    assert "Refresh" not in done
    assert '<th scope="row">2</th><td>offence &#x27;Arson&#x27; is neither' in html
    assert 'data-testid="data-periods"' in html and "<td>2017</td>" in html


def test_a_file_of_the_wrong_kind_is_refused_with_the_reason(world, login):
    client = login(world.analyst)
    client.post(reverse("threat:upload"), {"kind": "h2a", "file": SimpleUploadedFile("x.csv", BAD_UCR.encode())})
    run_worker()
    item = ThreatUpload.objects.get()
    assert item.status == "refused" and item.message
    assert CertifiedEmployer.objects.count() == 0
    assert item.message in client.get(reverse("threat:upload_status", args=[item.pk])).content.decode()


def test_only_xlsx_and_csv_and_only_insights_users(world, login):
    response = login(world.analyst).post(reverse("threat:upload"), {
        "kind": "ucr", "file": SimpleUploadedFile("data.exe", b"MZ")})
    assert response.status_code == 400 and ThreatUpload.objects.count() == 0
    assert login(world.officer).get(reverse("threat:upload")).status_code == 403


def test_progress_is_read_from_the_running_import(world):
    item = ThreatUpload.objects.create(kind="ucr", file_name="big.csv", stored_name="abc.csv",
                                       uploaded_by=world.analyst, status="running")
    (uploads.upload_dir() / "abc.csv.progress").write_text("3000 12000")
    assert uploads.progress_of(item) == (3000, 12000)


def test_every_figure_shows_its_period_and_old_data_is_flagged(world, login):
    for path, options in ((demo.DEMO_DATA / "h2a_fy2017_GA.csv", {"programme": "h2a"}),):
        from laborlens.threat import importers

        importers.import_dol(path, **options)
        importers.import_ucr(demo.DEMO_DATA / "ucr_2013_2020_GA.csv")
    periods = assessment.data_periods()
    assert set(periods) == {"h2a", "ucr"}
    ucr_years = sorted(set(UcrCount.objects.values_list("year", flat=True)))
    assert periods["ucr"].text == f"{ucr_years[0]} – {ucr_years[-1]}"
    dates = sorted(d for d in CertifiedEmployer.objects.values_list("decision_date", flat=True) if d)
    assert periods["h2a"].last == dates[-1].isoformat() and periods["h2a"].stale
    html = login(world.analyst).get("/threat/", {"state": "GA"}).content.decode()
    # one date format per language (issue 17.8): "4 Dec 2026", not ISO
    assert f"H-2A decisions {date_format(dates[0])} – {date_format(dates[-1])}" in html
    assert date_format(dates[0]) == f"{dates[0].day} {dates[0]:%b} {dates[0].year}"
    assert f"years {ucr_years[0]} – {ucr_years[-1]}" in html
    assert 'data-testid="stale-data"' in html and 'data-testid="stale-h2a"' in html
    assert ImportRun.objects.count() == 2

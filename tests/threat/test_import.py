"""Importing the real files' formats: alias mapping, flagged rows, idempotency, audit."""

from __future__ import annotations

import pytest

from laborlens.audit.models import AuditEvent
from laborlens.threat import importers
from laborlens.threat.models import CertifiedEmployer, Debarment, ImportProblem, ImportRun, UcrCount
from tests.threat.conftest import (
    DEBARMENTS,
    H2A,
    H2B,
    UCR,
    csv_slice,
    row_with,
    write_xlsx,
    xlsx_slice,
)

pytestmark = pytest.mark.django_db


def test_h2a_slice_with_bad_rows_imports_flags_and_reports_progress(tmp_path):
    target = tmp_path / "h2a_slice.xlsx"
    headers, rows = xlsx_slice(H2A, target, 40)
    bad = [
        row_with(headers, rows[0], CASE_NUMBER="H-300-BAD-1", EMPLOYER_NAME=None),
        row_with(headers, rows[0], CASE_NUMBER="H-300-BAD-2", NBR_WORKERS_CERTIFIED="lots"),
        row_with(headers, rows[0], CASE_NUMBER="H-300-BAD-3", WORKSITE_STATE="ZZ"),
        [None] * len(headers),
    ]
    write_xlsx(target, [headers, *rows, *bad])
    seen = []
    run = importers.import_dol(target, progress=lambda read, total: seen.append((read, total)))
    assert run.kind == "h2a"  # told by the VISA_CLASS column
    assert run.rows_read == 44 and run.flagged == 3 and run.imported + run.skipped == 41
    assert run.imported == CertifiedEmployer.objects.count() >= 38
    problems = list(ImportProblem.objects.filter(run=run).values_list("row_number", "reason"))
    assert problems == [(42, "no employer name"), (43, "workers certified is not a number: 'lots'"),
                        (44, "worksite state 'ZZ' is not a U.S. state or territory")]
    assert seen[-1] == (44, 44)
    first = CertifiedEmployer.objects.get(case_number=rows[0][0], employer_name=rows[0][headers.index("EMPLOYER_NAME")])
    assert first.worksite_state == rows[0][headers.index("WORKSITE_STATE")]
    assert first.county_fips and first.industry  # Matagorda County, TX; livestock -> farming
    assert len(run.sha256) == 64 and run.file_name == "h2a_slice.xlsx" and run.duration_seconds >= 0
    event = AuditEvent.objects.get(tag="threat:data:import")
    assert event.detail["imported"] == run.imported and event.detail["flagged"] == 3


def test_importing_the_same_file_twice_adds_nothing(tmp_path):
    target = tmp_path / "h2b.xlsx"
    xlsx_slice(H2B, target, 30)
    first = importers.import_dol(target, programme="h2b")
    count = CertifiedEmployer.objects.count()
    second = importers.import_dol(target, programme="h2b")
    assert CertifiedEmployer.objects.count() == count == first.imported
    assert second.imported == 0 and second.skipped == first.imported + first.skipped
    assert second.sha256 == first.sha256 and ImportRun.objects.count() == 2
    h2b = CertifiedEmployer.objects.filter(programme="h2b").first()
    assert h2b.worksite_state == "FL" or len(h2b.worksite_state) == 2  # 'FLORIDA' -> 'FL'


def test_h2b_full_state_names_and_csv_form_are_read(tmp_path):
    target = tmp_path / "H-2B_2019.xlsx"
    xlsx_slice(H2B, target, 5)
    run = importers.import_dol(target)  # no VISA_CLASS hint needed beyond the file
    assert run.kind == "h2b"
    assert set(CertifiedEmployer.objects.values_list("worksite_state", flat=True)) <= {
        "FL", "KY", "TX", "NY", "LA", "MI", "CO", "MA", "PA", "OH", "MO", "NC", "NJ", "VA", "GA", "SC", "ME", "MD"}


def test_old_style_headers_and_unknown_formats(tmp_path):
    old = write_xlsx(tmp_path / "h2a_fy2008.xlsx", [
        ["H-2A Program Disclosure Data, FY 2008"],
        ["CASE_NO", "EMPLOYER_NAME", "ALIEN_WORK_CITY", "ALIEN_WORK_STATE", "NBR_WORKERS_CERTIFIED", "CASE_STATUS"],
        ["C-08001", "Castro Harvesting", "Bainbridge", "GA", 40, "CERTIFIED - FULL"],
    ])
    run = importers.import_dol(old)
    assert run.imported == 1 and run.kind == "h2a"
    employer = CertifiedEmployer.objects.get()
    assert (employer.worksite_state, employer.workers_certified, employer.certified) == ("GA", 40, True)
    unknown = write_xlsx(tmp_path / "h2a_other.xlsx", [["NAME", "CITY"], ["x", "y"]])
    with pytest.raises(importers.ImportRefused, match="required columns not found"):
        importers.import_dol(unknown)
    nameless = write_xlsx(tmp_path / "disclosure.xlsx", [["CASE_NUMBER", "EMPLOYER_NAME", "WORKSITE_STATE",
                                                            "NBR_WORKERS_CERTIFIED"], ["1", "x", "GA", 1]])
    with pytest.raises(importers.ImportRefused, match="--programme"):
        importers.import_dol(nameless)
    assert ImportRun.objects.count() == 1  # refused files leave no run


def test_association_totals_are_not_counted_twice(tmp_path):
    headers = ["CASE_NUMBER", "VISA_CLASS", "CASE_STATUS", "PRIMARY/SUB", "EMPLOYER_NAME", "WORKSITE_STATE",
               "WORKSITE_COUNTY", "NBR_WORKERS_CERTIFIED"]
    status = "DETERMINATION ISSUED - CERTIFICATION"
    path = write_xlsx(tmp_path / "assoc.xlsx", [
        headers,
        ["H-1", "H-2A", status, "PRI", "Growers Association", "NC", "Moore", 30],
        ["H-1", "H-2A", status, "SUB", "Farm One", "NC", "Moore", 10],
        ["H-1", "H-2A", status, "SUB", "Farm Two", "NC", "Moore", 20],
        ["H-2", "H-2A", status, "PRI", "Solo Farm", "NC", "Moore", 5],
    ])
    importers.import_dol(path)
    totals = dict(CertifiedEmployer.objects.values_list("employer_name", "association_total"))
    assert totals == {"Growers Association": True, "Farm One": False, "Farm Two": False, "Solo Farm": False}


def test_ucr_slice_places_agencies_in_counties_and_reimport_is_idempotent(tmp_path):
    target = tmp_path / "ucr.csv"
    headers = csv_slice(UCR, target, 60, extra=[
        ["2016", "XX", "Nowhere", "", "City", "TX", "Texas", "", "", "", "", "", "82", "Human Trafficking",
         "Involuntary Servitude", "1", "0", "0", "0"],
    ])
    assert headers[0] == "DATA_YEAR"
    run = importers.import_ucr(target)
    assert run.flagged == 1 and run.imported == 60
    assert ImportProblem.objects.get(run=run).reason.startswith("ORI is not an agency identifier")
    fort_worth = UcrCount.objects.filter(ori="TX2201200").first()
    if fort_worth is not None:
        assert len(fort_worth.county_fips) == 3  # Parker, Denton, Tarrant
    again = importers.import_ucr(target)
    assert again.imported == 0 and UcrCount.objects.count() == 60


def test_debarments_import_keeps_foreign_entities(tmp_path):
    target = tmp_path / "debarments.csv"
    csv_slice(DEBARMENTS, target, 200, extra=[["H-2A", "", "Yuma", "AZ", "2011-01-01", "2012-01-01", "", ""],
                                              ["H-2B", "Late Start LLC", "Mobile", "AL", "2014-01-01",
                                               "2013-01-01", "", ""]])
    run = importers.import_debarments(target)
    assert run.flagged == 2 and run.imported == 141
    reasons = list(ImportProblem.objects.filter(run=run).values_list("reason", flat=True))
    assert reasons == ["no debarred entity name", "end date 2013-01-01 is before start date 2014-01-01"]
    abroad = Debarment.objects.filter(state="", city__contains="Canada")
    assert abroad.exists()
    assert Debarment.objects.get(entity="Ochoa Farming Inc.").name_key == "ochoa farming"

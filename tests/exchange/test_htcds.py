"""HTCDS export and import: scope, de-identification, validation, audit, lossless round trip."""

from __future__ import annotations

import json

import pytest

from laborlens.audit.models import AuditEvent
from laborlens.cases.models import Case, Person
from laborlens.exchange import htcds, services
from tests.conftest import make_user


def test_export_covers_own_agency_cases_without_identities(world, cases):
    text = services.export_htcds(world.supervisor, "csv")
    rows, problems = htcds.read_csv(text)
    assert problems == [] and htcds.validate(rows) == []
    assert [(r["ll_RecordType"], r["ll_CaseId"], r["ll_PersonId"]) for r in rows] == [
        ("Case", "C-1", ""), ("Victim", "C-1", "V-1"), ("Victim", "C-1", "V-2"), ("Perpetrator", "C-1", "S-1"),
        ("Case", "C-2", "")]
    assert rows[2]["vic_TypeOfExploitation"] == "ForcedLabour;ChildLabour"
    assert rows[4]["cas_Status"] == "Closed"
    for secret in ("Secret", "Secreto", "Secreta", "555", "1990", "RPD-", "Farm case", "Eastport"):
        assert secret not in text
    event = AuditEvent.objects.filter(tag="exchange:htcds:export").latest("seq")
    assert event.actor_id == world.supervisor.pk
    assert event.detail["cases"] == 2 and event.detail["victims"] == 2 and event.detail["perpetrators"] == 1


def test_only_supervisors_export(world, cases):
    for user in (world.investigator, world.officer, world.analyst, world.advocate, world.outsider):
        with pytest.raises(services.ExchangeRefused):
            services.export_htcds(user, "json")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_round_trip_is_lossless(world, cases, fmt):
    first = services.export_htcds(world.supervisor, fmt)
    importer = make_user("importer", world.agency_b, "supervisor")
    report = services.import_htcds(first, fmt, user=importer)
    assert report.rejected == [] and report.file_problems == []
    assert report.cases_created == 2 and report.people_created == 3
    again = services.export_htcds(importer, fmt)
    assert again == first
    imported = Case.objects.filter(lead_agency=world.agency_b, created_by=importer)
    assert imported.count() == 2
    assert all(case.memberships.filter(user=importer, role="lead").exists() for case in imported)
    minor = Person.objects.get(case__in=imported, pseudonym="V-2")
    assert minor.is_minor and minor.languages == ["mam"] and minor.recorded_by_agency == world.agency_b
    event = AuditEvent.objects.filter(tag="exchange:htcds:import").latest("seq")
    assert event.detail["cases"] == 2 and event.detail["rejected_rows"] == 0
    assert AuditEvent.objects.filter(tag="cases:case:create", actor_id=importer.pk).count() == 2


def test_import_reports_each_rejected_row_and_keeps_the_rest(world):
    importer = make_user("importer", world.agency_b, "supervisor")
    text = (
        "ll_RecordType,ll_CaseId,ll_PersonId,cas_Status,prs_FirstName,vic_TraffickingStatus,vic_TypeOfExploitation,"
        "vic_ForcedLabourIndustry\n"
        "Case,C-1,,Active,,,,\n"
        "Victim,C-1,V-1,,,PossibleVictimOfTrafficking,ForcedLabour,F_Construction\n"
        "Victim,C-1,V-2,,Maria,PossibleVictimOfTrafficking,ForcedLabour,\n"
        "Victim,C-1,V-3,,,NotAVictimOfTrafficking,ForcedLabour,\n"
        "Case,C-2,,Pending,,,,\n"
        "Victim,C-2,V-1,,,PossibleVictimOfTrafficking,SexualExploitation,\n"
        "Victim,C-3,V-1,,,PossibleVictimOfTrafficking,Slavery,\n"
    )
    report = services.import_htcds(text, "csv", user=importer)
    assert report.cases_created == 1 and report.people_created == 1
    assert [(p.row, p.field) for p in report.rejected] == [
        (3, "prs_FirstName"), (4, "vic_TraffickingStatus"), (5, "cas_Status"), (6, "ll_CaseId"),
        (7, "vic_TypeOfExploitation"), (7, "ll_CaseId")]
    assert report.rejected_rows == 5
    case = Case.objects.get(lead_agency=world.agency_b)
    assert case.industry == "construction" and case.exploitation == "labor"
    assert list(case.people.values_list("pseudonym", flat=True)) == ["V-1"]
    assert AuditEvent.objects.filter(tag="exchange:htcds:import").latest("seq").detail["rejected_rows"] == 5


def test_unknown_columns_reject_the_file(world):
    importer = make_user("importer", world.agency_b, "supervisor")
    report = services.import_htcds("ll_RecordType,ll_CaseId,cas_Status,shoe_size\nCase,C-1,Active,9\n", "csv",
                                   user=importer)
    assert report.cases_created == 0
    assert [(p.row, p.field) for p in report.file_problems] == [(0, "shoe_size")]


def test_import_needs_cases_create(world):
    with pytest.raises(services.ExchangeRefused):
        services.import_htcds("ll_RecordType,ll_CaseId,cas_Status\nCase,C-1,Active\n", "csv", user=world.analyst)


def test_json_export_is_a_cited_document(world, cases):
    document = json.loads(services.export_htcds(world.supervisor, "json"))
    assert document["standard"] == "HTCDS 2.0" and document["profile"] == htcds.PROFILE
    assert document["records"][0] == {"ll_RecordType": "Case", "ll_CaseId": "C-1", "cas_Status": "Active"}

"""NIBRS extract (pure): segments, the data-element rules, every error per incident, XML."""

from __future__ import annotations

from datetime import date, datetime
from xml.etree import ElementTree as ET

import pytest

from laborlens.exchange import nibrs, nibrs_xml

TODAY = date(2026, 12, 1)
ANA = nibrs.Demographics("34", "F", "W", "H")
CHILD = nibrs.Demographics("0117", "U", "U", "U")
BOSS = nibrs.Demographics("4050", "M", "W", "N")


def incident(**changes) -> nibrs.Incident:
    values = dict(case_label="RPD-2026-0001", ori="TX1234500", incident_number="RPD26-0001",
                  incident_date=date(2026, 3, 4), incident_hour=14, stage="investigation", exploitation="both",
                  industry="farming_agriculture", victims=(ANA, CHILD), offenders=(BOSS, nibrs.Demographics()),
                  arrests=(nibrs.Arrest(date(2026, 5, 1), "64B", BOSS),))
    values.update(changes)
    return nibrs.Incident(**values)


def test_a_complete_incident_has_every_segment_and_no_error():
    extract = nibrs.build([incident()], submitted_on=TODAY)
    assert extract.problems == []
    assert nibrs.validate(extract, TODAY) == []
    segments = extract.segments
    assert [row["ucr_offense_code"] for row in segments["offense"]] == ["64A", "64B"]
    assert {row["location_type"] for row in segments["offense"]} == {"46"}
    admin = segments["administrative"][0]
    assert (admin["incident_date"], admin["incident_hour"]) == ("20260304", "14")
    assert [(row["age"], row["sex"], row["race"], row["ethnicity"]) for row in segments["victim"]] == [
        ("34", "F", "W", "H"), ("0117", "U", "U", "U")]
    assert segments["victim"][0]["offenses_connected"] == "64A;64B"
    assert segments["victim"][0]["relationship_to_offenders"] == "01:RU;02:RU"
    assert [row["offender_sequence_number"] for row in segments["offender"]] == ["01", "02"]
    assert segments["offender"][0]["age"] == "4050"
    arrestee = segments["arrestee"][0]
    assert (arrestee["arrest_date"], arrestee["age"], arrestee["sex"]) == ("20260501", "4050", "M")


def test_unknown_offender_is_sequence_00_with_no_description():
    extract = nibrs.build([incident(offenders=(), arrests=(), exploitation="labor")], submitted_on=TODAY)
    assert extract.problems == []
    offender = extract.segments["offender"][0]
    assert (offender["offender_sequence_number"], offender["age"], offender["sex"]) == ("00", "", "")
    assert extract.segments["victim"][0]["relationship_to_offenders"] == ""


def test_cases_with_nothing_to_report_yet_are_listed_not_errors():
    extract = nibrs.build([incident(victims=(), stage="discovery"), incident(exploitation="other")],
                          submitted_on=TODAY)
    assert extract.incidents == 0 and extract.problems == []
    assert [item["codes"] for item in extract.not_reportable] == [["victim", "offense"], ["exploitation"]]


def test_a_broken_case_yields_every_error_readably():
    broken = incident(case_label="RPD-2026-0009", ori="XX0010100", incident_number="A-VERY-LONG-NUMBER-2026",
                      incident_date=None, incident_hour=31,
                      victims=(nibrs.Demographics("150", "Q", "W", "Z"), nibrs.Demographics("3020")),
                      arrests=(nibrs.Arrest(date(2027, 1, 5), "64B", nibrs.Demographics("", "", "", "")),))
    extract = nibrs.build([broken, incident()], submitted_on=TODAY)
    by_case = extract.problems_by_case
    assert list(by_case) == ["RPD-2026-0009"]  # the good incident has none
    text = [str(p) for p in by_case["RPD-2026-0009"]]
    expected = [
        "administrative 1: data element 1: The agency's ORI 'XX0010100' is a placeholder",
        "administrative 1: data element 2: 'A-VERY-LONG-NUMBER-2026' is not 1-12",
        "administrative 1: data element 3: the incident date is missing",
        "administrative 1: data element 3: '31' is not an hour 00-23",
        "victim 1: data element 26: '150' is not a NIBRS age",
        "victim 1: data element 27: 'Q' is not a valid sex code",
        "victim 1: data element 29: 'Z' is not a valid ethnicity code",
        "victim 2: data element 26: the age range 30-20 must go from younger to older",
        "arrestee 1: data element 42: the arrest date 2027-01-05 is after the submission date",
        "arrestee 1: data element 47: age is mandatory and missing",
        "arrestee 1: data element 48: sex is mandatory and missing",
        "arrestee 1: data element 49: race is mandatory and missing",
    ]
    for line in expected:
        assert any(line in t for t in text), (line, text)
    assert len(text) == len(expected)


def test_incident_after_submission_and_arrest_before_incident():
    late = incident(incident_date=date(2026, 12, 2), arrests=(nibrs.Arrest(date(2026, 11, 30), "64B", BOSS),))
    messages = [p.message for p in nibrs.build([late], submitted_on=TODAY).problems]
    assert "the incident date 2026-12-02 is after the submission date 2026-12-01" in messages
    assert "the arrest date 2026-11-30 is before the incident date 2026-12-02" in messages


def test_victims_of_64a_64b_must_be_individuals_and_offenses_must_exist():
    extract = nibrs.build([incident()], submitted_on=TODAY)
    victim = extract.segments["victim"][0]
    victim["type_of_victim"] = "B"
    victim["offenses_connected"] = "64A;13A"
    victim["relationship_to_offenders"] = "01:RU;07:XX"
    messages = [p.message for p in nibrs.validate(extract, TODAY)]
    assert "a victim of 64A/64B must be an individual (I), not 'B'" in messages
    assert "offense '13A' is not in this incident's offenses" in messages
    assert "offender '07' is not a known offender of this incident" in messages
    assert "'XX' is not a relationship code" in messages


def test_validate_finds_orphans_and_repeats():
    extract = nibrs.build([incident()], submitted_on=TODAY)
    extract.segments["arrestee"][0]["incident_number"] = "OTHER"
    extract.segments["offense"].append(dict(extract.segments["offense"][0]))
    messages = [p.message for p in nibrs.validate(extract, TODAY)]
    assert "no administrative segment for this incident" in messages
    assert "the same offense code is reported twice" in messages


@pytest.mark.parametrize(("ori", "ok"), [("TX1234500", True), ("NB0280000", True), ("", False),
                                         ("XX0010100", False), ("TX", False), ("TX0000000", False),
                                         ("tx1234500", True)])
def test_ori_rules(ori, ok):
    assert (nibrs.ori_problem(ori) == "") is ok


def test_age_codes():
    assert nibrs.age_code(34, False) == "34"
    assert nibrs.age_code(25, False, 30) == "2530"
    assert nibrs.age_code(30, False, 25) == "30"  # a backwards range is not a range
    assert nibrs.age_code(None, True) == "0117"
    assert nibrs.age_code(None, False) == "00"
    assert nibrs.age_code(0, False) == "00"
    assert nibrs.age_code(101, False) == "99"


def test_csv_has_one_file_per_segment_and_the_not_reportable_list():
    files = nibrs.to_csv(nibrs.build([incident(), incident(victims=())], submitted_on=TODAY))
    assert set(files) == {"administrative.csv", "offense.csv", "victim.csv", "offender.csv", "arrestee.csv",
                          "not_reportable.csv"}
    assert files["victim.csv"].splitlines()[0].startswith("ori,incident_number,victim_sequence_number")
    assert "no victim recorded" in files["not_reportable.csv"]


def test_xml_follows_the_iepd_structure():
    extract = nibrs.build([incident()], submitted_on=TODAY)
    root = ET.fromstring(nibrs_xml.to_xml(extract, datetime(2026, 12, 1, 9, 30)))  # noqa: S314 (our own output)
    ns = dict(nibrs_xml.NS)
    assert root.tag == f"{{{ns['nibrs']}}}Submission"
    reports = root.findall("nibrs:Report", ns)
    assert len(reports) == 1
    report = reports[0]
    assert report.find("nc:Incident/nc:ActivityDate/nc:DateTime", ns).text == "2026-03-04T14:00:00"
    assert report.find("nibrs:ReportHeader/nibrs:ReportingAgency/j:OrganizationAugmentation/"
                       "j:OrganizationORIIdentification/nc:IdentificationID", ns).text == "TX1234500"
    assert [e.text for e in report.findall("j:Offense/nibrs:OffenseUCRCode", ns)] == ["64A", "64B"]
    assert len(report.findall("j:Victim", ns)) == 2 and len(report.findall("j:Subject", ns)) == 2
    assert len(report.findall("j:OffenseVictimAssociation", ns)) == 4
    assert len(report.findall("j:SubjectVictimAssociation", ns)) == 4
    ranges = report.findall("nc:Person/nc:PersonAgeMeasure/nc:MeasureIntegerRange", ns)
    assert {(r[1].text, r[0].text) for r in ranges} == {("1", "17"), ("40", "50")}
    assert report.find("j:Arrest/j:ArrestCharge/nibrs:ChargeUCRCode", ns).text == "64B"


def test_no_schema_is_shipped_so_schema_validation_says_so():
    # The FBI XSD is not in the repository (docs/HTCDS_MAPPING.md): schema_errors says None,
    # never "valid".
    assert nibrs_xml.schema_files() == []
    assert nibrs_xml.schema_errors("<x/>") is None

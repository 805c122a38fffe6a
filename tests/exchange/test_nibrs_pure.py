"""NIBRS extract (pure): segments, codes, validation, deficiencies."""

from __future__ import annotations

from datetime import date

from laborlens.exchange import nibrs


def incident(**changes) -> nibrs.Incident:
    values = dict(case_label="RPD-2026-0001", ori="TX1234500", incident_number="RPD26-0001",
                  report_date=date(2026, 3, 4), stage="investigation", exploitation="both",
                  industry="farming_agriculture", victims=(nibrs.Victim("34"), nibrs.Victim("0117")),
                  offenders=2, arrests=(nibrs.Arrest(date(2026, 5, 1), "64B"),))
    values.update(changes)
    return nibrs.Incident(**values)


def test_a_complete_incident_has_every_segment():
    extract = nibrs.build([incident()])
    assert nibrs.validate(extract) == []
    segments = extract.segments
    assert [row["ucr_offense_code"] for row in segments["offense"]] == ["64A", "64B"]
    assert {row["location_type"] for row in segments["offense"]} == {"46"}
    assert segments["administrative"][0]["incident_date"] == "20260304"
    assert segments["administrative"][0]["report_date_indicator"] == "R"
    assert [row["age"] for row in segments["victim"]] == ["34", "0117"]
    assert segments["victim"][0]["offenses_connected"] == "64A;64B"
    assert segments["victim"][0]["relationship_to_offenders"] == "01:RU;02:RU"
    assert [row["offender_sequence_number"] for row in segments["offender"]] == ["01", "02"]
    assert segments["arrestee"][0]["arrest_date"] == "20260501"
    assert extract.not_reportable == []


def test_unknown_offender_is_sequence_00():
    extract = nibrs.build([incident(offenders=0, arrests=(), exploitation="labor")])
    assert nibrs.validate(extract) == []
    assert extract.segments["offender"][0]["offender_sequence_number"] == "00"
    assert extract.segments["offense"][0]["ucr_offense_code"] == "64B"
    assert extract.segments["arrestee"] == []


def test_cases_that_cannot_be_reported_say_what_they_lack():
    extract = nibrs.build([incident(ori="", victims=(), stage="discovery"), incident(exploitation="other"),
                           incident(incident_number="A-VERY-LONG-NUMBER-2026")])
    assert extract.incidents == 0
    assert [item["codes"] for item in extract.not_reportable] == [
        ["ori", "victim", "offense"], ["exploitation"], ["incident_number"]]
    assert extract.not_reportable[0]["lacks"][1] == "no victim recorded"


def test_validator_catches_bad_codes_and_orphans():
    extract = nibrs.build([incident()])
    extract.segments["victim"][0]["sex"] = "Q"
    extract.segments["victim"][1]["age"] = "150"
    extract.segments["arrestee"][0]["incident_number"] = "OTHER"
    extract.segments["administrative"][0]["incident_date"] = "20261340"
    problems = nibrs.validate(extract)
    assert any("sex 'Q'" in p for p in problems)
    assert any("age '150'" in p for p in problems)
    assert any("no administrative segment" in p for p in problems)
    assert any("incident_date" in p for p in problems)


def test_age_codes():
    assert nibrs.age_code(34, False) == "34"
    assert nibrs.age_code(None, True) == "0117"
    assert nibrs.age_code(None, False) == "00"
    assert nibrs.age_code(0, False) == "00"
    assert nibrs.age_code(101, False) == "99"


def test_csv_has_one_file_per_segment_and_the_not_reportable_list():
    files = nibrs.to_csv(nibrs.build([incident(), incident(victims=())]))
    assert set(files) == {"administrative.csv", "offense.csv", "victim.csv", "offender.csv", "arrestee.csv",
                          "not_reportable.csv"}
    assert files["victim.csv"].splitlines()[0].startswith("ori,incident_number,victim_sequence_number")
    assert "no victim recorded" in files["not_reportable.csv"]

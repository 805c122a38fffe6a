"""NIBRS extract from cases: scope, demographics from the person form, incident date from
the case, arrestees from charges, ORI refusal, every error before anything is written."""

from __future__ import annotations

import pytest

from laborlens.audit.models import AuditEvent
from laborlens.exchange import nibrs, services


def test_extract_from_cases(world, cases):
    extract = services.export_nibrs(world.supervisor)
    assert extract.problems == [] and nibrs.validate(extract) == []
    assert extract.incidents == 1
    admin = extract.segments["administrative"][0]
    assert admin["ori"] == "TX0000100" and admin["incident_number"] == f"LL{cases['farm'].pk:010d}"
    # The incident date and hour come from the case facts, not the date it was opened.
    assert (admin["incident_date"], admin["incident_hour"]) == ("20260302", "14")
    assert [row["ucr_offense_code"] for row in extract.segments["offense"]] == ["64B"]
    # Ana: no age on the form, so her age on the incident date from her date of birth (the
    # supervisor may see her identity); the minor without one is 01-17.
    victims = extract.segments["victim"]
    assert [(v["age"], v["sex"], v["race"], v["ethnicity"]) for v in victims] == [
        ("35", "F", "U", "H"), ("0117", "U", "U", "U")]
    offenders = extract.segments["offender"]
    assert len(offenders) == 1  # the intelligence-only subject is left out
    assert (offenders[0]["age"], offenders[0]["sex"], offenders[0]["race"]) == ("4050", "M", "W")
    arrestee = extract.segments["arrestee"][0]
    assert (arrestee["arrest_date"], arrestee["ucr_arrest_offense_code"], arrestee["age"]) == (
        "20260601", "64B", "4050")
    assert extract.not_reportable == [{"case": cases["closed"].number, "lacks": ["no victim recorded"],
                                       "codes": ["victim"]}]
    event = AuditEvent.objects.filter(tag="exchange:nibrs:export").latest("seq")
    assert event.detail["incidents"] == 1 and event.detail["not_reportable"] == 1


def test_age_from_birth_only_when_the_identity_is_visible(world, cases):
    from laborlens.cases.models import CaseMember
    from tests.conftest import make_user

    other = make_user("second_supervisor", world.agency_a, "supervisor")
    assert not CaseMember.objects.filter(user=other).exists()
    extract = services.export_nibrs(other)
    assert [row["age"] for row in extract.segments["victim"]] == ["00", "0117"]
    # An age recorded on the person form is not identifying: everyone gets it.
    assert extract.segments["offender"][0]["age"] == "4050"


@pytest.mark.parametrize("ori", ["", "XX0010100"])
def test_a_missing_or_placeholder_ori_refuses_the_extract(world, cases, ori):
    world.agency_a.ori = ori
    world.agency_a.save()
    with pytest.raises(services.NibrsRefused) as refusal:
        services.export_nibrs(world.supervisor)
    assert "agency policy page" in str(refusal.value)
    assert AuditEvent.objects.filter(tag="exchange:nibrs:export").latest("seq").detail["refused"] == "ori"


def test_a_broken_case_refuses_the_file_and_lists_every_error(world, cases):
    farm = cases["farm"]
    farm.incident_date = None
    farm.save()
    with pytest.raises(services.NibrsRefused) as refusal:
        services.export_nibrs(world.supervisor)
    problems = refusal.value.extract.problems_by_case[farm.number]
    assert [p.message for p in problems] == [
        "the incident date is missing: record it on the case (Edit case, Incident date)"]
    event = AuditEvent.objects.filter(tag="exchange:nibrs:export").latest("seq")
    assert event.detail["refused"] == "errors" and event.detail["errors"] == 1


def test_only_supervisors(world, cases):
    with pytest.raises(services.ExchangeRefused):
        services.export_nibrs(world.investigator)


def test_cli_writes_xml_or_prints_every_error_and_writes_nothing(world, cases, tmp_path, capsys):
    from laborlens.cli import main

    out = tmp_path / "nibrs.xml"
    assert main(["exchange", "nibrs", "--agency", world.agency_a.short_name, "--user", world.supervisor.username,
                 "--format", "xml", str(out)]) == 0
    assert "<nibrs:OffenseUCRCode>64B</nibrs:OffenseUCRCode>" in out.read_text(encoding="utf-8")
    assert "not validated against the FBI XSD" in capsys.readouterr().out
    cases["farm"].incident_hour = 30
    cases["farm"].save()
    broken = tmp_path / "broken.json"
    assert main(["exchange", "nibrs", "--agency", world.agency_a.short_name, "--user", world.supervisor.username,
                 str(broken)]) == 1
    err = capsys.readouterr().err
    assert f"  {cases['farm'].number}:" in err and "data element 3: '30' is not an hour 00-23" in err
    assert "nothing was written" in err and not broken.exists()

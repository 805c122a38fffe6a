"""NIBRS extract from cases: scope, segments from people and charges, what cannot be reported."""

from __future__ import annotations

import pytest

from laborlens.audit.models import AuditEvent
from laborlens.exchange import nibrs, services


def test_extract_from_cases(world, cases):
    extract = services.export_nibrs(world.supervisor)
    assert nibrs.validate(extract) == []
    assert extract.incidents == 1
    admin = extract.segments["administrative"][0]
    assert admin["ori"] == "TX0000100" and admin["incident_number"] == f"LL{cases['farm'].pk:010d}"
    assert [row["ucr_offense_code"] for row in extract.segments["offense"]] == ["64B"]
    # The supervisor may see Ana's identity (same agency, on the team): her age at the
    # case's opening; the minor without a date of birth is 01-17.
    opened = cases["farm"].opened_on
    age = opened.year - 1990 - ((opened.month, opened.day) < (5, 1))
    assert [row["age"] for row in extract.segments["victim"]] == [f"{age:02d}", "0117"]
    assert len(extract.segments["offender"]) == 1  # the intelligence-only subject is left out
    assert extract.segments["arrestee"][0]["arrest_date"] == "20260601"
    assert extract.segments["arrestee"][0]["ucr_arrest_offense_code"] == "64B"
    assert extract.not_reportable == [{"case": cases["closed"].number, "lacks": ["no victim recorded"],
                                       "codes": ["victim"]}]
    event = AuditEvent.objects.filter(tag="exchange:nibrs:export").latest("seq")
    assert event.detail["incidents"] == 1 and event.detail["not_reportable"] == 1


def test_age_only_when_the_identity_is_visible(world, cases):
    from laborlens.cases.models import CaseMember

    # A second supervisor of agency A, not on the team: sees the case, not Ana's identity.
    from tests.conftest import make_user

    other = make_user("second_supervisor", world.agency_a, "supervisor")
    assert not CaseMember.objects.filter(user=other).exists()
    extract = services.export_nibrs(other)
    assert [row["age"] for row in extract.segments["victim"]] == ["00", "0117"]


def test_missing_ori_makes_every_case_unreportable(world, cases):
    world.agency_a.ori = ""
    world.agency_a.save()
    extract = services.export_nibrs(world.supervisor)
    assert extract.incidents == 0
    assert all("ori" in item["codes"] for item in extract.not_reportable)


def test_only_supervisors(world, cases):
    with pytest.raises(services.ExchangeRefused):
        services.export_nibrs(world.investigator)

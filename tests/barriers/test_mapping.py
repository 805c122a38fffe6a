"""Pure barrier mapping: no database."""

from __future__ import annotations

import copy
import json

import pytest

from laborlens.accounts.roles import agency_types
from laborlens.barriers.mapping import (
    BARRIER_IDS,
    BARRIERS_FILE,
    BarrierDataError,
    Finding,
    aggregate,
    compute,
    load_barriers,
    partners_for,
    validate,
)
from laborlens.catalogue import load_catalogue

DATA = load_barriers()


def test_data_is_versioned_cited_and_refers_to_known_ids():
    raw = json.loads(BARRIERS_FILE.read_text(encoding="utf-8"))
    validate(raw, load_catalogue().items)  # every indicator id exists in the catalogue
    assert raw["version"] and raw["citations"]
    assert tuple(b["id"] for b in DATA["barriers"]) == BARRIER_IDS
    types = set(agency_types())
    for barrier in DATA["barriers"]:
        assert set(barrier["partner_types"]) <= types
        assert barrier["es"] and barrier["description"]["es"] and barrier["other_partners"]["es"]
        # Counter-indicators never place a case on a barrier.
        roles = {item_id: load_catalogue().items[item_id].roles for item_id in barrier["indicators"]}
        assert not [i for i, r in roles.items() if "counter_indicator" in (r or ())], barrier["id"]


def test_victims_directory_services_exist():
    from laborlens.victims.models import Need

    for barrier in DATA["barriers"]:
        assert set(barrier["directory_services"]) <= set(Need.values)


def test_compute_places_indicators_and_facts():
    findings = {f.barrier: f for f in compute(
        ["cd_debt_bondage", "rf_overcrowded_residence", "cr_confiscation_of_documents", "unknown_id"],
        ["visa:h2a", "entity:account", "not_a_fact"])}
    assert list(findings) == list(BARRIER_IDS)
    assert findings["entry"].facts == ("visa:h2a",) and findings["entry"].indicators == ()
    assert findings["housing"].indicators == ("rf_overcrowded_residence",)
    assert findings["identity"].indicators == ("cr_confiscation_of_documents",)
    assert findings["finances"].indicators == ("cd_debt_bondage",) and findings["finances"].facts == ("entity:account",)
    assert not findings["work"].present and findings["finances"].count == 2


def test_nothing_in_nothing_out():
    assert all(not finding.present for finding in compute([], []))


def test_aggregate_counts_cases_not_people():
    one = compute(["cd_debt_bondage"], ["visa:h2a"])
    two = compute(["cd_debt_bondage", "cd_withholding_of_wages"], [])
    totals = aggregate([one, two, compute([], [])])
    assert totals["finances"] == {"cases": 2, "findings": 3}
    assert totals["entry"] == {"cases": 1, "findings": 1}
    assert totals["work"] == {"cases": 0, "findings": 0}


def test_partners_for_by_type_and_service():
    agencies = [("Riverton PD", "local_police"), ("State Labor", "labor_agency"), ("Code Office", "code_enforcement")]
    directory = [("Casa Esperanza", ["housing", "food"]), ("Legal Aid", ["legal", "immigration"]),
                 ("Clinic", ["medical"])]
    housing = partners_for("housing", agencies, directory)
    assert [p.name for p in housing] == ["Code Office", "Riverton PD", "Casa Esperanza"]
    assert housing[-1].kind == "directory" and housing[-1].detail == "housing"
    work = partners_for("work", agencies, directory)
    assert [p.name for p in work] == ["State Labor", "Code Office"]
    identity = partners_for("identity", agencies, directory)
    assert [p.name for p in identity] == ["Legal Aid"] and identity[0].detail == "immigration,legal"


def test_validation_rejects_bad_data():
    broken = copy.deepcopy(DATA)
    broken["barriers"][0]["indicators"].append("no_such_indicator")
    with pytest.raises(BarrierDataError):
        validate(broken, load_catalogue().items)
    broken = copy.deepcopy(DATA)
    broken["barriers"] = broken["barriers"][:4]
    with pytest.raises(BarrierDataError):
        validate(broken)
    broken = copy.deepcopy(DATA)
    broken["barriers"][1]["facts"].append("nope")
    with pytest.raises(BarrierDataError):
        validate(broken)
    assert Finding("entry", (), ()).count == 0

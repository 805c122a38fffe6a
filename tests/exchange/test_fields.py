"""The HTCDS field list data file agrees with the standard's CSV, and carries its citation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from laborlens.exchange import fields, htcds

SHARED = Path("/work/shared/data/htcds/htcds_field_standards_2.0_field_standards.csv")


@pytest.mark.skipif(not SHARED.exists(), reason="the shared copy of the standard is not on this machine")
def test_data_file_is_generated_from_the_standard():
    generated = fields.build_data_file(SHARED.read_text(encoding="utf-8-sig"))
    stored = json.loads(fields.DATA_FILE.read_text(encoding="utf-8"))
    assert stored == generated


def test_data_file_cites_the_standard_and_its_licence():
    stored = json.loads(fields.DATA_FILE.read_text(encoding="utf-8"))
    assert "HTCDS" in stored["citation"] and "IOM" in stored["citation"]
    assert "CC BY 4.0" in stored["licence"]


def test_field_list_has_types_core_flags_and_picklists():
    known = fields.load_fields()
    assert len(known) == 83
    exploitation = known["vic_TypeOfExploitation"]
    assert exploitation.core and exploitation.multiple
    assert {"ForcedLabour", "SexualExploitation", "ChildLabour"} <= set(exploitation.values)
    assert "DebtBondage" in known["vic_MethodsOfControl"].values  # trailing space in the CSV
    assert known["prs_PrimaryLanguage"].code_list == fields.ISO_639
    assert known["prs_Citizenship"].code_list == fields.ISO_3166
    assert known["vic_Vulnerabilities"].status == "DEPRECATED"


def test_profile_columns_are_htcds_fields():
    known = fields.load_fields()
    for column in htcds.COLUMNS:
        assert column in htcds.KEYS or column in known, column
    for isic in htcds.INDUSTRY_TO_ISIC.values():
        assert isic in known["vic_ForcedLabourIndustry"].values
    for decider in htcds.AGENCY_TO_DECIDER.values():
        assert decider in known["vic_TraffickingStatusDecisionMakingOrg"].values
    assert set(htcds.IDENTIFYING) <= set(known)


def test_every_laborlens_industry_is_mapped():
    from laborlens.catalogue.industries import industries

    assert {item.id for item in industries()} == set(htcds.INDUSTRY_TO_ISIC)


def test_mapping_document_is_current():
    doc = Path(__file__).resolve().parents[2] / "docs" / "HTCDS_MAPPING.md"
    assert htcds.mapping_table() in doc.read_text(encoding="utf-8")

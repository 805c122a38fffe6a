"""HTCDS profile: rows, CSV/JSON, validator (pure)."""

from __future__ import annotations

import json

from laborlens.exchange import htcds

V = htcds.PersonRecord("V-1", ("es", "mam", "en"), True, "local_police")
W = htcds.PersonRecord("V-2", ("other",), False, "victim_services")
S = htcds.PersonRecord("S-1", ("en",), False, "local_police")


def sample() -> list[dict[str, str]]:
    return htcds.to_rows([
        htcds.CaseRecord(False, "labor", "farming_agriculture", (V, W), (S,)),
        htcds.CaseRecord(True, "sex", "", (), ()),
        htcds.CaseRecord(False, "both", "isic:B_MiningAndQuarrying", (W,), ()),
    ])


def test_rows_follow_the_mapping():
    rows = sample()
    assert [row["ll_RecordType"] for row in rows] == ["Case", "Victim", "Victim", "Perpetrator", "Case",
                                                      "Case", "Victim"]
    victim = rows[1]
    assert victim["ll_CaseId"] == "C-1" and victim["ll_PersonId"] == "V-1"
    assert victim["prs_PrimaryLanguage"] == "es" and victim["prs_SecondaryLanguage"] == "mam"
    assert victim["vic_TypeOfExploitation"] == "ForcedLabour;ChildLabour"
    assert victim["vic_ForcedLabourIndustry"] == "A_AgricultureForestryAndFishing"
    assert victim["vic_TraffickingStatusDecisionMakingOrg"] == "Police"
    assert rows[2]["prs_PrimaryLanguage"] == "" and rows[2]["vic_TraffickingStatusDecisionMakingOrg"] == "NGO"
    assert rows[4]["cas_Status"] == "Closed"
    assert rows[6]["vic_ForcedLabourIndustry"] == "B_MiningAndQuarrying"
    assert rows[6]["vic_TypeOfExploitation"] == "ForcedLabour;SexualExploitation"
    assert htcds.validate(rows) == []


def test_csv_and_json_read_back_to_the_same_rows():
    rows = sample()
    from_csv, problems = htcds.read_csv(htcds.write_csv(rows))
    assert problems == [] and from_csv == rows
    from_json, problems = htcds.read_json(htcds.write_json(rows))
    assert problems == []
    assert [{k: v for k, v in row.items() if v} for row in rows] == from_json
    document = json.loads(htcds.write_json(rows))
    assert document["standard"] == "HTCDS 2.0" and "IOM" in document["citation"]
    assert document["records"][1]["vic_TypeOfExploitation"] == ["ForcedLabour", "ChildLabour"]


def test_validator_reports_row_field_and_reason():
    rows = sample()
    rows[1]["vic_TypeOfExploitation"] = "ForcedLabour;Slavery"
    rows[2]["vic_TraffickingStatus"] = ""
    rows[3]["prs_FirstName"] = "Juan"
    rows[4]["cas_Status"] = "Open"
    rows[6]["prs_PrimaryLanguage"] = "Spanish"
    rows.append({"ll_RecordType": "Victim", "ll_CaseId": "C-9", "ll_PersonId": "V-1",
                 "vic_TraffickingStatus": "PossibleVictimOfTrafficking", "vic_TypeOfExploitation": "ForcedLabour"})
    rows.append({"ll_RecordType": "Witness", "ll_CaseId": "C-1"})
    rows.append({"ll_RecordType": "Case", "ll_CaseId": "C-1", "cas_Status": "Active",
                 "vic_ForcedLabourIndustry": "F_Construction"})
    found = {(p.row, p.field) for p in htcds.validate(rows)}
    assert found == {(2, "vic_TypeOfExploitation"), (3, "vic_TraffickingStatus"), (4, "prs_FirstName"),
                     (5, "cas_Status"), (7, "prs_PrimaryLanguage"), (8, "ll_CaseId"), (9, "ll_RecordType"),
                     (10, "ll_CaseId"), (10, "vic_ForcedLabourIndustry")}
    reasons = {p.field: p.reason for p in htcds.validate(rows)}
    assert "'Slavery' is not a value" in reasons["vic_TypeOfExploitation"]
    assert "Identifying field" in reasons["prs_FirstName"]


def test_types_are_checked_for_dates_numbers_checkboxes_and_single_picklists():
    rows = [{"ll_RecordType": "Victim", "ll_CaseId": "C-1", "ll_PersonId": "V-1",
             "vic_TraffickingStatus": "PossibleVictimOfTrafficking;ActualVictimOfTrafficking",
             "vic_TypeOfExploitation": "ForcedLabour;ForcedLabour", "vic_AgeWhenTrafficked": "seven",
             "con_Consent": "yes", "prs_Citizenship": "mx"}]
    rows.insert(0, {"ll_RecordType": "Case", "ll_CaseId": "C-1", "cas_Status": "Active",
                    "cas_IncomingReferralDate": "2026-13-01"})
    reasons = {p.field: p.reason for p in htcds.validate(rows)}
    assert reasons["vic_TraffickingStatus"] == "Takes one value only."
    assert reasons["vic_TypeOfExploitation"] == "A value is repeated."
    assert "not a number" in reasons["vic_AgeWhenTrafficked"]
    assert "true or false" in reasons["con_Consent"]
    assert "ISO 3166" in reasons["prs_Citizenship"]
    assert "not a date" in reasons["cas_IncomingReferralDate"]


def test_unknown_columns_and_bad_json_are_file_problems():
    rows, problems = htcds.read_csv("ll_RecordType,ll_CaseId,cas_Status,favourite_colour\nCase,C-1,Active,red\n")
    assert [(p.row, p.field) for p in problems] == [(0, "favourite_colour")]
    rows, problems = htcds.read_json(json.dumps({"records": [{"ll_RecordType": "Case", "ll_CaseId": {"x": 1}}]}))
    assert [(p.row, p.field) for p in problems] == [(1, "ll_CaseId")]
    for text in ("[1, 2]", "not json"):
        try:
            htcds.read_json(text)
        except htcds.FileError:
            pass
        else:
            raise AssertionError(text)


def test_import_helpers_invert_the_export_mapping():
    for industry, isic in htcds.INDUSTRY_TO_ISIC.items():
        assert htcds.industry_to_isic(htcds.industry_from(isic)) == isic, industry
    assert htcds.industry_from("U_ActivitiesOfExtraterritorialOrganizations") == "isic:U_ActivitiesOfExtraterritorialOrganizations"
    assert htcds.exploitation_from(["ForcedLabour", "ChildLabour"]) == "labor"
    assert htcds.exploitation_from(["SexualExploitation"]) == "sex"
    assert htcds.exploitation_from(["Servitude", "SexualExploitation"]) == "both"
    assert htcds.exploitation_from(["OrganRemoval"]) == "labor"


def test_people_of_a_rejected_case_are_rejected_too():
    rows = sample()
    rows[0]["cas_Status"] = "Bogus"
    problems = htcds.validate(rows)
    rejected = htcds.rejected_rows(rows, problems)
    assert sorted(rejected) == [1, 2, 3, 4]
    assert rejected[2][0].reason == "Its Case record was rejected."

"""Header aliases, row parsing and place names (pure functions)."""

from __future__ import annotations

import datetime as dt

import pytest

from laborlens.threat import geo, parsing


def test_headers_are_found_by_name_whatever_the_programme_or_year():
    # FY2017 H-2A style, an older style and a newer style name the same fields differently.
    new = ["CASE_NUMBER", "EMPLOYER_NAME", "WORKSITE_STATE", "NBR_WORKERS_CERTIFIED", "NAICS_CODE", "PRIMARY/SUB"]
    old = ["Case No", "Employer Name", "Alien Work State", "Nbr Workers Certified", "NAIC Code"]
    newer = ["CASE_NUMBER", "EMPLOYER_NAME", "WORKSITE_STATE", "TOTAL_WORKERS_H-2A_CERTIFIED",
             "TOTAL_WORKERS_NEEDED"]
    for headers in (new, old, newer):
        mapping = parsing.map_headers(headers, parsing.DOL_ALIASES, parsing.DOL_REQUIRED)
        assert set(parsing.DOL_REQUIRED) <= set(mapping)
    assert parsing.map_headers(new, parsing.DOL_ALIASES, parsing.DOL_REQUIRED)["primary_sub"] == 5
    assert parsing.map_headers(newer, parsing.DOL_ALIASES, parsing.DOL_REQUIRED)["workers_certified"] == 3


def test_a_file_without_required_columns_is_refused_with_the_names_it_looked_for():
    with pytest.raises(parsing.HeaderError, match="workers_certified.*NBR_WORKERS_CERTIFIED"):
        parsing.map_headers(["CASE_NUMBER", "EMPLOYER_NAME", "WORKSITE_STATE"], parsing.DOL_ALIASES,
                            parsing.DOL_REQUIRED)


def test_header_row_is_found_below_a_title():
    rows = [["H-2A disclosure data"], [], ["UNKNOWN"], ["DATA_YEAR", "ORI", "STATE_ABBR", "OFFENSE_SUBCAT_NAME",
                                                         "ACTUAL_COUNT"]]
    assert parsing.find_header_row(rows, parsing.UCR_ALIASES, parsing.UCR_REQUIRED) == 3


def _dol(**values):
    headers = ["CASE_NUMBER", "CASE_STATUS", "EMPLOYER_NAME", "WORKSITE_STATE", "WORKSITE_COUNTY",
               "NBR_WORKERS_CERTIFIED", "NAICS_CODE", "DECISION_DATE", "EMPLOYER_STATE"]
    row = {"CASE_NUMBER": "H-300-1", "CASE_STATUS": "DETERMINATION ISSUED - CERTIFICATION",
           "EMPLOYER_NAME": "Green Acres Farms, LLC", "WORKSITE_STATE": "GEORGIA", "WORKSITE_COUNTY": "LOWNDES",
           "NBR_WORKERS_CERTIFIED": 12, "NAICS_CODE": 111219, "DECISION_DATE": dt.datetime(2017, 3, 1),
           "EMPLOYER_STATE": "GA", **values}
    mapping = parsing.map_headers(headers, parsing.DOL_ALIASES, parsing.DOL_REQUIRED)
    return parsing.parse_dol_row([row[h] for h in headers], mapping, "h2a")


def test_a_dol_row_is_normalised():
    row = _dol()
    assert (row.worksite_state, row.workers_certified, row.naics, row.certified) == ("GA", 12, "111219", True)
    assert row.name_key == "green acres farms"
    assert row.decision_date == dt.date(2017, 3, 1)
    assert not _dol(CASE_STATUS="Determination Issued - Denied").certified
    assert _dol(WORKSITE_STATE=None).worksite_state == "GA"  # employer's state stands in


@pytest.mark.parametrize(("values", "reason"), [
    ({"CASE_NUMBER": None}, "no case number"),
    ({"EMPLOYER_NAME": "  "}, "no employer name"),
    ({"WORKSITE_STATE": "ONTARIO"}, "worksite state 'ONTARIO' is not a U.S. state"),
    ({"WORKSITE_STATE": None, "EMPLOYER_STATE": None}, "no worksite state and no employer state"),
    ({"NBR_WORKERS_CERTIFIED": "a dozen"}, "workers certified is not a number: 'a dozen'"),
    ({"NBR_WORKERS_CERTIFIED": -3}, "workers certified is not a plausible count"),
    ({"DECISION_DATE": "last spring"}, "decision date is not a date"),
])
def test_unreadable_dol_rows_say_why(values, reason):
    with pytest.raises(parsing.RowError, match=reason):
        _dol(**values)


def test_ucr_rows_allow_corrections_but_not_unknown_offences():
    headers = ["DATA_YEAR", "ORI", "PUB_AGENCY_NAME", "STATE_ABBR", "COUNTY_NAME", "OFFENSE_SUBCAT_NAME",
               "ACTUAL_COUNT", "UNFOUNDED_COUNT", "CLEARED_COUNT"]
    mapping = parsing.map_headers(headers, parsing.UCR_ALIASES, parsing.UCR_REQUIRED)
    row = parsing.parse_ucr_row(["2016", "TX2201200", "Fort Worth", "TX", "PARKER; DENTON; TARRANT",
                                 "Involuntary Servitude", "-1", "0", "0"], mapping)
    assert (row.offence, row.actual, row.state) == ("involuntary_servitude", -1, "TX")
    nebraska = parsing.parse_ucr_row(["2016", "NB0010000", "Omaha", "NB", "DOUGLAS", "Commercial Sex Acts",
                                      "1", "0", "0"], mapping)
    assert nebraska.state == "NE"  # the FBI's code for Nebraska
    with pytest.raises(parsing.RowError, match="neither commercial sex acts nor involuntary servitude"):
        parsing.parse_ucr_row(["2016", "TX2201200", "x", "TX", "", "Arson", "1", "0", "0"], mapping)
    with pytest.raises(parsing.RowError, match="ORI"):
        parsing.parse_ucr_row(["2016", "??", "x", "TX", "", "Involuntary Servitude", "1", "0", "0"], mapping)


def test_naics_codes_map_to_the_most_specific_catalogue_industry():
    catalogue = [("hospitality", ["72"]), ("hotels", ["7211"]), ("transportation", ["48-49"]),
                 ("farming_agriculture", ["111", "112", "1151"])]
    assert parsing.industry_for_naics("721110", catalogue) == "hotels"
    assert parsing.industry_for_naics("722511", catalogue) == "hospitality"
    assert parsing.industry_for_naics("484110", catalogue) == "transportation"
    assert parsing.industry_for_naics("115115", catalogue) == "farming_agriculture"
    assert parsing.industry_for_naics("561730", catalogue) == ""
    assert parsing.naics_code(111219.0) == "111219"


def test_states_and_counties_resolve_from_the_names_the_files_use():
    assert geo.state_abbr("TEXAS") == geo.state_abbr("tx") == "TX"
    assert geo.state_abbr("Ontario") == ""
    assert geo.county_fips("GA", "LOWNDES") == "13185"
    assert geo.county_fips("LA", "Acadia Parish") == "22001"
    assert geo.county_fips("MA", "BARNSTABLE (FALMOUTH)") == "25001"
    assert geo.county_fips("TX", "LaSalle") == "48283"
    assert geo.county_fips("VA", "Richmond City") == "51760"
    assert geo.county_fips("GA", "Atlantis") == ""
    assert geo.split_counties("PARKER; DENTON; TARRANT") == ["PARKER", "DENTON", "TARRANT"]

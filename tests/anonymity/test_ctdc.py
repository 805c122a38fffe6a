from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from laborlens.anonymity import ctdc

from .conftest import CTDC_DICTIONARY


def test_full_subset_loads_typed_without_skips(ctdc_subset_path: Path) -> None:
    result = ctdc.load_ctdc(ctdc_subset_path)
    assert result.rows_read == 14_299
    assert result.rows_skipped == 0
    assert result.table.schema == ctdc.SCHEMA
    assert result.table.column("yearOfRegistration").type == pa.int16()
    # the subset's "0" for an unknown country becomes the dictionary's "00"
    assert "0" not in set(result.table.column("citizenship").to_pylist())


def test_invalid_rows_are_skipped_counted_and_explained(sample_path: Path) -> None:
    result = ctdc.load_ctdc(sample_path)
    assert (result.rows_read, result.rows_loaded, result.rows_skipped) == (44, 40, 4)
    reasons = " | ".join(p.reason for p in result.problems)
    for expected in ("yearOfRegistration", "citizenship 'XX'", "expected 10 fields", "ageCategories"):
        assert expected in reasons
    assert [p.line for p in result.problems] == [42, 43, 44, 45]


def test_missing_columns_is_a_format_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("year,gender\n2016,Female\n")
    with pytest.raises(ctdc.CtdcFormatError, match="missing columns"):
        ctdc.load_ctdc(bad)


def test_regions_cover_every_real_country_code() -> None:
    unmapped = {c for c in ctdc.COUNTRY_CODES if c not in ctdc.COUNTRY_TO_REGION}
    assert unmapped <= {"00", "AQ", "Y2"}  # unknown, Antarctica, a CTDC-only code
    assert ctdc.region_of("US") == "Americas"
    assert ctdc.region_of("00") == ctdc.UNKNOWN_REGION


def _dictionary_lookups() -> dict[str, set[str]]:
    openpyxl = pytest.importorskip("openpyxl")
    if not CTDC_DICTIONARY.exists():
        pytest.skip("CTDC data dictionary not available")
    workbook = openpyxl.load_workbook(CTDC_DICTIONARY, read_only=True)
    groups: dict[str, set[str]] = {}
    current = ""
    for row in workbook["Lookups "].iter_rows(values_only=True):
        if row[0] is not None:
            current = str(row[0]).strip()
            groups.setdefault(current, set())
        if row[1] is not None:
            groups[current].add(str(row[1]).strip())
    workbook.close()
    return groups


def test_value_sets_agree_with_the_data_dictionary() -> None:
    lookups = _dictionary_lookups()
    assert ctdc.COUNTRY_CODES == lookups["Country"]
    assert set(ctdc.AGE_RANGE_2) == lookups["Age range 2"]
    assert {d.lower() for d in ctdc.DATASOURCES} == {d.lower() for d in lookups["Datasource"]}


def test_dictionary_variables_match_loader_columns() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    if not CTDC_DICTIONARY.exists():
        pytest.skip("CTDC data dictionary not available")
    workbook = openpyxl.load_workbook(CTDC_DICTIONARY, read_only=True)
    rows = workbook["Main"].iter_rows(min_row=2, values_only=True)
    variables = {str(row[0]).strip() for row in rows if row[0]}
    workbook.close()
    # columns taken directly from the dictionary (the rest are third-party groupings)
    assert {"yearOfRegistration", "Datasource", "gender", "citizenship", "isForcedLabour"} <= variables

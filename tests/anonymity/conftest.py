"""Shared fixtures for the release tests (pure Python: no Django settings needed)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
CTDC_SUBSET = SHARED_DATA / "ctdc_labour_subset.csv"
CTDC_DICTIONARY = SHARED_DATA / "ctdc_data_dictionary_2017.xlsx"
FIXTURES = REPO / "tests" / "fixtures" / "anonymity"


@pytest.fixture(scope="session")
def ctdc_subset_path() -> Path:
    if not CTDC_SUBSET.exists():
        pytest.skip(f"shared reference data not found at {CTDC_SUBSET}")
    return CTDC_SUBSET


@pytest.fixture(scope="session")
def ctdc_table(ctdc_subset_path: Path) -> pa.Table:
    from laborlens.anonymity.ctdc import load_ctdc

    return load_ctdc(ctdc_subset_path).table


@pytest.fixture()
def sample_path() -> Path:
    return FIXTURES / "ctdc_sample.csv"

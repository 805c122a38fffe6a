from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laborlens.anonymity import ctdc, kanon

CTDC_QI = ["yearOfRegistration", "gender", "citizenship", "ageCategories", "ExploitType", "Labor_Type"]


def _ctdc_hierarchies() -> dict[str, kanon.Hierarchy]:
    return kanon.hierarchies_from_dict(ctdc.CTDC_HIERARCHIES)


def test_ctdc_subset_release_is_11_anonymous(ctdc_table: pa.Table) -> None:
    released, report = kanon.anonymise(ctdc_table, CTDC_QI, _ctdc_hierarchies(), k=11)
    check = kanon.verify_k_anonymity(released, CTDC_QI, 11)
    assert check.ok, check.offending
    assert report.records_out == released.num_rows == ctdc_table.num_rows - report.suppressed_records
    assert report.suppression_rate <= kanon.DEFAULT_MAX_SUPPRESSION
    assert report.smallest_class >= 11
    assert 0 <= report.information_loss <= 1


def test_raw_ctdc_subset_is_not_11_anonymous(ctdc_table: pa.Table) -> None:
    assert not kanon.verify_k_anonymity(ctdc_table, CTDC_QI, 11).ok


def test_no_suppression_allowed_forces_generalisation(ctdc_table: pa.Table) -> None:
    qi = ["yearOfRegistration", "gender", "citizenship", "ageCategories"]
    released, report = kanon.anonymise(ctdc_table, qi, _ctdc_hierarchies(), k=11, max_suppression=0.0)
    assert report.suppressed_records == 0
    assert any(level > 0 for level in report.levels.values())
    assert kanon.verify_k_anonymity(released, qi, 11).ok


def test_verifier_reports_offending_combinations() -> None:
    rows = [{"age": "20-29", "region": "Asia"}] * 3 + [{"age": "30-39", "region": "Europe"}]
    result = kanon.verify_k_anonymity(rows, ["age", "region"], 3)
    assert not result.ok
    assert result.offending == {("30-39", "Europe"): 1}
    assert kanon.verify_k_anonymity(rows[:3], ["age", "region"], 3).ok


def test_verifier_refuses_records_missing_a_qi() -> None:
    with pytest.raises(KeyError):
        kanon.verify_k_anonymity([{"age": "1"}], ["age", "region"], 1)


def test_interval_and_map_levels() -> None:
    year = kanon.Hierarchy.from_levels("y", [{"type": "interval", "width": 4, "origin": 2000}])
    assert year.generalise("2017", 1) == "2016-2019"
    assert year.generalise("2017", 2) == kanon.SUPPRESSED
    region = kanon.Hierarchy.from_levels("c", [{"type": "map", "map": {"US": "Americas"}, "default": "Other"}])
    assert [region.generalise(v, 1) for v in ("US", "FR")] == ["Americas", "Other"]


def test_non_monotone_hierarchy_is_rejected() -> None:
    table = pa.table({"a": ["1", "2", "3"]})
    broken = kanon.Hierarchy.from_levels(
        "a", [{"type": "map", "map": {"1": "x", "2": "x", "3": "y"}}, {"type": "map", "map": {"1": "p", "2": "q"}}]
    )
    with pytest.raises(kanon.HierarchyError, match="not monotone"):
        kanon.anonymise(table, ["a"], {"a": broken}, k=1)


def test_impossible_k_raises_clear_error() -> None:
    table = pa.table({"a": ["1", "2", "3"]})
    with pytest.raises(kanon.AnonymisationError, match="no generalisation"):
        kanon.anonymise(table, ["a"], {}, k=5, max_suppression=0.0)


def test_unknown_qi_raises() -> None:
    with pytest.raises(kanon.AnonymisationError, match="not in the data"):
        kanon.anonymise(pa.table({"a": ["1"]}), ["b"], {}, k=1)


def test_non_qi_columns_pass_through(ctdc_table: pa.Table) -> None:
    released, _ = kanon.anonymise(ctdc_table, ["gender", "ageCategories"], _ctdc_hierarchies(), k=11)
    assert released.column_names == ctdc_table.column_names
    assert released.column("ControlCategory").type == pa.string()


VALUES = st.sampled_from(["a", "b", "c", "d", "e"])
NUMBERS = st.integers(min_value=0, max_value=40).map(str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(VALUES, VALUES, NUMBERS), min_size=0, max_size=120),
    k=st.integers(min_value=1, max_value=8),
    max_suppression=st.floats(min_value=0.0, max_value=1.0),
)
def test_property_output_always_verifies(rows: list[tuple[str, str, str]], k: int, max_suppression: float) -> None:
    table = pa.table({
        "x": [r[0] for r in rows], "y": [r[1] for r in rows], "n": [r[2] for r in rows],
        "payload": list(range(len(rows))),
    }, schema=pa.schema([("x", pa.string()), ("y", pa.string()), ("n", pa.string()), ("payload", pa.int64())]))
    hierarchies = kanon.hierarchies_from_dict({
        "x": [{"type": "map", "map": {"a": "ab", "b": "ab", "c": "cde", "d": "cde", "e": "cde"}}],
        "n": [{"type": "interval", "width": 5}, {"type": "interval", "width": 20}],
    })
    try:
        released, report = kanon.anonymise(table, ["x", "y", "n"], hierarchies, k=k, max_suppression=max_suppression)
    except kanon.AnonymisationError:
        # only allowed when even full generalisation would suppress too much
        assert 0 < len(rows) < k
        return
    assert kanon.verify_k_anonymity(released, ["x", "y", "n"], k).ok
    assert report.suppressed_records <= max_suppression * len(rows)
    assert released.num_rows + report.suppressed_records == len(rows)


def test_wide_keys_fall_back_to_row_unique(monkeypatch: pytest.MonkeyPatch) -> None:
    table = pa.table({"a": ["1", "1", "2", "2", "2"], "b": ["x", "x", "y", "y", "z"]})
    monkeypatch.setattr(kanon, "_combined_key", lambda codes, radices: np.stack(codes, axis=1))
    released, report = kanon.anonymise(table, ["a", "b"], {}, k=2, max_suppression=0.2)
    assert report.suppressed_records == 1
    assert kanon.verify_k_anonymity(released, ["a", "b"], 2).ok

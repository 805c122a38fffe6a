from __future__ import annotations

import json
import math

import numpy as np
import pyarrow as pa
import pytest

from laborlens.anonymity import ctdc, dp
from laborlens.anonymity.budget import BudgetExceededError, InMemoryLedgerStore, PrivacyLedger


def _table(rows: dict[str, list[str]]) -> pa.Table:
    return pa.table({k: pa.array(v, pa.string()) for k, v in rows.items()})


@pytest.mark.parametrize(("epsilon", "contributions"), [(0.5, 1), (1.0, 1), (1.0, 5), (0.1, 1)])
def test_noise_variance_matches_epsilon(epsilon: float, contributions: int) -> None:
    """Empirical variance of OpenDP's noise vs the discrete Laplace variance for scale c/eps."""
    n = 40_000
    spec = dp.DpTableSpec(("a",), epsilon, max_contributions=contributions)
    measurement = dp.vector_measurement(n, spec)
    assert measurement.map(contributions) == pytest.approx(epsilon)  # the privacy map agrees
    noise = np.asarray(measurement([0] * n), dtype=float)
    expected = dp.discrete_laplace_variance(spec.scale)
    # Laplace kurtosis 6: sd of the sample variance ~ var * sqrt(5 / n) ~ 1.1 %; allow ~6 sd.
    assert np.var(noise) == pytest.approx(expected, rel=0.07)
    assert abs(np.mean(noise)) < 6 * math.sqrt(expected / n)
    # and the continuous Laplace 2 (c/eps)^2 is the large-scale limit of the same formula
    if spec.scale >= 10:
        assert expected == pytest.approx(2 * spec.scale**2, rel=0.01)


def test_declared_domain_releases_every_cell_including_zeros() -> None:
    table = _table({"g": ["F"] * 50 + ["M"] * 30, "y": ["2016"] * 80})
    spec = dp.DpTableSpec(("g", "y"), 1.0, domain={"g": ["F", "M", "X"], "y": ["2016", "2017"]})
    release = dp.release_dp_table(table, spec)
    assert set(release.cells) == {(g, y) for g in "FMX" for y in ("2016", "2017")}
    assert all(c is None or c >= 0 for c in release.cells.values())
    assert release.seed is None and "cannot be seeded" in release.seed_note
    json.dumps(release.record())  # the record is what reproduces the release


def test_rows_outside_declared_domain_are_dropped_and_counted() -> None:
    table = _table({"g": ["F"] * 5 + ["?"] * 2})
    release = dp.release_dp_table(table, dp.DpTableSpec(("g",), 1.0, domain={"g": ["F", "M"]}))
    assert release.rows_outside_domain == 2
    assert set(release.cells) == {("F",), ("M",)}


def test_open_domain_needs_delta_and_thresholds_small_cells() -> None:
    table = _table({"c": ["US"] * 500 + ["ER"] * 1})
    with pytest.raises(dp.DpError, match="delta > 0"):
        dp.DpTableSpec(("c",), 1.0).validate()
    spec = dp.DpTableSpec(("c",), 1.0, delta=1e-6)
    measurement, threshold = dp.threshold_measurement(spec)
    assert measurement.map((1, 1, 1))[1] <= 1e-6
    assert dp.threshold_measurement(dp.DpTableSpec(("c",), 1.0, delta=1e-6, max_contributions=1))[1] == threshold
    release = dp.release_dp_table(table, spec)
    assert ("ER",) not in release.cells  # a single victim from Eritrea must not show up
    assert release.cells[("US",)] is not None and release.cells[("US",)] >= threshold


def test_small_noisy_cells_are_suppressed() -> None:
    table = _table({"g": ["F"] * 1000 + ["M"] * 2})
    spec = dp.DpTableSpec(("g",), 5.0, domain={"g": ["F", "M"]}, suppress_below=50)
    release = dp.release_dp_table(table, spec)
    assert release.cells[("M",)] is None
    assert release.utility is not None and release.utility.suppressed_cells == 1


def test_release_is_charged_and_refused_over_budget() -> None:
    ledger = PrivacyLedger(InMemoryLedgerStore())
    ledger.set_budget("ctdc", epsilon=1.5)
    table = _table({"g": ["F"] * 20})
    spec = dp.DpTableSpec(("g",), 1.0, domain={"g": ["F", "M"]})
    dp.release_dp_table(table, spec, ledger=ledger, dataset="ctdc", who="ana")
    with pytest.raises(BudgetExceededError):
        dp.release_dp_table(table, spec, ledger=ledger, dataset="ctdc", who="ana")
    assert len(ledger.history("ctdc")) == 1


def test_bad_parameters_fail_before_budget_is_spent() -> None:
    ledger = PrivacyLedger(InMemoryLedgerStore())
    ledger.set_budget("d", epsilon=5)
    spec = dp.DpTableSpec(("g",), 1.0, domain={"g": [str(i) for i in range(3000)], })
    huge = dp.DpTableSpec(("g", "h"), 1.0, domain={"g": spec.domain["g"], "h": spec.domain["g"]})  # type: ignore[index]
    with pytest.raises(dp.DpError, match="cells"):
        dp.release_dp_table(_table({"g": ["1"], "h": ["1"]}), huge, ledger=ledger, dataset="d", who="a")
    assert ledger.history("d") == []


def test_utility_report_figures() -> None:
    truth: dict[tuple[str, ...], int] = {("a",): 100, ("b",): 10, ("c",): 3}
    released: dict[tuple[str, ...], int | None] = {("a",): 90, ("b",): 12, ("c",): None}
    report = dp.utility_report(truth, released, relative_min_size=20)
    assert report.mean_absolute_error == pytest.approx(6.0)
    assert report.max_absolute_error == 10
    assert report.mean_relative_error == pytest.approx(0.1)
    assert (report.suppressed_cells, report.records_in_suppressed_cells) == (1, 3)
    assert report.suppression_rate == pytest.approx(1 / 3)


def test_preview_is_seeded_and_spends_nothing(ctdc_table: pa.Table) -> None:
    table = ctdc.with_citizenship_region(ctdc_table)
    by = ("ExploitType", "gender", "citizenshipRegion")
    spec = dp.DpTableSpec(by, 1.0, domain={c: ctdc.declared_domain(c) or () for c in by},
                          max_contributions=ctdc.MAX_ROWS_PER_VICTIM, suppress_below=10)
    first, second = dp.preview_dp_table(table, spec, seed=3), dp.preview_dp_table(table, spec, seed=3)
    assert first == second
    expected_mae = math.sqrt(2 / math.pi) * math.sqrt(dp.discrete_laplace_variance(spec.scale))
    assert first.mean_absolute_error < 3 * expected_mae


def test_true_counts_on_ctdc(ctdc_table: pa.Table) -> None:
    counts = dp.true_counts(ctdc_table, ["gender"])
    assert counts == {("Female",): 12_460, ("Male",): 1_839}


def test_raw_negative_counts_kept_when_clamping_is_off() -> None:
    noisy: dict[tuple[str, ...], int] = {("a",): -3, ("b",): 4}
    raw = dp.DpTableSpec(("g",), 1.0, domain={"g": ["a", "b"]}, clamp_negative=False)
    clamped = dp.DpTableSpec(("g",), 1.0, domain={"g": ["a", "b"]})
    suppressing = dp.DpTableSpec(("g",), 1.0, domain={"g": ["a", "b"]}, suppress_below=5)
    assert dp._post_process(noisy, raw) == {("a",): -3, ("b",): 4}
    assert dp._post_process(noisy, clamped) == {("a",): 0, ("b",): 4}
    assert dp._post_process(noisy, suppressing) == {("a",): None, ("b",): None}


def test_true_counts_agree_on_both_key_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    table = _table({"a": ["x", "y", "x", "x"], "b": ["1", "1", "2", "1"]})
    fast = dp.true_counts(table, ["a", "b"])
    monkeypatch.setattr(dp.math, "prod", lambda values: 2**63)
    assert dp.true_counts(table, ["a", "b"]) == fast == {("x", "1"): 2, ("x", "2"): 1, ("y", "1"): 1}

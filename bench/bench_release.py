"""Benchmark: DP aggregate table vs DP synthetic microdata vs pac-synth used directly.

Data: N records drawn (with replacement, seeded) from the joint distribution of the
CTDC labour subset (shared/data/ctdc_labour_subset.csv), so correlations between the
columns are the real ones. Each record is treated as one person (max_contributions=1) so
all three methods protect the same unit at the same epsilon.

Figures: wall time, and the error of counts against the truth on the 6-way table
(every declared cell, zeros included) and on its 2-way marginals.

    PYTHONPATH=src .venv/bin/python bench/bench_release.py --n 1000000 --epsilon 1.0
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

import numpy as np
import pacsynth
import pyarrow as pa

from laborlens.anonymity import ctdc, dp, synth

CTDC = Path(__file__).resolve().parents[2] / "shared" / "data" / "ctdc_labour_subset.csv"
BY = ("yearOfRegistration", "ExploitType", "Labor_Type", "gender", "ageCategories", "citizenshipRegion")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_records(n: int, seed: int) -> pa.Table:
    source = ctdc.with_citizenship_region(ctdc.load_ctdc(CTDC).table).select(list(BY))
    rows = np.random.default_rng(seed).integers(0, source.num_rows, n)
    sampled = source.take(pa.array(rows))
    return pa.table({c: sampled.column(c).cast(pa.string()) for c in BY})


def domain() -> dict[str, tuple[str, ...]]:
    declared = {c: ctdc.declared_domain(c) or () for c in BY if c != "yearOfRegistration"}
    return {"yearOfRegistration": ctdc.year_domain(2012, 2018), **declared}


class Cells:
    """Index of every declared cell, so counts become dense arrays of one shape."""

    def __init__(self, dom: dict[str, tuple[str, ...]]) -> None:
        self.values = [sorted(set(dom[c])) for c in BY]
        self.shape = tuple(len(v) for v in self.values)
        self.index = [{v: i for i, v in enumerate(vals)} for vals in self.values]

    def dense(self, counts: dict[tuple[str, ...], int | None]) -> np.ndarray:
        array = np.zeros(self.shape)
        for key, count in counts.items():
            position = tuple(idx.get(v) for idx, v in zip(self.index, key, strict=True))
            if None not in position:
                array[position] += count or 0
        return array


def errors(truth: np.ndarray, estimate: np.ndarray) -> dict[str, float]:
    big = truth >= 100
    two_way = []
    for a, b in itertools.combinations(range(truth.ndim), 2):
        axes = tuple(i for i in range(truth.ndim) if i not in (a, b))
        two_way.append(np.abs(truth.sum(axis=axes) - estimate.sum(axis=axes)).ravel())
    pairs = np.concatenate(two_way)
    return {
        "mae_6way_all_cells": float(np.abs(estimate - truth).mean()),
        "mae_6way_nonzero": float(np.abs(estimate - truth)[truth > 0].mean()),
        "max_err_6way": float(np.abs(estimate - truth).max()),
        "rel_err_6way_ge100": float((np.abs(estimate - truth)[big] / truth[big]).mean()) if big.any() else float("nan"),
        "mae_2way": float(pairs.mean()),
    }


def run_dp_table(table: pa.Table, epsilon: float, cells: Cells, clamp: bool) -> tuple[float, np.ndarray]:
    spec = dp.DpTableSpec(BY, epsilon, domain=domain(), max_contributions=1, suppress_below=0,
                          clamp_negative=clamp)
    started = time.perf_counter()
    release = dp.release_dp_table(table, spec)
    return time.perf_counter() - started, cells.dense(dict(release.cells))


def run_our_synth(table: pa.Table, epsilon: float, delta: float, cells: Cells) -> tuple[float, np.ndarray]:
    spec = synth.SynthSpec(BY, epsilon, delta, reporting_length=3)
    started = time.perf_counter()
    release = synth.synthesise(table, spec)
    seconds = time.perf_counter() - started
    log(f"  of which pac-synth fit+sample {release.utility.seconds:.1f} s; the rest is conversion "
        f"and the utility report (1- and 2-way marginals against the truth)")
    return seconds, cells.dense(dict(dp.true_counts(release.table, BY)))


def run_pacsynth_direct(table: pa.Table, epsilon: float, delta: float, cells: Cells) -> tuple[float, np.ndarray]:
    started = time.perf_counter()
    columns = [table.column(c).to_pylist() for c in BY]
    raw = [list(BY), *map(list, zip(*columns, strict=True))]
    params = (pacsynth.DpAggregateSeededParametersBuilder()
              .epsilon(epsilon).delta(delta).reporting_length(3).build())
    synthesiser = pacsynth.DpAggregateSeededSynthesizer(params)
    synthesiser.fit(pacsynth.Dataset(raw, sensitive_zeros=list(BY)))
    sampled = synthesiser.sample()
    seconds = time.perf_counter() - started
    header, rows = sampled[0], sampled[1:]
    out = pa.table({name: [r[i] for r in rows] for i, name in enumerate(header)})
    return seconds, cells.dense(dict(dp.true_counts(out, BY)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--epsilon", type=float, default=1.0)
    parser.add_argument("--delta", type=float, default=1e-6, help="for the synthesisers (Gaussian noise)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-synth", action="store_true")
    args = parser.parse_args()

    log(f"generating {args.n:,} records from the CTDC subset's joint distribution")
    table = make_records(args.n, args.seed)
    cells = Cells(domain())
    truth = cells.dense(dict(dp.true_counts(table, BY)))
    log(f"6-way table: {truth.size:,} declared cells, {int((truth > 0).sum()):,} non-empty")

    results: list[tuple[str, float, dict[str, float]]] = []
    for clamp in (True, False):
        log(f"DP aggregate table (OpenDP discrete Laplace, pure DP, clamp_negative={clamp})")
        seconds, estimate = run_dp_table(table, args.epsilon, cells, clamp)
        label = f"dp-table eps={args.epsilon} delta=0" + (" clamped" if clamp else " raw")
        results.append((label, seconds, errors(truth, estimate)))
    if not args.skip_synth:
        log("DP synthetic microdata via laborlens.anonymity.synth (pac-synth inside)")
        seconds, estimate = run_our_synth(table, args.epsilon, args.delta, cells)
        results.append((f"anonymity.synth eps={args.epsilon} delta={args.delta:g}", seconds, errors(truth, estimate)))
        log("pac-synth used directly")
        seconds, estimate = run_pacsynth_direct(table, args.epsilon, args.delta, cells)
        results.append((f"pac-synth direct eps={args.epsilon} delta={args.delta:g}", seconds, errors(truth, estimate)))

    print(f"N = {args.n:,} records; 6-way table over {', '.join(BY)}; {truth.size:,} cells")
    metrics = list(results[0][2])
    print(f"{'method':<40} {'seconds':>8} " + " ".join(f"{m:>20}" for m in metrics))
    for name, seconds, figures in results:
        print(f"{name:<40} {seconds:>8.1f} " + " ".join(f"{figures[m]:>20.3f}" for m in metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: vectorised batch screening vs the single-record engine, measured in the same run.

Generates N random records (one column per catalogue item, values 1 / 0 / empty with a
chosen share of "present"), times ``assess_batch`` on all of them (parsing + scoring),
times the pure numpy scoring on its own, and times the single-record engine
(``assess``, full output) in a loop on a sample. Prints rows per second for each and the
ratio. Optionally (--io) also times the file path: parquet in -> parquet out.

    PYTHONPATH=src .venv/bin/python bench/bench_screen_batch.py --n 1000000 --sample 20000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

try:
    import laborlens  # noqa: F401
except ModuleNotFoundError:  # run from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from laborlens.catalogue import load_catalogue
from laborlens.screening.batch import assess_batch, score_presence, screen_file
from laborlens.screening.engine import assess

AGES = np.array(["adult", "minor", "unknown"])


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_codes(n: int, items: int, p_present: float, seed: int) -> np.ndarray:
    """int8 codes: 1 present, 0 absent, -1 unknown."""
    rng = np.random.default_rng(seed)
    rest = (1.0 - p_present) / 2
    return rng.choice(np.array([1, 0, -1], dtype=np.int8), size=(n, items), p=[p_present, rest, rest])


def make_table(codes: np.ndarray, ids: list[str], ages: np.ndarray) -> pa.Table:
    columns = {item_id: pa.array(codes[:, k], mask=codes[:, k] < 0) for k, item_id in enumerate(ids)}
    return pa.table({**columns, "age_group": pa.array(ages).dictionary_encode()})


def answers_of(codes_row: np.ndarray, ids: list[str]) -> dict[str, str]:
    word = {1: "present", 0: "absent"}
    return {item_id: word[int(c)] for item_id, c in zip(ids, codes_row, strict=True) if c >= 0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="records for the batch path")
    parser.add_argument("--sample", type=int, default=20_000, help="records for the single-record engine loop")
    parser.add_argument("--p-present", type=float, default=0.15, help="share of answers that are 'present'")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--io", action="store_true", help="also time parquet -> screen_file -> parquet")
    args = parser.parse_args()

    cat = load_catalogue()
    ids = list(cat.items)
    log(f"catalogue {cat.version}: {len(ids)} item columns; generating {args.n:,} records…")
    codes = make_codes(args.n, len(ids), args.p_present, args.seed)
    ages = np.random.default_rng(args.seed + 1).choice(AGES, size=args.n)
    table = make_table(codes, ids, ages)

    started = time.perf_counter()
    result = assess_batch(table, catalogue=cat)
    batch_seconds = time.perf_counter() - started
    batch_rate = args.n / batch_seconds

    present = {item_id: codes[:, k] == 1 for k, item_id in enumerate(ids)}
    age_codes = np.select([ages == "adult", ages == "minor"], [0, 1], 2).astype(np.int8)
    started = time.perf_counter()
    score_presence(present, args.n, age_codes, catalogue=cat)
    score_seconds = time.perf_counter() - started

    sample = min(args.sample, args.n)
    rows = [(answers_of(codes[r], ids), str(ages[r])) for r in range(sample)]
    started = time.perf_counter()
    readings = [assess(answers, age, catalogue=cat).reading for answers, age in rows]
    single_seconds = time.perf_counter() - started
    single_rate = sample / single_seconds

    agree = readings == result.column("reading").slice(0, sample).to_pylist()
    counts = dict(zip(*np.unique(result.column("reading").to_numpy(zero_copy_only=False), return_counts=True), strict=True))
    print(f"records: {args.n:,} (present share {args.p_present}); reading counts: "
          + ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))
    print(f"batch  assess_batch (parse + score): {batch_seconds:8.2f} s  {batch_rate:12,.0f} rows/s")
    print(f"batch  score_presence (numpy only):  {score_seconds:8.2f} s  {args.n / score_seconds:12,.0f} rows/s")
    print(f"single assess() loop on {sample:,}:     {single_seconds:8.2f} s  {single_rate:12,.0f} rows/s")
    print(f"ratio batch / single: {batch_rate / single_rate:,.0f}x; batch agrees with engine on the sample: {agree}")

    if args.io:
        with tempfile.TemporaryDirectory() as tmp:
            src, dst = Path(tmp) / "in.parquet", Path(tmp) / "out.parquet"
            pq.write_table(table, src)
            stats = screen_file(src, dst, catalogue=cat)
            print(f"file   parquet -> screen_file -> parquet: {stats.seconds:8.2f} s  {stats.rows_per_second:12,.0f} rows/s")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())

"""Differentially private synthetic microdata with pac-synth's aggregate-seeded synthesiser.

pac-synth (Microsoft Synthetic Data Showcase) computes DP marginals ("aggregates") of all
attribute combinations up to ``reporting_length`` with Gaussian noise, then samples
records consistent with them. Its guarantee is (epsilon, delta)-DP per RECORD; when one
person has several rows (CTDC subset: up to 5, one per control category) the cost per
person follows from group privacy, and that is what the ledger is charged
(``person_level_cost``).

Reproducibility: pac-synth has no seed parameter; a release is reproduced from its
stored output and parameters (``SynthRelease.record()``), as for dp.py.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pacsynth
import pyarrow as pa

from laborlens.anonymity.budget import PrivacyLedger
from laborlens.anonymity.dp import (
    DEFAULT_RELATIVE_MIN_SIZE,
    UtilityReport,
    true_counts,
    utility_report,
)
from laborlens.anonymity.kanon import string_column

DEFAULT_DELTA = 1e-6
SEED_NOTE = "pac-synth cannot be seeded; the record stores the output and parameters instead."


class SynthError(ValueError):
    """Invalid synthesis parameters or data."""


@dataclass(frozen=True)
class SynthSpec:
    columns: tuple[str, ...]
    epsilon: float
    delta: float = DEFAULT_DELTA
    reporting_length: int = 3
    max_contributions: int = 1  # rows per person, for the group-privacy charge
    threads: int | None = None

    def validate(self, table: pa.Table) -> None:
        if not self.columns:
            raise SynthError("at least one column is needed")
        missing = [c for c in self.columns if c not in table.column_names]
        if missing:
            raise SynthError(f"column(s) not in the data: {', '.join(missing)}")
        if not (self.epsilon > 0 and math.isfinite(self.epsilon)):
            raise SynthError(f"epsilon must be a positive number, got {self.epsilon!r}")
        if not 0 < self.delta < 1:
            raise SynthError("pac-synth adds Gaussian noise: delta must be in (0, 1)")
        if not 1 <= self.reporting_length <= len(self.columns):
            raise SynthError("reporting_length must be between 1 and the number of columns")
        if self.max_contributions < 1:
            raise SynthError("max_contributions must be >= 1")
        if table.num_rows == 0:
            raise SynthError("no records to synthesise from")


def person_level_cost(spec: SynthSpec) -> tuple[float, float]:
    """(epsilon, delta) per person by group privacy over ``max_contributions`` rows."""
    c = spec.max_contributions
    return c * spec.epsilon, c * math.exp((c - 1) * spec.epsilon) * spec.delta


@dataclass
class SynthUtility:
    records_in: int
    records_out: int
    dp_number_of_records: int
    one_way: UtilityReport
    two_way: UtilityReport | None
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {
            **{k: v for k, v in self.__dict__.items() if k not in ("one_way", "two_way")},
            "one_way": self.one_way.to_dict(),
            "two_way": self.two_way.to_dict() if self.two_way else None,
        }


@dataclass
class SynthRelease:
    spec: SynthSpec
    table: pa.Table
    utility: SynthUtility
    parameters_json: str
    charged: tuple[float, float]
    created_at: str
    pacsynth_version: str
    extra: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        return {
            "kind": "dp-synth",
            "created_at": self.created_at,
            "columns": list(self.spec.columns),
            "epsilon": self.spec.epsilon,
            "delta": self.spec.delta,
            "max_contributions": self.spec.max_contributions,
            "charged_epsilon": self.charged[0],
            "charged_delta": self.charged[1],
            "pacsynth_parameters": json.loads(self.parameters_json),
            "pacsynth_version": self.pacsynth_version,
            "seed": None,
            "seed_note": SEED_NOTE,
            # Computed against the true data: for the approving analyst, never published.
            "internal_only": {"utility": self.utility.to_dict()},
            **self.extra,
        }


def to_raw_data(table: pa.Table, columns: Sequence[str]) -> list[list[str]]:
    """pac-synth's input: header row then string rows."""
    values = [string_column(table, c) for c in columns]
    return [list(columns), *map(list, zip(*values, strict=True))]


def from_raw_data(raw: list[list[str]]) -> pa.Table:
    header, rows = raw[0], raw[1:]
    return pa.table({name: pa.array([row[i] for row in rows], pa.string()) for i, name in enumerate(header)})


def build_parameters(spec: SynthSpec) -> pacsynth.DpAggregateSeededParameters:
    builder = pacsynth.DpAggregateSeededParametersBuilder()
    return builder.epsilon(spec.epsilon).delta(spec.delta).reporting_length(spec.reporting_length).build()


def synthesise(
    table: pa.Table,
    spec: SynthSpec,
    *,
    ledger: PrivacyLedger | None = None,
    dataset: str | None = None,
    who: str = "",
    what: str = "",
    relative_min_size: int = DEFAULT_RELATIVE_MIN_SIZE,
) -> SynthRelease:
    """Charge the ledger (if given), fit pac-synth's DP aggregates and sample records."""
    spec.validate(table)
    parameters = build_parameters(spec)  # validates before any budget is spent
    charged = person_level_cost(spec)
    if ledger is not None:
        if not dataset:
            raise SynthError("a ledger needs the dataset name to charge")
        ledger.spend(dataset, *charged, who=who, what=what or f"dp-synth of {','.join(spec.columns)}")
    if spec.threads:
        pacsynth.set_number_of_threads(spec.threads)
    started = time.perf_counter()
    synthesiser, synthetic = _run_pacsynth(table, spec, parameters)
    seconds = time.perf_counter() - started
    utility = synth_utility(table, synthetic, spec.columns, relative_min_size,
                            synthesiser.get_dp_number_of_records(), seconds)
    return SynthRelease(spec, synthetic, utility, parameters.to_json_str(), charged,
                        datetime.now(UTC).isoformat(timespec="seconds"), _version())


def _run_pacsynth(
    table: pa.Table, spec: SynthSpec, parameters: pacsynth.DpAggregateSeededParameters
) -> tuple[pacsynth.DpAggregateSeededSynthesizer, pa.Table]:
    # Every column's "0" is a real value (e.g. isForcedLabour); pac-synth would drop it.
    dataset = pacsynth.Dataset(to_raw_data(table, spec.columns), sensitive_zeros=list(spec.columns))
    synthesiser = pacsynth.DpAggregateSeededSynthesizer(parameters)
    try:
        with _native_stderr_silenced():
            synthesiser.fit(dataset)
            sampled = synthesiser.sample()
        return synthesiser, from_raw_data(sampled)
    except BaseException as exc:  # pac-synth's Rust panics are BaseException (pyo3)
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise SynthError(
            f"pac-synth failed: {exc}. With few records the noisy record count can go "
            "negative; use more records or a larger epsilon (the budget stays spent)."
        ) from exc


@contextlib.contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """Hide the Rust panic hook's report (and backtrace) that bypasses Python's stderr."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def synth_utility(original: pa.Table, synthetic: pa.Table, columns: Sequence[str], relative_min_size: int,
                  dp_records: int, seconds: float) -> SynthUtility:
    """Error of 1-way and 2-way marginal counts of the synthetic data against the truth."""
    return SynthUtility(
        records_in=original.num_rows,
        records_out=synthetic.num_rows,
        dp_number_of_records=dp_records,
        one_way=marginal_error(original, synthetic, [(c,) for c in columns], relative_min_size),
        two_way=marginal_error(original, synthetic, list(itertools.combinations(columns, 2)),
                               relative_min_size) if len(columns) > 1 else None,
        seconds=seconds,
    )


def marginal_error(original: pa.Table, synthetic: pa.Table, groups: Sequence[tuple[str, ...]],
                   relative_min_size: int) -> UtilityReport:
    truth: dict[tuple[str, ...], int] = {}
    released: dict[tuple[str, ...], int | None] = {}
    for group in groups:
        for key, n in true_counts(_as_strings(original, group), group).items():
            truth[(*group, *key)] = n
        for key, n in true_counts(_as_strings(synthetic, group), group).items():
            released[(*group, *key)] = n
    # Cells the synthesiser never produced are published as 0, not suppressed.
    for key in truth:
        released.setdefault(key, 0)
    return utility_report(truth, released, relative_min_size)


def _as_strings(table: pa.Table, columns: Sequence[str]) -> pa.Table:
    return pa.table({c: pa.array(string_column(table, c), pa.string()) for c in columns})


def _version() -> str:
    from importlib.metadata import version

    return version("pac-synth")

"""Differentially private count tables built on OpenDP.

Two modes, chosen by whether the table's full domain is declared up front:

* declared domain (pure epsilon-DP): every cell of the cross product of the declared
  values is counted, zeros included, and OpenDP's ``make_laplace`` over the integer count
  vector adds discrete Laplace noise of scale ``max_contributions / epsilon``;
* open domain ((epsilon, delta)-DP): only observed cells exist, so which cells appear is
  itself private; OpenDP's ``make_laplace_threshold`` (a stability histogram) adds noise
  and drops cells under a threshold chosen so the privacy map's delta <= the given delta.

After noise, counts are clamped at zero (unless ``clamp_negative`` is off, which keeps
sums of cells unbiased) and cells below ``suppress_below`` are suppressed
(post-processing, no privacy cost).

Reproducibility: OpenDP samples from the operating system's CSPRNG and offers no seed (by
design: a seeded DP release is not private). A release is therefore reproduced from its
record (``DpTableRelease.record()``), which stores the published output with every
parameter. ``preview_dp_table`` simulates the same noise with a seeded numpy generator
so a human can judge utility before any budget is spent.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import opendp.prelude as dp
import pyarrow as pa

from laborlens.anonymity.budget import PrivacyLedger
from laborlens.anonymity.kanon import encode_column

dp.enable_features("contrib")  # OpenDP gates measurements not yet formally vetted.

Key = tuple[str, ...]
Progress = Callable[[str], None]
MAX_DECLARED_CELLS = 5_000_000
KEY_SEPARATOR = "\x1f"  # joins cell keys for OpenDP's string-keyed maps
DEFAULT_RELATIVE_MIN_SIZE = 20


class DpError(ValueError):
    """Invalid DP parameters or data that cannot be tabulated as asked."""


@dataclass(frozen=True)
class DpTableSpec:
    by: tuple[str, ...]
    epsilon: float
    delta: float = 0.0
    # Column -> every value it may take. Declared for all ``by`` columns => pure DP.
    domain: Mapping[str, Sequence[str]] | None = None
    # Rows one person can contribute (CTDC subset: one per control category => 5).
    max_contributions: int = 1
    suppress_below: int = 0
    # Clamping negatives to 0 reads better per cell but biases sums of many cells upward.
    clamp_negative: bool = True

    @property
    def declared(self) -> bool:
        return self.domain is not None

    def validate(self) -> None:
        if not self.by:
            raise DpError("at least one 'by' column is needed")
        if not (self.epsilon > 0 and math.isfinite(self.epsilon)):
            raise DpError(f"epsilon must be a positive number, got {self.epsilon!r}")
        if not 0 <= self.delta < 1:
            raise DpError(f"delta must be in [0, 1), got {self.delta!r}")
        if self.max_contributions < 1:
            raise DpError("max_contributions must be >= 1")
        if self.suppress_below < 0:
            raise DpError("suppress_below must be >= 0")
        if self.domain is not None:
            missing = [col for col in self.by if col not in self.domain]
            if missing:
                raise DpError(f"declared domain lacks column(s): {', '.join(missing)}")
        elif self.delta <= 0:
            raise DpError(
                "an open domain (no declared values) needs delta > 0: which cells exist "
                "is itself private. Declare the domain for pure DP, or give --delta."
            )

    @property
    def scale(self) -> float:
        return self.max_contributions / self.epsilon


# --- counting ---------------------------------------------------------------------------


def true_counts(table: pa.Table, by: Sequence[str]) -> dict[Key, int]:
    """Exact counts of every observed combination of the ``by`` columns."""
    missing = [col for col in by if col not in table.column_names]
    if missing:
        raise DpError(f"column(s) not in the data: {', '.join(missing)}")
    if table.num_rows == 0:
        return {}
    encoded = [encode_column(table, col) for col in by]
    labels = [values for _, values in encoded]
    radices = [max(len(values), 1) for values in labels]
    if math.prod(radices) >= 2**62:  # mixed-radix key would overflow: slower row-wise unique
        stacked = np.stack([codes for codes, _ in encoded], axis=1)
        combos, counts = np.unique(stacked, axis=0, return_counts=True)
        rows = combos.tolist()
    else:  # one int64 per record: a 1-D unique is an order of magnitude faster
        key = np.zeros(table.num_rows, dtype=np.int64)
        for (codes, _), radix in zip(encoded, radices, strict=True):
            key = key * radix + codes
        unique_keys, counts = np.unique(key, return_counts=True)
        rows = np.stack(np.unravel_index(unique_keys, radices), axis=1).tolist()
    return {
        tuple(labels[i][code] for i, code in enumerate(row)): int(count)
        for row, count in zip(rows, counts.tolist(), strict=True)
    }


def declared_cells(spec: DpTableSpec) -> list[Key]:
    if spec.domain is None:
        raise DpError("the table's domain is not declared")
    sizes = [len(set(spec.domain[col])) for col in spec.by]
    if math.prod(sizes) > MAX_DECLARED_CELLS:
        raise DpError(f"declared domain has {math.prod(sizes):,} cells (limit {MAX_DECLARED_CELLS:,})")
    values = [sorted(set(map(str, spec.domain[col]))) for col in spec.by]
    return [tuple(key) for key in itertools.product(*values)]


# --- OpenDP measurements ----------------------------------------------------------------


def vector_measurement(n_cells: int, spec: DpTableSpec) -> dp.Measurement:
    """Discrete Laplace over an integer count vector; sensitivity max_contributions (L1)."""
    space = dp.vector_domain(dp.atom_domain(T=dp.i64), size=n_cells), dp.l1_distance(T=dp.i64)
    measurement = dp.m.make_laplace(*space, scale=spec.scale)
    _check_epsilon(measurement.map(spec.max_contributions), spec.epsilon)
    return measurement


def threshold_measurement(spec: DpTableSpec) -> tuple[dp.Measurement, int]:
    """Stability histogram: smallest integer threshold whose delta fits the spec."""
    space = (
        dp.map_domain(dp.atom_domain(T=str), dp.atom_domain(T=dp.i64)),
        dp.l01inf_distance(dp.absolute_distance(T=dp.i64)),
    )
    c = spec.max_contributions
    d_in = (c, c, c)  # a person touches <= c cells, adds <= c in total and per cell

    def build(threshold: int) -> dp.Measurement:
        return dp.m.make_laplace_threshold(*space, scale=spec.scale, threshold=threshold)

    low = high = c  # OpenDP requires threshold >= the l-infinity sensitivity
    while build(high).map(d_in)[1] > spec.delta:
        low, high = high, high * 2
        if high > 2**40:
            raise DpError("no threshold reaches that delta; raise delta or epsilon")
    while low < high:  # smallest threshold meeting delta
        mid = (low + high) // 2
        if build(mid).map(d_in)[1] <= spec.delta:
            high = mid
        else:
            low = mid + 1
    measurement = build(high)
    epsilon, _ = measurement.map(d_in)
    _check_epsilon(epsilon, spec.epsilon)
    return measurement, high


def _check_epsilon(achieved: float, target: float) -> None:
    if achieved > target * (1 + 1e-9):
        raise DpError(f"OpenDP privacy map gives epsilon={achieved}, above the requested {target}")


# --- release ----------------------------------------------------------------------------

SEED_NOTE = (
    "OpenDP draws noise from the operating system CSPRNG and cannot be seeded; this "
    "record holds the published output and all parameters, so the release is "
    "reproduced from the record, not by re-running."
)


@dataclass
class DpTableRelease:
    spec: DpTableSpec
    cells: dict[Key, int | None]  # None = suppressed after noise
    mechanism: str
    scale: float
    threshold: int | None
    rows_outside_domain: int
    created_at: str
    opendp_version: str = dp.__version__
    seed: int | None = None
    seed_note: str = SEED_NOTE
    utility: UtilityReport | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_table(self) -> pa.Table:
        columns: dict[str, list[Any]] = {col: [] for col in self.spec.by}
        counts: list[int | None] = []
        for key, count in sorted(self.cells.items()):
            for col, value in zip(self.spec.by, key, strict=True):
                columns[col].append(value)
            counts.append(count)
        data: dict[str, pa.Array] = {col: pa.array(vals, pa.string()) for col, vals in columns.items()}
        data["count"] = pa.array(counts, pa.int64())
        return pa.table(data)

    def record(self) -> dict[str, Any]:
        """Everything needed to audit and reproduce the release (JSON-able)."""
        return {
            "kind": "dp-table",
            "created_at": self.created_at,
            "by": list(self.spec.by),
            "epsilon": self.spec.epsilon,
            "delta": self.spec.delta,
            "max_contributions": self.spec.max_contributions,
            "suppress_below": self.spec.suppress_below,
            "clamp_negative": self.spec.clamp_negative,
            "domain": {k: list(v) for k, v in self.spec.domain.items()} if self.spec.domain else None,
            "mechanism": self.mechanism,
            "noise_scale": self.scale,
            "threshold": self.threshold,
            "opendp_version": self.opendp_version,
            "seed": self.seed,
            "seed_note": self.seed_note,
            "cells": [[list(key), count] for key, count in sorted(self.cells.items())],
            # Computed from the true data: for the approving analyst, never published.
            "internal_only": {
                "rows_outside_domain": self.rows_outside_domain,
                "utility": self.utility.to_dict() if self.utility else None,
            },
            **self.extra,
        }


def release_dp_table(
    table: pa.Table,
    spec: DpTableSpec,
    *,
    ledger: PrivacyLedger | None = None,
    dataset: str | None = None,
    who: str = "",
    what: str = "",
    relative_min_size: int = DEFAULT_RELATIVE_MIN_SIZE,
) -> DpTableRelease:
    """Build the OpenDP measurement, charge the ledger (if given), then draw the table.

    The measurement is built first so a bad parameter fails before any budget is spent.
    """
    spec.validate()
    truth = true_counts(table, spec.by)
    draw, threshold, mechanism = _prepare_draw(spec)
    if not spec.declared and any(KEY_SEPARATOR in value for key in truth for value in key):
        raise DpError("values may not contain the ASCII unit separator (0x1f)")
    if ledger is not None:
        if not dataset:
            raise DpError("a ledger needs the dataset name to charge")
        ledger.spend(dataset, spec.epsilon, spec.delta, who=who,
                     what=what or f"dp-table by {','.join(spec.by)}")
    cells = _post_process(draw(truth), spec)
    release = DpTableRelease(spec, cells, mechanism, spec.scale, threshold, _outside(truth, spec),
                             datetime.now(UTC).isoformat(timespec="seconds"))
    release.utility = utility_report(_inside(truth, spec), cells, relative_min_size)
    return release


Draw = Callable[[Mapping[Key, int]], dict[Key, int]]


def _prepare_draw(spec: DpTableSpec) -> tuple[Draw, int | None, str]:
    if spec.declared:
        cells = declared_cells(spec)
        vector_m = vector_measurement(len(cells), spec)

        def draw_declared(truth: Mapping[Key, int]) -> dict[Key, int]:
            vector = [truth.get(key, 0) for key in cells]  # rows outside the domain drop out
            return dict(zip(cells, (int(x) for x in vector_m(vector)), strict=True))

        mechanism = "opendp.measurements.make_laplace (discrete Laplace) over the declared-domain count vector"
        return draw_declared, None, mechanism
    map_m, threshold = threshold_measurement(spec)

    def draw_open(truth: Mapping[Key, int]) -> dict[Key, int]:
        noisy = map_m({KEY_SEPARATOR.join(key): n for key, n in truth.items()})
        return {tuple(k.split(KEY_SEPARATOR)): int(v) for k, v in noisy.items()}

    return draw_open, threshold, "opendp.measurements.make_laplace_threshold (stability histogram)"


def _inside(truth: Mapping[Key, int], spec: DpTableSpec) -> dict[Key, int]:
    if spec.domain is None:
        return dict(truth)
    allowed = [set(map(str, spec.domain[col])) for col in spec.by]
    return {k: n for k, n in truth.items() if all(v in a for v, a in zip(k, allowed, strict=True))}


def _outside(truth: Mapping[Key, int], spec: DpTableSpec) -> int:
    return sum(truth.values()) - sum(_inside(truth, spec).values())


def _post_process(noisy: Mapping[Key, int], spec: DpTableSpec) -> dict[Key, int | None]:
    # Post-processing only (no privacy cost): small noisy counts are unreliable, suppress.
    out: dict[Key, int | None] = {}
    for key, n in noisy.items():
        value = max(n, 0) if spec.clamp_negative else n
        out[key] = None if spec.suppress_below > 0 and n < spec.suppress_below else value
    return out


# --- utility ----------------------------------------------------------------------------


@dataclass
class UtilityReport:
    cells: int
    published_cells: int
    suppressed_cells: int
    suppression_rate: float  # suppressed / all cells
    records_in_suppressed_cells: int  # true records hidden by suppression
    mean_absolute_error: float  # over published cells
    max_absolute_error: float
    relative_min_size: int
    mean_relative_error: float | None  # over published cells with true count >= min size
    cells_at_or_above_min_size: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def utility_report(
    truth: Mapping[Key, int], released: Mapping[Key, int | None], relative_min_size: int = DEFAULT_RELATIVE_MIN_SIZE
) -> UtilityReport:
    """Error of released counts against the truth; keys missing from ``released`` count as suppressed."""
    keys = set(truth) | set(released)
    published = [k for k in keys if released.get(k) is not None]
    suppressed = [k for k in keys if released.get(k) is None]
    errors = np.array([abs((released[k] or 0) - truth.get(k, 0)) for k in published], dtype=float)
    big = [k for k in published if truth.get(k, 0) >= relative_min_size]
    relative = [abs((released[k] or 0) - truth[k]) / truth[k] for k in big]
    return UtilityReport(
        cells=len(keys),
        published_cells=len(published),
        suppressed_cells=len(suppressed),
        suppression_rate=len(suppressed) / len(keys) if keys else 0.0,
        records_in_suppressed_cells=sum(truth.get(k, 0) for k in suppressed),
        mean_absolute_error=float(errors.mean()) if len(errors) else 0.0,
        max_absolute_error=float(errors.max()) if len(errors) else 0.0,
        relative_min_size=relative_min_size,
        mean_relative_error=float(np.mean(relative)) if relative else None,
        cells_at_or_above_min_size=len(big),
    )


def discrete_laplace_variance(scale: float) -> float:
    """Variance of the discrete Laplace with P(x) proportional to exp(-|x|/scale)."""
    a = math.exp(-1.0 / scale)
    return 2 * a / (1 - a) ** 2


def simulate_discrete_laplace(rng: np.random.Generator, scale: float, size: int) -> np.ndarray:
    # Difference of two i.i.d. geometrics is discrete Laplace with the same parameter.
    p = 1 - math.exp(-1.0 / scale)
    return rng.geometric(p, size) - rng.geometric(p, size)


def preview_dp_table(
    table: pa.Table, spec: DpTableSpec, *, seed: int = 0, relative_min_size: int = DEFAULT_RELATIVE_MIN_SIZE
) -> UtilityReport:
    """Expected utility of a release, from a seeded simulation of the same noise.

    Spends no budget and publishes nothing; the figures compare against the true counts,
    so they are for the approving analyst only, never for publication.
    """
    spec.validate()
    truth = _inside(true_counts(table, spec.by), spec)
    rng = np.random.default_rng(seed)
    if spec.declared:
        cells = declared_cells(spec)
        noise = simulate_discrete_laplace(rng, spec.scale, len(cells))
        noisy = {key: truth.get(key, 0) + int(e) for key, e in zip(cells, noise, strict=True)}
    else:
        _, threshold = threshold_measurement(spec)
        keys = list(truth)
        noise = simulate_discrete_laplace(rng, spec.scale, len(keys))
        noisy = {k: truth[k] + int(e) for k, e in zip(keys, noise, strict=True) if truth[k] + e >= threshold}
    return utility_report(truth, _post_process(noisy, spec), relative_min_size)

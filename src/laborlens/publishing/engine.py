"""The release engine: parameters -> preview (utility against the truth) -> output table.

Pure Python (no Django import): it runs the ``laborlens.anonymity`` modules on a pyarrow
table that the caller has already restricted to records allowed for statistical use.

Reproducibility. Every release records a seed.
* k-anonymous microdata is fully determined by the data, the parameters and the seed
  (the search is deterministic; the seed shuffles the row order so that the output order
  says nothing about the order of the records in the database): re-running gives
  byte-identical output.
* The DP preview simulates the noise with a generator seeded from the release seed, so
  a preview is reproducible too.
* The published DP noise comes from OpenDP and pac-synth, which draw from the operating
  system's CSPRNG and refuse a seed (a seeded, guessable noise source would undo the
  privacy guarantee). Their output is therefore stored (encrypted) when it is drawn and
  every later download returns exactly those bytes; the record holds every parameter and
  library version.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from laborlens.anonymity import dp, kanon, synth
from laborlens.anonymity.budget import PrivacyLedger

KANON, DP_TABLE, DP_SYNTH = "kanon", "dp_table", "dp_synth"
METHODS = (KANON, DP_TABLE, DP_SYNTH)
DP_METHODS = (DP_TABLE, DP_SYNTH)

MAX_K = 1000
MAX_EPSILON = 10.0
MAX_DELTA = 1e-3
MAX_TABLE_DIMENSIONS = 5
DEFAULT_SUPPRESS_BELOW = kanon.DEFAULT_K  # small cells: the same threshold as k
RELATIVE_MIN_SIZE = dp.DEFAULT_RELATIVE_MIN_SIZE


class ReleaseParameterError(ValueError):
    """Parameters that do not fit the method or the dataset."""


@dataclass(frozen=True)
class DatasetInfo:
    """What the engine needs to know about a dataset's columns (declared by the caller)."""

    name: str
    columns: tuple[str, ...]
    hierarchies: Mapping[str, Sequence[Mapping[str, Any]]]
    # Column -> every value it may take (None: open domain). The year column is
    # declared from the release's year range instead.
    domains: Mapping[str, Sequence[str] | None]
    year_column: str | None = None
    max_contributions: int = 1  # rows one person can contribute
    default_quasi_identifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Params:
    method: str
    columns: tuple[str, ...] = ()  # released columns (k-anonymity, synthetic data)
    quasi_identifiers: tuple[str, ...] = ()
    k: int = kanon.DEFAULT_K
    max_suppression: float = kanon.DEFAULT_MAX_SUPPRESSION
    by: tuple[str, ...] = ()  # DP table dimensions
    epsilon: float | None = None
    delta: float = 0.0
    suppress_below: int = DEFAULT_SUPPRESS_BELOW
    years: tuple[int, int] | None = None
    reporting_length: int = 3
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        data.pop("method")
        for key in ("columns", "quasi_identifiers", "by"):
            data[key] = list(data[key])
        data["years"] = list(self.years) if self.years else None
        return {key: value for key, value in data.items() if key in METHOD_KEYS[self.method]}

    @property
    def cost(self) -> tuple[float, float]:
        """(epsilon, delta) per record before group privacy; (0, 0) for k-anonymity."""
        if self.method == KANON or self.epsilon is None:
            return 0.0, 0.0
        return float(self.epsilon), float(self.delta)


def _names(value: Any, label: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ReleaseParameterError(f"{label}: expected a list of column names")
    if len(set(value)) != len(value):
        raise ReleaseParameterError(f"{label}: columns must be distinct")
    return tuple(value)


def _number(data: Mapping[str, Any], key: str, default: Any, kind: type) -> Any:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ReleaseParameterError(f"{key}: expected a number")
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise ReleaseParameterError(f"{key}: expected a number") from None
    if kind is float and not math.isfinite(number):
        raise ReleaseParameterError(f"{key}: expected a finite number")
    return number


def _years(value: Any) -> tuple[int, int] | None:
    if value in (None, "", []):
        return None
    if isinstance(value, str):
        value = value.split(":", 1) if ":" in value else [value, value]
    try:
        first, last = (int(v) for v in value)
    except (TypeError, ValueError):
        raise ReleaseParameterError("years: expected FIRST:LAST") from None
    if not 1990 <= first <= last <= 2100 or last - first > 60:
        raise ReleaseParameterError("years: FIRST:LAST between 1990 and 2100, at most 60 years")
    return first, last


# What each method uses; the rest is left out of the recorded parameters.
METHOD_KEYS = {
    KANON: {"columns", "quasi_identifiers", "k", "max_suppression"},
    DP_TABLE: {"by", "epsilon", "delta", "suppress_below", "years"},
    DP_SYNTH: {"columns", "epsilon", "delta", "reporting_length"},
}
KNOWN_KEYS = {"columns", "quasi_identifiers", "k", "max_suppression", "by", "epsilon", "delta",
              "suppress_below", "years", "reporting_length"}


def parse_params(method: str, data: Mapping[str, Any], info: DatasetInfo) -> Params:
    """Validate raw parameters (form, API, CLI) against the method and the dataset."""
    if method not in METHODS:
        raise ReleaseParameterError(f"method: one of {', '.join(METHODS)}")
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise ReleaseParameterError(f"unknown parameter(s): {', '.join(unknown)}")
    params = Params(
        method=method,
        columns=_names(data.get("columns"), "columns"),
        quasi_identifiers=_names(data.get("quasi_identifiers"), "quasi_identifiers"),
        k=_number(data, "k", kanon.DEFAULT_K, int),
        max_suppression=_number(data, "max_suppression", kanon.DEFAULT_MAX_SUPPRESSION, float),
        by=_names(data.get("by"), "by"),
        epsilon=_number(data, "epsilon", None, float),
        delta=_number(data, "delta", synth.DEFAULT_DELTA if method == DP_SYNTH else 0.0, float),
        suppress_below=_number(data, "suppress_below", DEFAULT_SUPPRESS_BELOW, int),
        years=_years(data.get("years")),
        reporting_length=_number(data, "reporting_length", 3, int),
    )
    _validate(params, info)
    return params


def _validate(p: Params, info: DatasetInfo) -> None:
    def known(names: Sequence[str], label: str) -> None:
        missing = [n for n in names if n not in info.columns]
        if missing:
            raise ReleaseParameterError(f"{label}: not columns of {info.name}: {', '.join(missing)}; "
                                        f"choose from {', '.join(info.columns)}")

    known(p.columns, "columns")
    known(p.quasi_identifiers, "quasi_identifiers")
    known(p.by, "by")
    if p.method == KANON:
        if not p.quasi_identifiers:
            raise ReleaseParameterError("quasi_identifiers: at least one is needed")
        if p.columns and not set(p.quasi_identifiers) <= set(p.columns):
            raise ReleaseParameterError("quasi_identifiers must be among the released columns")
        if not 2 <= p.k <= MAX_K:
            raise ReleaseParameterError(f"k: between 2 and {MAX_K}")
        if not 0 <= p.max_suppression <= 0.5:
            raise ReleaseParameterError("max_suppression: between 0 and 0.5")
        return
    if p.epsilon is None or not 0 < p.epsilon <= MAX_EPSILON:
        raise ReleaseParameterError(f"epsilon: a number above 0 and at most {MAX_EPSILON}")
    if p.method == DP_TABLE:
        if not 1 <= len(p.by) <= MAX_TABLE_DIMENSIONS:
            raise ReleaseParameterError(f"by: 1 to {MAX_TABLE_DIMENSIONS} table dimensions")
        if not 0 <= p.delta <= MAX_DELTA:
            raise ReleaseParameterError(f"delta: between 0 and {MAX_DELTA}")
        if not 0 <= p.suppress_below <= MAX_K:
            raise ReleaseParameterError(f"suppress_below: between 0 and {MAX_K}")
        spec = dp_spec(p, info)
        try:
            spec.validate()
            if spec.declared:
                dp.declared_cells(spec)
        except dp.DpError as exc:
            raise ReleaseParameterError(str(exc)) from exc
        return
    columns = p.columns or info.columns
    if len(columns) < 2:
        raise ReleaseParameterError("columns: at least two for synthetic data")
    if not 0 < p.delta <= MAX_DELTA:
        raise ReleaseParameterError(f"delta: above 0 and at most {MAX_DELTA} (pac-synth adds Gaussian noise)")
    if not 1 <= p.reporting_length <= min(4, len(columns)):
        raise ReleaseParameterError("reporting_length: between 1 and min(4, number of columns)")


# --- building the pure specs ---------------------------------------------------------------


def dp_spec(p: Params, info: DatasetInfo) -> dp.DpTableSpec:
    """Declared (pure DP) domain when every dimension has a value set, else an open domain."""
    domain: dict[str, Sequence[str]] | None = {}
    for column in p.by:
        if column == info.year_column and p.years is not None:
            domain[column] = tuple(str(y) for y in range(p.years[0], p.years[1] + 1))  # type: ignore[index]
            continue
        values = info.domains.get(column)
        if values is None:
            domain = None
            break
        domain[column] = tuple(values)  # type: ignore[index]
    return dp.DpTableSpec(by=p.by, epsilon=float(p.epsilon or 0), delta=p.delta, domain=domain,
                          max_contributions=info.max_contributions, suppress_below=p.suppress_below)


def synth_spec(p: Params, info: DatasetInfo) -> synth.SynthSpec:
    return synth.SynthSpec(columns=p.columns or info.columns, epsilon=float(p.epsilon or 0), delta=p.delta,
                           reporting_length=p.reporting_length, max_contributions=info.max_contributions,
                           threads=1)


def charge(p: Params, info: DatasetInfo) -> tuple[float, float]:
    """What the ledger is charged per person (group privacy for synthetic data)."""
    if p.method == DP_TABLE:
        return p.cost  # the sensitivity already covers max_contributions
    if p.method == DP_SYNTH:
        return synth.person_level_cost(synth_spec(p, info))
    return 0.0, 0.0


# --- preview and output --------------------------------------------------------------------


def _kanon_run(table: pa.Table, p: Params, info: DatasetInfo) -> tuple[pa.Table, pa.Table, kanon.KAnonReport]:
    columns = p.columns or info.columns
    selected = table.select(list(columns))
    hierarchies = kanon.hierarchies_from_dict({q: info.hierarchies.get(q, []) for q in p.quasi_identifiers})
    released, report = kanon.anonymise(selected, p.quasi_identifiers, hierarchies, k=p.k,
                                       max_suppression=p.max_suppression)
    check = kanon.verify_k_anonymity(released, p.quasi_identifiers, p.k)
    if not check.ok:  # never hand on a table that fails the independent check
        raise kanon.AnonymisationError(f"output is not {p.k}-anonymous ({len(check.offending)} classes)")
    # The truth generalised to the same levels, without suppression: the errors of its
    # marginal counts against the release are the cost of suppression.
    truth = selected
    for qi in p.quasi_identifiers:
        level = report.levels[qi]
        values = [hierarchies[qi].generalise(v, level) for v in kanon.string_column(selected, qi)]
        truth = truth.set_column(truth.column_names.index(qi), pa.field(qi, pa.string()),
                                 pa.array(values, pa.string()))
    return truth, released, report


def preview(table: pa.Table, p: Params, info: DatasetInfo, seed: int) -> dict[str, Any]:
    """Utility of the release against the true data, for the requester and the approver only."""
    if table.num_rows == 0:
        raise ReleaseParameterError("no records are allowed for statistical use in this dataset")
    if p.method == KANON:
        truth, released, report = _kanon_run(table, p, info)
        columns = tuple(p.columns or info.columns)
        utility = synth.marginal_error(truth, released, [(c,) for c in columns], RELATIVE_MIN_SIZE)
        return {"method": p.method, "utility": utility.to_dict(), "kanon": report.to_dict(),
                "suppression_rate": report.suppression_rate, "rows_out": released.num_rows,
                "reproducible": True}
    if p.method == DP_TABLE:
        table_spec = dp_spec(p, info)
        utility = dp.preview_dp_table(table, table_spec, seed=seed, relative_min_size=RELATIVE_MIN_SIZE)
        return {"method": p.method, "utility": utility.to_dict(), "suppression_rate": utility.suppression_rate,
                "noise_scale": table_spec.scale, "pure_dp": table_spec.declared, "cells": utility.cells,
                "reproducible": True}
    result = synth.synthesise(table, synth_spec(p, info))  # no ledger: a trial run that is thrown away
    return {"method": p.method, "utility": result.utility.one_way.to_dict(),
            "two_way": result.utility.two_way.to_dict() if result.utility.two_way else None,
            "suppression_rate": result.utility.one_way.suppression_rate,
            "rows_out": result.table.num_rows, "reproducible": False}


@dataclass
class Output:
    table: pa.Table
    record: dict[str, Any]
    charged: tuple[float, float]


def produce(table: pa.Table, p: Params, info: DatasetInfo, seed: int, *, ledger: PrivacyLedger | None,
            dataset_key: str, who: str, what: str) -> Output:
    """The release itself. DP methods charge ``ledger`` before any noise is drawn."""
    if table.num_rows == 0:
        raise ReleaseParameterError("no records are allowed for statistical use in this dataset")
    if p.method == KANON:
        _, released, report = _kanon_run(table, p, info)
        order = np.random.default_rng(seed).permutation(released.num_rows)
        shuffled = released.take(pa.array(order, pa.int64()))
        record = {"kind": "kanon", "seed": seed, **report.to_dict()}
        return Output(shuffled, record, (0.0, 0.0))
    if ledger is None:
        raise ReleaseParameterError("a DP release needs the privacy-budget ledger")
    if p.method == DP_TABLE:
        release = dp.release_dp_table(table, dp_spec(p, info), ledger=ledger, dataset=dataset_key, who=who,
                                      what=what, relative_min_size=RELATIVE_MIN_SIZE)
        release.seed = seed
        return Output(release.to_table(), release.record(), p.cost)
    spec = synth_spec(p, info)
    result = synth.synthesise(table, spec, ledger=ledger, dataset=dataset_key, who=who, what=what)
    record = result.record()
    record["seed"] = seed
    return Output(result.table, record, result.charged)


def to_csv(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pacsv.write_csv(table, sink)
    return sink.getvalue()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

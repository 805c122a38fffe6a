"""k-anonymous microdata by full-domain generalisation and record suppression.

Every quasi-identifier (QI) has a generalisation hierarchy declared as data (JSON-able
dicts, see ``Hierarchy.from_levels``). The anonymiser searches the lattice of level
combinations for the one with the lowest information loss whose residual rare records
(equivalence classes smaller than k) stay within the suppression limit, then removes
those records. ``verify_k_anonymity`` checks the result with separate, plain-Python code.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

SUPPRESSED = "*"
DEFAULT_K = 11  # CTDC publishes with k = 11
DEFAULT_MAX_SUPPRESSION = 0.05
EXHAUSTIVE_LIMIT = 20_000  # lattice nodes; above this a greedy climb is used

Progress = Callable[[str], None]


class HierarchyError(ValueError):
    """A hierarchy is malformed or not monotone (a level splits a group of the one below)."""


class AnonymisationError(ValueError):
    """No generalisation meets k within the suppression limit, or inputs are unusable."""


# --- hierarchies ------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One generalisation step, applied to the ORIGINAL value (not to the level below)."""

    kind: str  # "map" | "interval" | "suppress"
    mapping: Mapping[str, str] = field(default_factory=dict)
    default: str = "Other"
    width: int = 1
    origin: int = 0

    def apply(self, value: str) -> str:
        if self.kind == "suppress":
            return SUPPRESSED
        if self.kind == "map":
            return self.mapping.get(value, self.default)
        return self._interval(value)

    def _interval(self, value: str) -> str:
        try:
            number = int(value)
        except ValueError:
            return self.default
        low = self.origin + (number - self.origin) // self.width * self.width
        return f"{low}-{low + self.width - 1}"

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> Level:
        kind = spec.get("type")
        if kind == "suppress":
            return cls("suppress")
        if kind == "map":
            return cls("map", dict(spec["map"]), str(spec.get("default", "Other")))
        if kind == "interval":
            width = int(spec["width"])
            if width < 1:
                raise HierarchyError("interval width must be >= 1")
            return cls("interval", width=width, origin=int(spec.get("origin", 0)),
                       default=str(spec.get("default", "Other")))
        raise HierarchyError(f"unknown level type {kind!r} (map, interval or suppress)")


@dataclass(frozen=True)
class Hierarchy:
    """Levels 1..n of a QI; level 0 is the original value and is implicit."""

    column: str
    levels: tuple[Level, ...]

    @property
    def height(self) -> int:
        return len(self.levels)

    def generalise(self, value: str, level: int) -> str:
        return value if level == 0 else self.levels[level - 1].apply(value)

    @classmethod
    def from_levels(cls, column: str, specs: Sequence[Mapping[str, Any]]) -> Hierarchy:
        levels = tuple(Level.from_dict(spec) for spec in specs)
        if not levels or levels[-1].kind != "suppress":
            levels = (*levels, Level("suppress"))  # always allow full suppression of a QI
        return cls(column, levels)


def hierarchies_from_dict(spec: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Hierarchy]:
    return {column: Hierarchy.from_levels(column, levels) for column, levels in spec.items()}


# --- encoding ---------------------------------------------------------------------------


def string_column(table: pa.Table, name: str) -> list[str]:
    """Column values as strings; nulls become "" so every record has a QI value."""
    if name not in table.column_names:
        raise AnonymisationError(f"column {name!r} not in the data")
    column = pc.cast(table.column(name), pa.string())
    return [value if value is not None else "" for value in column.to_pylist()]


def encode_column(table: pa.Table, name: str) -> tuple[np.ndarray, list[str]]:
    """Integer codes per record and the distinct values they index (sorted)."""
    encoded = pc.dictionary_encode(pc.fill_null(pc.cast(table.column(name), pa.string()), ""))
    chunks = encoded.combine_chunks() if isinstance(encoded, pa.ChunkedArray) else encoded
    dictionary = chunks.dictionary.to_pylist()
    order = sorted(range(len(dictionary)), key=lambda i: dictionary[i])
    remap = np.empty(len(dictionary), dtype=np.int64)
    remap[order] = np.arange(len(dictionary))
    codes = remap[chunks.indices.to_numpy(zero_copy_only=False).astype(np.int64)]
    return codes, [dictionary[i] for i in order]


@dataclass
class _EncodedQi:
    """Per QI and level: generalised code of every record, labels, per-code loss."""

    column: str
    codes: list[np.ndarray]  # index = level
    labels: list[list[str]]
    loss: list[np.ndarray]  # information loss in [0, 1] of each generalised code


def _encode_qi(table: pa.Table, hierarchy: Hierarchy) -> _EncodedQi:
    base_codes, values = encode_column(table, hierarchy.column)
    encoded = _EncodedQi(hierarchy.column, [], [], [])
    previous: list[str] = values
    for level in range(hierarchy.height + 1):
        generalised = [hierarchy.generalise(value, level) for value in values]
        _check_monotone(hierarchy, level, previous, generalised)
        labels = sorted(set(generalised))
        index = {label: i for i, label in enumerate(labels)}
        value_to_code = np.array([index[g] for g in generalised], dtype=np.int64)
        encoded.codes.append(value_to_code[base_codes])
        encoded.labels.append(labels)
        encoded.loss.append(_level_loss(generalised, labels, len(values)))
        previous = generalised
    return encoded


def _check_monotone(h: Hierarchy, level: int, below: list[str], here: list[str]) -> None:
    # Full-domain generalisation needs each group at one level to map into one group above.
    seen: dict[str, str] = {}
    for low, high in zip(below, here, strict=True):
        if seen.setdefault(low, high) != high:
            raise HierarchyError(
                f"hierarchy for {h.column!r} is not monotone: level {level} splits "
                f"{low!r} into {seen[low]!r} and {high!r}"
            )


def _level_loss(generalised: list[str], labels: list[str], n_values: int) -> np.ndarray:
    # Loss metric (Iyengar 2002): (leaves under the generalised value - 1) / (leaves - 1).
    leaves = Counter(generalised)
    if n_values <= 1:
        return np.zeros(len(labels))
    return np.array([(leaves[label] - 1) / (n_values - 1) for label in labels])


# --- search -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _NodeScore:
    levels: tuple[int, ...]
    suppressed: int
    loss: float
    feasible: bool


def _score(qis: list[_EncodedQi], levels: tuple[int, ...], k: int, limit: int) -> tuple[_NodeScore, np.ndarray]:
    key = _combined_key([qi.codes[level] for qi, level in zip(qis, levels, strict=True)],
                        [len(qi.labels[level]) for qi, level in zip(qis, levels, strict=True)])
    _, inverse, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    rare = counts[inverse] < k
    suppressed = int(rare.sum())
    kept = ~rare
    n, q = len(rare), len(qis)
    cell_loss = sum(qi.loss[level][qi.codes[level][kept]].sum() for qi, level in zip(qis, levels, strict=True))
    loss = (float(cell_loss) + suppressed * q) / (n * q) if n else 0.0
    return _NodeScore(levels, suppressed, loss, suppressed <= limit), rare


def _combined_key(codes: list[np.ndarray], radices: list[int]) -> np.ndarray:
    # One int64 per record (fast) unless the mixed-radix product could overflow.
    if int(np.prod([max(r, 1) for r in radices], dtype=object)) < 2**62:
        key = np.zeros(len(codes[0]), dtype=np.int64)
        for column, radix in zip(codes, radices, strict=True):
            key = key * radix + column
        return key
    return np.stack(codes, axis=1)


def _better(a: _NodeScore, b: _NodeScore | None) -> bool:
    return b is None or (a.loss, sum(a.levels)) < (b.loss, sum(b.levels))


def _search_exhaustive(qis: list[_EncodedQi], k: int, limit: int, progress: Progress | None) -> tuple[_NodeScore | None, int]:
    best: _NodeScore | None = None
    nodes = list(itertools.product(*(range(len(qi.codes)) for qi in qis)))
    for done, levels in enumerate(nodes, start=1):
        score, _ = _score(qis, levels, k, limit)
        if score.feasible and _better(score, best):
            best = score
        if progress and done % 500 == 0:
            progress(f"k-anonymity search: {done}/{len(nodes)} generalisations evaluated")
    return best, len(nodes)


def _search_greedy(qis: list[_EncodedQi], k: int, limit: int) -> tuple[_NodeScore | None, int]:
    # Climb one level at a time, taking the step with the lowest loss, until feasible.
    levels = tuple(0 for _ in qis)
    evaluated = 1
    score, _ = _score(qis, levels, k, limit)
    while not score.feasible:
        steps = [levels[:i] + (lvl + 1,) + levels[i + 1:] for i, lvl in enumerate(levels)
                 if lvl + 1 < len(qis[i].codes)]
        if not steps:
            return None, evaluated
        scored = [_score(qis, step, k, limit)[0] for step in steps]
        evaluated += len(scored)
        score = min(scored, key=lambda s: (not s.feasible, s.suppressed, s.loss))
        levels = score.levels
    return score, evaluated


# --- public API -------------------------------------------------------------------------


@dataclass
class KAnonReport:
    k: int
    quasi_identifiers: list[str]
    levels: dict[str, int]
    level_descriptions: dict[str, str]
    records_in: int
    records_out: int
    suppressed_records: int
    suppression_rate: float
    information_loss: float  # 0 = original data, 1 = everything suppressed
    equivalence_classes: int
    smallest_class: int
    nodes_evaluated: int
    search: str
    caveats: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def anonymise(
    table: pa.Table,
    quasi_identifiers: Sequence[str],
    hierarchies: Mapping[str, Hierarchy],
    *,
    k: int = DEFAULT_K,
    max_suppression: float = DEFAULT_MAX_SUPPRESSION,
    progress: Progress | None = None,
) -> tuple[pa.Table, KAnonReport]:
    """Generalise the QIs and suppress rare records so every QI combination occurs >= k times."""
    _check_arguments(table, quasi_identifiers, k, max_suppression)
    chosen = {qi: hierarchies.get(qi) or Hierarchy.from_levels(qi, []) for qi in quasi_identifiers}
    qis = [_encode_qi(table, chosen[qi]) for qi in quasi_identifiers]
    limit = int(np.floor(max_suppression * table.num_rows))
    n_nodes = int(np.prod([len(qi.codes) for qi in qis]))
    if n_nodes <= EXHAUSTIVE_LIMIT:
        best, evaluated = _search_exhaustive(qis, k, limit, progress)
        search = "exhaustive"
    else:
        best, evaluated = _search_greedy(qis, k, limit)
        search = "greedy"
    if best is None:
        raise AnonymisationError(
            f"no generalisation reaches k={k} with at most {max_suppression:.1%} of records "
            f"suppressed; fewer than k={k} records in total?"
        )
    _, rare = _score(qis, best.levels, k, limit)
    released = _build_release(table, qis, best.levels, rare)
    return released, _report(table, released, quasi_identifiers, chosen, best, k, evaluated, search)


def _check_arguments(table: pa.Table, qis: Sequence[str], k: int, max_suppression: float) -> None:
    if k < 1:
        raise AnonymisationError("k must be >= 1")
    if not 0 <= max_suppression <= 1:
        raise AnonymisationError("max_suppression must be between 0 and 1")
    if not qis:
        raise AnonymisationError("at least one quasi-identifier is needed")
    missing = [qi for qi in qis if qi not in table.column_names]
    if missing:
        raise AnonymisationError(f"quasi-identifiers not in the data: {', '.join(missing)}")
    if len(set(qis)) != len(qis):
        raise AnonymisationError("quasi-identifiers must be distinct")


def _build_release(table: pa.Table, qis: list[_EncodedQi], levels: tuple[int, ...], rare: np.ndarray) -> pa.Table:
    kept = pa.array(~rare)
    released = table.filter(kept)
    keep_idx = np.flatnonzero(~rare)
    for qi, level in zip(qis, levels, strict=True):
        labels = np.array(qi.labels[level], dtype=object)
        values = pa.array(labels[qi.codes[level][keep_idx]].tolist(), pa.string())
        position = released.column_names.index(qi.column)
        released = released.set_column(position, pa.field(qi.column, pa.string()), values)
    return released


def _report(table: pa.Table, released: pa.Table, qi_names: Sequence[str], chosen: Mapping[str, Hierarchy],
            best: _NodeScore, k: int, evaluated: int, search: str) -> KAnonReport:
    classes = Counter(zip(*(string_column(released, qi) for qi in qi_names), strict=True))
    levels = dict(zip(qi_names, best.levels, strict=True))
    return KAnonReport(
        k=k,
        quasi_identifiers=list(qi_names),
        levels=levels,
        level_descriptions={qi: _describe(chosen[qi], lvl) for qi, lvl in levels.items()},
        records_in=table.num_rows,
        records_out=released.num_rows,
        suppressed_records=best.suppressed,
        suppression_rate=best.suppressed / table.num_rows if table.num_rows else 0.0,
        information_loss=best.loss,
        equivalence_classes=len(classes),
        smallest_class=min(classes.values(), default=0),
        nodes_evaluated=evaluated,
        search=search,
        caveats=[
            "k counts rows: if one person has several rows (CTDC: one per control "
            "category), a class of k rows may hold fewer than k people.",
        ],
    )


def _describe(h: Hierarchy, level: int) -> str:
    if level == 0:
        return "original values"
    step = h.levels[level - 1]
    if step.kind == "interval":
        return f"intervals of width {step.width}"
    return "suppressed (*)" if step.kind == "suppress" else f"mapped (level {level})"


# --- verifier (deliberately independent of the code above: plain Python, no numpy) ------


@dataclass
class KVerification:
    ok: bool
    k: int
    records: int
    classes: int
    offending: dict[tuple[str, ...], int]  # QI combination -> how often it occurs (< k)


def verify_k_anonymity(
    rows: pa.Table | Iterable[Mapping[str, Any]], quasi_identifiers: Sequence[str], k: int
) -> KVerification:
    """Count every QI combination in the output; ok only if each occurs at least k times."""
    records = rows.to_pylist() if isinstance(rows, pa.Table) else list(rows)
    counts: Counter[tuple[str, ...]] = Counter()
    for record in records:
        missing = [qi for qi in quasi_identifiers if qi not in record]
        if missing:
            raise KeyError(f"record lacks quasi-identifier(s): {', '.join(missing)}")
        counts[tuple("" if record[qi] is None else str(record[qi]) for qi in quasi_identifiers)] += 1
    offending = {combo: n for combo, n in counts.items() if n < k}
    return KVerification(not offending, k, len(records), len(counts), offending)

"""Vectorised screening of many records with numpy and pyarrow (pure Python, no Django).

Same rules as :mod:`laborlens.screening.engine` (the tests check both agree record by
record), computed column-wise: per dimension, count present strong / medium / weak
indicators, test the combination patterns, then combine the dimensions into a reading.

Input table: one column per catalogue item id, values ``present`` / ``absent`` /
``unknown`` (any case) or ``1`` / ``0`` / empty (also ``yes``/``no``, ``true``/``false``,
booleans); optional ``age_group`` (adult / minor / unknown, empty = unknown) and ``id``.
A missing item column means unknown for every record. Any other column is an error.

Output per record: ``id`` (when given), ``reading``, one boolean ``dim_<dimension>`` per
dimension, and ``present_count`` (present operational indicators).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from laborlens.catalogue import Catalogue, load_catalogue
from laborlens.catalogue.loader import AGE_GROUPS, READING_IDS
from laborlens.screening.rule import Model, model_for

ID_COLUMN = "id"
AGE_COLUMN = "age_group"
PRESENT_WORDS = ("present", "1", "yes", "y", "true")
ABSENT_WORDS = ("absent", "0", "no", "n", "false")
UNKNOWN_WORDS = ("unknown", "")
AGE_CODE = {"adult": 0, "minor": 1, "unknown": 2, "": 2}
DEFAULT_CHUNK_ROWS = 262_144
WEIGHT_INDEX = {"strong": 0, "medium": 1, "weak": 2}

BoolArray = npt.NDArray[np.bool_]
Progress = Callable[[int], None]


@dataclass(frozen=True)
class BatchResult:
    reading: npt.NDArray[np.int8]  # index into READING_IDS (= the reading's rank)
    dimensions: Mapping[str, BoolArray]
    present_count: npt.NDArray[np.int16]

    def to_table(self, ids: pa.Array | pa.ChunkedArray | None = None) -> pa.Table:
        columns: dict[str, Any] = {}
        if ids is not None:
            columns[ID_COLUMN] = ids
        columns["reading"] = pc.take(pa.array(READING_IDS), pa.array(self.reading))
        for dim_id, values in self.dimensions.items():
            columns[f"dim_{dim_id}"] = pa.array(values)
        columns["present_count"] = pa.array(self.present_count)
        return pa.table(columns)


# --- scoring -------------------------------------------------------------------------


def score_presence(present: Mapping[str, BoolArray], rows: int, age_codes: npt.NDArray[np.int8] | None = None,
                   *, catalogue: Catalogue | None = None) -> BatchResult:
    """Score boolean presence columns (item id -> bool array of length ``rows``).

    ``age_codes``: 0 adult, 1 minor, 2 unknown (unknown uses adult rules, as the engine does).
    """
    model = model_for(catalogue or load_catalogue())
    minor = np.zeros(rows, dtype=np.bool_) if age_codes is None else (age_codes == AGE_CODE["minor"])
    any_minor = bool(minor.any())
    positive = {d: _dimension_positive(model, d, present, rows, minor, any_minor) for d in model.dimension_ids}
    act = _any_of(present, model.act_items, rows)
    smuggling = _any_of(present, model.smuggling_triggers, rows)
    reading = _combine(model, positive, act, smuggling, minor)
    count = np.zeros(rows, dtype=np.int16)
    for item in model.catalogue.indicators:
        if item.id in present:
            count += present[item.id]
    return BatchResult(reading, positive, count)


def _any_of(present: Mapping[str, BoolArray], ids: frozenset[str], rows: int) -> BoolArray:
    out = np.zeros(rows, dtype=np.bool_)
    for item_id in ids:
        if item_id in present:
            out |= present[item_id]
    return out


def _weight_counts(model: Model, dim_id: str, present: Mapping[str, BoolArray], rows: int,
                   child: bool) -> list[npt.NDArray[np.int8]]:
    counts = [np.zeros(rows, dtype=np.int8) for _ in WEIGHT_INDEX]
    for item in model.catalogue.indicators_of(dim_id):
        if item.id in present:
            counts[WEIGHT_INDEX[str(item.weight(child))]] += present[item.id]
    return counts


def _patterns_hold(model: Model, strong: npt.NDArray[np.int8], medium: npt.NDArray[np.int8],
                   weak: npt.NDArray[np.int8]) -> BoolArray:
    """Vector form of Pattern.holds, OR-ed over the catalogue's combination patterns."""
    out = np.zeros(strong.shape, dtype=np.bool_)
    for p in model.patterns:
        spare = (medium.astype(np.int16) - p.medium) + (weak.astype(np.int16) - p.weak)
        out |= (strong >= p.strong) & (medium >= p.medium) & (weak >= p.weak) & (spare >= p.medium_or_weak)
    return out


def _dimension_positive(model: Model, dim_id: str, present: Mapping[str, BoolArray], rows: int,
                        minor: BoolArray, any_minor: bool) -> BoolArray:
    adult = _patterns_hold(model, *_weight_counts(model, dim_id, present, rows, child=False))
    if not any_minor:
        return adult
    child = _patterns_hold(model, *_weight_counts(model, dim_id, present, rows, child=True))
    return np.where(minor, child, adult)


def _combine(model: Model, positive: Mapping[str, BoolArray], act: BoolArray, smuggling: BoolArray,
             minor: BoolArray) -> npt.NDArray[np.int8]:
    """The highest reading whose condition holds (same conditions as rule.reading_for)."""
    rank = model.rank
    rows = act.shape[0]
    exploitation = positive[model.exploitation]
    recruitment = np.zeros(rows, dtype=np.bool_)
    for d in model.recruitment:
        recruitment |= positive[d]
    destination = np.zeros(rows, dtype=np.bool_)
    for d in model.destination:
        destination |= positive[d]
    deception = np.zeros(rows, dtype=np.bool_)
    for d in model.deception:
        deception |= positive[d]
    reading = np.zeros(rows, dtype=np.int8)  # insufficient
    steps = [
        (smuggling, "smuggling"),
        (exploitation | (smuggling & destination), "exploitation"),  # smuggling turned coercive is never smuggling
        (exploitation & deception, "deception_exploitation"),
        ((exploitation & recruitment & destination) | (minor & exploitation & act), "trafficking"),
    ]
    for condition, reading_id in steps:
        np.maximum(reading, np.where(condition, rank[reading_id], 0).astype(np.int8), out=reading)
    return reading


# --- reading tables ------------------------------------------------------------------


def _column_values(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    if pa.types.is_dictionary(column.type):
        return column.cast(column.type.value_type)
    return column


def _all_true(mask: pa.Array | pa.ChunkedArray) -> bool:
    return bool(pc.all(mask, min_count=0).as_py())  # an empty column is valid


def _first_bad(valid: pa.Array | pa.ChunkedArray, values: pa.Array | pa.ChunkedArray) -> tuple[int, Any]:
    mask = np.asarray(valid.to_numpy(zero_copy_only=False) if isinstance(valid, pa.Array) else valid.to_numpy())
    row = int(np.argmin(mask))
    taken = values.take(pa.array([row]))
    return row, (taken[0].as_py() if isinstance(taken, pa.Array) else taken.to_pylist()[0])


def presence(name: str, column: pa.Array | pa.ChunkedArray) -> BoolArray:
    """Present-mask of one item column; a value that is not an answer is a ValueError naming the row."""
    column = _column_values(column)
    kind = column.type
    if pa.types.is_null(kind):
        return np.zeros(len(column), dtype=np.bool_)
    if pa.types.is_boolean(kind):
        return np.asarray(pc.fill_null(column, False).to_numpy(zero_copy_only=False), dtype=np.bool_)
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        # One min/max pass validates integer columns; floats also need "no 0.5".
        bounds = pc.min_max(column).as_py()
        in_range = bounds["min"] is None or (bounds["min"] >= 0 and bounds["max"] <= 1)
        if not in_range or (pa.types.is_floating(kind) and not _all_true(pc.or_(
                pc.is_null(column), pc.is_in(column, value_set=pa.array([0, 1], type=kind))))):
            valid = pc.or_(pc.is_null(column), pc.is_in(column, value_set=pa.array([0, 1], type=kind)))
            row, value = _first_bad(valid, column)
            raise ValueError(f"column {name!r}, row {row + 1}: {value!r} is not 1, 0 or empty")
        values: npt.NDArray[np.float64] = np.asarray(pc.fill_null(column, 0).to_numpy(zero_copy_only=False))
        return np.asarray(values == 1, dtype=np.bool_)
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        words = pc.utf8_lower(pc.utf8_trim_whitespace(pc.fill_null(column, "")))
        valid = pc.is_in(words, value_set=pa.array(PRESENT_WORDS + ABSENT_WORDS + UNKNOWN_WORDS))
        if not _all_true(valid):
            row, value = _first_bad(valid, column)
            raise ValueError(f"column {name!r}, row {row + 1}: {value!r} is not present/absent/unknown or 1/0/empty")
        return np.asarray(pc.is_in(words, value_set=pa.array(PRESENT_WORDS)).to_numpy(zero_copy_only=False), dtype=np.bool_)
    raise ValueError(f"column {name!r}: unsupported type {kind}")


def age_codes(column: pa.Array | pa.ChunkedArray) -> npt.NDArray[np.int8]:
    words = pc.utf8_lower(pc.utf8_trim_whitespace(pc.fill_null(_column_values(column).cast(pa.string()), "")))
    valid = pc.is_in(words, value_set=pa.array(list(AGE_CODE)))
    if not _all_true(valid):
        row, value = _first_bad(valid, column)
        raise ValueError(f"column {AGE_COLUMN!r}, row {row + 1}: {value!r} is not one of {', '.join(AGE_GROUPS)} or empty")
    codes = np.full(len(words), AGE_CODE["unknown"], dtype=np.int8)
    for word in ("adult", "minor"):
        codes[np.asarray(pc.equal(words, word).to_numpy(zero_copy_only=False), dtype=np.bool_)] = AGE_CODE[word]
    return codes


def assess_batch(table: pa.Table | Mapping[str, Any], *, catalogue: Catalogue | None = None) -> pa.Table:
    """Score every record of ``table`` (a pyarrow Table or a mapping of column -> values)."""
    cat = catalogue or load_catalogue()
    if not isinstance(table, pa.Table):
        table = pa.table(dict(table))
    unknown = [c for c in table.column_names if c not in cat.items and c not in (ID_COLUMN, AGE_COLUMN)]
    if unknown:
        shown = ", ".join(repr(c) for c in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise ValueError(f"unknown column(s) {shown}: columns must be catalogue item ids, 'id' or 'age_group' "
                         f"(catalogue {cat.version})")
    present = {c: presence(c, table.column(c)) for c in table.column_names if c in cat.items}
    ages = age_codes(table.column(AGE_COLUMN)) if AGE_COLUMN in table.column_names else None
    result = score_presence(present, table.num_rows, ages, catalogue=cat)
    ids = table.column(ID_COLUMN).cast(pa.string()) if ID_COLUMN in table.column_names else None
    return result.to_table(ids)


# --- files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchStats:
    rows: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else float("inf")


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise ValueError(f"{path}: use a .csv or .parquet file")


def _input_batches(path: Path, chunk_rows: int, catalogue: Catalogue) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
    if _format_of(path) == "parquet":
        source = pq.ParquetFile(path)
        return source.schema_arrow, source.iter_batches(batch_size=chunk_rows)
    # Read every known column as text so that 1/0 and present/absent are parsed the same way
    # in every block, whatever type the first block would have suggested.
    types = {name: pa.string() for name in (*catalogue.items, ID_COLUMN, AGE_COLUMN)}
    reader = pacsv.open_csv(
        path, read_options=pacsv.ReadOptions(block_size=1 << 24),
        convert_options=pacsv.ConvertOptions(column_types=types, strings_can_be_null=True))
    return reader.schema, _rechunk(reader, chunk_rows)


def _rechunk(batches: Iterator[pa.RecordBatch], chunk_rows: int) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        for start in range(0, batch.num_rows, chunk_rows):
            yield batch.slice(start, chunk_rows)


class _Writer:
    """CSV or parquet output, opened on the first chunk (its schema comes from the results)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kind = _format_of(path)
        self._writer: pacsv.CSVWriter | pq.ParquetWriter | None = None

    def write(self, table: pa.Table) -> None:
        if self._writer is None:
            self._writer = (pacsv.CSVWriter(self.path, table.schema) if self.kind == "csv"
                            else pq.ParquetWriter(self.path, table.schema))
        self._writer.write_table(table)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()


def screen_file(in_path: str | Path, out_path: str | Path, *, chunk_rows: int = DEFAULT_CHUNK_ROWS,
                progress: Progress | None = None, catalogue: Catalogue | None = None) -> BatchStats:
    """Screen a CSV or parquet file chunk by chunk and write the results (CSV or parquet)."""
    cat = catalogue or load_catalogue()
    in_path, out_path = Path(in_path), Path(out_path)
    _format_of(out_path)
    if chunk_rows < 1:
        raise ValueError("chunk size must be at least 1 row")
    started = time.perf_counter()
    schema, batches = _input_batches(in_path, chunk_rows, cat)
    writer = _Writer(out_path)
    rows = 0
    try:
        for batch in batches:
            writer.write(assess_batch(pa.Table.from_batches([batch]), catalogue=cat))
            rows += batch.num_rows
            if progress is not None:
                progress(rows)
        if rows == 0:  # header only: still write a well-formed, empty result
            writer.write(assess_batch(schema.empty_table(), catalogue=cat))
    finally:
        writer.close()
    return BatchStats(rows, time.perf_counter() - started)

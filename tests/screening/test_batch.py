"""The vectorised batch path agrees with the single-record engine, and reads/writes CSV and parquet."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laborlens.catalogue import load_catalogue
from laborlens.screening.batch import assess_batch, screen_file
from laborlens.screening.engine import assess

CAT = load_catalogue()
IDS = list(CAT.items)
DIM_COLUMNS = [f"dim_{d.id}" for d in CAT.dimensions]


def engine_row(answers: dict[str, str], age: str) -> dict[str, object]:
    a = assess(answers, age, max_questions=0)
    return {"reading": a.reading_ilo, **{f"dim_{d.id}": d.positive for d in a.dimensions},
            "present_count": a.present_indicator_count}


def random_table(n: int, seed: int, p_present: float) -> tuple[pa.Table, list[dict[str, str]], list[str]]:
    rng = np.random.default_rng(seed)
    rest = (1 - p_present) / 3
    codes = rng.choice(np.array(["present", "absent", "unknown", ""]), size=(n, len(IDS)), p=[p_present, rest, rest, rest])
    ages = rng.choice(np.array(["adult", "minor", "unknown", ""]), size=n).tolist()
    table = pa.table({**{item_id: codes[:, k] for k, item_id in enumerate(IDS)}, "age_group": ages,
                      "id": [f"r{i}" for i in range(n)]})
    rows = [{item_id: (codes[r, k] or "unknown") for k, item_id in enumerate(IDS)} for r in range(n)]
    return table, rows, [a or "unknown" for a in ages]


@pytest.mark.parametrize(("seed", "p_present"), [(1, 0.15), (2, 0.3), (3, 0.5)])
def test_batch_equals_engine_on_random_records(seed, p_present):
    table, rows, ages = random_table(1200, seed, p_present)
    out = assess_batch(table).to_pylist()
    for row, answers, age in zip(out, rows, ages, strict=True):
        expected = engine_row(answers, age)
        assert {k: row[k] for k in expected} == expected, row["id"]
    readings = {r["reading"] for r in out}
    assert len(readings) >= 2  # the sample exercises more than one branch


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.tuples(st.dictionaries(st.sampled_from(IDS), st.sampled_from(["present", "absent", "unknown"]),
                                          max_size=30),
                          st.sampled_from(["adult", "minor", "unknown"])), min_size=1, max_size=8))
def test_batch_equals_engine_hypothesis(records):
    columns = {i: [rec.get(i, "unknown") for rec, _ in records] for i in IDS}
    table = pa.table({**columns, "age_group": [age for _, age in records]})
    out = assess_batch(table).to_pylist()
    for row, (answers, age) in zip(out, records, strict=True):
        expected = engine_row(answers, age)
        assert {k: row[k] for k in expected} == expected


def test_numeric_and_boolean_columns():
    table = pa.table({
        "ex_excessive_hours": pa.array([1, 1, None], type=pa.int8()),
        "ex_low_or_no_salary": pa.array([1.0, 0.0, None]),
        "cd_confiscation_of_documents": pa.array([True, False, None]),
    })
    out = assess_batch(table).to_pylist()
    assert [r["reading"] for r in out] == ["exploitation", "insufficient", "insufficient"]
    assert [r["present_count"] for r in out] == [3, 1, 0]
    assert "id" not in out[0]


def test_word_forms_and_missing_columns_are_unknown():
    table = pa.table({"ex_excessive_hours": [" Present", "YES", "1"], "ex_low_or_no_salary": ["present", "y", "true"],
                      "age_group": ["Adult", None, "minor"]})
    out = assess_batch(table).to_pylist()
    assert [r["reading"] for r in out] == ["exploitation"] * 3


def test_bad_value_names_column_and_row():
    table = pa.table({"ex_excessive_hours": ["present", "maybe"]})
    with pytest.raises(ValueError, match=r"column 'ex_excessive_hours', row 2: 'maybe' is not present/absent/unknown"):
        assess_batch(table)
    with pytest.raises(ValueError, match=r"row 1: 2 is not 1, 0 or empty"):
        assess_batch(pa.table({"ex_excessive_hours": [2]}))
    with pytest.raises(ValueError, match=r"column 'age_group', row 1: 'child'"):
        assess_batch(pa.table({"ex_excessive_hours": ["present"], "age_group": ["child"]}))


def test_unknown_column_is_rejected():
    with pytest.raises(ValueError, match=r"unknown column\(s\) 'passport_taken'"):
        assess_batch(pa.table({"passport_taken": ["present"]}))


def test_mapping_input():
    out = assess_batch({"ex_excessive_hours": ["present"], "ex_low_or_no_salary": ["present"]})
    assert out.column("reading").to_pylist() == ["exploitation"]
    assert out.column_names == ["reading", *DIM_COLUMNS, "present_count"]


@pytest.mark.parametrize(("src", "dst"), [("csv", "csv"), ("csv", "parquet"), ("parquet", "csv"), ("parquet", "parquet")])
def test_screen_file_round_trip(tmp_path, src, dst):
    table, rows, ages = random_table(700, 7, 0.3)
    in_path, out_path = tmp_path / f"in.{src}", tmp_path / f"out.{dst}"
    if src == "csv":
        pacsv.write_csv(table, in_path)
    else:
        pq.write_table(table, in_path)
    seen: list[int] = []
    stats = screen_file(in_path, out_path, chunk_rows=256, progress=seen.append)
    assert stats.rows == 700 and seen[-1] == 700 and len(seen) >= 3
    result = pacsv.read_csv(out_path) if dst == "csv" else pq.read_table(out_path)
    assert result.column("id").to_pylist() == [f"r{i}" for i in range(700)]
    assert result.column("reading").to_pylist() == [engine_row(a, g)["reading"] for a, g in zip(rows, ages, strict=True)]


def test_csv_with_1_0_and_empty(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,age_group,ex_excessive_hours,ex_low_or_no_salary,ctx_act_recruited\n"
                    "a,adult,1,1,\nb,minor,1,1,1\nc,,0,,\n", encoding="utf-8")
    screen_file(path, tmp_path / "out.csv")
    out = pacsv.read_csv(tmp_path / "out.csv").to_pylist()
    assert [r["reading"] for r in out] == ["exploitation", "trafficking", "insufficient"]


def test_header_only_file(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,ex_excessive_hours\n", encoding="utf-8")
    stats = screen_file(path, tmp_path / "out.parquet")
    assert stats.rows == 0
    assert pq.read_table(tmp_path / "out.parquet").num_rows == 0


def test_unsupported_extension(tmp_path):
    with pytest.raises(ValueError, match=r"use a .csv or .parquet file"):
        screen_file(tmp_path / "in.xlsx", tmp_path / "out.csv")

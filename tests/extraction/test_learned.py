"""The learned layer ships in the package, runs with numpy alone, and respects negation."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from laborlens.extraction import extract
from laborlens.extraction._catalogue import catalogue_items
from laborlens.extraction.learned import MODEL_FILE, combine, load_model

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_extraction.py"


def test_model_ships_in_the_package_and_names_catalogue_items() -> None:
    assert MODEL_FILE.exists()
    assert MODEL_FILE.stat().st_size < 2_000_000  # small enough to ship
    model = load_model()
    assert model is not None
    assert set(model.labels) <= set(catalogue_items())
    assert model.weights.shape == (len(model.index), len(model.labels))
    assert np.all((model.add > 0) & (model.add <= 1.01))


def test_combine_adds_sure_items_and_drops_unsupported_weak_ones() -> None:
    model = load_model()
    assert model is not None
    a, b = model.labels[0], model.labels[1]
    probs = dict.fromkeys(model.labels, 0.0)
    probs[a] = 1.0
    drop, add = combine({b: 0.55}, probs, model)
    assert add == {a}
    assert (b in drop) == (float(model.keep[model.position[b]]) > 0.0)
    drop, add = combine({b: 0.9}, probs, model)  # strong pattern evidence is never dropped
    assert b not in drop


def test_learned_layer_does_not_add_what_the_text_negates() -> None:
    text = ("I work at a restaurant in Houston as a cook. Nobody ever took my passport and the "
            "owner never kept my papers; the boss never threatened me or my family. I get paid "
            "every Friday and I keep my own money.")
    ids = set(extract(text).ids)
    assert "cd_confiscation_of_documents" not in ids
    assert "cd_threats_of_violence" not in ids


def _bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_extraction"] = module
    spec.loader.exec_module(module)
    return module


def test_bench_refuses_a_blind_file_whose_hash_does_not_match(tmp_path: Path) -> None:
    bench = _bench()
    (tmp_path / "blind.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    (tmp_path / "BLIND.sha256").write_text("0" * 64 + "  blind.jsonl\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        bench.verify_blind(tmp_path)
    digest = hashlib.sha256((tmp_path / "blind.jsonl").read_bytes()).hexdigest()
    (tmp_path / "BLIND.sha256").write_text(f"{digest}  blind.jsonl\n", encoding="utf-8")
    assert bench.verify_blind(tmp_path) == tmp_path / "blind.jsonl"


def test_bench_never_loads_blind_without_the_flag(tmp_path: Path) -> None:
    bench = _bench()
    (tmp_path / "blind.jsonl").write_text("not json\n", encoding="utf-8")  # would fail to parse
    splits = bench.load_splits(tmp_path, blind=False)
    assert "blind" not in splits


def test_every_span_of_every_layer_points_into_the_original_text() -> None:
    from laborlens.extraction.scoring import load_narratives

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "narratives.jsonl"
    checked = 0
    for narrative in load_narratives(fixture):
        for found in extract(narrative.text, lang=narrative.lang).indicators:
            assert 0 < found.confidence <= 0.99
            for span in found.spans:
                assert narrative.text[span.start:span.end] == span.text and span.text.strip()
                checked += 1
    assert checked > 200

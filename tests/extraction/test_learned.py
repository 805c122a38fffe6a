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
from laborlens.extraction.learned import MODEL_FILE, WEIGHT_LEVELS, combine, load_model, save_model

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_extraction.py"


def test_saved_weights_round_trip_within_the_quantisation_step(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    weights = rng.normal(0, 0.5, size=(40, 3)).astype(np.float32)
    weights[:, 2] = 0.0  # an item whose features all weigh nothing
    path = tmp_path / "model.npz"
    save_model(path, ["a", "b", "c"], [f"e:w{i}" for i in range(40)], weights,
               np.zeros(3), np.full(3, 0.9), np.zeros(3))
    load_model.cache_clear()
    try:
        model = load_model(path)
    finally:
        load_model.cache_clear()
    assert model is not None
    step = np.abs(weights).max(axis=0) / WEIGHT_LEVELS
    assert np.all(np.abs(model.weights - weights) <= step / 2 + 1e-6)
    assert np.all(model.weights[:, 2] == 0.0)


def test_model_ships_in_the_package_and_names_catalogue_items() -> None:
    assert MODEL_FILE.exists()
    # small enough to ship in the wheel: 5.1 MB trained on 8,699 narratives with MIN_DF 4 (12-bit weights; MIN_DF 3 gave
    # 6.3 MB on 8,459 and the same F1 on dev, fresh and two unread rounds). The limit was 5 MB until the 6,299 refit, when
    # MIN_DF 4 scored lower on dev and fresh (0.847 / 0.756 against 0.852 / 0.765) (BENCHMARKS.md, issue 14).
    assert MODEL_FILE.stat().st_size < 6_000_000
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


def _experiment():
    """bench/experiment_add_model.py, importable (it imports its sibling train script)."""
    sys.path.insert(0, str(BENCH.parent))
    try:
        spec = importlib.util.spec_from_file_location("experiment_add_model", BENCH.parent / "experiment_add_model.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["experiment_add_model"] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH.parent))


def _toy_split(experiment, variants: bool = False):
    """Eight narratives: item "a" is found by the patterns in half of its positives,
    whose word "wage" is the evidence the add-model must learn instead."""
    from laborlens.extraction.scoring import Narrative

    rows = []
    for k in range(8):
        positive = k % 2 == 0
        found = {"a": 0.9} if k % 4 == 0 else {}
        words = {"e:wage", "s:wage"} if positive else {"e:rest", "s:rest"}
        for v in range(2 if variants else 1):
            nid = f"tr-en-{k:03d}" + (f"~{v}" if v else "")
            gold = frozenset({"a"} if positive else {"b"})
            rows.append((Narrative(nid, "en", "train", "", gold, ""), words | {f"p:{i}" for i in found} | {"e:x"}, found))
    return experiment.Prepared([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                               [set() for _ in rows], [[r[1]] for r in rows], [False for _ in rows])


@pytest.mark.parametrize("mode", ["drop", "population"])
def test_add_model_never_weighs_the_items_own_pattern_finding(mode: str) -> None:
    experiment = _experiment()
    model = experiment.fit_add(_toy_split(experiment), ["a", "b"], 1.0, mode)
    assert model.weights[model.index["p:a"], 0] == 0.0  # the add decision is made where p:a is absent
    assert model.weights[model.index["e:wage"], 0] > 0.0  # so it learns the wording


def test_add_model_is_cross_fitted_by_fact_pattern_and_scores_only_corpus_narratives() -> None:
    experiment = _experiment()
    split = _toy_split(experiment, variants=True)
    groups = {f"tr-en-{k:03d}": f"pattern-{k % 5}" for k in range(8)}
    out = experiment.cross_fitted(split, ["a", "b"], 1.0, "drop", ["narrative"], groups)["narrative"]
    for n, row in zip(split.narratives, out, strict=True):
        assert np.isnan(row).all() == ("~" in n.id)  # variants are fitted, never scored


def _evidence_experiment():
    """bench/experiment_evidence_model.py, importable (it imports its sibling scripts)."""
    _experiment()
    sys.path.insert(0, str(BENCH.parent))
    try:
        spec = importlib.util.spec_from_file_location("experiment_evidence_model",
                                                      BENCH.parent / "experiment_evidence_model.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH.parent))


def test_evidence_model_learns_from_the_marked_sentence_and_leaves_the_others_out() -> None:
    from laborlens.extraction.scoring import Narrative

    experiment = _evidence_experiment()
    with_item = Narrative("tr-en-001", "en", "train", "We pick onions all day. The crew boss keeps the pay.",
                          frozenset({"cd_withholding_of_wages"}), "")
    without = Narrative("tr-en-002", "en", "train", "We pick onions all day. We go home at night.", frozenset(), "")
    split = experiment.Split([with_item, without])
    rows = experiment.all_rows(split, [0, 1])
    assert rows == [(0, 0), (0, 1), (1, 0), (1, 1)]
    marked = {("tr-en-001", "cd_withholding_of_wages"): {1}}
    keep, y = experiment.sentence_labels(split, rows, "cd_withholding_of_wages", marked)
    assert [rows[k] for k in keep] == [(0, 1), (1, 0), (1, 1)]  # "We pick onions" of the first is unknown
    assert y == [1, 0, 0]
    keep, y = experiment.sentence_labels(split, rows, "cd_withholding_of_wages", None)
    assert [rows[k] for k in keep] == rows and y == [1, 1, 0, 0]  # narrative labels: every sentence


def test_the_learned_layer_gives_the_same_spans_whatever_the_hash_seed() -> None:
    """Its scores are float32 sums over a set of features; summed in set order they differed
    with PYTHONHASHSEED, and a near tie between two sentences moved an added item's span (train
    tr-en-2757 under seeds 0 and 2). Summed in index order they cannot."""
    import json
    import os
    import subprocess

    corpus = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "corpus" / "train.jsonl"
    text = next(json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()
                if '"tr-en-2757"' in line)
    script = ("import json, sys; from laborlens.extraction import extract; "
              "print(json.dumps(extract(sys.stdin.read(), lang='en').to_dict(), sort_keys=True))")
    outputs = set()
    for seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True, text=True, env=env,
                              check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1

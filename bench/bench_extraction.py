"""Benchmark narrative indicator extraction on the labelled corpus (or the old fixture).

    PYTHONPATH=src .venv/bin/python bench/bench_extraction.py [--errors train|dev]
        [--layers] [--no-assess] [--corpus DIR] [--blind]

Reads tests/fixtures/extraction/corpus/{train,dev,fresh}.jsonl (or the folder in
$LABORLENS_CORPUS / --corpus) when present, and always the old fixture
(tests/fixtures/extraction/narratives.jsonl, its dev and held-out test splits). For each
split: micro precision, recall and F1 overall, per language and per indicator; the
screening reading confusion matrix (narrative kind x reading of
`laborlens extract --json --assess`); and throughput.

The fresh split (fresh.jsonl, written 2026-12-05 because dev is worn: dev F1 0.84 against
0.61-0.72 on new text) is a development split scored only in aggregate: use it to choose
between alternatives; --errors refuses it, so nobody reads it narrative by narrative.

The blind split (blind.jsonl) is read ONLY with --blind, and only after its sha256 matches
BLIND.sha256 beside it: it is evaluated once per change by the lead, never used to tune.
With --blind nothing else is evaluated and no error list is printed.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from laborlens.extraction import extract
from laborlens.extraction.matcher import ALL_LAYERS, Extraction
from laborlens.extraction.scoring import Narrative, Scores, load_narratives, score

ROOT = Path(__file__).resolve().parents[1]
OLD_FIXTURE = ROOT / "tests" / "fixtures" / "extraction" / "narratives.jsonl"
CORPUS = ROOT / "tests" / "fixtures" / "extraction" / "corpus"
THROUGHPUT_ROUNDS = 3
READINGS = ("insufficient", "smuggling", "exploitation", "deception_exploitation", "trafficking")
LAYER_SETS = {"patterns only": ("patterns",), "+ lemmas": ("patterns", "rules"),
              "+ learned": ALL_LAYERS}



def corpus_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("LABORLENS_CORPUS") or CORPUS)


def verify_blind(folder: Path) -> Path:
    """The blind file, after checking it against BLIND.sha256; exits on a mismatch."""
    blind, recorded = folder / "blind.jsonl", folder / "BLIND.sha256"
    if not blind.exists() or not recorded.exists():
        sys.exit(f"error: --blind needs {blind} and {recorded}")
    expected = recorded.read_text(encoding="utf-8").split()[0].strip().lower()
    actual = hashlib.sha256(blind.read_bytes()).hexdigest()
    if actual != expected:
        sys.exit(f"error: {blind.name} sha256 {actual} does not match BLIND.sha256 {expected}")
    print(f"blind.jsonl sha256 {actual} matches BLIND.sha256")
    return blind


def load_splits(folder: Path, blind: bool) -> dict[str, list[Narrative]]:
    if blind:
        return {"blind": load_narratives(verify_blind(folder))}
    splits: dict[str, list[Narrative]] = {}
    for name in ("train", "dev", "fresh"):
        path = folder / f"{name}.jsonl"
        if path.exists():
            splits[f"corpus {name}"] = load_narratives(path)
    old = load_narratives(OLD_FIXTURE)
    splits["old dev (tuned)"] = [n for n in old if n.split == "dev"]
    splits["old test (held out)"] = [n for n in old if n.split == "test"]
    return splits


def _line(name: str, s: Scores) -> str:
    o = s.overall
    return f"  {name:<26} P={o.precision:.3f} R={o.recall:.3f} F1={o.f1:.3f}  (tp={o.tp} fp={o.fp} fn={o.fn})"


def _extract_all(narratives: Sequence[Narrative], layers: tuple[str, ...]) -> dict[str, Extraction]:
    return {n.id: extract(n.text, lang=n.lang, layers=layers) for n in narratives}


def report_split(name: str, narratives: list[Narrative], extractions: dict[str, Extraction],
                 assess: bool, errors: bool) -> None:
    print(f"\n== {name}: {len(narratives)} narratives")
    predicted = {nid: frozenset(e.ids) for nid, e in extractions.items()}
    overall = score((n, predicted[n.id]) for n in narratives)
    print(_line("all", overall))
    for lang in ("en", "es"):
        subset = [n for n in narratives if n.lang == lang]
        if subset:
            print(_line(f"{lang} ({len(subset)})", score((n, predicted[n.id]) for n in subset)))
    print(f"  {'indicator':<44} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for ind, c in sorted(overall.per_indicator.items()):
        print(f"  {ind:<44} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4d} {c.fp:4d} {c.fn:4d}")
    kinds = [n.kind for n in narratives if n.kind]
    ages = [(n.age, extractions[n.id].age) for n in narratives if n.age is not None]
    if ages:
        print(f"  stated age found: {sum(a == b for a, b in ages)} of {len(ages)}")
    if assess and kinds:
        _confusion(narratives, extractions)
        print("  the same, read from the LABELLED indicators (what perfect extraction would read: the ceiling):")
        _confusion(narratives, {n.id: labelled(n) for n in narratives}, header=False)
    if errors:
        print("  errors (id: missed | false):")
        for nid, missed, false in overall.errors:
            print(f"    {nid}: {sorted(missed)} | {sorted(false)}")


def labelled(n: Narrative) -> Extraction:
    """The narrative's labelled indicators as an extraction (its stated age sets the age group)."""
    from laborlens.extraction._catalogue import catalogue_items
    from laborlens.extraction.matcher import FoundIndicator, Span

    items = catalogue_items()
    found = [FoundIndicator(i, items[i].label(n.lang), list(items[i].forced_labour), [Span(0, 0, "")], 0.9)
             for i in sorted(n.gold) if i in items]
    group = None if n.age is None else ("minor" if n.age < 18 else "adult")
    return Extraction(n.lang, found, n.age, group)


def _confusion(narratives: list[Narrative], extractions: dict[str, Extraction], header: bool = True) -> None:
    from laborlens.extraction.cli import assessment_of

    table: Counter[tuple[str, str]] = Counter()
    for n in narratives:
        table[(n.kind, assessment_of(extractions[n.id]).get("reading", "?"))] += 1
    kinds = sorted({k for k, _ in table})
    if header:
        print("  reading confusion (rows: narrative kind, columns: reading of extract --assess):")
    print("    " + f"{'':<28}" + "".join(f"{r[:12]:>13}" for r in READINGS))
    for kind in kinds:
        print("    " + f"{kind:<28}" + "".join(f"{table[(kind, r)]:>13}" for r in READINGS))


def surface(narratives: list[Narrative]) -> None:
    """Dev rewritten by each surface transform of extraction/augment.py (typos, no
    punctuation, chat spellings, tense, synonyms, code-switching, ...) and by all of them
    together: how much of the score is owed to the corpus writers' spelling. The variants
    are synthetic and seeded by narrative id; the labels are the original ones."""
    import dataclasses
    import random
    import zlib

    from laborlens.extraction import augment

    print("\n== corpus dev rewritten (synthetic surface variants; micro P / R / F1)")
    rows: list[tuple[str, list[Narrative]]] = [("as written", narratives)]
    for transform, _ in augment.TRANSFORMS:
        rows.append((transform.__name__, [dataclasses.replace(n, text=transform(
            n.text, n.lang, random.Random(zlib.crc32(n.id.encode())))) for n in narratives]))  # noqa: S311
    rows.append(("all (one variant each)", [dataclasses.replace(n, text=augment.variants(n.id, n.text, n.lang, 1, seed=99)[0])
                                            for n in narratives]))
    for name, rewritten in rows:
        predicted = {n.id: frozenset(extract(n.text, lang=n.lang).ids) for n in rewritten}
        print(_line(name, score((n, predicted[n.id]) for n in rewritten)))


def _ids(text: str) -> int:
    return len(extract(text).ids)


def throughput(narratives: list[Narrative], processes: int) -> None:
    """Narratives per second, language detection on, all layers; the first round fills
    the stem cache as a long-running worker's would be."""
    texts = [n.text for n in narratives]
    for text in texts:
        extract(text)
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(THROUGHPUT_ROUNDS):
        for text in texts:
            extract(text)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    count = THROUGHPUT_ROUNDS * len(texts)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nthroughput: {count / elapsed:,.0f} narratives/second "
          f"({count} extractions, lang=auto, all layers, one process, {elapsed:.2f}s; load average {load:.1f})")
    print(f"per CPU-second of this process: {count / cpu:,.0f} narratives (what one idle core gives)")
    if processes > 1:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            pool.map(_ids, texts, chunksize=16)  # warm each worker
            started = time.perf_counter()
            for _ in range(THROUGHPUT_ROUNDS):
                pool.map(_ids, texts, chunksize=16)
            elapsed = time.perf_counter() - started
        print(f"throughput: {count / elapsed:,.0f} narratives/second with {processes} processes ({elapsed:.2f}s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", help="folder holding train/dev(/blind).jsonl")
    parser.add_argument("--errors", choices=("train", "dev", "old-dev"),
                        help="list errors of one tuning split (never fresh, blind or the old held-out set)")
    parser.add_argument("--layers", action="store_true", help="also score each layer set (patterns only, + lemmas, + learned)")
    parser.add_argument("--surface", action="store_true",
                        help="also score corpus dev rewritten by each surface transform (typos, chat spellings, ...)")
    parser.add_argument("--no-assess", action="store_true", help="skip the reading confusion matrix")
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the second throughput figure")
    parser.add_argument("--blind", action="store_true", help="evaluate blind.jsonl ONLY (checks its sha256 first)")
    args = parser.parse_args()
    if args.blind and args.errors:
        parser.error("--errors is refused with --blind: the blind set is not for tuning")
    splits = load_splits(corpus_dir(args.corpus), args.blind)
    error_split = {"train": "corpus train", "dev": "corpus dev", "old-dev": "old dev (tuned)"}.get(args.errors or "")
    for name, narratives in splits.items():
        extractions = _extract_all(narratives, ALL_LAYERS)
        report_split(name, narratives, extractions, not args.no_assess, name == error_split)
    if args.layers:
        print("\n== what each layer adds (micro P / R / F1)")
        for name, narratives in splits.items():
            for label, layers in LAYER_SETS.items():
                predicted = {k: frozenset(e.ids) for k, e in _extract_all(narratives, layers).items()}
                print(_line(f"{name}: {label}", score((n, predicted[n.id]) for n in narratives)))
    if args.surface and "corpus dev" in splits:
        surface(splits["corpus dev"])
    throughput([n for narratives in splits.values() for n in narratives], args.processes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark narrative indicator extraction on the labelled fixture set.

    PYTHONPATH=src .venv/bin/python bench/bench_extraction.py [--errors]

Prints precision, recall and F1 per indicator and overall (micro), per language and for
the held-out split (narratives the patterns were not tuned on), plus throughput.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from laborlens.extraction import extract
from laborlens.extraction.scoring import Narrative, Scores, load_narratives, score

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "extraction" / "narratives.jsonl"
THROUGHPUT_ROUNDS = 5


def _line(name: str, s: Scores) -> str:
    o = s.overall
    return f"{name:<28} P={o.precision:.3f} R={o.recall:.3f} F1={o.f1:.3f}  (tp={o.tp} fp={o.fp} fn={o.fn})"


def _predict(narratives: list[Narrative]) -> dict[str, frozenset[str]]:
    return {n.id: frozenset(extract(n.text, lang=n.lang).ids) for n in narratives}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true",
                        help="list the tuning (dev) narratives with a miss or a false hit; held-out ones stay unseen")
    args = parser.parse_args()
    narratives = load_narratives(FIXTURES)
    predicted = _predict(narratives)
    subsets = {
        "overall": narratives,
        "held-out (split=test)": [n for n in narratives if n.split == "test"],
        "tuning (split=dev)": [n for n in narratives if n.split == "dev"],
        "en": [n for n in narratives if n.lang == "en"],
        "es": [n for n in narratives if n.lang == "es"],
        "held-out en": [n for n in narratives if n.split == "test" and n.lang == "en"],
        "held-out es": [n for n in narratives if n.split == "test" and n.lang == "es"],
    }
    print(f"{len(narratives)} narratives from {FIXTURES.name}\n")
    results = {name: score((n, predicted[n.id]) for n in subset) for name, subset in subsets.items()}
    for name, s in results.items():
        print(_line(f"{name} ({len(subsets[name])})", s))
    print("\nper indicator (overall):")
    print(f"  {'indicator':<44} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for ind, c in sorted(results["overall"].per_indicator.items()):
        print(f"  {ind:<44} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4d} {c.fp:4d} {c.fn:4d}")
    if args.errors:
        print("\nerrors on the tuning split (id: missed | false):")
        for nid, missed, false in results["tuning (split=dev)"].errors:
            print(f"  {nid}: {sorted(missed)} | {sorted(false)}")
    # Throughput with language detection on ("auto"), the way the intake app calls it.
    started = time.perf_counter()
    for _ in range(THROUGHPUT_ROUNDS):
        for n in narratives:
            extract(n.text)
    elapsed = time.perf_counter() - started
    count = THROUGHPUT_ROUNDS * len(narratives)
    print(f"\nthroughput: {count / elapsed:,.0f} narratives/second ({count} extractions, lang=auto, {elapsed:.2f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

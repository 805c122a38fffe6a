"""Benchmark: deconfliction of people's names, English Metaphone keys alone vs with the
Spanish sound keys (issue 15, gap 7).

Data: tests/fixtures/names/name_pairs.csv, a labelled list of name pairs: the same person
written two ways (Spanish spelling variants: x/j, ll/y, h, b/v, z/s/c, gu/g, qu/k,
accents, compound surnames, surname-first order; and English variants), and different
people with similar names (Mario/María, Ramos/Ramírez...). Both names are put in the same
city and run through the real key path (``keys.person_keys``: HMAC blind indexes); a pair
"matches" when the two share a name deconfliction key (name + city, or a sound pair +
city). Before = the keys as they were (name_city, sound_city); after = also sound_city_es.

    LABORLENS_DEMO=1 PYTHONPATH=src .venv/bin/python bench/bench_names.py [--misses]
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "names" / "name_pairs.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the pairs the new keys get wrong")
    args = parser.parse_args()
    os.environ.setdefault("LABORLENS_DEMO", "1")
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.matching import keys

    def name_keys(name: str, kinds: frozenset[str]) -> set[str]:
        computed = keys.person_keys(names=[name], date_of_birth="", city="Riverton", phones=[], emails=[],
                                    address="", documents=[])
        return {key.value for key in computed if key.kind in kinds}

    before_kinds = frozenset({keys.NAME_CITY, keys.SOUND_CITY})
    after_kinds = before_kinds | {keys.SOUND_CITY_ES}
    with PAIRS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    print(f"{len(rows)} labelled pairs: {sum(row['same_person'] == '1' for row in rows)} same person, "
          f"{sum(row['same_person'] == '0' for row in rows)} different people")
    print(f"{'keys':<28}{'subset':<9}{'TP':>5}{'FP':>5}{'FN':>5}{'TN':>5}{'recall':>9}{'precision':>11}")
    for label, kinds in (("before (Metaphone)", before_kinds), ("after (+ Spanish sound)", after_kinds)):
        for subset in ("all", "es", "en"):
            tp = fp = fn = tn = 0
            for row in rows:
                if subset != "all" and row["language"] != subset:
                    continue
                match = bool(name_keys(row["name_a"], kinds) & name_keys(row["name_b"], kinds))
                same = row["same_person"] == "1"
                tp += match and same
                fp += match and not same
                fn += same and not match
                tn += not same and not match
                if args.misses and kinds is after_kinds and subset == "all" and match != same:
                    print(f"    {'missed' if same else 'false match'}: {row['name_a']} / {row['name_b']} ({row['kind']})")
            recall = tp / (tp + fn) if tp + fn else 0.0
            precision = tp / (tp + fp) if tp + fp else 0.0
            print(f"{label:<28}{subset:<9}{tp:>5}{fp:>5}{fn:>5}{tn:>5}{recall:>9.3f}{precision:>11.3f}")


if __name__ == "__main__":
    main()

"""The blind split of the extraction corpus is frozen.

Its SHA-256 is committed in ``BLIND.sha256`` (``sha256sum`` format). The blind set is
evaluated once per change and never used to choose patterns, lexicons or thresholds, so any
edit to it, even a label fix, must show up here as a failure and be a deliberate,
reviewed re-freeze (new hash, noted in README_dev_blind.md).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "corpus"
BLIND = CORPUS / "blind.jsonl"
HASH_FILE = CORPUS / "BLIND.sha256"
MIN_LINES = 150
MIN_SPANISH = 60

pytestmark = pytest.mark.skipif(not BLIND.is_file(), reason="extraction corpus not present")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_blind_matches_the_committed_hash() -> None:
    digest, name = HASH_FILE.read_text(encoding="utf-8").split()
    assert name.lstrip("*") == BLIND.name
    assert hashlib.sha256(BLIND.read_bytes()).hexdigest() == digest, (
        "blind.jsonl changed: the blind set is frozen (see README_dev_blind.md)")


def test_blind_is_large_enough_in_both_languages() -> None:
    rows = _rows(BLIND)
    spanish = sum(1 for row in rows if row["lang"] == "es")
    assert len(rows) >= MIN_LINES, f"{len(rows)} blind narratives, want >= {MIN_LINES}"
    assert spanish >= MIN_SPANISH, f"{spanish} Spanish blind narratives, want >= {MIN_SPANISH}"
    assert {row["split"] for row in rows} == {"blind"}


def test_blind_fact_patterns_are_used_in_no_other_split() -> None:
    blind_patterns = {row["pattern"] for row in _rows(BLIND)}
    for other in sorted(CORPUS.glob("*.jsonl")):
        if other == BLIND:
            continue
        shared = blind_patterns & {row["pattern"] for row in _rows(other)}
        assert not shared, f"{other.name} reuses blind fact patterns {sorted(shared)}"

"""Quality bound on the labelled narratives (a score, not a timing) and fixture hygiene."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from laborlens.extraction import extract
from laborlens.extraction._catalogue import catalogue_items
from laborlens.extraction.matcher import PATTERN_DIR, language_pack, pairs
from laborlens.extraction.scoring import load_narratives, score

MIN_MICRO_F1 = 0.8
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def narratives_path() -> Path:
    return FIXTURES / "narratives.jsonl"


def test_fixture_set_is_large_balanced_and_labelled_with_catalogue_ids(narratives_path: Path) -> None:
    narratives = load_narratives(narratives_path)
    assert len(narratives) >= 150
    by_lang = {lang: [n for n in narratives if n.lang == lang] for lang in ("en", "es")}
    assert abs(len(by_lang["en"]) - len(by_lang["es"])) <= 0.2 * len(narratives)
    assert len({n.id for n in narratives}) == len(narratives)
    assert any(n.split == "test" for n in narratives)
    assert sum(1 for n in narratives if not n.gold) >= 5  # plain negatives
    items = catalogue_items()
    for n in narratives:
        assert n.gold <= set(items), n.id
        assert n.source, n.id


def test_micro_f1_on_the_labelled_narratives(narratives_path: Path) -> None:
    narratives = load_narratives(narratives_path)
    scores = score((n, frozenset(extract(n.text, lang=n.lang).ids)) for n in narratives)
    assert scores.overall.f1 >= MIN_MICRO_F1, f"micro-F1 {scores.overall.f1:.3f}"


def test_patterns_name_catalogue_items_and_carry_citations() -> None:
    items = catalogue_items()
    for lang in ("en", "es"):
        raw = json.loads((PATTERN_DIR / f"{lang}.json").read_text(encoding="utf-8"))
        assert raw["language"] == lang
        for pattern in raw["patterns"]:
            assert pattern["indicator"] in items, pattern["id"]
            assert pattern["cite"], pattern["id"]
            assert 0 < pattern["weight"] <= 1, pattern["id"]
        assert len(language_pack(lang).patterns) == len(raw["patterns"])  # all compile
    for member, pair in pairs().items():
        assert member in items and pair.recruitment in items and pair.destination in items
        assert pair.default in ("recruitment", "destination")

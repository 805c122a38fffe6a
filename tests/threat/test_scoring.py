"""The ranking module: scores, ranks and the per-input explanation (pure)."""

from __future__ import annotations

import math

import pytest

from laborlens.threat import scoring


def factors(*specs):
    return tuple(scoring.Factor(id=i, weight=w, transform=t, en=i, es=i, why="") for i, w, t in specs)


def test_scores_are_weighted_shares_and_each_part_is_explained():
    fs = factors(("workers", 3, "share"), ("debarred", 1, "flag"))
    ranked = scoring.rank({"a": {"workers": 100, "debarred": 0}, "b": {"workers": 50, "debarred": 2},
                           "c": {}}, fs)
    assert [r.key for r in ranked] == ["a", "b", "c"]
    a, b, c = ranked
    assert a.score == 75.0 and b.score == 62.5 and c.score == 0.0
    parts = {p.factor.id: p for p in b.parts}
    assert (parts["workers"].raw, parts["workers"].normalised, parts["workers"].points) == (50, 0.5, 37.5)
    assert (parts["debarred"].raw, parts["debarred"].normalised, parts["debarred"].points) == (2, 1.0, 25.0)
    assert sum(p.points for p in b.parts) == pytest.approx(b.score)
    assert b.explanation == "workers 37.5 + debarred 25.0"
    assert c.explanation == "0"


def test_log_share_damps_the_largest_value():
    fs = factors(("workers", 1, "log_share"))
    ranked = {r.key: r for r in scoring.rank({"big": {"workers": 999}, "small": {"workers": 9}}, fs)}
    assert ranked["big"].score == 100.0
    assert ranked["small"].score == pytest.approx(round(100 * math.log1p(9) / math.log1p(999), 1))
    assert ranked["small"].score > 100 * 9 / 999  # far more than a plain share


def test_ties_share_a_rank_and_order_is_deterministic():
    fs = factors(("tips", 1, "share"))
    ranked = scoring.rank({"z": {"tips": 1}, "a": {"tips": 1}, "m": {"tips": 2}}, fs)
    assert [(r.key, r.rank) for r in ranked] == [("m", 1), ("a", 2), ("z", 2)]
    assert scoring.rank({}, fs) == []


def test_the_weights_file_is_valid_versioned_and_cited():
    weights = scoring.load_weights()
    assert weights.version
    assert {f.id for f in weights.places} >= {"vulnerable_workers", "debarred", "involuntary_servitude", "tips"}
    assert {f.id for f in weights.employers} >= {"debarred", "workers"}
    assert all(f.why and f.es for f in weights.places + weights.employers)


@pytest.mark.parametrize(("data", "message"), [
    ({"places": [], "employers": []}, "version"),
    ({"version": "1", "places": [{"id": "x", "weight": 1, "transform": "cube", "en": "", "es": ""}],
      "employers": []}, "unknown transform"),
    ({"version": "1", "places": [{"id": "x", "weight": -1, "transform": "flag", "en": "", "es": ""}],
      "employers": []}, "negative"),
    ({"version": "1", "places": [{"id": "x", "weight": 1, "transform": "flag", "en": "", "es": ""}] * 2,
      "employers": []}, "duplicate"),
])
def test_bad_weights_are_refused(data, message):
    with pytest.raises(scoring.WeightsError, match=message):
        scoring.parse_weights(data)


def test_map_shades():
    assert [scoring.shade(s) for s in (0, 0.1, 20, 20.1, 55, 99.9, 100)] == [0, 1, 1, 2, 3, 5, 5]

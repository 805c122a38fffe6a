"""The required-strings prefilter (extraction/prefilter.py) skips only patterns that cannot match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from laborlens.extraction import concepts
from laborlens.extraction.matcher import fold, language_pack
from laborlens.extraction.prefilter import lowered, may_match, required
from laborlens.extraction.rules import rule_set

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.mark.parametrize(("pattern", "strings"), [
    (r"(?<!\w)(?:pays|paid|pay)(?!\w)", ("pay", "paid")),
    (r"took (?:his|her) passports?", ("took her passport", "took his passport")),
    (r"(?:sleeps?|slept) on\s+(?:the )?floor", ("sleep on", "sleeps on", "slept on")),  # rarer than "floor"
    (r"se (?:lo|la) guarda", ("se la guarda", "se lo guarda")),
    (r"owe\w*|debt", ("owe", "debt")),
    (r"\w+ \d+", None),  # no literal at all
    (r"x?yz|ab", None),  # "ab" is too short to be worth a test
    (r"ni(?:ñ|n)o", None),  # not ASCII
    (r"\bwhen(?:ever)? (?:he|she) (?:want|feel)", ("when he feel", "when he want", "when she feel",
                                                   "when she want", "whenever he feel", "whenever he want",
                                                   "whenever she feel", "whenever she want")),
])
def test_required_strings(pattern: str, strings: tuple[str, ...] | None) -> None:
    found = required(re.compile(pattern, re.IGNORECASE))
    assert (sorted(found) if found else None) == (sorted(strings) if strings else None)


def test_text_that_is_not_ascii_is_always_scanned() -> None:
    pattern = re.compile(r"passport", re.IGNORECASE)
    assert lowered("Pasaporte – ñ") is None
    assert may_match(pattern, lowered("Pasaporte – ñ"))
    assert may_match(pattern, lowered("He took my PASSPORT"))
    assert not may_match(pattern, lowered("He took my papers"))


def _patterns() -> list[re.Pattern[str]]:
    found: dict[int, re.Pattern[str]] = {}

    def walk(value: object) -> None:
        if isinstance(value, re.Pattern):
            found[id(value)] = value
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    for value in vars(concepts).values():
        walk(value)
    for lang in ("en", "es"):
        walk([p.regex for p in language_pack(lang).patterns])
    for vetoes in rule_set().vetoes.values():
        walk([v.when for v in vetoes])
    return list(found.values())


def test_no_pattern_is_skipped_on_a_text_it_matches() -> None:
    texts = [fold(json.loads(line)["text"]) for line in
             (FIXTURES / "narratives.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    lows = [lowered(text) for text in texts]
    skipped = [(pattern.pattern[:60], text[:60]) for pattern in _patterns() for text, low in zip(texts, lows, strict=True)
               if not may_match(pattern, low) and pattern.search(text)]
    assert skipped == []

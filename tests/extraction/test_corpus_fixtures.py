"""Hygiene of the labelled extraction corpus (tests/fixtures/extraction/corpus).

The checks live in the corpus's own validate.py (so it can run without an install); this
test runs them in the suite and pins the size and mix that issue 14 asks of the train split.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "corpus"


def _validator():
    spec = importlib.util.spec_from_file_location("corpus_validate", CORPUS / "validate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(name: str) -> list[dict]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_every_corpus_file_passes_the_validator() -> None:
    files = sorted(CORPUS.glob("*.jsonl"))
    assert files
    assert _validator().check(files) == []


def test_validator_catches_bad_rows(tmp_path: Path) -> None:
    good = _rows("train.jsonl")[0]
    bad_label = dict(good, id="tr-en-901", text=good["text"] + " extra", indicators=["cd_not_an_item"])
    wrong_split = dict(good, id="tr-en-902", text=good["text"] + " more", split="dev")
    stray_age = dict(good, id="tr-en-903", text=good["text"] + " again", age=77)
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (good, bad_label, wrong_split, stray_age, good)))
    problems = "\n".join(_validator().check([path]))
    assert "unknown or deprecated catalogue id 'cd_not_an_item'" in problems
    assert "split 'dev' in file train.jsonl" in problems
    assert "age 77 is not stated" in problems
    assert "duplicate id" in problems


def test_train_split_size_and_mix() -> None:
    rows = _rows("train.jsonl")
    assert len(rows) >= 320
    langs = Counter(r["lang"] for r in rows)
    assert langs["es"] >= 140
    assert sum(r["code_switched"] for r in rows) >= 25
    kinds = Counter(r["kind"] for r in rows)
    positive = kinds["trafficking"] + kinds["smuggling_then_trafficking"]
    assert 0.45 <= positive / len(rows) <= 0.65
    for negative in ("wage_only", "unsafe_only", "lawful", "smuggling_only", "negated"):
        assert kinds[negative] >= 10, negative
    assert len({r["register"] for r in rows}) == 7
    assert any(r["age"] is not None and r["age"] < 18 for r in rows)


def test_validator_refuses_a_train_source_that_cites_a_held_out_case(tmp_path: Path) -> None:
    good = _rows("train.jsonl")[0]
    reused = dict(good, id="tr-en-904", text=good["text"] + " again",
                  source="DOL v. Packers Sanitation Services Inc. (D. Neb. 2023): children on kill floors")
    kept_apart = dict(good, id="tr-en-905", text=good["text"] + " once more",
                      source="Egg-farm typology (not the Ohio Castillo-Serrano case)")
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (reused, kept_apart)))
    problems = _validator().check([path])
    assert any("tr-en-904" in p and "blind's case ('packers sanitation')" in p for p in problems)
    assert not any("tr-en-905" in p and "cites" in p for p in problems)

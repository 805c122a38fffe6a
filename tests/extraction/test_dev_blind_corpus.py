"""The dev and blind splits of the extraction corpus pass their validator and keep their size.

The checks live in ``validate_split.py`` beside the files (so it runs without an install);
this runs them in the suite. The blind file's freeze is checked in test_blind_frozen.py.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "corpus"
VALIDATOR = CORPUS / "validate_split.py"

pytestmark = pytest.mark.skipif(not VALIDATOR.is_file(), reason="extraction corpus not present")


def _validator():
    spec = importlib.util.spec_from_file_location("corpus_validate_split", VALIDATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_and_blind_pass_the_validator(capsys: pytest.CaptureFixture[str]) -> None:
    status = _validator().main(["--final"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert out.strip().endswith("0 problem(s)")


def test_validator_catches_a_bad_dev_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = json.loads((CORPUS / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    rows = [
        good,
        dict(good, id="dv-en-901", text=good["text"] + " x", indicators=["cd_not_an_item"]),
        dict(good, id="dv-en-902", text=good["text"] + " y", pattern="castillo-serrano"),
        dict(good, id="dv-en-903", text=good["text"] + " z", age=77),
    ]
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    problems = "\n".join(_validator().check_file(path, _validator().catalogue_ids(), {}, {}))
    assert "unknown catalogue id 'cd_not_an_item'" in problems
    assert "pattern 'castillo-serrano' is not a dev pattern" in problems
    assert "age 77" in problems


def test_dev_size_and_mix() -> None:
    rows = [json.loads(line) for line in
            (CORPUS / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 150
    assert Counter(r["lang"] for r in rows)["es"] >= 65
    kinds = Counter(r["kind"] for r in rows)
    positive = kinds["trafficking"] + kinds["smuggling_then_trafficking"]
    assert 0.45 <= positive / len(rows) <= 0.65
    for negative in ("wage_only", "unsafe_only", "lawful", "smuggling_only", "negated"):
        assert kinds[negative] >= 5, negative

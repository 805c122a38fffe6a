"""The screen, catalogue and screen-batch subcommands, driven through a small argparse parser."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from laborlens.screening import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "screening"
READINGS = {"insufficient", "smuggling", "exploitation", "deception_exploitation", "trafficking"}


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="laborlens")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def write_answers(tmp_path: Path, doc: object, name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return path


def vignette_answers(tmp_path: Path, vignette: str) -> Path:
    v = json.loads((FIXTURES / f"{vignette}.json").read_text(encoding="utf-8"))
    return write_answers(tmp_path, {"age_group": v["age_group"], "answers": v["answers"]})


def test_register_adds_three_subcommands():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    cli.register(sub)
    assert {"screen", "catalogue", "screen-batch"} <= set(sub.choices)
    for name in ("screen", "catalogue", "screen-batch"):
        assert callable(sub.choices[name].get_default("func"))


def test_screen_json(tmp_path, capsys):
    path = vignette_answers(tmp_path, "us_v_farrell")
    assert run(["screen", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["reading"] == "trafficking" and doc["reading"] in READINGS
    assert doc["us_law"]["all_elements_supported"] is True
    assert doc["next_questions"] and doc["recommended_actions"] and doc["explanation"]


def test_screen_text(tmp_path, capsys):
    path = vignette_answers(tmp_path, "hershey_j1_2011")
    assert run(["screen", str(path)]) == 0
    out = capsys.readouterr().out
    assert "[deception_exploitation]" in out
    assert "Next questions" in out and "Recommended actions" in out and "1-888-373-7888" in out


def test_screen_text_in_spanish(tmp_path, capsys):
    path = vignette_answers(tmp_path, "negative_smuggling_only")
    assert run(["screen", str(path), "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert "Siguientes preguntas" in out and "tráfico ilícito" in out


def test_screen_answer_forms_and_default_age(tmp_path, capsys):
    path = write_answers(tmp_path, {"answers": {
        "ex_excessive_hours": "present",
        "ex_low_or_no_salary": {"value": "present", "source": "statement", "note": "paid $200 a month"}}})
    assert run(["screen", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["age_group"] == "unknown" and doc["reading"] == "exploitation"
    assert doc["answers"]["ex_low_or_no_salary"]["note"] == "paid $200 a month"


@pytest.mark.parametrize(("doc", "message"), [
    ('{"answers": ', "invalid JSON at line 1"),
    ([], "expected a JSON object"),
    ({"answers": {}, "person": "x"}, "unknown key(s) person"),
    ({"answers": []}, "'answers' must be an object"),
    ({"answers": {"cd_passport": "present"}}, "unknown indicator id(s) 'cd_passport'"),
    ({"answers": {"ex_excessive_hours": "maybe"}}, "answer value must be one of present, absent, unknown"),
    ({"age_group": "child", "answers": {}}, "age_group must be one of adult, minor, unknown"),
])
def test_screen_bad_input_exits_2_without_traceback(tmp_path, capsys, doc, message):
    path = write_answers(tmp_path, doc)
    assert run(["screen", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and message in captured.err
    assert "Traceback" not in captured.err


def test_screen_missing_file(tmp_path, capsys):
    assert run(["screen", str(tmp_path / "nope.json")]) == 2
    assert "No such file" in capsys.readouterr().err


def test_catalogue_summary(capsys):
    assert run(["catalogue"]) == 0
    out = capsys.readouterr().out
    assert "LaborLens indicator catalogue 2026." in out
    assert "cd_  Coercion at destination: 15 indicators" in out
    assert "insufficient < smuggling < exploitation < deception_exploitation < trafficking" in out


def test_catalogue_json(capsys):
    assert run(["catalogue", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["indicators"]["indicators"]) == 67 and doc["version"].startswith("2026.")


def test_screen_batch(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("id,age_group,ex_excessive_hours,ex_low_or_no_salary,cd_debt_bondage,cd_threats_of_violence,"
                   "vr_illegal_status,vr_economic_reasons,vr_lack_of_information\n"
                   "1,adult,present,present,present,present,present,present,present\n"
                   "2,adult,present,present,,,,,\n3,,,,,,,,\n", encoding="utf-8")
    out = tmp_path / "out.parquet"
    assert run(["screen-batch", str(src), "--out", str(out), "--chunk-rows", "2"]) == 0
    err = capsys.readouterr().err
    assert "screened 2 rows" in err and "screened 3 rows in" in err and "rows/s" in err
    assert pq.read_table(out).column("reading").to_pylist() == ["trafficking", "exploitation", "insufficient"]


def test_screen_batch_errors(tmp_path, capsys):
    src = tmp_path / "in.csv"
    pacsv.write_csv(pa.table({"ex_excessive_hours": ["maybe"]}), src)
    assert run(["screen-batch", str(src), "--out", str(tmp_path / "out.csv")]) == 2
    assert "row 1: 'maybe'" in capsys.readouterr().err
    assert run(["screen-batch", str(src), "--out", str(tmp_path / "out.xlsx")]) == 2
    assert "use a .csv or .parquet file" in capsys.readouterr().err
    assert run(["screen-batch", str(tmp_path / "missing.csv"), "--out", str(tmp_path / "o.csv")]) == 2


def test_module_entry_point(tmp_path):
    path = vignette_answers(tmp_path, "negative_wage_theft_only")
    done = subprocess.run([sys.executable, "-m", "laborlens.screening.cli", "screen", str(path), "--json"],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["reading"] == "exploitation"
    bad = subprocess.run([sys.executable, "-m", "laborlens.screening.cli", "screen", str(tmp_path / "none.json")],
                         capture_output=True, text=True, check=False, timeout=120)
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr

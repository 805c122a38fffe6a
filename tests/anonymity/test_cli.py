from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from laborlens.anonymity import cli

QI = "yearOfRegistration,gender,citizenship,ageCategories"


def run(argv: list[str]) -> int:
    return cli.main(argv)


def test_add_actions_adds_the_anonymisation_actions() -> None:
    parser = argparse.ArgumentParser()
    cli.add_actions(parser.add_subparsers(dest="action"))
    args = parser.parse_args(["verify", "x.csv", "--qi", "a", "--k", "3"])
    assert callable(args.func) and args.k == 3


def test_kanon_then_verify(ctdc_subset_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "anon.csv"
    assert run(["kanon", str(ctdc_subset_path), "--qi", QI, "--k", "11", "--out", str(out)]) == 0
    report = json.loads((tmp_path / "anon.csv.report.json").read_text())
    assert report["k"] == 11 and report["suppression_rate"] <= 0.05
    assert run(["verify", str(out), "--qi", QI, "--k", "11"]) == 0
    assert "ok:" in capsys.readouterr().out


def test_verify_flags_raw_data(ctdc_subset_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["verify", str(ctdc_subset_path), "--qi", QI, "--k", "11"]) == 1
    assert "NOT 11-anonymous" in capsys.readouterr().out


def test_dp_table_budget_flow(sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger, out = str(tmp_path / "ledger.json"), str(tmp_path / "table.csv")
    common = ["--by", "gender,ExploitType", "--domain", "ctdc", "--ledger", ledger, "--dataset", "ctdc"]
    assert run(["dp-table", str(sample_path), "--epsilon", "1", *common, "--out", out]) == 2
    assert "no privacy budget" in capsys.readouterr().err
    assert run(["budget", "set", "--ledger", ledger, "--dataset", "ctdc", "--epsilon", "1.5"]) == 0
    assert run(["dp-table", str(sample_path), "--epsilon", "1", *common, "--preview"]) == 0
    assert run(["dp-table", str(sample_path), "--epsilon", "1", *common, "--out", out, "--who", "ana"]) == 0
    record = json.loads(Path(out + ".record.json").read_text())
    assert record["epsilon"] == 1.0 and record["max_contributions"] == 5
    capsys.readouterr()
    assert run(["dp-table", str(sample_path), "--epsilon", "1", *common, "--out", out]) == 2
    err = capsys.readouterr().err
    assert "release refused" in err and "Traceback" not in err
    assert "skipped 4" in err  # the fixture's invalid rows are reported


def test_synth_cli(ctdc_subset_path: Path, tmp_path: Path) -> None:
    ledger, out = str(tmp_path / "ledger.json"), tmp_path / "synth.csv"
    assert run(["budget", "set", "--ledger", ledger, "--dataset", "d", "--epsilon", "50", "--delta", "1e-3"]) == 0
    assert run(["synth", str(ctdc_subset_path), "--columns", "gender,ExploitType", "--epsilon", "2",
                "--reporting-length", "2", "--max-contributions", "1", "--ledger", ledger, "--dataset", "d", "--out", str(out)]) == 0
    assert out.read_text().startswith('"gender","ExploitType"')


def test_errors_are_one_line_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["verify", str(tmp_path / "missing.csv"), "--qi", "a"]) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    assert run(["kanon", str(bad), "--qi", "zz", "--out", str(tmp_path / "o.csv")]) == 2
    assert run(["dp-table", str(bad), "--by", "a", "--epsilon", "-1", "--ledger", str(tmp_path / "l.json"),
                "--dataset", "d", "--out", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("error:") == 3 and "Traceback" not in err


def test_kanon_with_declared_hierarchies(ctdc_subset_path: Path, tmp_path: Path) -> None:
    hierarchies = Path(__file__).resolve().parents[1] / "fixtures" / "anonymity" / "hierarchies_example.json"
    out = tmp_path / "anon.csv"
    qi = "yearOfRegistration,gender,ageCategories"
    assert run(["kanon", str(ctdc_subset_path), "--qi", qi, "--k", "11", "--max-suppression", "0",
                "--hierarchies", str(hierarchies), "--out", str(out)]) == 0
    report = json.loads((tmp_path / "anon.csv.report.json").read_text())
    assert report["suppressed_records"] == 0
    assert run(["verify", str(out), "--qi", qi, "--k", "11"]) == 0

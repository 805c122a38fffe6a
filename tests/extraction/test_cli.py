"""The `extract` subcommand: output shapes and clear errors (exit 2, no traceback)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from laborlens.extraction.cli import register


@pytest.fixture
def cli_parser() -> argparse.ArgumentParser:
    """The extract subcommand on a parser of our own (the lead wires it into laborlens)."""
    parser = argparse.ArgumentParser(prog="laborlens")
    register(parser.add_subparsers(dest="command"))
    return parser


def run(parser: argparse.ArgumentParser, *argv: str) -> int:
    args = parser.parse_args(["extract", *argv])
    code: int = args.func(args)
    return code


@pytest.fixture
def tip(tmp_path: Path) -> Path:
    path = tmp_path / "tip.txt"
    path.write_text("El patrón nos quitó los pasaportes. Trabajamos 14 horas al día.\n", encoding="utf-8")
    return path


def test_json_output_shape(cli_parser: argparse.ArgumentParser, tip: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(cli_parser, str(tip), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["language", "indicators", "age", "age_group"]  # age keys are additive
    assert data["language"] == "es"
    first = data["indicators"][0]
    assert list(first) == ["id", "label", "ilo_forced_labour", "spans", "confidence"]
    assert first["id"] == "cd_confiscation_of_documents"
    assert first["ilo_forced_labour"] == ["documents"]
    span = first["spans"][0]
    assert list(span) == ["start", "end", "text"]
    text = tip.read_text(encoding="utf-8")
    assert text[span["start"]:span["end"]] == span["text"]
    assert isinstance(first["confidence"], float) and 0 < first["confidence"] <= 1


def test_json_with_assessment(cli_parser: argparse.ArgumentParser, tip: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("laborlens.screening.engine")
    assert run(cli_parser, str(tip), "--json", "--assess") == 0
    out = capsys.readouterr().out
    data = json.loads(out)  # exactly one object
    assert list(data) == ["language", "indicators", "age", "age_group", "assessment"]
    assert data["assessment"]["reading"] in {
        "trafficking", "deception_exploitation", "exploitation", "smuggling", "insufficient"}


def test_text_output_highlights_spans(cli_parser: argparse.ArgumentParser, tip: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert run(cli_parser, str(tip), "--lang", "es") == 0
    out = capsys.readouterr().out
    assert "language: es" in out
    assert "[[El patrón nos quitó los pasaportes]]." in out  # whose act it was is evidence too
    assert "[[14 horas al día]]" in out


@pytest.mark.parametrize(("content", "message"), [
    (None, "file not found"),
    (b"", "empty"),
    (b"   \n\t", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    (b"caf\xe9 con leche", "not UTF-8"),
])
def test_bad_input(cli_parser: argparse.ArgumentParser, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   content: bytes | None, message: str) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    assert run(cli_parser, str(path)) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_unknown_language(cli_parser: argparse.ArgumentParser, tip: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(cli_parser, str(tip), "--lang", "fr") == 2
    err = capsys.readouterr().err
    assert "unknown --lang 'fr'" in err and "Traceback" not in err


def test_directory_is_refused(cli_parser: argparse.ArgumentParser, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert run(cli_parser, str(tmp_path)) == 2
    assert "not a file" in capsys.readouterr().err

"""`laborlens extract FILE.txt [--lang auto|en|es] [--assess] [--json]` (no Django)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from laborlens.extraction.detect import SUPPORTED
from laborlens.extraction.matcher import (
    Extraction,
    FoundIndicator,
    extract,
    sentence_bounds,
    to_answers,
)

MAX_BYTES = 1_000_000  # a tip or a statement, not a case file
LANG_CHOICES = ("auto", *SUPPORTED)


class InputError(Exception):
    """Bad input: reported on stderr with exit status 2."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract", help="find trafficking indicators in a narrative (English or Spanish)",
        description="Find catalogue indicators in a free-text narrative, with the evidence spans.")
    parser.add_argument("file", metavar="FILE.txt", help="UTF-8 text file holding the narrative")
    parser.add_argument("--lang", default="auto", help="auto (default), en or es")
    parser.add_argument("--assess", action="store_true",
                        help="also run the screening engine on the findings, taken as unconfirmed answers")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def read_narrative(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"file not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"not a file: {path}") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{path} is larger than {MAX_BYTES:,} bytes: split the narrative")
    if b"\x00" in data:
        raise InputError(f"{path} looks binary: give a UTF-8 text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    if not text.strip():
        raise InputError(f"{path} is empty: nothing to extract")
    return text


def assessment_of(extraction: Extraction) -> dict[str, Any]:
    """The screening engine's assessment of the findings (unconfirmed answers); a stated
    age in the narrative sets the age group."""
    from laborlens.screening.engine import assess

    # An age stated in the text sets the age group (issue 14); the engine records its source.
    age = extraction.age_group if extraction.age_group in ("adult", "minor") else None
    result: dict[str, Any] = assess(to_answers(extraction), age_group_from_text=age).to_dict()
    return result


def _highlighted(text: str, found: FoundIndicator) -> list[str]:
    """Each span shown inside its sentence, as ...[[span]]..."""
    lines = []
    bounds = sentence_bounds(text)
    for span in found.spans:
        start, end = next(((s, e) for s, e in bounds if s <= span.start < max(e, s + 1)), (0, len(text)))
        end = max(end, span.end)
        sentence = f"{text[start:span.start]}[[{span.text}]]{text[span.end:end]}"
        lines.append(" ".join(sentence.split()))
    return lines


def _print_text(text: str, extraction: Extraction, assessment: dict[str, Any] | None) -> None:
    print(f"language: {extraction.language}")
    if not extraction.indicators:
        print("no indicators found")
    for found in extraction.indicators:
        forced = ", ".join(found.ilo_forced_labour) or "-"
        print(f"\n{found.id}  ({found.label})  confidence {found.confidence:.2f}  ILO forced labour: {forced}")
        for line in _highlighted(text, found):
            print(f"    {line}")
    if assessment is not None:
        print(f"\nscreening reading (all answers unconfirmed): {assessment.get('reading')}")
        basis = ", ".join(assessment.get("reading_basis") or []) or "-"
        print(f"basis: {basis}  (ILO/EC: {assessment.get('reading_ilo')}; U.S.: {assessment.get('reading_us')})")
        headline = assessment.get("headline") or {}
        if headline.get("en"):
            print(headline["en"])


def run(args: argparse.Namespace) -> int:
    try:
        if args.lang not in LANG_CHOICES:
            raise InputError(f"unknown --lang {args.lang!r}: use one of {', '.join(LANG_CHOICES)}")
        text = read_narrative(Path(args.file))
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    extraction = extract(text, lang=args.lang)
    assessment = assessment_of(extraction) if args.assess else None
    if args.json:
        payload = extraction.to_dict()
        if assessment is not None:
            payload["assessment"] = assessment
        print(json.dumps(payload, ensure_ascii=False))
    else:
        _print_text(text, extraction, assessment)
    return 0

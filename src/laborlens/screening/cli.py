"""``screen``, ``catalogue`` and ``screen-batch`` subcommands (pure Python, no Django).

Hooked into the project CLI with ``register(subparsers)``; also runnable on its own as
``python -m laborlens.screening.cli screen ANSWERS.json``. Exit codes: 0 success,
2 user or data error (one clear message on stderr, never a traceback).

ANSWERS.json::

    {
      "age_group": "adult",                      # adult | minor | unknown (default unknown)
      "answers": {
        "cd_confiscation_of_documents": "present",
        "ex_excessive_hours": {"value": "present", "source": "statement",
                               "note": "6am-10pm, 7 days", "unconfirmed": false}
      }
    }

Values are present / absent / unknown; sources observed / statement / document /
third_party. Any other key is rejected.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from laborlens.catalogue import Catalogue, load_catalogue
from laborlens.screening.batch import DEFAULT_CHUNK_ROWS, screen_file
from laborlens.screening.engine import assess
from laborlens.screening.next_question import DEFAULT_MAX_QUESTIONS
from laborlens.screening.results import Assessment

EXIT_OK, EXIT_ERROR = 0, 2
ANSWERS_KEYS = frozenset({"age_group", "answers"})
Command = Callable[[argparse.Namespace], int]


def register(subparsers: Any) -> None:
    """Add ``screen``, ``catalogue`` and ``screen-batch`` to an argparse subparsers object."""
    screen = subparsers.add_parser("screen", help="assess one person's answers (ANSWERS.json)",
                                   description="Assess one person's answers against the indicator catalogue.")
    screen.add_argument("answers", type=Path, metavar="ANSWERS.json")
    screen.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    screen.add_argument("--lang", choices=("en", "es"), default="en", help="language of the text output")
    screen.add_argument("--max-questions", type=int, default=DEFAULT_MAX_QUESTIONS, metavar="N")
    screen.set_defaults(func=_guard(cmd_screen))

    catalogue = subparsers.add_parser("catalogue", help="show the indicator catalogue",
                                      description="Show the indicator catalogue (summary, or the full data as JSON).")
    catalogue.add_argument("--json", action="store_true", help="print the full catalogue as JSON")
    catalogue.add_argument("--lang", choices=("en", "es"), default="en")
    catalogue.set_defaults(func=_guard(cmd_catalogue))

    batch = subparsers.add_parser("screen-batch", help="screen many records (CSV or parquet)",
                                  description="Screen a table with one column per item id; writes reading, "
                                              "dimension booleans and present count per record.")
    batch.add_argument("input", type=Path, metavar="IN", help="input .csv or .parquet")
    batch.add_argument("--out", type=Path, required=True, metavar="OUT", help="output .csv or .parquet")
    batch.add_argument("--chunk-rows", type=int, default=DEFAULT_CHUNK_ROWS, metavar="N")
    batch.set_defaults(func=_guard(cmd_screen_batch))


def _guard(command: Command) -> Command:
    """Turn bad input (missing file, bad JSON, unknown id, bad value) into exit 2 + one line."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except (OSError, ValueError) as error:  # json, pyarrow and catalogue errors are ValueErrors
            print(f"error: {error}", file=sys.stderr)
            return EXIT_ERROR

    return run


# --- screen --------------------------------------------------------------------------


def load_answers_file(path: Path) -> tuple[str, dict[str, Any]]:
    """(age_group, answers) from an ANSWERS.json file, with the schema checked."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: expected a JSON object with 'age_group' and 'answers'")
    extra = set(doc) - ANSWERS_KEYS
    if extra:
        raise ValueError(f"{path}: unknown key(s) {', '.join(sorted(extra))}; allowed: age_group, answers")
    answers = doc.get("answers", {})
    if not isinstance(answers, dict):
        raise ValueError(f"{path}: 'answers' must be an object of item id -> answer")
    age_group = doc.get("age_group", "unknown")
    if not isinstance(age_group, str):
        raise ValueError(f"{path}: 'age_group' must be adult, minor or unknown")
    return age_group, answers


def cmd_screen(args: argparse.Namespace) -> int:
    age_group, answers = load_answers_file(args.answers)
    try:
        assessment = assess(answers, age_group, max_questions=max(0, args.max_questions))
    except ValueError as error:
        raise ValueError(f"{args.answers}: {error}") from None
    if args.json:
        print(json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(assessment, load_catalogue(), args.lang))
    return EXIT_OK


def render_text(a: Assessment, cat: Catalogue, lang: str = "en") -> str:
    """A plain-text report an officer can read on screen or print."""
    def t(text: Any) -> str:
        return str(text.get(lang))

    status = {k: t(v) for k, v in cat.labels["status"].items()}
    heading = {"en": ("Dimensions", "U.S. federal law", "Next questions", "Recommended actions", "Explanation"),
               "es": ("Dimensiones", "Ley federal de EE. UU.", "Siguientes preguntas", "Acciones recomendadas", "Explicación")}[lang]
    words = {"en": ("unconfirmed", "complete", "incomplete", "catalogue"),
             "es": ("sin confirmar", "completa", "incompleta", "catálogo")}[lang]
    lines = [f"{t(a.reading_detail.label)}  [{a.reading}]",
             f"{words[3]} {a.catalogue_version} · {t(cat.label('age_group', a.age_group))}", "", heading[0]]
    for d in a.dimensions:
        mark = "[+]" if d.positive else "[ ]"
        present = ", ".join(p.id + (f" ({words[0]})" if p.unconfirmed else "") for p in d.present) or "-"
        lines.append(f"  {mark} {t(d.label)}: {present}")
    lines += ["", heading[1]]
    for element in (a.us_law.act, a.us_law.means, a.us_law.purpose):
        facts = ", ".join(element.facts) or "-"
        lines.append(f"  {t(element.label)}: {status[element.status]} ({facts})")
    for statute in a.us_law.statutes:
        done = words[1] if statute.complete else words[2]
        lines.append(f"  {statute.cite} {t(statute.label)} [{done}]: {', '.join(statute.facts)}")
    lines += ["", heading[2]]
    for n, q in enumerate(a.next_questions, 1):
        lines.append(f"  {n}. [{q.id}] {t(q.question)}")
        lines.append(f"     {t(q.guidance)}")
        lines += [f"     - {t(w)}" for w in q.why]
    lines += ["", heading[3]]
    lines += [f"  - {t(r.text)}" for r in a.recommended_actions]
    lines += ["", heading[4]]
    lines += [f"  - {t(s)}" for s in a.explanation]
    return "\n".join(lines)


# --- catalogue -----------------------------------------------------------------------


def cmd_catalogue(args: argparse.Namespace) -> int:
    cat = load_catalogue()
    if args.json:
        print(json.dumps(cat.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(catalogue_summary(cat, args.lang))
    return EXIT_OK


def catalogue_summary(cat: Catalogue, lang: str = "en") -> str:
    def t(text: Any) -> str:
        return str(text.get(lang))

    lines = [f"LaborLens indicator catalogue {cat.version}", ""]
    for dim in cat.dimensions:
        items = cat.indicators_of(dim.id)
        weights = ", ".join(f"{w} {sum(1 for i in items if i.weight_adult == w)}" for w in ("strong", "medium", "weak"))
        lines.append(f"  {dim.code}_  {t(dim.label)}: {len(items)} indicators (adult: {weights})")
    kinds = {k: sum(1 for i in cat.items.values() if i.kind == k) for k in ("indicator", "context", "red_flag")}
    lines += ["", f"  operational indicators: {kinds['indicator']}, context items: {kinds['context']}, "
                  f"red flags: {kinds['red_flag']}",
              f"  ILO forced labour indicators: {', '.join(f.id for f in cat.forced_labour)}",
              f"  U.S. statutes: {', '.join(s.cite for s in cat.statutes.values())}",
              f"  HTCDS methods of control: {len(cat.htcds)}; recommended actions: {len(cat.actions)}; "
              f"vulnerable industries: {len(cat.industries)}; sources: {len(cat.sources)}",
              f"  short form ({len(cat.short_form)}): {', '.join(cat.short_form)}",
              f"  readings (lowest to highest): {' < '.join(sorted(cat.readings, key=lambda r: cat.readings[r].rank))}",
              "", "  " + t(cat.id_scheme)]
    return "\n".join(lines)


# --- screen-batch --------------------------------------------------------------------


def cmd_screen_batch(args: argparse.Namespace) -> int:
    def progress(rows: int) -> None:
        print(f"  screened {rows:,} rows…", file=sys.stderr, flush=True)

    stats = screen_file(args.input, args.out, chunk_rows=args.chunk_rows, progress=progress)
    print(f"screened {stats.rows:,} rows in {stats.seconds:.2f} s ({stats.rows_per_second:,.0f} rows/s) -> {args.out}",
          file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m laborlens.screening.cli",
                                     description="LaborLens screening commands (pure Python).")
    register(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())

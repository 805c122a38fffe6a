"""The anonymisation actions on the command line: k-anonymous microdata, DP tables, DP
synthetic data, privacy budgets on a JSON ledger file.

``add_actions(actions)`` adds them to a subcommand; the project's ``laborlens release``
command is built by the publishing app (``laborlens.publishing.cli``), which adds these and
its own workflow actions, so this pure package imports no app. Also runnable on its own as
``python -m laborlens.anonymity.cli kanon|verify|dp-table|synth|budget ...``. Every action
returns an exit code: 0 success, 1 verification failed, 2 user or data error (message on
stderr, no traceback).
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
from opendp.mod import OpenDPException

from laborlens.anonymity import ctdc, dp, kanon, synth
from laborlens.anonymity.budget import JsonFileLedgerStore, PrivacyLedger

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
Action = Callable[[argparse.Namespace], int]


def add_actions(actions: Any) -> None:
    """Add the anonymisation actions to an argparse subparsers object."""
    _add_kanon(actions)
    _add_verify(actions)
    _add_dp_table(actions)
    _add_synth(actions)
    _add_budget(actions)


# --- parsers ----------------------------------------------------------------------------


def _add_kanon(actions: Any) -> None:
    p = actions.add_parser("kanon", help="k-anonymous microdata by generalisation + suppression")
    p.add_argument("input", type=Path, help="input CSV (CTDC subset layout is validated)")
    p.add_argument("--qi", required=True, help="comma-separated quasi-identifier columns")
    p.add_argument("--k", type=int, default=kanon.DEFAULT_K)
    p.add_argument("--max-suppression", type=float, default=kanon.DEFAULT_MAX_SUPPRESSION,
                   help="largest share of records that may be suppressed (default 0.05)")
    p.add_argument("--hierarchies", type=Path,
                   help="JSON {column: [level, ...]}; default: built-in CTDC hierarchies")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--report", type=Path, help="report JSON (default OUT.report.json)")
    p.set_defaults(func=_guard(run_kanon))


def _add_verify(actions: Any) -> None:
    p = actions.add_parser("verify", help="prove every QI combination occurs at least k times")
    p.add_argument("input", type=Path)
    p.add_argument("--qi", required=True)
    p.add_argument("--k", type=int, default=kanon.DEFAULT_K)
    p.set_defaults(func=_guard(run_verify))


def _add_ledger_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ledger", type=Path, required=True, help="privacy-budget ledger JSON file")
    p.add_argument("--dataset", required=True, help="dataset name in the ledger")
    p.add_argument("--who", default=None, help="who releases (default: login name)")
    p.add_argument("--what", default="", help="purpose recorded in the ledger")


def _add_dp_table(actions: Any) -> None:
    p = actions.add_parser("dp-table", help="differentially private count table (OpenDP)")
    p.add_argument("input", type=Path)
    p.add_argument("--by", required=True, help="comma-separated columns to tabulate")
    p.add_argument("--epsilon", type=float, required=True)
    p.add_argument("--delta", type=float, default=0.0, help="needed for an open domain")
    p.add_argument("--domain", help="'ctdc' (dictionary value sets) or a JSON file {col: [values]}; "
                   "declaring every cell gives pure DP")
    p.add_argument("--years", help="FIRST:LAST year range for yearOfRegistration with --domain ctdc")
    p.add_argument("--max-contributions", type=int, default=None,
                   help=f"rows per person (default {ctdc.MAX_ROWS_PER_VICTIM} for CTDC input, else 1)")
    p.add_argument("--suppress-below", type=int, default=10, help="suppress noisy counts below this")
    p.add_argument("--preview", action="store_true",
                   help="only show expected utility (simulated noise); spends no budget")
    p.add_argument("--out", type=Path)
    _add_ledger_args(p)
    p.set_defaults(func=_guard(run_dp_table))


def _add_synth(actions: Any) -> None:
    p = actions.add_parser("synth", help="DP synthetic microdata (pac-synth aggregate-seeded)")
    p.add_argument("input", type=Path)
    p.add_argument("--columns", help="comma-separated columns (default: all)")
    p.add_argument("--epsilon", type=float, required=True)
    p.add_argument("--delta", type=float, default=synth.DEFAULT_DELTA)
    p.add_argument("--reporting-length", type=int, default=3)
    p.add_argument("--max-contributions", type=int, default=None)
    p.add_argument("--out", type=Path, required=True)
    _add_ledger_args(p)
    p.set_defaults(func=_guard(run_synth))


def _add_budget(actions: Any) -> None:
    p = actions.add_parser("budget", help="declare or show a dataset's privacy budget")
    p.add_argument("budget_action", choices=["set", "show"])
    p.add_argument("--ledger", type=Path, required=True)
    p.add_argument("--dataset", required=True)
    p.add_argument("--epsilon", type=float)
    p.add_argument("--delta", type=float, default=0.0)
    p.set_defaults(func=_guard(run_budget))


# --- actions ----------------------------------------------------------------------------


def run_kanon(args: argparse.Namespace) -> int:
    qis = _split(args.qi)
    table, _ = _read_input(args.input, add_region=False)  # a derived region would leak
    hierarchies = _load_hierarchies(args.hierarchies)
    _progress(f"anonymising {table.num_rows:,} records, k={args.k}")
    released, report = kanon.anonymise(table, qis, hierarchies, k=args.k,
                                       max_suppression=args.max_suppression, progress=_progress)
    check = kanon.verify_k_anonymity(released, qis, args.k)
    if not check.ok:  # never write a table that fails the independent check
        _error(f"internal error: output not {args.k}-anonymous ({len(check.offending)} classes)")
        return EXIT_ERROR
    pacsv.write_csv(released, args.out)
    _write_json(args.report or _sibling(args.out, ".report.json"), report.to_dict())
    _progress(f"wrote {released.num_rows:,} records to {args.out}; suppressed "
              f"{report.suppressed_records:,} ({report.suppression_rate:.2%}); levels {report.levels}; "
              f"information loss {report.information_loss:.3f}; verified {args.k}-anonymous")
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    qis = _split(args.qi)
    table = _read_strings(args.input)
    result = kanon.verify_k_anonymity(table, qis, args.k)
    if result.ok:
        print(f"ok: {result.records:,} records, {result.classes:,} QI combinations, each >= {args.k}")
        return EXIT_OK
    print(f"NOT {args.k}-anonymous: {len(result.offending)} QI combination(s) occur fewer than {args.k} times")
    for combo, count in sorted(result.offending.items(), key=lambda item: item[1])[:50]:
        print(f"  {count:>4}  " + ", ".join(f"{q}={v}" for q, v in zip(qis, combo, strict=True)))
    return EXIT_FAILED


def run_dp_table(args: argparse.Namespace) -> int:
    by = tuple(_split(args.by))
    table, is_ctdc = _read_input(args.input, add_region=True)
    spec = dp.DpTableSpec(
        by=by, epsilon=args.epsilon, delta=args.delta,
        domain=_domain(args.domain, args.years, by),
        max_contributions=_contributions(args.max_contributions, is_ctdc),
        suppress_below=args.suppress_below,
    )
    if args.preview:
        report = dp.preview_dp_table(table, spec)
        print(json.dumps({"preview": report.to_dict(), "note": "simulated noise; no budget spent"}, indent=2))
        return EXIT_OK
    if args.out is None:
        raise ValueError("--out is required unless --preview")
    ledger = PrivacyLedger(JsonFileLedgerStore(args.ledger))
    _progress(f"drawing DP table over {', '.join(by)} (epsilon={spec.epsilon}, delta={spec.delta})")
    release = dp.release_dp_table(table, spec, ledger=ledger, dataset=args.dataset,
                                  who=args.who or getpass.getuser(), what=args.what)
    pacsv.write_csv(release.to_table(), args.out)
    _write_json(_sibling(args.out, ".record.json"), release.record())
    utility = release.utility.to_dict() if release.utility else {}
    _progress(f"wrote {len(release.cells):,} cells to {args.out}; utility (internal only): "
              f"{json.dumps(utility)}")
    return EXIT_OK


def run_synth(args: argparse.Namespace) -> int:
    table, is_ctdc = _read_input(args.input, add_region=False)
    columns = tuple(_split(args.columns)) if args.columns else tuple(table.column_names)
    spec = synth.SynthSpec(columns, args.epsilon, args.delta, args.reporting_length,
                           _contributions(args.max_contributions, is_ctdc))
    ledger = PrivacyLedger(JsonFileLedgerStore(args.ledger))
    _progress(f"synthesising from {table.num_rows:,} records (epsilon={spec.epsilon}); this can take a while")
    release = synth.synthesise(table, spec, ledger=ledger, dataset=args.dataset,
                               who=args.who or getpass.getuser(), what=args.what)
    pacsv.write_csv(release.table, args.out)
    _write_json(_sibling(args.out, ".record.json"), release.record())
    _progress(f"wrote {release.table.num_rows:,} synthetic records to {args.out}; charged "
              f"epsilon={release.charged[0]:g}, delta={release.charged[1]:g}; 1-way MAE "
              f"{release.utility.one_way.mean_absolute_error:.1f}")
    return EXIT_OK


def run_budget(args: argparse.Namespace) -> int:
    ledger = PrivacyLedger(JsonFileLedgerStore(args.ledger))
    if args.budget_action == "set":
        if args.epsilon is None:
            raise ValueError("budget set needs --epsilon")
        ledger.set_budget(args.dataset, args.epsilon, args.delta)
    left = ledger.remaining(args.dataset)
    print(json.dumps({
        "dataset": args.dataset,
        "remaining": {"epsilon": left.epsilon, "delta": left.delta},
        "spends": [s.__dict__ for s in ledger.history(args.dataset)],
    }, indent=2))
    return EXIT_OK


# --- helpers ----------------------------------------------------------------------------


def _guard(action: Action) -> Action:
    """Turn expected failures into a one-line message and exit code 2."""
    def run(args: argparse.Namespace) -> int:
        try:
            return action(args)
        except (ValueError, KeyError, OSError, pa.ArrowException, OpenDPException, csv.Error) as exc:
            _error(str(exc) or exc.__class__.__name__)
            return EXIT_ERROR
    run.__name__ = action.__name__
    return run


def _read_input(path: Path, *, add_region: bool) -> tuple[pa.Table, bool]:
    """CTDC files are loaded with validation; any other CSV is read as strings."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle), [])
    if not ctdc.is_ctdc_header(header):
        return _read_strings(path), False
    _progress(f"loading CTDC file {path}")
    result = ctdc.load_ctdc(path)
    if result.rows_skipped:
        _progress(f"skipped {result.rows_skipped:,} of {result.rows_read:,} unreadable rows")
        for problem in result.problems[:10]:
            _progress(f"  line {problem.line}: {problem.reason}")
    table = ctdc.with_citizenship_region(result.table) if add_region else result.table
    return table, True


def _read_strings(path: Path) -> pa.Table:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle), None)
    if not header:
        raise ValueError(f"{path} is empty")
    options = pacsv.ConvertOptions(column_types={name: pa.string() for name in header},
                                   strings_can_be_null=False)
    return pacsv.read_csv(path, convert_options=options)


def _load_hierarchies(path: Path | None) -> dict[str, kanon.Hierarchy]:
    spec = ctdc.CTDC_HIERARCHIES if path is None else json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(spec, dict):
        raise ValueError("hierarchies JSON must be an object {column: [levels]}")
    return kanon.hierarchies_from_dict(spec)


def _domain(option: str | None, years: str | None, by: Sequence[str]) -> dict[str, Sequence[str]] | None:
    if option is None:
        return None
    if option != "ctdc":
        loaded = json.loads(Path(option).read_text(encoding="utf-8"))
        return {str(k): [str(v) for v in values] for k, values in loaded.items()}
    domain: dict[str, Sequence[str]] = {}
    for column in by:
        if column == "yearOfRegistration":
            domain[column] = _year_range(years)
            continue
        values = ctdc.declared_domain(column)
        if values is None:
            raise ValueError(f"no CTDC value set for {column!r}; give a domain JSON or drop --domain")
        domain[column] = values
    return domain


def _year_range(years: str | None) -> tuple[str, ...]:
    if not years or ":" not in years:
        raise ValueError("--domain ctdc with yearOfRegistration needs --years FIRST:LAST")
    first, last = (int(part) for part in years.split(":", 1))
    if first > last:
        raise ValueError("--years FIRST must not be after LAST")
    return ctdc.year_domain(first, last)


def _contributions(option: int | None, is_ctdc: bool) -> int:
    if option is not None:
        return option
    if is_ctdc:
        _progress(f"CTDC subset has up to {ctdc.MAX_ROWS_PER_VICTIM} rows per victim: "
                  f"using max-contributions={ctdc.MAX_ROWS_PER_VICTIM}")
        return ctdc.MAX_ROWS_PER_VICTIM
    return 1


def _split(value: str) -> list[str]:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not parts:
        raise ValueError("expected a comma-separated list of column names")
    return parts


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m laborlens.anonymity.cli")
    add_actions(parser.add_subparsers(dest="release_action", required=True, metavar="ACTION"))
    args = parser.parse_args(argv)
    func: Action = args.func
    return func(args)


if __name__ == "__main__":
    raise SystemExit(main())

"""CLI: ``laborlens research import-ctdc FILE [--name N]`` (with progress and counts) and
``laborlens research stats [--json] [--min-cell K]``."""

from __future__ import annotations

import argparse
import getpass
import json
import sys


def cmd_import(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.anonymity.ctdc import CtdcFormatError
    from laborlens.research import services

    def progress(done: int, total: int) -> None:
        print(f"  stored {done:,} of {total:,} rows…", file=sys.stderr)

    try:
        result = services.import_ctdc(args.file, name=args.name, by=f"cli:{getpass.getuser()}", progress=progress)
    except (CtdcFormatError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    dataset = result.dataset
    for problem in result.problems:
        print(f"  skipped line {problem.line}: {problem.reason}", file=sys.stderr)
    print(f"dataset {dataset.pk} ({dataset.name}): rows read {dataset.rows_read:,}, loaded "
          f"{dataset.rows_loaded:,}, skipped {dataset.rows_skipped:,}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.research import services

    data = services.stats(min_cell=args.min_cell)
    services.record_stats_view(by=f"cli:{getpass.getuser()}", via="cli")
    if args.json:
        print(json.dumps(data, indent=1))
        return 0
    print(f"{data['rows']:,} rows in {data['datasets']} datasets (cells below {args.min_cell} hidden)")
    for name, rows in data["tables"].items():  # type: ignore[attr-defined]
        print(f"\nby {name}:")
        for value, count in rows:
            print(f"  {value:<32} {count:>8}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    research = subparsers.add_parser("research", help="research datasets (CTDC format), kept apart from cases")
    sub = research.add_subparsers(dest="research_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import-ctdc", help="import a CTDC-format CSV into the research store")
    imp.add_argument("file")
    imp.add_argument("--name", default="", help="dataset name (default: the file name)")
    imp.set_defaults(func=cmd_import)
    stats = sub.add_parser("stats", help="row counts by year, exploitation type, labour type, gender, age, region")
    stats.add_argument("--json", action="store_true")
    stats.add_argument("--min-cell", type=int, default=11, choices=range(1, 101), metavar="1-100",
                       help="hide counts below this (default 11, CTDC's k)")
    stats.set_defaults(func=cmd_stats)

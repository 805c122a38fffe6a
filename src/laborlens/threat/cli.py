"""CLI: ``laborlens threat import-dol FILE [--programme h2a|h2b]``, ``import-debarments FILE``,
``import-ucr FILE``, ``runs`` and ``problems RUN``.

Imports print a progress line on stderr (rows read / total) and end with the counts:
imported, skipped (already imported, duplicate or blank), flagged (unreadable rows, each
listed with its row number and reason by ``laborlens threat problems RUN``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

SHOW_PROBLEMS = 10


def _progress() -> object:
    started = time.monotonic()

    def report(read: int, total: int) -> None:
        share = f" ({100 * read // total}%)" if total else ""
        elapsed = time.monotonic() - started
        print(f"  read {read:,} / {total:,} rows{share} in {elapsed:.1f} s", file=sys.stderr, flush=True)

    return report


def _run(args: argparse.Namespace, importer_name: str, **options: object) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.threat import importers
    from laborlens.threat.models import ImportProblem

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no file {path}", file=sys.stderr)
        return 2
    print(f"importing {path.name} …", file=sys.stderr)
    try:
        run = getattr(importers, importer_name)(path, progress=_progress(), **options)
    except importers.ImportRefused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    rate = run.rows_read / run.duration_seconds if run.duration_seconds else 0
    print(f"import run {run.pk} ({run.kind}, {run.file_name}, sha256 {run.sha256[:12]}…): "
          f"{run.rows_read:,} rows read, {run.imported:,} imported, {run.skipped:,} skipped, "
          f"{run.flagged:,} flagged, {run.unplaced:,} without a county; "
          f"{run.duration_seconds:.2f} s ({rate:,.0f} rows/s)")
    for problem in ImportProblem.objects.filter(run=run)[:SHOW_PROBLEMS]:
        print(f"  flagged row {problem.row_number}: {problem.reason}")
    if run.flagged > SHOW_PROBLEMS:
        print(f"  … and {run.flagged - SHOW_PROBLEMS:,} more: laborlens threat problems {run.pk}")
    return 0


def cmd_import_dol(args: argparse.Namespace) -> int:
    return _run(args, "import_dol", programme=args.programme)


def cmd_import_debarments(args: argparse.Namespace) -> int:
    return _run(args, "import_debarments")


def cmd_import_ucr(args: argparse.Namespace) -> int:
    return _run(args, "import_ucr")


def cmd_runs(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.threat.models import ImportRun

    for run in ImportRun.objects.all()[: args.limit]:
        print(f"{run.pk:>5} {run.started_at:%Y-%m-%d %H:%M} {run.kind:<10} {run.file_name:<36} "
              f"read {run.rows_read:>6} imported {run.imported:>6} skipped {run.skipped:>6} "
              f"flagged {run.flagged:>4} {run.duration_seconds:.2f} s")
    return 0


def cmd_problems(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.threat.models import ImportProblem, ImportRun

    if not ImportRun.objects.filter(pk=args.run).exists():
        print(f"error: no import run {args.run}", file=sys.stderr)
        return 2
    for problem in ImportProblem.objects.filter(run_id=args.run):
        print(f"row {problem.row_number}: {problem.reason}")
    return 0


def cmd_set_area(args: argparse.Namespace) -> int:
    """The state, counties and local place names of a task force or an agency."""
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from django.db import transaction

    from laborlens.accounts.models import Agency, TaskForce
    from laborlens.audit.events import record_event
    from laborlens.audit.tags import EventTag
    from laborlens.threat import geo
    from laborlens.threat.models import AreaProfile

    state = geo.state_abbr(args.state)
    if not state or geo.state_map(state) is None:
        print(f"error: {args.state!r} is not a state with boundaries", file=sys.stderr)
        return 2
    counties = geo.counties_of(state)
    chosen = []
    for name in args.county:
        code = name if name in counties else geo.county_fips(state, name)
        if not code:
            print(f"error: no county {name!r} in {geo.STATE_NAMES[state]}", file=sys.stderr)
            return 2
        chosen.append(code)
    places = {}
    for item in args.place:
        local, _, county = item.partition("=")
        code = county if county in counties else geo.county_fips(state, county)
        if not local.strip() or not code:
            print(f"error: --place wants LOCAL NAME=COUNTY (a county of {geo.STATE_NAMES[state]}), not {item!r}",
                  file=sys.stderr)
            return 2
        places[local.strip()] = code
    if args.task_force:
        owner = {"task_force": TaskForce.objects.filter(name=args.task_force).first()}
    else:
        owner = {"agency": Agency.objects.filter(short_name=args.agency).first()}
    if next(iter(owner.values())) is None:
        print(f"error: no task force or agency named {args.task_force or args.agency!r}", file=sys.stderr)
        return 2
    with transaction.atomic():
        profile, _ = AreaProfile.objects.update_or_create(
            **owner, defaults={"state": state, "counties": chosen, "place_names": places, "note": args.note})
        record_event(EventTag.THREAT_AREA_SET, actor_label="cli", obj=profile,
                     detail={"state": state, "counties": chosen, "places": len(places)})
    names = ", ".join(counties[code] for code in chosen) or "the whole state"
    print(f"area of {args.task_force or args.agency}: {geo.STATE_NAMES[state]}: {names}; "
          f"{len(places)} local place names")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    threat = subparsers.add_parser("threat", help="threat assessment reference data (DOL, FBI UCR)")
    sub = threat.add_subparsers(dest="threat_command", metavar="ACTION", required=True)
    dol = sub.add_parser("import-dol", help="import a DOL OFLC H-2A or H-2B disclosure file (.xlsx or .csv)")
    dol.add_argument("file")
    dol.add_argument("--programme", choices=["h2a", "h2b"],
                     help="the programme (default: from the VISA_CLASS column or the file name)")
    dol.set_defaults(func=cmd_import_dol)
    debarments = sub.add_parser("import-debarments", help="import the H-2A / H-2B debarment list (.csv or .xlsx)")
    debarments.add_argument("file")
    debarments.set_defaults(func=cmd_import_debarments)
    ucr = sub.add_parser("import-ucr", help="import FBI UCR human trafficking counts by agency (.csv or .xlsx)")
    ucr.add_argument("file")
    ucr.set_defaults(func=cmd_import_ucr)
    runs = sub.add_parser("runs", help="list recent imports with their counts")
    runs.add_argument("--limit", type=int, default=20)
    runs.set_defaults(func=cmd_runs)
    problems = sub.add_parser("problems", help="list the rows an import flagged, with reasons")
    problems.add_argument("run", type=int)
    problems.set_defaults(func=cmd_problems)
    area = sub.add_parser("set-area", help="set the state, counties and local place names of a task force or agency")
    owner = area.add_mutually_exclusive_group(required=True)
    owner.add_argument("--task-force", help="task force name")
    owner.add_argument("--agency", help="agency short name")
    area.add_argument("--state", required=True, help="state abbreviation or name, e.g. GA")
    area.add_argument("--county", action="append", default=[], help="county name or FIPS code (repeat)")
    area.add_argument("--place", action="append", default=[],
                      help="a local place name and its county, e.g. 'City of Riverton=Berrien' (repeat)")
    area.add_argument("--note", default="", help="a note shown to administrators")
    area.set_defaults(func=cmd_set_area)

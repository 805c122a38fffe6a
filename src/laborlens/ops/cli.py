"""CLI: ``laborlens backup OUT`` / ``laborlens restore IN`` (encrypted, every table and
uploaded file), ``laborlens retention purge`` (closed cases past their agency's retention
period) and ``laborlens generate-scale`` (synthetic data straight into PostgreSQL);
``laborlens worker`` runs the background queue and ``laborlens enqueue NAME`` feeds it
(``ops/tasks.py``).

Inactive accounts are disabled by ``laborlens user disable-inactive`` (accounts/cli.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def _stderr(message: str) -> None:
    print(f"  {message}", file=sys.stderr)


def cmd_backup(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.audit.events import record_event
    from laborlens.audit.tags import EventTag
    from laborlens.ops.backup import BackupError, backup_key, write_backup

    target = Path(args.out)
    try:
        backup_key()
        if target.exists() and not args.force:
            raise BackupError(f"{target} exists; choose a new file name (or --force)")
        # Record first, so that the backup holds the event that says it was made.
        record_event(EventTag.BACKUP_CREATED, actor_label="cli", detail={"file": target.name})
        handle, temporary = tempfile.mkstemp(prefix=".backup-", dir=target.parent.resolve())
        try:
            with os.fdopen(handle, "wb") as out:
                summary = write_backup(out, progress=None if args.quiet else _stderr)
            os.chmod(temporary, 0o600)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (BackupError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"backup written to {target}: {summary.tables} tables, {summary.rows:,} rows, "
          f"{summary.files} files ({summary.file_bytes:,} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import DatabaseError

    from laborlens.audit.events import record_event
    from laborlens.audit.tags import EventTag
    from laborlens.ops.backup import BackupError, backup_key, read_backup

    source = Path(args.file)
    try:
        backup_key()
        if not source.is_file():
            raise BackupError(f"{source} is not a readable file")
        call_command("migrate", verbosity=0, interactive=False)
        with source.open("rb") as stream:
            summary = read_backup(stream, progress=None if args.quiet else _stderr)
    except (BackupError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except DatabaseError as error:
        print(f"error: the backup does not fit this database ({type(error).__name__}); "
              "nothing was restored", file=sys.stderr)
        return 2
    record_event(EventTag.BACKUP_RESTORED, actor_label="cli",
                 detail={"file": source.name, "rows": summary.rows, "files": summary.files})
    print(f"restored {summary.rows:,} rows in {len(summary.per_table)} tables and "
          f"{summary.files} files from {source}; run `laborlens audit verify` to check the trail")
    return 0


def cmd_retention_purge(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.ops.retention import purge_closed_cases

    report = purge_closed_cases(dry_run=args.dry_run, by_label=args.by)
    verb = "would purge" if args.dry_run else "purged"
    for line in report.lines:
        print(f"  {line}")
    print(f"closed cases {verb}: {report.purged}; kept (held by other records): {report.held}")
    return 0


def cmd_generate_scale(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.ops.scale import ScaleError, generate

    try:
        summary = generate(args.cases, data_dir=args.data_dir, seed=args.seed,
                           quiet=args.quiet)
    except ScaleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(summary)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command

    options: dict[str, object] = {"queue_name": args.queue, "interval": args.interval,
                                  "batch": args.batch, "reload": False,
                                  "verbosity": 0 if args.quiet else 1}
    if args.max_tasks:
        options["max_tasks"] = args.max_tasks
    from laborlens.ops.queue import Heartbeat, new_worker_id

    # Beat while working, so that a task of ours is reclaimed only if this process dies.
    options["worker_id"] = new_worker_id()
    heartbeat = Heartbeat(str(options["worker_id"]))
    heartbeat.start()
    try:
        call_command("db_worker", **options)
    finally:
        heartbeat.stop()
    return 0


def cmd_scheduler(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.ops.queue import run_scheduler

    run_scheduler(interval=args.interval, once=args.once)
    return 0


def cmd_enqueue(args: argparse.Namespace) -> int:
    from laborlens.core.bootstrap import setup_django

    setup_django()
    from laborlens.ops.tasks import PERIODIC, run_command

    argv = list(args.argv[1:] if args.argv[:1] == ["--"] else args.argv)
    if args.name == "command":
        if not argv:
            print("error: give the command to run, e.g. enqueue command -- release verify …", file=sys.stderr)
            return 2
        result = run_command.enqueue(argv)
    elif argv:
        print(f"error: {args.name} takes no arguments", file=sys.stderr)
        return 2
    else:
        result = PERIODIC[args.name].enqueue()
    print(f"enqueued {result.task.name} as {result.id}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup", help="write an encrypted backup of every table and uploaded file",
        description="Encrypted with LABORLENS_BACKUP_KEY (keep it apart from the backups).")
    backup.add_argument("out", help="the backup file to write")
    backup.add_argument("--force", action="store_true", help="replace an existing file")
    backup.add_argument("--quiet", action="store_true", help="no progress on stderr")
    backup.set_defaults(func=cmd_backup)

    restore = subparsers.add_parser(
        "restore", help="restore an encrypted backup into an empty database",
        description="Migrates the database, refuses one that holds data, then restores "
        "every table and uploaded file in one transaction.")
    restore.add_argument("file", help="the backup file to read")
    restore.add_argument("--quiet", action="store_true", help="no progress on stderr")
    restore.set_defaults(func=cmd_restore)

    retention = subparsers.add_parser(
        "retention", help="retention of closed cases (inactive accounts: `user disable-inactive`)")
    retention_sub = retention.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    purge = retention_sub.add_parser(
        "purge", help="purge closed cases past their agency's retention period, leaving tombstones")
    purge.add_argument("--dry-run", action="store_true", help="list what would be purged; change nothing")
    purge.add_argument("--by", default="retention-schedule", help="who runs the purge (recorded)")
    purge.set_defaults(func=cmd_retention_purge)

    scale = subparsers.add_parser(
        "generate-scale", help="write synthetic cases straight into PostgreSQL (benchmarks only)")
    scale.add_argument("--cases", type=int, required=True, help="how many cases to add")
    scale.add_argument("--data-dir", default=None, help="folder with the CTDC and UCR CSV files")
    scale.add_argument("--seed", type=int, default=20261123)
    scale.add_argument("--quiet", action="store_true", help="no progress bar")
    scale.set_defaults(func=cmd_generate_scale)

    worker = subparsers.add_parser(
        "worker", help="run queued background tasks (reminders, purges, imports, releases)",
        description="The database queue's worker (django-tasks-db db_worker). Run one or more "
        "beside the web processes; each task is taken by exactly one worker.")
    worker.add_argument("--queue", default="default", help="queue names, comma-separated, or *")
    worker.add_argument("--interval", type=float, default=1.0, help="seconds between polls when idle")
    worker.add_argument("--batch", action="store_true", help="run what is due, then exit")
    worker.add_argument("--max-tasks", type=int, default=0, help="exit after this many tasks")
    worker.add_argument("--quiet", action="store_true", help="log nothing")
    worker.set_defaults(func=cmd_worker)

    scheduler = subparsers.add_parser(
        "scheduler", help="enqueue periodic jobs, each once per period however many hosts run it",
        description="Every few seconds: enqueue each due periodic job (a database row per job and "
        "period, unique, so it happens once across hosts) and reclaim tasks of dead workers.")
    scheduler.add_argument("--interval", type=float, default=5.0, help="seconds between ticks")
    scheduler.add_argument("--once", action="store_true", help="one tick, then exit")
    scheduler.set_defaults(func=cmd_scheduler)

    enqueue = subparsers.add_parser(
        "enqueue", help="put a background task on the queue (for cron or a systemd timer)")
    enqueue.add_argument("name", choices=["victim-reminders", "retention-purge", "intelligence-purge",
                                          "disable-inactive", "audit-seal", "notify-due", "notify-digest",
                                          "command"])
    enqueue.add_argument("argv", nargs=argparse.REMAINDER,
                         help="for `command`: a release, screen-batch or extract command line")
    enqueue.set_defaults(func=cmd_enqueue)

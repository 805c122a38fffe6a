"""Audited appends beside plain inserts of the same row, and the sealer's lag (issue 16).

    PYTHONPATH=src .venv/bin/python bench/bench_audit_append.py [--writers 1,4,16,32]
        [--seconds 8] [--server postgres://postgres@127.0.0.1:5432] [--database laborlens_bench]

Creates (drops first) the database, migrates it in demo mode, and adds ``bench_plain``, a
copy of the audit event table (same columns, same indexes, its own id sequence). For each
writer count, in the same run: W threads, each with its own connection, insert rows for
``--seconds`` through the ORM in autocommit ("plain": ``Model.objects.create`` of a row
like an audit event), then W threads call ``record_event`` for as long ("audited"),
and, unless ``--no-chained``, W threads append the way ``record_event`` did before issue 16
(lock one head row, chain the HMAC to the previous event, insert, update the head) into a
third copy, ``--rounds`` times interleaved, while one ``laborlens audit seal --follow``
process seals. Prints events/s of each, the ratio
audited/plain, and the sealing lag of the audited run's events (checkpoint ``sealed_at``
minus event ``created_at``: p50, p99, max), then checks that the whole log verifies.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def prepare(server: str, database: str) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{database}"')
    url = f"{server}/{database}"
    os.environ.update({"DATABASE_URL": url, "LABORLENS_DEMO": "1", "DJANGO_SETTINGS_MODULE": "laborlens.settings"})
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        # Same columns, constraints and indexes; INCLUDING ALL gives the copy its own id sequence.
        cursor.execute("CREATE TABLE bench_plain (LIKE audit_auditevent INCLUDING ALL)")
        # The append before issue 16, for a same-run "before": one head row locked per event.
        cursor.execute("CREATE TABLE bench_chain (LIKE audit_auditevent INCLUDING ALL)")
        cursor.execute("CREATE TABLE bench_chain_head (id int PRIMARY KEY, last_seq bigint, last_hash text)")
        cursor.execute("INSERT INTO bench_chain_head VALUES (1, 0, %s)", ["0" * 64])
    return url


def row_model(table: str):  # noqa: ANN201
    """An unmanaged model with the audit event's columns, on a copy of its table."""
    from django.db import models

    from laborlens.audit.models import AuditEvent

    meta = type("Meta", (), {"app_label": "audit", "db_table": table, "managed": False})
    fields = {field.name: field.clone() for field in AuditEvent._meta.concrete_fields if field.name != "id"}
    model = type(f"Copy_{table}", (models.Model,), {
        **fields, "Meta": meta, "__module__": __name__, "__str__": lambda self: f"{table} {self.seq}"})
    if {f.column for f in model._meta.concrete_fields} != {f.column for f in AuditEvent._meta.concrete_fields}:
        raise SystemExit(f"{table} does not have the audit event's columns")
    return model


def run_writers(count: int, seconds: float, write) -> int:  # noqa: ANN001
    from django.db import connections

    done = [0] * count
    start = threading.Barrier(count + 1)
    stop_at: list[float] = []

    def worker(number: int) -> None:
        try:
            write(number, 0)  # connect before the clock starts
            start.wait()
            n = 0
            while time.monotonic() < stop_at[0]:
                n += 1
                write(number, n)
            done[number] = n
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    stop_at.append(time.monotonic() + seconds)
    start.wait()
    for thread in threads:
        thread.join()
    return sum(done)


def lag_of(first_seq: int, last_seq: int) -> list[float]:
    from laborlens.audit.models import AuditCheckpoint, AuditEvent
    from laborlens.audit.seal import gap_lookup, in_gaps

    lags: list[float] = []
    for checkpoint in AuditCheckpoint.objects.filter(last_seq__gte=first_seq).order_by("number"):
        gaps = gap_lookup(checkpoint.gaps)
        sealed = set(checkpoint.late) | {
            seq for seq in range(max(first_seq, checkpoint.first_seq), min(last_seq, checkpoint.last_seq) + 1)
            if not in_gaps(seq, gaps)}
        for seq, created in AuditEvent.objects.filter(seq__in=sealed).values_list("seq", "created_at"):
            if first_seq <= seq <= last_seq:
                lags.append((checkpoint.sealed_at - created).total_seconds())
    return lags


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writers", default="1,4,16,32")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of one run")
    parser.add_argument("--rounds", type=int, default=2, help="plain/audited run pairs per writer count")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="laborlens_bench")
    parser.add_argument("--no-chained", dest="chained", action="store_false",
                        help="skip the old locked-chain append (the same-run 'before')")
    args = parser.parse_args(argv)
    prepare(args.server, args.database)

    from django.conf import settings
    from django.db import connection, transaction
    from django.utils import timezone

    from laborlens.audit.chain import event_digest, hashed_fields
    from laborlens.audit.events import record_event
    from laborlens.audit.models import AuditCheckpoint, AuditEvent
    from laborlens.audit.seal import current_seq, seal_all
    from laborlens.audit.tags import EventTag
    from laborlens.audit.verify import verify_log

    plain, chain = row_model("bench_plain"), row_model("bench_chain")
    counter = iter(range(1, 10**12))
    lock = threading.Lock()

    def plain_write(writer: int, n: int) -> None:
        with lock:
            seq = next(counter)
        plain.objects.create(seq=seq, created_at=timezone.now(), tag="cases:case:view", outcome="success",
                             actor_id=writer, actor_label=f"writer{writer}", agency_id=1, ip="127.0.0.1",
                             object_type="cases.case", object_id=str(n), detail={"n": n, "page": "detail"},
                             prev_hash="", hash="0" * 64)

    def chained_write(writer: int, n: int) -> None:
        """What record_event did before: lock the head, chain the HMAC, insert, move the head."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT last_seq, last_hash FROM bench_chain_head WHERE id = 1 FOR UPDATE")
            last_seq, last_hash = cursor.fetchone()
            now = timezone.now()
            fields = hashed_fields(seq=last_seq + 1, created_at=now, tag="cases:case:view", outcome="success",
                                   actor_id=None, actor_label=f"writer{writer}", agency_id=None, ip="127.0.0.1",
                                   object_type="", object_id="", detail={"n": n, "page": "detail"})
            digest = event_digest(settings.AUDIT_CHAIN_KEY, fields, last_hash)
            chain.objects.create(seq=last_seq + 1, created_at=now, tag=fields["tag"], outcome="success",
                                 actor_label=fields["actor_label"], ip="127.0.0.1", detail=fields["detail"],
                                 prev_hash=last_hash, hash=digest)
            cursor.execute("UPDATE bench_chain_head SET last_seq = %s, last_hash = %s WHERE id = 1",
                           [last_seq + 1, digest])

    def audited_write(writer: int, n: int) -> None:
        record_event(EventTag.CASE_VIEWED, actor_label=f"writer{writer}", ip="127.0.0.1",
                     detail={"n": n, "page": "detail"})

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    sealer = subprocess.Popen([sys.executable, "-m", "laborlens.cli", "audit", "seal", "--follow"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = []
    try:
        while not AuditCheckpoint.objects.exists():  # the sealer is up (it seals the migration's events)
            record_event(EventTag.CASE_VIEWED, actor_label="warm-up")
            time.sleep(0.5)
        print(f"PostgreSQL {connection.pg_version}; {os.cpu_count()} cores; {args.rounds} x {args.seconds:g} s "
              f"per mode; load average before {os.getloadavg()[0]:.1f}; "
              f"sealer grace {settings.AUDIT_SEAL_GRACE_SECONDS:g} s, pass every 0.25 s", flush=True)
        for writers in [int(w) for w in args.writers.split(",")]:
            # Interleaved rounds, so that load from elsewhere on the machine hits both alike.
            plain_done = audited_done = chained_done = 0
            first = current_seq() + 1
            for _ in range(args.rounds):
                plain_done += run_writers(writers, args.seconds, plain_write)
                audited_done += run_writers(writers, args.seconds, audited_write)
                if args.chained:
                    chained_done += run_writers(writers, args.seconds, chained_write)
            last = current_seq()
            plain_rate = plain_done / (args.seconds * args.rounds)
            audited_rate = audited_done / (args.seconds * args.rounds)
            chained_rate = chained_done / (args.seconds * args.rounds)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and lag_pending(first, last):
                time.sleep(0.2)
            lags = lag_of(first, last)
            row = (writers, plain_rate, audited_rate, audited_rate / plain_rate,
                   percentile(lags, 0.5), percentile(lags, 0.99), max(lags), len(lags), chained_rate)
            rows.append(row)
            print(f"{writers:>3} writers: plain {plain_rate:8,.0f}/s  audited {audited_rate:8,.0f}/s  "
                  f"ratio {row[3]:.2f}  (old locked chain {chained_rate:,.0f}/s, {chained_rate / plain_rate:.2f})  "
                  f"sealing lag p50 {row[4]:.2f} s p99 {row[5]:.2f} s max {row[6]:.2f} s "
                  f"({row[7]:,} events)", flush=True)
    finally:
        sealer.terminate()
        sealer.wait(30)
    seal_all()
    result = verify_log()
    print(f"\nverify: ok={result.ok} checked={result.checked:,} events "
          f"(audit rows {AuditEvent.objects.count():,}) {result.problem}")
    print("\n| writers | plain inserts/s | audited appends/s | audited / plain | old locked chain/s (/ plain) "
          "| sealing lag p50 | p99 | max |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for writers, plain_rate, audited_rate, ratio, p50, p99, worst, _, chained_rate in rows:
        print(f"| {writers} | {plain_rate:,.0f} | {audited_rate:,.0f} | **{ratio:.2f}** | "
              f"{chained_rate:,.0f} ({chained_rate / plain_rate:.2f}) | {p50:.2f} s | {p99:.2f} s | {worst:.2f} s |")
    return 0 if result.ok else 1


def lag_pending(first: int, last: int) -> bool:
    from laborlens.audit.models import AuditCheckpoint

    latest = AuditCheckpoint.objects.order_by("-number").first()
    return latest is None or latest.last_seq < last


if __name__ == "__main__":
    sys.exit(main())

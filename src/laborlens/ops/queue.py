"""A queue that survives its workers, and a scheduler that runs each job once per period.

Heartbeats: ``laborlens worker`` runs the django-tasks-db worker under a worker id of its
own (``host:pid:random``) and a thread that writes ``WorkerHeartbeat.beat_at`` every
``QUEUE_HEARTBEAT_SECONDS``. A RUNNING task whose worker has not beaten for
``QUEUE_STALE_SECONDS`` (the process was killed, the host died) is reclaimed by
``reclaim_stale_tasks``: marked FAILED with ``WorkerLostError`` and, while attempts remain
(the same bound as ``run_with_retries``), enqueued again as ``attempt + 1``. The sweep runs in
every worker's heartbeat thread and in every scheduler tick; rows are locked with
``SKIP LOCKED`` so two sweepers never reclaim the same task. Delivery is at least once: a
worker that was only partitioned, not dead, may still finish a reclaimed attempt, so tasks
here are idempotent (purges and reminders re-check their own state).

Scheduler: ``laborlens scheduler`` wakes every few seconds and, for each job in
``SCHEDULE`` (name -> period in seconds), inserts a ``ScheduledRun(job, period_start)``
and enqueues the job in the same transaction. The row's unique constraint makes the insert
fail on every host but one, so however many schedulers run, each period's job is enqueued
once; if the enqueue fails the row rolls back with it and the next tick tries again.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


class WorkerLostError(RuntimeError):
    """The worker running this task stopped sending heartbeats."""


def heartbeat_seconds() -> float:
    return float(getattr(settings, "QUEUE_HEARTBEAT_SECONDS", 10))


def stale_seconds() -> float:
    return float(getattr(settings, "QUEUE_STALE_SECONDS", 60))


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def beat(worker_id: str) -> None:
    from laborlens.ops.models import WorkerHeartbeat

    now = timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(beat_at=now)
    if not updated:
        WorkerHeartbeat.objects.create(worker_id=worker_id, hostname=socket.gethostname()[:255],
                                       pid=os.getpid(), started_at=now, beat_at=now)


def reclaim_stale_tasks(now: datetime | None = None) -> list[str]:
    """Fail and retry RUNNING tasks whose worker is silent; return the reclaimed task ids."""
    from django_tasks_db.models import DBTaskResult

    from laborlens.ops.models import WorkerHeartbeat
    from laborlens.ops.tasks import MAX_ATTEMPTS

    now = now or timezone.now()
    cutoff = now - timedelta(seconds=stale_seconds())
    alive = set(WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).values_list("worker_id", flat=True))
    reclaimed: list[str] = []
    with transaction.atomic():
        running = (DBTaskResult.objects.select_for_update(skip_locked=True)
                   .filter(status="RUNNING", started_at__lt=cutoff))
        for row in running:
            worker = row.worker_ids[-1] if row.worker_ids else ""
            if worker in alive:
                continue
            error = WorkerLostError(f"worker {worker or '?'} sent no heartbeat for "
                                    f"{int(stale_seconds())} s; task reclaimed")
            row.set_failed(error)
            reclaimed.append(str(row.id))
            kwargs = dict(row.args_kwargs.get("kwargs", {}))
            attempt = int(kwargs.get("attempt", 1))
            if attempt < MAX_ATTEMPTS and "attempt" in _parameters(row):
                retry = row.task.enqueue(*row.args_kwargs.get("args", []),
                                         **{**kwargs, "attempt": attempt + 1})
                logger.warning("reclaimed task %s (%s) from lost worker %s; retry %s, attempt %d/%d",
                               row.id, row.task_name, worker, retry.id, attempt + 1, MAX_ATTEMPTS)
            else:
                logger.error("reclaimed task %s (%s) from lost worker %s; no attempts left",
                             row.id, row.task_name, worker)
    return reclaimed


def _parameters(row: object) -> set[str]:
    import inspect

    return set(inspect.signature(row.task.func).parameters)  # type: ignore[attr-defined]


class Heartbeat(threading.Thread):
    """Beat (and sweep for lost workers) until stopped."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name="laborlens-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.is_set():
                try:
                    close_old_connections()
                    beat(self.worker_id)
                    reclaim_stale_tasks()
                except Exception:  # a database blip must not kill the heartbeat
                    logger.exception("heartbeat failed")
                self.stopped.wait(heartbeat_seconds())
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=heartbeat_seconds() + 5)


# --- scheduler -----------------------------------------------------------------------------

DAY = 24 * 3600
DEFAULT_SCHEDULE = {
    "victim-reminders": DAY,
    "retention-purge": DAY,
    "intelligence-purge": DAY,
    "disable-inactive": DAY,
    # Notifications: reminders are queued in the first tick after midnight UTC, and the daily
    # summaries of those who chose one are sent in the same tick.
    "notify-due": DAY,
    "notify-digest": DAY,
    # Backstop: `laborlens audit seal --follow` seals within seconds; this catches up if it stops.
    "audit-seal": 60,
}


def schedule() -> dict[str, int]:
    return {**DEFAULT_SCHEDULE, **getattr(settings, "SCHEDULE", {})}


def period_start(now: datetime, period: int) -> datetime:
    seconds = int(now.timestamp()) // period * period
    return datetime.fromtimestamp(seconds, UTC)


@dataclass
class Tick:
    enqueued: list[str]
    already: list[str]
    reclaimed: list[str]


def tick(scheduler_id: str, now: datetime | None = None) -> Tick:
    """Enqueue every job whose current period has no run yet; sweep for lost workers."""
    from laborlens.ops.models import ScheduledRun
    from laborlens.ops.tasks import PERIODIC

    now = now or timezone.now()
    result = Tick([], [], reclaim_stale_tasks(now))
    for job, period in sorted(schedule().items()):
        start = period_start(now, period)
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job, period_start=start, task_id="",
                                                  scheduler=scheduler_id[:255])
                task_result = PERIODIC[job].enqueue()
                run.task_id = str(task_result.id)
                run.save(update_fields=["task_id"])
        except IntegrityError:
            result.already.append(job)
            continue
        logger.info("scheduled %s for period %s as task %s", job, start.isoformat(), run.task_id)
        result.enqueued.append(job)
    return result


def run_scheduler(interval: float = 5.0, once: bool = False) -> None:
    scheduler_id = new_worker_id()
    logger.info("scheduler %s started: %s", scheduler_id, schedule())
    while True:
        close_old_connections()
        try:
            tick(scheduler_id)
        except Exception:
            if once:
                raise
            logger.exception("scheduler tick failed; retrying in %s s", interval)
        if once:
            return
        time.sleep(interval)

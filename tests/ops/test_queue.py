"""Tasks of dead workers are reclaimed and retried; the scheduler enqueues once per period."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laborlens.ops.models import ScheduledRun, WorkerHeartbeat
from laborlens.ops.queue import beat, reclaim_stale_tasks, tick
from laborlens.ops.tasks import MAX_ATTEMPTS, victim_reminders

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def running_task(worker_id: str, minutes_ago: int = 5, attempt: int = 1) -> DBTaskResult:
    result = victim_reminders.enqueue(attempt=attempt)
    row = DBTaskResult.objects.get(id=result.id)
    row.claim(worker_id)
    DBTaskResult.objects.filter(id=row.id).update(
        started_at=timezone.now() - timedelta(minutes=minutes_ago))
    return row


def test_a_task_of_a_dead_worker_is_failed_and_retried():
    row = running_task("host:999:dead")
    assert reclaim_stale_tasks() == [str(row.id)]
    row.refresh_from_db()
    assert row.status == "FAILED" and row.exception_class_path.endswith("WorkerLostError")
    retry = DBTaskResult.objects.exclude(id=row.id).get()
    assert retry.status == "READY" and retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert reclaim_stale_tasks() == []  # reclaimed once


def test_a_task_of_a_live_worker_is_left_alone():
    beat("host:1:alive")
    running_task("host:1:alive", minutes_ago=30)
    assert reclaim_stale_tasks() == []
    # The same worker silent for longer than QUEUE_STALE_SECONDS is lost.
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(minutes=10))
    assert len(reclaim_stale_tasks()) == 1


def test_a_task_just_started_is_not_reclaimed_before_its_worker_beats():
    running_task("host:2:new", minutes_ago=0)
    assert reclaim_stale_tasks() == []


def test_attempts_are_bounded():
    running_task("host:3:dead", attempt=MAX_ATTEMPTS)
    assert len(reclaim_stale_tasks()) == 1
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_two_schedulers_enqueue_each_job_once_per_period():
    now = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    first = tick("host-a:1:x", now)
    assert sorted(first.enqueued) == ["audit-seal", "disable-inactive", "intelligence-purge",
                                      "notify-digest", "notify-due", "retention-purge",
                                      "victim-reminders"]
    second = tick("host-b:2:y", now + timedelta(seconds=30))
    assert second.enqueued == [] and sorted(second.already) == sorted(first.enqueued)
    assert DBTaskResult.objects.count() == 7 and ScheduledRun.objects.count() == 7
    later = tick("host-b:2:y", now + timedelta(hours=1))  # only the minute job is due again
    assert later.enqueued == ["audit-seal"] and sorted(later.already) == sorted(set(first.enqueued) - {"audit-seal"})
    next_day = tick("host-b:2:y", now + timedelta(days=1))
    assert len(next_day.enqueued) == 7 and DBTaskResult.objects.count() == 15


def test_two_scheduler_processes_at_once(tmp_path):
    """Two `laborlens scheduler --once` processes started together on one database."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("LABORLENS_", "DATABASE_URL", "DJANGO_"))}
    env.update({"LABORLENS_DEMO": "1", "DATABASE_URL": f"sqlite:///{tmp_path}/sched.sqlite3",
                "LABORLENS_HOME": str(tmp_path)})
    laborlens = [sys.executable, "-m", "laborlens.cli"]
    migrate = subprocess.run([*laborlens, "manage", "migrate", "-v", "0"], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=600)
    assert migrate.returncode == 0, migrate.stderr[-2000:]
    schedulers = [subprocess.Popen([*laborlens, "scheduler", "--once"], env=env, cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                  for _ in range(2)]
    for process in schedulers:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-2000:]
    count = subprocess.run(
        [*laborlens, "manage", "shell", "-c",
         "from django_tasks_db.models import DBTaskResult as T; from laborlens.ops.models import "
         "ScheduledRun as R; print(T.objects.count(), R.objects.count(), "
         "len(set(R.objects.values_list('scheduler', flat=True))))"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert count.returncode == 0, count.stderr[-2000:]
    tasks, runs, _schedulers_that_won = (int(x) for x in count.stdout.strip().splitlines()[-1].split())
    assert (tasks, runs) in {(7, 7), (14, 14)}  # 14: the two ticks fell in different minutes

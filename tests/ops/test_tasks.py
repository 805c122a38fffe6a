"""Background work on the database queue (``laborlens.ops.tasks``): enqueue, run the real
worker (django-tasks-db ``db_worker``) against the test database (SQLite here, PostgreSQL
with DATABASE_URL), see the task done; a failing task is retried with a delay and gives up
after its last attempt.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.tasks import TaskContext, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laborlens.audit.models import AuditCheckpoint, AuditEvent
from laborlens.cases.models import Case, Stage
from laborlens.cli import main
from laborlens.ops import tasks
from laborlens.ops.tasks import run_with_retries
from tests.cases.conftest import build_case_world

pytestmark = pytest.mark.django_db(transaction=True)

SUCCESSFUL, FAILED, READY = "SUCCESSFUL", "FAILED", "READY"


@task(takes_context=True)
def flaky(context: TaskContext, fail_until: int, attempt: int = 1) -> int:
    """Fails on attempts 1..fail_until, then succeeds (a stand-in for a flaky dependency)."""

    def work() -> int:
        if attempt <= fail_until:
            raise RuntimeError(f"attempt {attempt} fails")
        return attempt

    return run_with_retries(context, work, attempt=attempt, max_attempts=3, args=(fail_until,))


def run_worker() -> None:
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0,
                 verbosity=0)


def attempts(path: str) -> list[tuple[int, str]]:
    rows = DBTaskResult.objects.filter(task_path=path).order_by("enqueued_at")
    return [(row.args_kwargs["kwargs"].get("attempt", 1), row.status) for row in rows]


@pytest.fixture(autouse=True)
def quick_retries(settings) -> None:  # noqa: ANN001
    settings.TASK_RETRY_BASE_SECONDS = 0


def test_retention_purge_runs_on_the_worker(world, settings, tmp_path) -> None:  # noqa: ANN001
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.CASE_RETENTION_DAYS = 365
    cw = build_case_world(world)
    cw.case.stage = Stage.CLOSED
    cw.case.closed_on = timezone.localdate() - timedelta(days=400)
    cw.case.save()

    result = tasks.retention_purge.enqueue()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == READY
    assert Case.objects.filter(pk=cw.case.pk).exists()  # nothing happens until a worker runs it

    run_worker()

    row.refresh_from_db()
    assert row.status == SUCCESSFUL
    assert row.return_value == {"purged": 1, "held": 0}
    assert not Case.objects.filter(pk=cw.case.pk).exists()
    assert AuditEvent.objects.filter(actor_label=tasks.ACTOR).exists()


def test_periodic_jobs_enqueue_from_the_cli_and_run(world) -> None:  # noqa: ANN001
    for name in tasks.PERIODIC:
        assert main(["enqueue", name]) == 0
    assert DBTaskResult.objects.filter(status=READY).count() == len(tasks.PERIODIC)

    assert main(["worker", "--batch", "--quiet"]) == 0

    rows = DBTaskResult.objects.all()
    assert {row.status for row in rows} == {SUCCESSFUL}, [(r.task_path, r.traceback) for r in rows]
    by_name = {row.task_path.rsplit(".", 1)[1]: row.return_value for row in rows}
    assert by_name["victim_reminders"] == {"sent": 0}
    assert by_name["intelligence_purge"] == {"purged": 0}
    assert set(by_name["disable_inactive_accounts"]) == {"disabled"}
    assert by_name["notify_due"] == {"tasks": 0, "consents": 0, "referrals": 0, "relief": 0}
    assert by_name["notify_digest"] == {"digests": 0}
    assert by_name["audit_seal"]["tree_size"] == AuditEvent.objects.filter(
        seq__lte=AuditCheckpoint.objects.latest("number").last_seq).count()


def test_a_failing_task_is_retried_and_then_succeeds() -> None:
    flaky.enqueue(1)
    run_worker()
    assert attempts(flaky.module_path) == [(1, FAILED), (2, SUCCESSFUL)]
    done = DBTaskResult.objects.get(status=SUCCESSFUL)
    assert done.return_value == 2
    failed = DBTaskResult.objects.get(status=FAILED)
    assert failed.exception_class_path == "builtins.RuntimeError"
    assert "attempt 1 fails" in failed.traceback


def test_a_task_that_keeps_failing_stops_after_its_last_attempt() -> None:
    flaky.enqueue(99)
    run_worker()
    assert attempts(flaky.module_path) == [(1, FAILED), (2, FAILED), (3, FAILED)]


def test_a_retry_waits_for_its_delay(settings) -> None:  # noqa: ANN001
    settings.TASK_RETRY_BASE_SECONDS = 600
    flaky.enqueue(1)
    run_worker()
    assert attempts(flaky.module_path) == [(1, FAILED), (2, READY)]  # not yet due: the worker left it
    retry = DBTaskResult.objects.get(status=READY)
    assert retry.run_after > timezone.now() + timedelta(seconds=590)


def test_releases_and_imports_run_as_commands_with_retries(tmp_path) -> None:  # noqa: ANN001
    ok = tasks.run_command.enqueue(["release", "--help"])
    missing = tmp_path / "absent.csv"
    broken = tasks.run_command.enqueue(["release", "verify", str(missing), "--qi", "sex"])
    run_worker()

    assert DBTaskResult.objects.get(pk=ok.id).status == SUCCESSFUL
    assert DBTaskResult.objects.get(pk=ok.id).return_value["status"] == 0
    tries = DBTaskResult.objects.filter(task_path=tasks.run_command.module_path).exclude(pk=ok.id)
    assert [row.status for row in tries] == [FAILED] * tasks.MAX_ATTEMPTS
    assert all(row.exception_class_path.endswith("TaskFailedError") for row in tries)
    assert DBTaskResult.objects.get(pk=broken.id).status == FAILED


def test_only_allowed_commands_run_and_are_not_retried() -> None:
    result = tasks.run_command.enqueue(["backup", "/tmp/x"])
    run_worker()
    rows = DBTaskResult.objects.filter(task_path=tasks.run_command.module_path)
    assert [row.status for row in rows] == [FAILED]
    assert rows.get().exception_class_path == "builtins.ValueError"
    assert str(result.id) == str(rows.get().pk)

"""Background work on a real queue: Django's task framework with the database backend.

Tasks are rows in ``django_tasks_db_dbtaskresult`` (PostgreSQL in production, SQLite in the
demo and tests); ``laborlens worker`` (the package's ``db_worker``) takes them one at a time
with ``SELECT … FOR UPDATE SKIP LOCKED``, so several workers on several machines never run
the same task twice. Cron or a systemd timer only *enqueues* (``laborlens enqueue NAME``);
the worker does the work, so a slow purge never holds up the web processes.

Retries: Django's framework runs a task once. ``run_with_retries`` gives every task here a
bounded number of attempts: when an attempt raises, the same task is enqueued again with
``attempt + 1`` and ``run_after`` pushed back (``TASK_RETRY_BASE_SECONDS`` doubled each time,
capped at an hour), and the failing attempt is kept as FAILED with its exception, so the
history of every try is in the table. After ``max_attempts`` the failure stands.

Every task calls the same service function as its CLI command, so the audit events are the
ones the command leaves (actor label ``task-queue``).
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.tasks import TaskContext, task
from django.utils import timezone

logger = logging.getLogger(__name__)

ACTOR = "task-queue"
MAX_ATTEMPTS = 5
MAX_DELAY_SECONDS = 3600
# Commands that may be run as a task (file-driven imports and releases); anything else is refused.
COMMANDS = frozenset({"release", "screen-batch", "extract"})


class TaskFailedError(RuntimeError):
    """A command run as a task ended with a non-zero exit status."""


def retry_delay(attempt: int) -> timedelta:
    base = float(getattr(settings, "TASK_RETRY_BASE_SECONDS", 30))
    return timedelta(seconds=min(base * 2 ** (attempt - 1), MAX_DELAY_SECONDS))


def run_with_retries(context: TaskContext, work: Callable[[], Any], *, attempt: int,
                     max_attempts: int = MAX_ATTEMPTS, args: tuple[Any, ...] = (),
                     kwargs: dict[str, Any] | None = None) -> Any:
    """Run ``work``; if it raises and attempts remain, enqueue the next attempt, then re-raise
    so this attempt is recorded as failed."""
    try:
        return work()
    except Exception:
        this = context.task_result.task
        if attempt < max_attempts:
            delay = retry_delay(attempt)
            retry = this.using(run_after=timezone.now() + delay).enqueue(
                *args, **{**(kwargs or {}), "attempt": attempt + 1})
            logger.warning("task %s attempt %d/%d failed; retry %s in %ss", this.name, attempt,
                           max_attempts, retry.id, int(delay.total_seconds()))
        else:
            logger.error("task %s failed after %d attempts", this.name, attempt)
        raise


@task(takes_context=True)
def victim_reminders(context: TaskContext, attempt: int = 1) -> dict[str, int]:
    """Due referral follow-ups marked as reminded, each audited (``victims reminders --send``)."""
    from laborlens.victims.services import send_reminders

    return run_with_retries(context, lambda: {"sent": send_reminders()}, attempt=attempt)


@task(takes_context=True)
def retention_purge(context: TaskContext, attempt: int = 1) -> dict[str, int]:
    """Closed cases past their agency's retention period purged, tombstones left
    (``retention purge``)."""
    from laborlens.ops.retention import purge_closed_cases

    def work() -> dict[str, int]:
        report = purge_closed_cases(by_label=ACTOR)
        return {"purged": report.purged, "held": report.held}

    return run_with_retries(context, work, attempt=attempt)


@task(takes_context=True)
def intelligence_purge(context: TaskContext, attempt: int = 1) -> dict[str, int]:
    """28 CFR 23.20(h): intelligence records past their review date purged
    (``cases purge-overdue``)."""
    from laborlens.cases.services import purge_overdue

    return run_with_retries(context, lambda: {"purged": purge_overdue()}, attempt=attempt)


@task(takes_context=True)
def disable_inactive_accounts(context: TaskContext, days: int = 90, attempt: int = 1) -> dict[str, int]:
    """Accounts without a sign-in for ``days`` disabled (``user disable-inactive``)."""
    from laborlens.accounts.cli import disable_inactive

    return run_with_retries(context, lambda: {"disabled": len(disable_inactive(days, ACTOR))},
                            attempt=attempt, kwargs={"days": days})


@task(takes_context=True)
def audit_seal(context: TaskContext, attempt: int = 1) -> dict[str, int]:
    """Committed audit events sealed into the signed Merkle log (``audit seal``). A backstop for
    the ``audit seal --follow`` process; two sealers at once are safe (audit/seal.py)."""
    from laborlens.audit.seal import seal_once

    def work() -> dict[str, int]:
        made = seal_once()
        return {"checkpoints": len(made), "tree_size": made[-1].tree_size if made else 0}

    return run_with_retries(context, work, attempt=attempt)


@task(takes_context=True)
def run_command(context: TaskContext, argv: list[str], attempt: int = 1) -> dict[str, Any]:
    """A file-driven import or release (``release …``, ``screen-batch …``, ``extract …``) run
    by the worker; a non-zero exit is a failure and is retried."""
    if not argv or argv[0] not in COMMANDS:
        raise ValueError(f"not a queueable command: {argv[:1]} (allowed: {', '.join(sorted(COMMANDS))})")

    def work() -> dict[str, Any]:
        from laborlens.cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exit_:  # argparse errors
                status = exit_.code if isinstance(exit_.code, int) else 2
        if status:
            raise TaskFailedError(f"{' '.join(argv[:2])} exited {status}: {err.getvalue()[-500:]}")
        return {"status": status, "output": out.getvalue()[-2000:]}

    return run_with_retries(context, work, attempt=attempt, args=(argv,))


# ``laborlens enqueue NAME``: the periodic jobs a timer may enqueue.
PERIODIC = {
    "victim-reminders": victim_reminders,
    "retention-purge": retention_purge,
    "intelligence-purge": intelligence_purge,
    "disable-inactive": disable_inactive_accounts,
    "audit-seal": audit_seal,
    # "notify-due" and "notify-digest" are added by laborlens.notifications (its AppConfig.ready),
    # so the queue imports no app that builds on it.
}

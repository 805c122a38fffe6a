"""Queue tasks that send notification e-mails, with the queue's retries (``ops/tasks.py``):
a failed attempt is recorded on the notification (attempts, last error) and enqueued again
with a growing delay; after the last attempt the notification stays FAILED."""

from __future__ import annotations

from django.tasks import TaskContext, task

from laborlens.ops.tasks import MAX_ATTEMPTS, PERIODIC, run_with_retries


@task(takes_context=True)
def send_notification(context: TaskContext, notification_id: int, attempt: int = 1) -> str:
    from laborlens.notifications.services import deliver

    return run_with_retries(context, lambda: deliver(notification_id,
                                                     last_attempt=attempt >= MAX_ATTEMPTS),
                            attempt=attempt, args=(notification_id,))


@task(takes_context=True)
def send_digest(context: TaskContext, user_id: int, attempt: int = 1) -> int:
    from laborlens.notifications.services import deliver_digest

    return run_with_retries(context, lambda: deliver_digest(user_id,
                                                            last_attempt=attempt >= MAX_ATTEMPTS),
                            attempt=attempt, args=(user_id,))


@task(takes_context=True)
def notify_due(context: TaskContext, attempt: int = 1) -> dict[str, int]:
    """Notifications for tasks due tomorrow or overdue, consents about to expire, referral
    follow-ups and relief dates (``laborlens.notifications``); each is told once per date."""
    from laborlens.notifications.services import queue_due_reminders

    return run_with_retries(context, queue_due_reminders, attempt=attempt)


@task(takes_context=True)
def notify_digest(context: TaskContext, attempt: int = 1) -> dict[str, int]:
    """One daily summary mail per person who chose the digest for some notifications."""
    from laborlens.notifications.services import queue_digests

    return run_with_retries(context, lambda: {"digests": queue_digests()}, attempt=attempt)


def register_periodic() -> None:
    """The daily jobs ``laborlens enqueue NAME`` and the scheduler know (``ops.tasks.PERIODIC``;
    their periods are in ``ops.queue.DEFAULT_SCHEDULE``)."""
    PERIODIC.update({"notify-due": notify_due, "notify-digest": notify_digest})

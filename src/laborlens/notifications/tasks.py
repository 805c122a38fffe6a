"""Queue tasks that send notification e-mails, with the queue's retries (``ops/tasks.py``):
a failed attempt is recorded on the notification (attempts, last error) and enqueued again
with a growing delay; after the last attempt the notification stays FAILED."""

from __future__ import annotations

from django.tasks import TaskContext, task

from laborlens.ops.tasks import MAX_ATTEMPTS, run_with_retries


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

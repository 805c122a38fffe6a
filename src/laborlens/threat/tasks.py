"""The queued import of an uploaded threat data file (``laborlens worker`` runs it)."""

from __future__ import annotations

from django.tasks import TaskContext, task

from laborlens.ops.tasks import run_with_retries


@task(takes_context=True)
def import_upload(context: TaskContext, upload_id: int, attempt: int = 1) -> str:
    """Import ``ThreatUpload`` ``upload_id``. One attempt: the stored file is deleted when
    an import ends, refused (wrong format) or failed, so a retry would have nothing to read."""
    from laborlens.threat.uploads import run

    return run_with_retries(context, lambda: run(upload_id), attempt=attempt, max_attempts=1, args=(upload_id,))

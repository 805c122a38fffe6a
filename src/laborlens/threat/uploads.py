"""Threat data from the web: an uploaded DOL or FBI file is stored, queued, imported by the
worker through the same importer as ``laborlens threat import-*`` and reported row by row.

``accept`` stores the file and enqueues ``threat.tasks.import_upload`` (one audit event:
``threat:data:upload``); ``run`` is what the task does (the import leaves its own
``threat:data:import`` event and ``ImportRun``). Progress: the importer's callback writes
"rows read, rows in the file" to ``<stored name>.progress`` beside the upload, which the
status page reads; the import itself is one transaction, so the database shows nothing
until it ends. The stored file is deleted when the import ends either way.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.threat import importers
from laborlens.threat.models import ThreatUpload

SUFFIXES = {".xlsx", ".csv"}
MAX_BYTES = 200 * 1024 * 1024


def upload_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "threat-uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def accept(upload: UploadedFile, kind: str, *, user: User, request: HttpRequest | None = None) -> ThreatUpload:
    """Store the file, record the upload and queue its import."""
    from laborlens.threat.tasks import import_upload

    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in SUFFIXES:
        raise importers.ImportRefused("Only .xlsx and .csv files can be imported.")
    stored = f"{uuid.uuid4().hex}{suffix}"
    with (upload_dir() / stored).open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    with transaction.atomic():
        item = ThreatUpload.objects.create(kind=kind, file_name=(upload.name or stored)[:255], stored_name=stored,
                                           size=upload.size or 0, uploaded_by=user)
        record_event(EventTag.THREAT_DATA_UPLOADED, request=request, actor=user, obj=item,
                     detail={"kind": kind, "file": item.file_name, "bytes": item.size})
    result = import_upload.enqueue(item.pk)
    ThreatUpload.objects.filter(pk=item.pk).update(task_id=str(result.id)[:64])
    if getattr(settings, "THREAT_UPLOAD_INLINE", getattr(settings, "DEMO_MODE", False)):
        # The demo runs no worker: import now (the queued task then finds it done).
        run(item.pk)
    item.refresh_from_db()
    return item


def progress_of(item: ThreatUpload) -> tuple[int, int] | None:
    """(rows read, rows in the file) of a running import, if it has reported any."""
    try:
        read, total = (upload_dir() / f"{item.stored_name}.progress").read_text().split()
        return int(read), int(total)
    except (OSError, ValueError):
        return None


def run(upload_id: int) -> str:
    """Import one upload (called by the task); returns its final status."""
    item = ThreatUpload.objects.get(pk=upload_id)
    if item.status in (ThreatUpload.Status.DONE, ThreatUpload.Status.REFUSED):
        return item.status
    path = upload_dir() / item.stored_name
    progress_file = upload_dir() / f"{item.stored_name}.progress"
    ThreatUpload.objects.filter(pk=item.pk).update(status=ThreatUpload.Status.RUNNING)

    def progress(read: int, total: int) -> None:
        progress_file.write_text(f"{read} {total}")

    label = f"web:{item.uploaded_by.username}"[:100]
    try:
        if item.kind in ("dol", "h2a", "h2b"):
            import_run = importers.import_dol(path, None if item.kind == "dol" else item.kind,
                                              progress=progress, actor_label=label)
        elif item.kind == "debarments":
            import_run = importers.import_debarments(path, progress=progress, actor_label=label)
        else:
            import_run = importers.import_ucr(path, progress=progress, actor_label=label)
    except importers.ImportRefused as refusal:
        _end(item, ThreatUpload.Status.REFUSED, str(refusal), path, progress_file)
        return ThreatUpload.Status.REFUSED
    except Exception as error:
        _end(item, ThreatUpload.Status.FAILED, f"{type(error).__name__}: {error}", path, progress_file)
        raise
    ThreatUpload.objects.filter(pk=item.pk).update(run=import_run)
    _end(item, ThreatUpload.Status.DONE, "", path, progress_file)
    return ThreatUpload.Status.DONE


def _end(item: ThreatUpload, status: str, message: str, path: Path, progress_file: Path) -> None:
    ThreatUpload.objects.filter(pk=item.pk).update(status=status, message=message[:500], finished_at=timezone.now())
    for leftover in (path, progress_file):
        leftover.unlink(missing_ok=True)

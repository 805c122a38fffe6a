"""Where evidence files live: Django's storage API, local disk or S3-compatible.

Every read and write of an evidence file goes through ``evidence_storage()`` (the
``"evidence"`` entry of STORAGES). The embedded default is the local folder
MEDIA_ROOT/cases. With ``LABORLENS_S3_BUCKET`` set, files go to that bucket through
django-storages' S3 backend (AWS S3, MinIO, Ceph RGW, Garage… via ``LABORLENS_S3_ENDPOINT_URL``),
so a file uploaded through one application server downloads through any other. Files are
Fernet-encrypted before they reach either backend; the bucket never sees plaintext.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.functional import cached_property


class LocalEvidenceStorage(FileSystemStorage):
    """MEDIA_ROOT/cases, following MEDIA_ROOT when it changes (tests); never served by URL."""

    @cached_property
    def base_location(self) -> str:
        return str(self._value_or_setting(self._location, os.path.join(settings.MEDIA_ROOT, "cases")))

    def url(self, name: str | None) -> str:
        raise NotImplementedError("evidence files are only served through the case pages")


def evidence_storage() -> Storage:
    return storages["evidence"]


def save_new(name: str, data: bytes) -> None:
    """Write a file under a name that must not exist yet (names are random)."""
    stored = evidence_storage().save(name, ContentFile(data))
    if stored != name:  # the backend renamed it: never expected with random names
        evidence_storage().delete(stored)
        raise FileExistsError(f"evidence file {name} already exists")


def read(name: str) -> bytes:
    with evidence_storage().open(name, "rb") as handle:
        return bytes(handle.read())


def replace(name: str, data: bytes) -> None:
    """Overwrite a file in one step (key rotation): a rename on disk, one PUT on S3."""
    storage = evidence_storage()
    if isinstance(storage, FileSystemStorage):
        path = Path(storage.path(name))
        temporary = path.with_suffix(".rotating")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        return
    if not getattr(storage, "file_overwrite", False):
        raise RuntimeError("the evidence storage must overwrite in place (file_overwrite=True)")
    storage.save(name, ContentFile(data))


def delete(name: str) -> None:
    evidence_storage().delete(name)


def exists(name: str) -> bool:
    return bool(evidence_storage().exists(name))

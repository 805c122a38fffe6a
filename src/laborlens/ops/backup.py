"""Encrypted, database-agnostic backups of every table and of the uploaded files.

The archive is a stream of AES-256-GCM frames over zlib-compressed JSON lines::

    MAGIC | backup id (16 bytes) | key check (16 bytes)
    frame*: length (4) | final flag (1) | nonce (12) | ciphertext
            (associated data: MAGIC, backup id, frame number, final flag)

so a wrong key is reported as such (key check), and an edited, reordered, spliced or
truncated archive fails authentication. Rows are copied column by column as stored: values
that are already ciphertext (encrypted fields) stay ciphertext, and the audit events and
signed checkpoints are copied byte for byte (the event sequence is reset past the highest
number), so ``laborlens audit verify`` passes after a restore. The same archive restores
into SQLite or PostgreSQL.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import decimal
import hashlib
import hmac
import io
import json
import os
import secrets
import struct
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import F, TextField
from django.db.models.functions import Cast

MAGIC = b"LLBACKUP1\n"
FORMAT_VERSION = 1
FRAME_BYTES = 1 << 20
ROWS_PER_BATCH = 2000
FILE_CHUNK = 512 * 1024
# Filled in by `migrate` itself; replaced by the archive's rows on restore.
MIGRATION_SEEDED = {"contenttypes.contenttype", "auth.permission"}


class BackupError(Exception):
    """A backup cannot be written or restored; the message says why."""


def backup_key() -> bytes:
    raw = settings.BACKUP_KEY
    if not raw:
        raise BackupError(
            "LABORLENS_BACKUP_KEY is not set (or LABORLENS_BACKUP_KEY_FILE); make one with "
            "`laborlens keys new` and keep it apart from the backups"
        )
    try:
        key = base64.urlsafe_b64decode(raw.strip().encode())
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise BackupError("LABORLENS_BACKUP_KEY is not 32 url-safe base64 bytes (see `laborlens keys new`)")
    return key


def _key_check(key: bytes, backup_id: bytes) -> bytes:
    return hmac.new(key, b"laborlens-backup-key-check" + backup_id, hashlib.sha256).digest()[:16]


def _aad(backup_id: bytes, index: int, final: bool) -> bytes:
    return MAGIC + backup_id + struct.pack(">QB", index, int(final))


class EncryptedWriter(io.RawIOBase):
    """A write-only binary stream: compress, cut into frames, seal each frame."""

    def __init__(self, out: IO[bytes], key: bytes) -> None:
        self.out = out
        self.aead = AESGCM(key)
        self.backup_id = secrets.token_bytes(16)
        self.index = 0
        self.buffer = bytearray()
        self.compressor = zlib.compressobj(6)
        out.write(MAGIC + self.backup_id + _key_check(key, self.backup_id))

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.buffer += self.compressor.compress(data)
        while len(self.buffer) >= FRAME_BYTES:
            self._frame(bytes(self.buffer[:FRAME_BYTES]), final=False)
            del self.buffer[:FRAME_BYTES]
        return len(data)

    def _frame(self, plain: bytes, *, final: bool) -> None:
        nonce = secrets.token_bytes(12)
        sealed = self.aead.encrypt(nonce, plain, _aad(self.backup_id, self.index, final))
        self.out.write(struct.pack(">IB", len(sealed), int(final)) + nonce + sealed)
        self.index += 1

    def finish(self) -> None:
        self.buffer += self.compressor.flush()
        self._frame(bytes(self.buffer), final=True)
        self.buffer.clear()
        self.out.flush()


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise BackupError("the backup file is truncated or damaged")
    return data


def decrypted_chunks(stream: IO[bytes], key: bytes) -> Iterator[bytes]:
    """Yield the decompressed plaintext; raise BackupError on a wrong key or any tampering."""
    if stream.read(len(MAGIC)) != MAGIC:
        raise BackupError("this is not a LaborLens backup file")
    backup_id = _read_exact(stream, 16)
    if not hmac.compare_digest(_read_exact(stream, 16), _key_check(key, backup_id)):
        raise BackupError("wrong backup key: LABORLENS_BACKUP_KEY is not the key this backup was made with")
    aead = AESGCM(key)
    decompressor = zlib.decompressobj()
    index = 0
    while True:
        header = stream.read(5)
        if not header:
            raise BackupError("the backup file is truncated (its last part is missing)")
        if len(header) != 5:
            raise BackupError("the backup file is truncated or damaged")
        length, final = struct.unpack(">IB", header)
        if final not in (0, 1) or length > FRAME_BYTES + 1024:
            raise BackupError("the backup file was altered or damaged")
        nonce = _read_exact(stream, 12)
        sealed = _read_exact(stream, length)
        try:
            plain = aead.decrypt(nonce, sealed, _aad(backup_id, index, bool(final)))
        except InvalidTag:
            raise BackupError(f"the backup file was altered or damaged (part {index} fails its check)") from None
        index += 1
        try:
            yield decompressor.decompress(plain)
        except zlib.error:
            raise BackupError("the backup file was altered or damaged") from None
        if final:
            if stream.read(1):
                raise BackupError("the backup file has data after its end (altered)")
            yield decompressor.flush()
            return


def _lines(stream: IO[bytes], key: bytes) -> Iterator[dict[str, Any]]:
    pending = b""
    for chunk in decrypted_chunks(stream, key):
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield json.loads(line)
    if pending.strip():
        yield json.loads(pending)


# --- which tables, which columns ------------------------------------------------------------


def backed_up_models() -> list[type[models.Model]]:
    return [
        model for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]


def _is_encrypted(column: models.Field) -> bool:
    return bool(getattr(column, "encrypted", False))


def _to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID | dt.timedelta):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    return value


def _rows(model: type[models.Model], columns: list[models.Field]) -> Iterator[list[Any]]:
    """Rows as stored: encrypted columns are read raw (cast to text, never decrypted)."""
    names: list[str] = []
    annotations: dict[str, Any] = {}
    for position, column in enumerate(columns):
        if _is_encrypted(column):
            alias = f"_raw_{position}"
            annotations[alias] = Cast(F(column.attname), output_field=TextField())
            names.append(alias)
        else:
            names.append(column.attname)
    queryset = model._base_manager.order_by("pk")
    if annotations:
        queryset = queryset.annotate(**annotations)
    for row in queryset.values_list(*names).iterator(chunk_size=ROWS_PER_BATCH):
        yield [_to_json(value) for value in row]


@dataclass
class BackupSummary:
    tables: int = 0
    rows: int = 0
    files: int = 0
    file_bytes: int = 0
    per_table: dict[str, int] = field(default_factory=dict)


def applied_migrations() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [f"{app}.{name}" for app, name in cursor.fetchall()]


def write_backup(out: IO[bytes], progress: Callable[[str], None] | None = None) -> BackupSummary:
    """Write every table and every uploaded file, from one consistent snapshot."""
    key = backup_key()
    writer = EncryptedWriter(out, key)
    summary = BackupSummary()

    def emit(record: dict[str, Any]) -> None:
        writer.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n")

    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        emit({
            "type": "meta", "format": FORMAT_VERSION, "vendor": connection.vendor,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "migrations": applied_migrations(),
        })
        for model in backed_up_models():
            columns = list(model._meta.concrete_fields)
            label = model._meta.label_lower
            emit({"type": "table", "model": label, "columns": [c.attname for c in columns]})
            count = 0
            for row in _rows(model, columns):
                emit({"r": row})
                count += 1
            summary.per_table[label] = count
            summary.tables += 1
            summary.rows += count
            if progress:
                progress(f"{label}: {count:,} rows")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        for path in sorted(media.rglob("*")):
            if not path.is_file() or path.is_symlink():
                continue
            relative = path.relative_to(media).as_posix()
            emit({"type": "file", "path": relative})
            with path.open("rb") as handle:
                while chunk := handle.read(FILE_CHUNK):
                    emit({"d": base64.b64encode(chunk).decode()})
                    summary.file_bytes += len(chunk)
            summary.files += 1
    emit({"type": "end", "tables": summary.tables, "rows": summary.rows, "files": summary.files})
    writer.finish()
    return summary


# --- restore --------------------------------------------------------------------------------


def non_empty_tables() -> list[str]:
    found = []
    for model in backed_up_models():
        if model._meta.label_lower in MIGRATION_SEEDED:
            continue
        if model._base_manager.exists():
            found.append(model._meta.label_lower)
    return found


def _from_json(column: models.Field, value: Any) -> Any:
    if value is None or _is_encrypted(column):
        return value
    if isinstance(column, models.JSONField):
        return column.get_db_prep_save(value, connection)
    if isinstance(column, models.BinaryField):
        value = base64.b64decode(value)
    elif isinstance(value, str) and not isinstance(column, models.CharField | models.TextField):
        value = column.to_python(value)
    return column.get_db_prep_save(value, connection)


class _TableWriter:
    def __init__(self, model: type[models.Model], names: list[str]) -> None:
        by_attname = {c.attname: c for c in model._meta.concrete_fields}
        unknown = [name for name in names if name not in by_attname]
        if unknown:
            raise BackupError(f"{model._meta.label_lower} has no column(s) {unknown}; the schema differs")
        self.columns = [by_attname[name] for name in names]
        quote = connection.ops.quote_name
        self.sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  (names from the model)
            quote(model._meta.db_table),
            ", ".join(quote(c.column) for c in self.columns),
            ", ".join(["%s"] * len(self.columns)),
        )
        self.pending: list[list[Any]] = []
        self.count = 0

    def add(self, row: list[Any]) -> None:
        self.pending.append([_from_json(c, v) for c, v in zip(self.columns, row, strict=True)])
        if len(self.pending) >= ROWS_PER_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.pending)
            self.count += len(self.pending)
            self.pending = []


@dataclass
class RestoreSummary:
    rows: int = 0
    files: int = 0
    per_table: dict[str, int] = field(default_factory=dict)


def _safe_media_path(relative: str) -> Path:
    media = Path(settings.MEDIA_ROOT).resolve()
    target = (media / relative).resolve()
    if media not in target.parents:
        raise BackupError("the backup names a file outside the upload folder; refused")
    return target


def read_backup(stream: IO[bytes], progress: Callable[[str], None] | None = None) -> RestoreSummary:
    """Restore into an empty, migrated database; all or nothing for the tables."""
    key = backup_key()
    summary = RestoreSummary()
    models_by_label = {m._meta.label_lower: m for m in backed_up_models()}
    lines = _lines(stream, key)
    meta = next(lines, None)  # checks the key and the first part before anything else
    if not meta or meta.get("type") != "meta" or meta.get("format") != FORMAT_VERSION:
        raise BackupError("the backup does not start with a recognised header")
    occupied = non_empty_tables()
    if occupied:
        raise BackupError(
            "the database is not empty (" + ", ".join(occupied[:5]) + (", …" if len(occupied) > 5 else "")
            + "); restore only into a freshly migrated, empty database"
        )
    if set(meta["migrations"]) != set(applied_migrations()):
        missing = sorted(set(meta["migrations"]) - set(applied_migrations()))
        extra = sorted(set(applied_migrations()) - set(meta["migrations"]))
        raise BackupError(
            "the backup was made with a different schema; run the LaborLens version that made it "
            f"(migrations only in the backup: {missing[:3]}, only here: {extra[:3]})"
        )
    written_files: list[Path] = []
    current_file: IO[bytes] | None = None
    ended = False
    try:
        with transaction.atomic(), connection.constraint_checks_disabled():
            for label in MIGRATION_SEEDED:
                models_by_label[label]._base_manager.all()._raw_delete(connection.alias)
            table: _TableWriter | None = None
            table_label = ""
            for record in lines:
                if "r" in record:
                    if table is None:
                        raise BackupError("the backup is malformed (a row outside a table)")
                    table.add(record["r"])
                    continue
                if "d" in record:
                    if current_file is None:
                        raise BackupError("the backup is malformed (file data outside a file)")
                    current_file.write(base64.b64decode(record["d"]))
                    continue
                if table is not None:
                    table.flush()
                    summary.per_table[table_label] = table.count
                    summary.rows += table.count
                    if progress:
                        progress(f"{table_label}: {table.count:,} rows")
                    table = None
                if current_file is not None:
                    current_file.close()
                    current_file = None
                kind = record.get("type")
                if kind == "table":
                    table_label = record["model"]
                    if table_label not in models_by_label:
                        raise BackupError(f"the backup has a table this version does not know: {table_label}")
                    table = _TableWriter(models_by_label[table_label], record["columns"])
                elif kind == "file":
                    target = _safe_media_path(record["path"])
                    target.parent.mkdir(parents=True, exist_ok=True)
                    current_file = target.open("wb")
                    written_files.append(target)
                    summary.files += 1
                elif kind == "end":
                    ended = True
                else:
                    raise BackupError("the backup is malformed (unknown record)")
            if not ended:
                raise BackupError("the backup file is truncated (no end record)")
            restored = [models_by_label[label] for label in summary.per_table]
            connection.check_constraints(table_names=[m._meta.db_table for m in restored])
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), restored):
                    cursor.execute(statement)
    except BaseException:
        if current_file is not None:
            current_file.close()
        for path in written_files:
            path.unlink(missing_ok=True)
        raise
    if current_file is not None:
        current_file.close()
    for path in written_files:
        os.chmod(path, 0o600)
    return summary

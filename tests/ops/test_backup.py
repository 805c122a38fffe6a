"""``laborlens backup`` / ``restore`` end to end, through the real command, on SQLite and on
PostgreSQL: every table, the audit chain and uploaded files come back; encrypted fields
stay ciphertext in the archive and decrypt after restore; a wrong key, a tampered file and
a non-empty database are refused with exit status 2."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ops.helpers import env_for, laborlens, postgres_reachable, throwaway_postgres

SNAPSHOT = """
import json
from django.apps import apps
from django.db import connection
from laborlens.cases.models import Person
counts = {m._meta.label_lower: m._base_manager.count() for m in apps.get_models(include_auto_created=True)
          if m._meta.managed and not m._meta.proxy}
with connection.cursor() as cursor:
    cursor.execute("SELECT id, full_name, phones FROM cases_person ORDER BY id")
    raw = [list(row) for row in cursor.fetchall()]
people = [[p.pk, p.full_name, p.phones] for p in Person.objects.order_by("pk")]
tags = list(apps.get_model("audit", "AuditEvent").objects.order_by("-seq").values_list("tag", flat=True)[:50])
print(json.dumps({"counts": counts, "raw": raw, "people": people, "tags": tags}))
"""


def snapshot(env: dict[str, str]) -> dict:
    return json.loads(laborlens(env, "manage", "shell", "-c", SNAPSHOT).stdout.strip().splitlines()[-1])


def populated(env: dict[str, str]) -> None:
    laborlens(env, "manage", "migrate", "-v0")
    laborlens(env, "demo-load")
    upload = Path(env["LABORLENS_DATA_DIR"]) / "uploads" / "cases" / "attachment-0001"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"\x00already-encrypted-attachment\xff" * 1000)


def round_trip(tmp_path: Path, source_url: str, target_url: str) -> None:
    source = env_for(source_url, tmp_path / "source")
    target = env_for(target_url, tmp_path / "target")
    populated(source)
    archive = tmp_path / "laborlens.backup"
    laborlens(source, "backup", str(archive), "--quiet")
    before = snapshot(source)
    assert before["people"] and all(name for _, name, _ in before["people"])

    blob = archive.read_bytes()
    for _, name, _ in before["people"]:
        assert name.encode() not in blob  # ciphertext inside ciphertext: no name in clear

    restored = laborlens(target, "restore", str(archive), "--quiet")
    assert "restored" in restored.stdout
    after = snapshot(target)
    audit = "audit.auditevent"
    assert after["counts"][audit] == before["counts"][audit] + 1  # + the restore event
    assert {k: v for k, v in after["counts"].items() if not k.startswith("audit.")} == \
        {k: v for k, v in before["counts"].items() if not k.startswith("audit.")}
    assert after["raw"] == before["raw"]  # stored ciphertext copied as is
    assert after["people"] == before["people"]  # and it decrypts with the same field keys
    assert all(str(value).startswith("gAAAA") for _, value, _ in after["raw"] if value)
    verify = laborlens(target, "audit", "verify")
    assert "audit log OK" in verify.stdout
    restored_file = Path(target["LABORLENS_DATA_DIR"]) / "uploads" / "cases" / "attachment-0001"
    assert restored_file.read_bytes() == b"\x00already-encrypted-attachment\xff" * 1000
    assert after["tags"][0] == "ops:backup:restore" and "ops:backup:create" in after["tags"]

    # A second restore into the now non-empty database is refused, and changes nothing.
    again = laborlens(target, "restore", str(archive), check=False)
    assert again.returncode == 2 and "not empty" in again.stderr


def test_backup_and_restore_on_sqlite(tmp_path: Path) -> None:
    round_trip(tmp_path, f"sqlite:///{tmp_path}/source.sqlite3", f"sqlite:///{tmp_path}/target.sqlite3")


@pytest.mark.skipif(not postgres_reachable(), reason="PostgreSQL is not reachable on 127.0.0.1:5432")
def test_backup_and_restore_on_postgresql(tmp_path: Path) -> None:
    with throwaway_postgres("backup_src") as source, throwaway_postgres("backup_dst") as target:
        round_trip(tmp_path, source, target)


@pytest.fixture(scope="module")
def small_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    env = env_for(f"sqlite:///{folder}/db.sqlite3", folder / "data")
    laborlens(env, "manage", "migrate", "-v0")
    laborlens(env, "manage", "shell", "-c",
              "from laborlens.audit.events import record_event; from laborlens.audit.tags import EventTag; "
              "record_event(EventTag.DEMO_LOADED, actor_label='test')")
    archive = folder / "small.backup"
    laborlens(env, "backup", str(archive), "--quiet")
    return archive


@pytest.fixture(scope="module")
def migrated_empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("empty")
    laborlens(env_for(f"sqlite:///{folder}/empty.sqlite3", folder / "data"), "manage", "migrate", "-v0")
    return folder / "empty.sqlite3"


@pytest.fixture
def empty_target(tmp_path: Path, migrated_empty: Path) -> Callable[..., dict[str, str]]:
    def make(**extra: str) -> dict[str, str]:
        shutil.copy(migrated_empty, tmp_path / "empty.sqlite3")
        return env_for(f"sqlite:///{tmp_path}/empty.sqlite3", tmp_path / "data", **extra)
    return make


def assert_refused(env: dict[str, str], archive: Path, message: str) -> None:
    result = laborlens(env, "restore", str(archive), check=False)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    counts = laborlens(env, "manage", "shell", "-c",
                       "from laborlens.audit.models import AuditEvent; print(AuditEvent.objects.count())")
    assert counts.stdout.strip().splitlines()[-1] == "0"  # nothing restored, nothing recorded


def test_wrong_key_is_refused(empty_target: Callable[..., dict[str, str]], small_backup: Path) -> None:
    other_key = "b3RoZXIta2V5LW5vdC10aGUtb25lLXVzZWQtISEhISE="
    assert_refused(empty_target(LABORLENS_BACKUP_KEY=other_key), small_backup, "wrong backup key")


@pytest.mark.parametrize("where", [60, -40, -1])
def test_tampered_file_is_refused(tmp_path: Path, empty_target: Callable[..., dict[str, str]],
                                  small_backup: Path, where: int) -> None:
    data = bytearray(small_backup.read_bytes())
    data[where] ^= 0x01
    tampered = tmp_path / "tampered.backup"
    tampered.write_bytes(bytes(data))
    assert_refused(empty_target(), tampered, "altered or damaged")


def test_truncated_file_is_refused(tmp_path: Path, empty_target: Callable[..., dict[str, str]],
                                   small_backup: Path) -> None:
    truncated = tmp_path / "truncated.backup"
    truncated.write_bytes(small_backup.read_bytes()[:-30])
    assert_refused(empty_target(), truncated, "truncated")


def test_not_a_backup_is_refused(tmp_path: Path, empty_target: Callable[..., dict[str, str]]) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    assert_refused(empty_target(), other, "not a LaborLens backup")


def test_backup_needs_a_well_formed_key(tmp_path: Path) -> None:
    env = env_for(f"sqlite:///{tmp_path}/db.sqlite3", tmp_path / "data", LABORLENS_BACKUP_KEY="short")
    result = laborlens(env, "backup", str(tmp_path / "x.backup"), check=False)
    assert result.returncode == 2 and "LABORLENS_BACKUP_KEY" in result.stderr
    assert not (tmp_path / "x.backup").exists()


def test_keys_new_prints_a_backup_key(capsys: pytest.CaptureFixture[str]) -> None:
    import base64

    from laborlens.cli import main

    assert main(["keys", "new"]) == 0
    line = next(row for row in capsys.readouterr().out.splitlines() if row.startswith("LABORLENS_BACKUP_KEY="))
    assert len(base64.urlsafe_b64decode(line.split("=", 1)[1])) == 32

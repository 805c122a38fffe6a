"""Run the real ``laborlens`` command against a throwaway database of its own."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LABORLENS = [sys.executable, "-m", "laborlens.cli"]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def env_for(database_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("LABORLENS_", "DATABASE_URL", "DJANGO_SETTINGS"))}
    data_dir.mkdir(parents=True, exist_ok=True)
    env.update({
        "LABORLENS_DEMO": "1", "DATABASE_URL": database_url,
        "LABORLENS_HOME": str(data_dir), "LABORLENS_DATA_DIR": str(data_dir),
        "LABORLENS_LOG_LEVEL": "WARNING", **extra,
    })
    return env


def laborlens(env: dict[str, str], *args: str, check: bool = True,
              timeout: float = 120) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*LABORLENS, *args], env=env, capture_output=True, text=True,
                            timeout=timeout, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"laborlens {' '.join(args)} exited {result.returncode}:\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


def postgres_reachable() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001  (any failure means: skip)
        return False


@contextmanager
def throwaway_postgres(prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database; dropped afterwards."""
    import psycopg

    name = f"ll_{prefix}_{secrets.token_hex(4)}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

"""``laborlens generate-scale`` on a throwaway PostgreSQL database: rows arrive through COPY,
identifying fields are real ciphertext that decrypts, and the audit log seals and verifies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ops.helpers import env_for, laborlens, postgres_reachable, throwaway_postgres

CHECK = """
import json
from django.db import connection
from laborlens.cases.models import Case, Person
with connection.cursor() as cursor:
    cursor.execute("SELECT full_name, phones FROM cases_person ORDER BY id DESC LIMIT 5")
    raw = cursor.fetchall()
people = list(Person.objects.order_by("-pk")[:5])
print(json.dumps({"cases": Case.objects.count(), "raw": raw,
                  "names": [p.full_name for p in people], "phones": [p.phones for p in people]}))
"""


@pytest.mark.skipif(not postgres_reachable(), reason="PostgreSQL is not reachable on 127.0.0.1:5432")
def test_generate_scale_writes_verifiable_encrypted_data(tmp_path: Path) -> None:
    with throwaway_postgres("scale") as url:
        env = env_for(url, tmp_path / "data")
        laborlens(env, "manage", "migrate", "-v0")
        laborlens(env, "demo-load")
        result = laborlens(env, "generate-scale", "--cases", "120")
        assert "generated 120 cases" in result.stdout
        assert "120/120 cases" in result.stderr  # the progress bar
        state = json.loads(laborlens(env, "manage", "shell", "-c", CHECK).stdout.strip().splitlines()[-1])
        assert state["cases"] >= 120
        assert all(name.startswith("gAAAA") and phones.startswith("gAAAA") for name, phones in state["raw"])
        assert all(len(name.split()) == 3 for name in state["names"])
        assert all(phone.startswith("+1202555") for phones in state["phones"] for phone in phones)
        laborlens(env, "audit", "seal")
        verify = laborlens(env, "audit", "verify", "--full").stdout
        assert "audit log OK" in verify and "sealed through checkpoint" in verify
        # A second run continues the chain (and the ids) instead of forking them.
        laborlens(env, "generate-scale", "--cases", "30", "--quiet")
        laborlens(env, "audit", "seal")
        verify = laborlens(env, "audit", "verify", "--full").stdout
        assert "audit log OK" in verify and "sealed through checkpoint" in verify


def test_generate_scale_refuses_sqlite(tmp_path: Path) -> None:
    env = env_for(f"sqlite:///{tmp_path}/db.sqlite3", tmp_path / "data")
    result = laborlens(env, "generate-scale", "--cases", "10", check=False)
    assert result.returncode == 2 and "PostgreSQL" in result.stderr

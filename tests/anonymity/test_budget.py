from __future__ import annotations

import json
from pathlib import Path

import pytest

from laborlens.anonymity.budget import (
    BudgetError,
    BudgetExceededError,
    InMemoryLedgerStore,
    JsonFileLedgerStore,
    NoBudgetError,
    PrivacyLedger,
)


def test_refuses_release_over_epsilon_budget() -> None:
    ledger = PrivacyLedger(InMemoryLedgerStore())
    ledger.set_budget("ctdc", epsilon=1.0, delta=1e-6)
    ledger.spend("ctdc", 0.6, 0.0, who="ana", what="table A")
    with pytest.raises(BudgetExceededError, match="release refused.*epsilon=1.0"):
        ledger.spend("ctdc", 0.5, 0.0, who="ana", what="table B")
    assert [s.what for s in ledger.history("ctdc")] == ["table A"]  # refusal records nothing
    assert ledger.remaining("ctdc").epsilon == pytest.approx(0.4)


def test_refuses_release_over_delta_budget() -> None:
    ledger = PrivacyLedger(InMemoryLedgerStore())
    ledger.set_budget("ctdc", epsilon=10, delta=1e-6)
    with pytest.raises(BudgetExceededError):
        ledger.spend("ctdc", 0.1, 2e-6, who="ana", what="x")


def test_exact_budget_is_usable_despite_float_rounding() -> None:
    ledger = PrivacyLedger(InMemoryLedgerStore())
    ledger.set_budget("d", epsilon=0.3)
    ledger.spend("d", 0.1, 0, who="a", what="1")
    ledger.spend("d", 0.2, 0, who="a", what="2")  # 0.1 + 0.2 > 0.3 in binary floats
    with pytest.raises(BudgetExceededError):
        ledger.check("d", 1e-9, 0)


def test_spend_needs_a_declared_budget_and_a_who() -> None:
    ledger = PrivacyLedger(InMemoryLedgerStore())
    with pytest.raises(NoBudgetError, match="no privacy budget"):
        ledger.spend("d", 0.1, 0, who="a", what="x")
    ledger.set_budget("d", 1.0)
    with pytest.raises(BudgetError, match="who"):
        ledger.spend("d", 0.1, 0, who=" ", what="x")
    with pytest.raises(BudgetError):
        ledger.spend("d", -0.1, 0, who="a", what="x")


def test_budget_cannot_be_lowered_below_spent() -> None:
    ledger = PrivacyLedger(InMemoryLedgerStore())
    ledger.set_budget("d", 1.0)
    ledger.spend("d", 0.7, 0, who="a", what="x")
    with pytest.raises(BudgetError, match="already spent"):
        ledger.set_budget("d", 0.5)


def test_json_store_persists_who_when_what(tmp_path: Path) -> None:
    path = tmp_path / "ledger.json"
    PrivacyLedger(JsonFileLedgerStore(path)).set_budget("ctdc", 2.0, 1e-5)
    PrivacyLedger(JsonFileLedgerStore(path)).spend("ctdc", 1.5, 1e-6, who="ana", what="dp table")
    reopened = PrivacyLedger(JsonFileLedgerStore(path))
    (spend,) = reopened.history("ctdc")
    assert (spend.who, spend.what, spend.epsilon, spend.delta) == ("ana", "dp table", 1.5, 1e-6)
    assert spend.when.endswith("+00:00")
    with pytest.raises(BudgetExceededError):
        reopened.spend("ctdc", 1.0, 0, who="bo", what="too much")
    assert len(json.loads(path.read_text())["datasets"]["ctdc"]["spends"]) == 1


def test_json_store_rejects_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "ledger.json"
    path.write_text("{not json")
    with pytest.raises(BudgetError, match="not valid JSON"):
        PrivacyLedger(JsonFileLedgerStore(path)).remaining("x")

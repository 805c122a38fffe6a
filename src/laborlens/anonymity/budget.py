"""Privacy-budget ledger: every DP release of a dataset is charged against its total budget.

Basic (sequential) composition: the epsilons and deltas of all releases of a dataset add
up, and a release that would take either sum over the dataset's total is refused before
any noise is drawn. Storage is pluggable (``LedgerStore``): ``InMemoryLedgerStore`` for
tests, ``JsonFileLedgerStore`` for the CLI; a Django-model store can implement the same
protocol (its ``transaction`` would be ``atomic()`` plus ``select_for_update``).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol


class BudgetError(ValueError):
    """Base class for ledger refusals."""


class BudgetExceededError(BudgetError):
    """The release would take the dataset over its total privacy budget."""


class NoBudgetError(BudgetError):
    """No total budget has been declared for the dataset."""


@dataclass(frozen=True)
class Budget:
    epsilon: float
    delta: float


@dataclass(frozen=True)
class Spend:
    dataset: str
    epsilon: float
    delta: float
    who: str
    what: str
    when: str  # ISO 8601, UTC


class LedgerStore(Protocol):
    """Persistence for the ledger. All reads and writes happen inside ``transaction``."""

    def transaction(self) -> contextlib.AbstractContextManager[None]: ...
    def get_budget(self, dataset: str) -> Budget | None: ...
    def set_budget(self, dataset: str, budget: Budget) -> None: ...
    def spends(self, dataset: str) -> list[Spend]: ...
    def add_spend(self, spend: Spend) -> None: ...


def _dec(value: float) -> Decimal:
    # Sum via the shortest decimal repr so 0.1 + 0.2 does not exceed a 0.3 budget.
    return Decimal(repr(float(value)))


def _check_amount(name: str, value: float) -> None:
    if not value >= 0 or value == float("inf"):
        raise BudgetError(f"{name} must be a finite number >= 0, got {value!r}")


class PrivacyLedger:
    def __init__(self, store: LedgerStore) -> None:
        self._store = store

    def set_budget(self, dataset: str, epsilon: float, delta: float = 0.0) -> Budget:
        """Declare (or change) the dataset's total budget; it may not go below what is spent."""
        _check_amount("epsilon", epsilon)
        _check_amount("delta", delta)
        with self._store.transaction():
            spent = self._spent(dataset)
            if _dec(epsilon) < spent[0] or _dec(delta) < spent[1]:
                raise BudgetError(
                    f"dataset {dataset!r} has already spent epsilon={spent[0]}, delta={spent[1]}; "
                    "the total budget cannot be set below that"
                )
            budget = Budget(float(epsilon), float(delta))
            self._store.set_budget(dataset, budget)
            return budget

    def spend(self, dataset: str, epsilon: float, delta: float, *, who: str, what: str) -> Spend:
        """Record a release's cost, or refuse it (BudgetExceededError) if over budget."""
        _check_amount("epsilon", epsilon)
        _check_amount("delta", delta)
        if not who.strip():
            raise BudgetError("every spend needs a 'who'")
        with self._store.transaction():
            self._refuse_if_over(dataset, epsilon, delta)
            spend = Spend(dataset, float(epsilon), float(delta), who, what,
                          datetime.now(UTC).isoformat(timespec="seconds"))
            self._store.add_spend(spend)
            return spend

    def check(self, dataset: str, epsilon: float, delta: float) -> None:
        """Dry run of ``spend``: raises the same error, records nothing."""
        with self._store.transaction():
            self._refuse_if_over(dataset, epsilon, delta)

    def remaining(self, dataset: str) -> Budget:
        with self._store.transaction():
            total = self._budget(dataset)
            eps, delta = self._spent(dataset)
            return Budget(float(_dec(total.epsilon) - eps), float(_dec(total.delta) - delta))

    def history(self, dataset: str) -> list[Spend]:
        with self._store.transaction():
            return self._store.spends(dataset)

    def _budget(self, dataset: str) -> Budget:
        budget = self._store.get_budget(dataset)
        if budget is None:
            raise NoBudgetError(
                f"no privacy budget declared for dataset {dataset!r}; declare one first "
                "(laborlens release budget set --dataset NAME --epsilon E --delta D)"
            )
        return budget

    def _spent(self, dataset: str) -> tuple[Decimal, Decimal]:
        spends = self._store.spends(dataset)
        return sum((_dec(s.epsilon) for s in spends), Decimal(0)), sum((_dec(s.delta) for s in spends), Decimal(0))

    def _refuse_if_over(self, dataset: str, epsilon: float, delta: float) -> None:
        total = self._budget(dataset)
        spent_eps, spent_delta = self._spent(dataset)
        after_eps, after_delta = spent_eps + _dec(epsilon), spent_delta + _dec(delta)
        if after_eps > _dec(total.epsilon) or after_delta > _dec(total.delta):
            raise BudgetExceededError(
                f"release refused: dataset {dataset!r} would exceed its privacy budget. "
                f"Total epsilon={total.epsilon}, delta={total.delta}; already spent "
                f"epsilon={spent_eps}, delta={spent_delta}; this release needs "
                f"epsilon={epsilon}, delta={delta}."
            )


# --- stores -----------------------------------------------------------------------------


class InMemoryLedgerStore:
    def __init__(self) -> None:
        self._budgets: dict[str, Budget] = {}
        self._spends: list[Spend] = []

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    def get_budget(self, dataset: str) -> Budget | None:
        return self._budgets.get(dataset)

    def set_budget(self, dataset: str, budget: Budget) -> None:
        self._budgets[dataset] = budget

    def spends(self, dataset: str) -> list[Spend]:
        return [s for s in self._spends if s.dataset == dataset]

    def add_spend(self, spend: Spend) -> None:
        self._spends.append(spend)


class JsonFileLedgerStore:
    """One JSON file; an flock on a sidecar file serialises concurrent CLI runs."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._state: dict[str, Any] | None = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                self._state = self._read()
                before = json.dumps(self._state, sort_keys=True)
                yield
                if json.dumps(self._state, sort_keys=True) != before:
                    self._write(self._state)
            finally:
                self._state = None
                fcntl.flock(lock, fcntl.LOCK_UN)

    def get_budget(self, dataset: str) -> Budget | None:
        entry = self._loaded()["datasets"].get(dataset)
        return Budget(**entry["budget"]) if entry and entry.get("budget") else None

    def set_budget(self, dataset: str, budget: Budget) -> None:
        self._entry(dataset)["budget"] = asdict(budget)

    def spends(self, dataset: str) -> list[Spend]:
        entry = self._loaded()["datasets"].get(dataset, {})
        return [Spend(**s) for s in entry.get("spends", [])]

    def add_spend(self, spend: Spend) -> None:
        self._entry(spend.dataset).setdefault("spends", []).append(asdict(spend))

    def _loaded(self) -> dict[str, Any]:
        if self._state is None:
            raise RuntimeError("JsonFileLedgerStore used outside transaction()")
        return self._state

    def _entry(self, dataset: str) -> dict[str, Any]:
        datasets: dict[str, Any] = self._loaded()["datasets"]
        return datasets.setdefault(dataset, {"budget": None, "spends": []})

    def _read(self) -> dict[str, Any]:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return {"version": 1, "datasets": {}}
        try:
            state: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise BudgetError(f"ledger file {self.path} is not valid JSON: {exc}") from exc
        if not isinstance(state.get("datasets"), dict):
            raise BudgetError(f"ledger file {self.path} has no 'datasets' object")
        return state

    def _write(self, state: dict[str, Any]) -> None:
        # Write-then-rename so a crash never leaves a half-written ledger.
        directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=self.path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

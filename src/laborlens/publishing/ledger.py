"""The privacy-budget ledger kept in the database: ``anonymity.budget.LedgerStore`` over
``PrivacyBudget`` / ``PrivacySpend``.

``transaction()`` is ``atomic()``; the budget row is read with ``select_for_update`` so two
releases of the same dataset at once queue on PostgreSQL instead of both passing the check
(SQLite serialises writers on its own). The whole check-and-spend happens under that lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import transaction

from laborlens.accounts.models import Agency
from laborlens.anonymity.budget import Budget, PrivacyLedger, Spend
from laborlens.publishing.models import PrivacyBudget, PrivacySpend


class DjangoLedgerStore:
    def __init__(self, agency: Agency, who: str = "") -> None:
        self.agency = agency
        self.who = who
        self._locked: dict[str, PrivacyBudget | None] = {}

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with transaction.atomic():
            try:
                yield
            finally:
                self._locked = {}

    def _row(self, dataset: str) -> PrivacyBudget | None:
        if dataset not in self._locked:
            self._locked[dataset] = (PrivacyBudget.objects.select_for_update()
                                     .filter(dataset=dataset, agency=self.agency).first())
        return self._locked[dataset]

    def get_budget(self, dataset: str) -> Budget | None:
        row = self._row(dataset)
        return Budget(row.epsilon, row.delta) if row else None

    def set_budget(self, dataset: str, budget: Budget) -> None:
        row = self._row(dataset) or PrivacyBudget(agency=self.agency, dataset=dataset)
        row.epsilon, row.delta, row.set_by = budget.epsilon, budget.delta, self.who or "system"
        row.save()
        self._locked[dataset] = row

    def spends(self, dataset: str) -> list[Spend]:
        row = self._row(dataset)
        if row is None:
            return []
        return [Spend(dataset, s.epsilon, s.delta, s.who, s.what, s.when) for s in row.spends.order_by("pk")]

    def add_spend(self, spend: Spend) -> None:
        row = self._row(spend.dataset)
        if row is None:  # the ledger refuses before this; never charge a missing budget
            raise RuntimeError(f"no budget row for {spend.dataset!r}")
        PrivacySpend(budget=row, epsilon=spend.epsilon, delta=spend.delta, who=spend.who[:150],
                     what=spend.what[:300], when=spend.when).save()


def ledger_for(agency: Agency, who: str = "") -> PrivacyLedger:
    return PrivacyLedger(DjangoLedgerStore(agency, who))

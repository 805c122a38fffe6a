from __future__ import annotations

import json
import math

import pyarrow as pa
import pytest

from laborlens.anonymity import synth
from laborlens.anonymity.budget import BudgetExceededError, InMemoryLedgerStore, PrivacyLedger

COLUMNS = ("gender", "ExploitType", "ageCategories", "isForcedLabour")


@pytest.fixture(scope="module")
def small(ctdc_table: pa.Table) -> pa.Table:
    return ctdc_table.select(list(COLUMNS)).slice(0, 3000)


def test_synthesis_produces_records_and_utility(small: pa.Table) -> None:
    ledger = PrivacyLedger(InMemoryLedgerStore())
    ledger.set_budget("ctdc", epsilon=10, delta=1e-4)
    spec = synth.SynthSpec(COLUMNS, epsilon=4.0, delta=1e-6, reporting_length=2)
    release = synth.synthesise(small, spec, ledger=ledger, dataset="ctdc", who="ana")
    assert release.table.column_names == list(COLUMNS)
    assert release.table.num_rows > 0
    # "0" is a real isForcedLabour value: it must survive synthesis
    assert "0" in set(release.table.column("isForcedLabour").to_pylist())
    one_way = release.utility.one_way
    assert one_way.mean_absolute_error < 0.2 * small.num_rows
    assert release.utility.two_way is not None
    assert ledger.history("ctdc")[0].epsilon == 4.0
    json.dumps(release.record())


def test_group_privacy_charge() -> None:
    spec = synth.SynthSpec(COLUMNS, epsilon=0.5, delta=1e-7, max_contributions=5)
    eps, delta = synth.person_level_cost(spec)
    assert eps == pytest.approx(2.5)
    assert delta == pytest.approx(5 * math.exp(2.0) * 1e-7)


def test_over_budget_synthesis_is_refused(small: pa.Table) -> None:
    ledger = PrivacyLedger(InMemoryLedgerStore())
    ledger.set_budget("ctdc", epsilon=1.0, delta=1e-4)
    spec = synth.SynthSpec(COLUMNS, epsilon=0.5, max_contributions=5)  # charges 2.5
    with pytest.raises(BudgetExceededError):
        synth.synthesise(small, spec, ledger=ledger, dataset="ctdc", who="ana")


def test_invalid_spec(small: pa.Table) -> None:
    with pytest.raises(synth.SynthError, match="delta"):
        synth.SynthSpec(COLUMNS, 1.0, delta=0.0).validate(small)
    with pytest.raises(synth.SynthError, match="not in the data"):
        synth.SynthSpec(("nope",), 1.0).validate(small)

"""Appends from many connections at once, sealers racing, a transaction that commits late:
on PostgreSQL, where appends really run in parallel."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from laborlens.audit.events import record_event
from laborlens.audit.models import AuditCheckpoint, AuditEvent
from laborlens.audit.seal import seal, seal_all
from laborlens.audit.tags import EventTag
from laborlens.audit.verify import prove, verify_log

pytestmark = [pytest.mark.django_db(transaction=True)]


def needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("parallel appends need PostgreSQL (SQLite has one writer)")


def in_threads(count: int, work: Callable[[int], None]) -> None:
    errors: list[BaseException] = []

    def run(number: int) -> None:
        try:
            work(number)
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


def append(writer: int, count: int = 40) -> None:
    for number in range(count):
        if number % 2:
            with transaction.atomic():  # inside a caller's transaction, as services do
                record_event(EventTag.LOGIN_FAILURE, actor_label=f"w{writer}", detail={"n": number})
        else:
            record_event(EventTag.LOGIN_FAILURE, actor_label=f"w{writer}", detail={"n": number})


def leaf_numbers() -> list[int]:
    from laborlens.audit.verify import _leaf_order

    return [n for checkpoint in AuditCheckpoint.objects.order_by("number") for n in _leaf_order(checkpoint)]


def test_parallel_appends_lose_nothing_and_verify():
    needs_postgres()
    in_threads(8, append)
    assert AuditEvent.objects.count() == 8 * 40
    assert AuditEvent.objects.values("seq").distinct().count() == 8 * 40
    for writer in range(8):
        assert AuditEvent.objects.filter(actor_label=f"w{writer}").count() == 40
    seal_all()
    result = verify_log()
    assert result.ok and result.checked == 320
    assert AuditCheckpoint.objects.order_by("-number").first().tree_size == 320


def test_two_sealers_racing_appenders_build_one_consistent_log():
    needs_postgres()
    stop = threading.Event()

    def sealer() -> None:
        while not stop.is_set():
            seal_all()
        seal_all()

    sealers = [threading.Thread(target=lambda: (sealer(), connections.close_all())) for _ in range(2)]
    for thread in sealers:
        thread.start()
    in_threads(6, append)
    stop.set()
    for thread in sealers:
        thread.join(timeout=120)
    seal_all()
    numbers = leaf_numbers()
    assert sorted(numbers) == sorted(AuditEvent.objects.values_list("seq", flat=True))
    assert len(numbers) == len(set(numbers)) == 240  # every event sealed exactly once
    checkpoints = list(AuditCheckpoint.objects.order_by("number").values_list("number", "tree_size"))
    assert [n for n, _ in checkpoints] == list(range(1, len(checkpoints) + 1))
    assert [size for _, size in checkpoints] == sorted(size for _, size in checkpoints)
    assert verify_log().ok


def test_a_transaction_that_commits_after_the_sealer_passed_its_number_is_sealed_late():
    needs_postgres()
    holding, release = threading.Event(), threading.Event()
    held: list[int] = []

    def slow_writer(_: int) -> None:
        with transaction.atomic():
            held.append(record_event(EventTag.LOGIN_FAILURE, actor_label="slow").seq)
            holding.set()
            release.wait(60)

    thread = threading.Thread(target=in_threads, args=(1, slow_writer))
    thread.start()
    holding.wait(60)
    after = [record_event(EventTag.LOGIN_FAILURE, actor_label="quick").seq for _ in range(3)]
    first = seal(None).checkpoint
    assert first is not None and first.last_seq == after[-1]
    assert any(low <= held[0] <= high for low, high in first.gaps)
    release.set()
    thread.join(60)
    second = seal(None).checkpoint
    assert second is not None and second.late == held and second.tree_size == 4
    assert verify_log().ok and prove(held[0]).verified

"""Per-agency retention of closed cases: ``laborlens retention purge [--dry-run]``.

A closed case past its lead agency's retention period goes, with its people, evidence and
encrypted attachments; a tombstone (no identifying data) and an audit event stay. Open
cases, recently closed cases and cases of agencies with a longer period stay.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from laborlens.audit.models import AuditEvent
from laborlens.audit.verify import verify_log
from laborlens.cases.models import Case, EvidenceFile, Person, Stage
from laborlens.cli import main
from laborlens.ops.models import CaseTombstone, RetentionPolicy
from laborlens.ops.retention import purge_closed_cases
from tests.cases.conftest import SUSPECT_NAME, VICTIM_NAME, VICTIM_PHONE, build_case_world


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.CASE_RETENTION_DAYS = 365 * 7
    return settings.MEDIA_ROOT


def close(case: Case, days_ago: int) -> Case:
    case.stage = Stage.CLOSED
    case.closed_on = timezone.localdate() - timedelta(days=days_ago)
    case.save()
    return case


@pytest.fixture
def cw(world):  # noqa: ANN001, ANN201
    return build_case_world(world)


def test_closed_case_past_retention_is_purged_with_a_tombstone(cw, media_root: Path) -> None:
    case = close(cw.case, 365 * 7 + 1)
    number, pk = case.number, case.pk
    stored = media_root / "cases" / cw.attachment.stored_name
    assert stored.exists()
    people = Person.objects.filter(case=case).count()

    report = purge_closed_cases(by_label="records-officer")

    assert report.purged == 1
    assert not Case.objects.filter(pk=pk).exists()
    assert not Person.objects.filter(case_id=pk).exists()
    assert not EvidenceFile.objects.filter(pk=cw.attachment.pk).exists()
    assert not stored.exists()  # the encrypted attachment is gone from disk too
    tombstone = CaseTombstone.objects.get(case_pk=pk)
    assert tombstone.case_number == number
    assert tombstone.purged_by == "records-officer"
    assert tombstone.retention_days == 365 * 7
    assert tombstone.removed["people"] == people and tombstone.removed["files"] == 1
    event = AuditEvent.objects.get(tag="ops:retention:purge_case")
    assert event.object_id == str(tombstone.pk)
    assert event.detail["case"] == number
    # No identifying data in the tombstone or its event.
    text = json.dumps([list(CaseTombstone.objects.values()), event.detail], default=str)
    for secret in (VICTIM_NAME, SUSPECT_NAME, VICTIM_PHONE, cw.victim.pseudonym):
        assert secret not in text
    assert AuditEvent.objects.filter(tag="ops:retention:run").count() == 1
    assert verify_log().ok


def test_open_recent_and_longer_policy_cases_stay(cw, world) -> None:
    recent = close(cw.case, 30)
    assert purge_closed_cases().purged == 0
    close(recent, 400)
    RetentionPolicy.objects.create(agency=world.agency_a, closed_case_days=500)
    assert purge_closed_cases().purged == 0
    policy = RetentionPolicy.objects.get(agency=world.agency_a)
    policy.closed_case_days = 365
    policy.save()
    assert purge_closed_cases().purged == 1  # the agency's own shorter period applies


def test_open_case_is_never_purged_even_if_old(cw) -> None:
    cw.case.closed_on = timezone.localdate() - timedelta(days=365 * 20)  # a date but still open
    cw.case.save()
    assert purge_closed_cases().purged == 0
    assert Case.objects.filter(pk=cw.case.pk).exists()


def test_dry_run_changes_nothing(cw, capsys: pytest.CaptureFixture[str]) -> None:
    close(cw.case, 365 * 8)
    before = AuditEvent.objects.count()
    assert main(["retention", "purge", "--dry-run"]) == 0
    output = capsys.readouterr().out
    assert cw.case.number in output and "would purge: 1" in output
    assert Case.objects.filter(pk=cw.case.pk).exists()
    assert not CaseTombstone.objects.exists()
    assert AuditEvent.objects.count() == before


def test_cli_purges_and_reports(cw, capsys: pytest.CaptureFixture[str]) -> None:
    close(cw.case, 365 * 8)
    assert main(["retention", "purge", "--by", "nightly"]) == 0
    assert "purged: 1" in capsys.readouterr().out
    assert CaseTombstone.objects.get().purged_by == "nightly"

"""The release workflow through the services: the happy path on the CTDC subset with
k-anonymity verified on the released file, reproducibility from the seed, the second
person rule, the budget ledger and the records that must never be counted."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied

from laborlens.anonymity import kanon
from laborlens.audit.models import AuditEvent
from laborlens.publishing import datasets, engine, services
from laborlens.publishing.models import PrivacySpend, Release, Status
from tests.publishing.conftest import make_case, make_victim, serve

QIS = ["yearOfRegistration", "gender", "ageCategories", "citizenship"]


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def tags_for(release: Release) -> list[str]:
    return list(AuditEvent.objects.filter(object_type__contains="release", object_id=str(release.pk))
                .order_by("seq").values_list("tag", flat=True))


def ctdc_kanon(pw, k: int = 11) -> Release:
    return services.request_release(by=pw.analyst_a, title="CTDC labour microdata", dataset="ctdc",
                                    method="kanon", parameters={"quasi_identifiers": QIS, "k": k,
                                                                "columns": [*QIS, "Labor_Type", "ExploitType"]})


def released(pw, release: Release) -> Release:
    services.preview_release(release, by=pw.analyst_a)
    services.approve_release(release, by=pw.w.supervisor, note="ok")
    return services.publish_release(release, by=pw.analyst_a)


def test_happy_path_ctdc_kanon_is_k_anonymous(pw):
    release = ctdc_kanon(pw)
    assert release.status == Status.DRAFT and release.seed > 0
    services.preview_release(release, by=pw.analyst_a)
    assert release.status == Status.PREVIEWED
    preview = release.preview
    assert preview["kanon"]["k"] == 11 and 0 <= preview["suppression_rate"] <= 0.05
    assert {"mean_absolute_error", "max_absolute_error", "mean_relative_error"} <= set(preview["utility"])
    assert release.selection["included"] == 14299
    services.approve_release(release, by=pw.w.supervisor)
    assert release.status == Status.APPROVED and release.approved_by == pw.w.supervisor
    services.publish_release(release, by=pw.analyst_a)
    assert release.status == Status.RELEASED
    data = services.download(release, by=pw.w.supervisor)
    rows = rows_of(data)
    assert len(rows) == release.output_rows == preview["rows_out"]
    assert list(rows[0]) == [*QIS, "Labor_Type", "ExploitType"]
    check = kanon.verify_k_anonymity(rows, QIS, 11)
    assert check.ok and check.records == len(rows)
    assert engine.digest(data) == release.output_sha256
    # Stored encrypted: the column holds Fernet ciphertext, not the CSV.
    from django.db import connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT output FROM publishing_release WHERE id = %s", [release.pk])
        raw = cursor.fetchone()[0]
    assert "yearOfRegistration" not in raw
    assert tags_for(release) == ["publishing:release:request", "publishing:release:preview",
                                 "publishing:release:approve", "publishing:release:publish",
                                 "publishing:release:download"]


def test_reproducible_from_recorded_seed(pw):
    release = released(pw, ctdc_kanon(pw))
    same, digest = services.reproduce(release, by=pw.w.supervisor)
    assert same and digest == release.output_sha256
    # The same engine run with the recorded seed gives the same bytes; another seed only
    # reorders the rows (the records and their generalisation do not depend on it).
    selection = datasets.select(release.agency, "ctdc")
    info, params = datasets.info_for("ctdc"), services._params(release)
    again = engine.to_csv(engine.produce(selection.table, params, info, release.seed, ledger=None,
                                         dataset_key="x", who="t", what="t").table)
    assert again == release.output.encode("utf-8")
    other = engine.to_csv(engine.produce(selection.table, params, info, release.seed + 1, ledger=None,
                                         dataset_key="x", who="t", what="t").table)
    assert other != again and sorted(other.splitlines()) == sorted(again.splitlines())
    assert "publishing:release:reproduce" in tags_for(release)


def test_dp_preview_is_reproducible_from_seed(pw):
    services.set_budget(by=pw.w.supervisor, dataset="ctdc", epsilon=2.0, delta=0.0)
    params = {"by": ["gender", "ageCategories"], "epsilon": 0.5}
    first = services.request_release(by=pw.analyst_a, title="t", dataset="ctdc", method="dp_table", parameters=params)
    services.preview_release(first, by=pw.analyst_a)
    again = services.preview_release(Release.objects.get(pk=first.pk), by=pw.analyst_a)
    assert again.preview["utility"] == first.preview["utility"]
    assert first.preview["pure_dp"] is True


def test_requester_cannot_approve_their_own_release(pw):
    release = ctdc_kanon(pw)
    services.preview_release(release, by=pw.analyst_a)
    with pytest.raises(PermissionDenied):  # an analyst may not approve at all
        services.approve_release(release, by=pw.analyst_a)
    # Even after a promotion to supervisor, the requester cannot approve their own request.
    pw.analyst_a.role = "supervisor"
    pw.analyst_a.save()
    with pytest.raises(services.WorkflowError, match="someone other"):
        services.approve_release(release, by=pw.analyst_a)
    with pytest.raises(PermissionDenied):  # a supervisor of another agency
        services.approve_release(release, by=pw.supervisor_b)
    release.refresh_from_db()
    assert release.status == Status.PREVIEWED and release.approved_by is None


def test_workflow_order_is_enforced(pw):
    release = ctdc_kanon(pw)
    with pytest.raises(services.WorkflowError):
        services.approve_release(release, by=pw.w.supervisor)  # not previewed
    with pytest.raises(services.WorkflowError):
        services.publish_release(release, by=pw.analyst_a)  # not approved
    services.preview_release(release, by=pw.analyst_a)
    services.reject_release(release, by=pw.w.supervisor, note="too coarse")
    with pytest.raises(services.WorkflowError):
        services.publish_release(release, by=pw.analyst_a)
    assert "publishing:release:reject" in tags_for(release)


def test_over_budget_release_is_refused(pw):
    services.set_budget(by=pw.w.supervisor, dataset="ctdc", epsilon=1.0, delta=0.0)
    params = {"by": ["gender", "ageCategories"], "epsilon": 0.8}
    first = released(pw, services.request_release(by=pw.analyst_a, title="one", dataset="ctdc",
                                                  method="dp_table", parameters=params))
    assert first.charged_epsilon == 0.8 and first.output_rows == 4 * 9
    second = services.request_release(by=pw.analyst_a, title="two", dataset="ctdc", method="dp_table",
                                      parameters={**params, "epsilon": 0.5})
    services.preview_release(second, by=pw.analyst_a)
    assert second.preview["budget"]["ok"] is False  # the approver sees it before deciding
    services.approve_release(second, by=pw.w.supervisor)
    with pytest.raises(services.WorkflowError, match="exceed its privacy budget"):
        services.publish_release(second, by=pw.analyst_a)
    second.refresh_from_db()
    assert second.status == Status.APPROVED and not second.output
    assert PrivacySpend.objects.count() == 1
    assert tags_for(second)[-1] == "publishing:release:refuse"


def test_no_budget_declared_refuses_dp(pw):
    release = services.request_release(by=pw.analyst_a, title="t", dataset="ctdc", method="dp_table",
                                       parameters={"by": ["gender"], "epsilon": 0.5})
    services.preview_release(release, by=pw.analyst_a)
    services.approve_release(release, by=pw.w.supervisor)
    with pytest.raises(services.WorkflowError, match="no privacy budget"):
        services.publish_release(release, by=pw.analyst_a)


def test_only_records_allowed_for_statistics_are_counted(pw):
    """Victim-service data: the agency's policy and a current consent naming statistics."""
    w = pw.w
    w.vsp.allow_statistical_use = True
    w.vsp.save()
    counted = make_case(w.agency_a, w.investigator, industry="agriculture")
    left_out = make_case(w.agency_a, w.investigator, industry="construction")
    for _ in range(12):
        serve(make_victim(counted, w.investigator), w.vsp, w.advocate, "valid")
    for kind in ("revoked", "revoked", "expired", "other", None, None, None):
        serve(make_victim(left_out, w.investigator), w.vsp, w.advocate, kind)
    release = services.request_release(
        by=pw.analyst_vsp, title="Served", dataset="victims", method="kanon",
        parameters={"quasi_identifiers": ["year", "age_group"], "k": 5})
    services.preview_release(release, by=pw.analyst_vsp)
    assert release.selection["included"] == 12
    assert release.selection["excluded"] == {"consent_expired": 1, "consent_revoked": 2, "no_consent": 4}
    services.approve_release(release, by=pw.supervisor_vsp)
    services.publish_release(release, by=pw.analyst_vsp)
    rows = rows_of(services.download(release, by=pw.analyst_vsp))
    assert len(rows) == 12 and {row["industry"] for row in rows} == {"agriculture"}
    # The policy off: nobody is counted, and the reason says why.
    w.vsp.allow_statistical_use = False
    w.vsp.save()
    selection = datasets.select(w.vsp, "victims")
    assert selection.included == 0 and selection.excluded == {"agency_policy": 19}
    # A revocation after the preview takes effect at the next step.
    from laborlens.victims.models import Consent
    w.vsp.allow_statistical_use = True
    w.vsp.save()
    consent = Consent.objects.order_by("pk").first()  # one of the twelve valid ones
    consent.revoked_at = consent.recorded_at
    consent.save()
    assert datasets.select(w.vsp, "victims").included == 11


def test_case_records_follow_agency_policy(pw):
    w = pw.w
    case = make_case(w.agency_a, w.investigator)
    for _ in range(3):
        make_victim(case, w.investigator)
    assert datasets.select(w.agency_a, "cases").included == 3
    w.agency_a.allow_statistical_use = False
    w.agency_a.save()
    selection = datasets.select(w.agency_a, "cases")
    assert selection.included == 0 and selection.excluded == {"agency_policy": 3}
    release = services.request_release(by=pw.analyst_a, title="Cases", dataset="cases", method="kanon",
                                       parameters={"k": 2})
    with pytest.raises(services.WorkflowError, match="No record can be counted"):
        services.preview_release(release, by=pw.analyst_a)
    assert tags_for(release)[-1] == "publishing:release:refuse"
    assert release.status == Status.DRAFT


def test_bad_parameters_are_refused(pw):
    for method, params in (("kanon", {"quasi_identifiers": ["nope"]}), ("kanon", {"k": 1}),
                           ("dp_table", {"by": ["gender"]}), ("dp_table", {"by": ["gender"], "epsilon": 50}),
                           ("dp_table", {"by": ["gender"], "epsilon": 1, "evil": 1})):
        with pytest.raises(services.WorkflowError):
            services.request_release(by=pw.analyst_a, title="t", dataset="ctdc", method=method, parameters=params)
    with pytest.raises(PermissionDenied):
        services.request_release(by=pw.w.supervisor, title="t", dataset="ctdc", method="kanon", parameters={})


def test_dp_synthetic_microdata_through_the_workflow(pw):
    services.set_budget(by=pw.w.supervisor, dataset="ctdc", epsilon=10.0, delta=1e-3)
    release = services.request_release(
        by=pw.analyst_a, title="Synthetic", dataset="ctdc", method="dp_synth",
        parameters={"columns": ["gender", "ageCategories", "citizenshipRegion"], "epsilon": 1.0, "delta": 1e-6,
                    "reporting_length": 2})
    services.preview_release(release, by=pw.analyst_a)
    assert release.preview["reproducible"] is False and release.preview["rows_out"] > 0
    assert release.preview["budget"]["ok"] is True  # 5 x epsilon, and delta by group privacy
    released(pw, Release.objects.get(pk=release.pk))
    release.refresh_from_db()
    rows = rows_of(services.download(release, by=pw.analyst_a))
    assert rows and list(rows[0]) == ["gender", "ageCategories", "citizenshipRegion"]
    # Group privacy over the CTDC's 5 rows per person: 5 x epsilon charged.
    assert release.charged_epsilon == pytest.approx(5.0)
    same, _ = services.reproduce(release, by=pw.analyst_a)  # stored output checked against its digest
    assert same

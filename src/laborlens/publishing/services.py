"""The release workflow: request -> preview -> approve (a second person, a supervisor of the
same agency) -> publish; or reject. Every step is saved with its audit event in one
transaction; audit details carry counts, codes and parameters, never a record.

The output is produced at publication from the records allowed for statistical use at
that moment (policy and consent read again), charged to the ledger first (DP methods),
checked (k-anonymity is verified independently) and stored encrypted.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from laborlens.anonymity.budget import Budget, BudgetError
from laborlens.anonymity.dp import DpError
from laborlens.anonymity.kanon import AnonymisationError
from laborlens.anonymity.synth import SynthError
from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.publishing import datasets, engine, signals
from laborlens.publishing.errors import WorkflowError
from laborlens.publishing.ledger import ledger_for
from laborlens.publishing.models import Dataset, Method, PrivacyBudget, Release, Status

if TYPE_CHECKING:
    from laborlens.accounts.models import Agency, User

SEED_BITS = 62


ENGINE_ERRORS = (engine.ReleaseParameterError, AnonymisationError, DpError, SynthError, BudgetError)


# --- reads: one function per read; the page, the API and the CLI call it (issue 18.4) ----


def read_release(user: User, release: Release, request: HttpRequest | None = None, *, via: str = "web") -> None:
    record_read(EventTag.RELEASE_VIEWED, request, release, by=user, via=via)


def list_releases(user: User, request: HttpRequest | None = None, *, page: int, via: str = "web") -> None:
    record_read(EventTag.RELEASE_LISTED, request, by=user, via=via, page=page)


def _require(user: User, permission: str) -> None:
    if not user.can(permission):
        raise PermissionDenied(f"Your role does not allow {permission}")


def _same_agency(user: User, release: Release) -> None:
    if user.agency_id != release.agency_id:
        raise PermissionDenied("This release belongs to another agency.")


def _params(release: Release) -> engine.Params:
    return engine.parse_params(release.method, release.parameters, datasets.info_for(release.dataset))


def request_release(*, by: User, title: str, dataset: str, method: str, parameters: dict[str, Any],
                    purpose: str = "", request: HttpRequest | None = None) -> Release:
    _require(by, "release.prepare")
    if not title.strip():
        raise WorkflowError(_("Give the release a title."))
    if dataset not in Dataset.values:
        raise WorkflowError(_("Choose a dataset."))
    if method not in Method.values:
        raise WorkflowError(_("Choose a method."))
    info = datasets.info_for(dataset)
    if method == Method.KANON and not parameters.get("quasi_identifiers"):
        parameters = {**parameters, "quasi_identifiers": list(info.default_quasi_identifiers)}
    try:
        params = engine.parse_params(method, parameters, info)
    except engine.ReleaseParameterError as exc:
        raise WorkflowError(str(exc)) from exc
    with transaction.atomic():
        release = Release(agency=by.agency, title=title.strip()[:200], purpose=purpose.strip()[:500],
                          dataset=dataset, method=method, parameters=params.to_dict(),
                          seed=secrets.randbits(SEED_BITS), requested_by=by,
                          ledger_dataset=datasets.ledger_key(by.agency, dataset))  # type: ignore[arg-type]
        release.save()
        record_event(EventTag.RELEASE_REQUESTED, request=request, actor=by, obj=release,
                     detail={"dataset": dataset, "method": method, **_audit_params(params)})
    return release


def _audit_params(params: engine.Params) -> dict[str, Any]:
    data = params.to_dict()
    return {key: data[key] for key in ("k", "epsilon", "delta", "suppress_below") if data.get(key) is not None} | {
        key: list(data[key]) for key in ("quasi_identifiers", "by") if data.get(key)}


def preview_release(release: Release, *, by: User, request: HttpRequest | None = None) -> Release:
    """Utility against the truth and who is counted; spends no budget, publishes nothing."""
    _require(by, "release.prepare")
    _same_agency(by, release)
    if release.status not in {Status.DRAFT, Status.PREVIEWED}:
        raise WorkflowError(_("Only a draft can be previewed."))
    params = _params(release)
    info = datasets.info_for(release.dataset)
    selection = datasets.select(release.agency, release.dataset)
    if not selection.included:
        record_event(EventTag.RELEASE_REFUSED, request=request, actor=by, obj=release, outcome="failure",
                     detail={"step": "preview", "reason": "nothing_allowed", "excluded": selection.excluded})
        raise WorkflowError(nothing_allowed(release.agency, selection.excluded))
    try:
        result = engine.preview(selection.table, params, info, release.seed)
    except ENGINE_ERRORS as exc:
        record_event(EventTag.RELEASE_REFUSED, request=request, actor=by, obj=release, outcome="failure",
                     detail={"step": "preview", "reason": exc.__class__.__name__, "included": selection.included})
        raise WorkflowError(str(exc)) from exc
    result["budget"] = budget_state(release, params)
    with transaction.atomic():
        release.preview = result
        release.selection = selection.to_dict()
        release.previewed_at = timezone.now()
        release.status = Status.PREVIEWED
        release.save()
        record_event(EventTag.RELEASE_PREVIEWED, request=request, actor=by, obj=release,
                     detail={"included": selection.included, "excluded": sum(selection.excluded.values()),
                             "suppression_rate": round(float(result.get("suppression_rate") or 0), 4)})
        signals.release_awaits_approval.send(sender=Release, release=release, by=by)
    return release


def nothing_allowed(agency: Agency, excluded: dict[str, int]) -> str:
    """The refusal when no record may be counted: why, what to change, and who can."""
    if not excluded:
        return _("There are no records in this dataset yet.")
    reasons = "; ".join(f"{datasets.REASONS.get(key, key)}: {count}" for key, count in sorted(excluded.items()))
    steps = []
    if "agency_policy" in excluded:
        admins = ", ".join(u.get_full_name() or u.username for u in
                           agency.users.filter(role="agency_admin", is_active=True).order_by("last_name"))
        steps.append(_("An administrator of %(agency)s (%(admins)s) can allow statistical use under "
                       "Data policy in the menu.") % {"agency": agency.name, "admins": admins or _("none yet")})
    if set(excluded) & {"no_consent", "consent_revoked", "consent_expired"}:
        steps.append(_("Victims' consent to statistical use is asked and recorded by the victim service "
                       "staff who serve them, on each victim record's consent page."))
    return _("No record can be counted in this release. %(reasons)s.") % {"reasons": reasons} + " " + " ".join(steps)


def budget_state(release: Release, params: engine.Params | None = None) -> dict[str, Any]:
    """The ledger as the approver needs to see it: total, spent, this release, refused?"""
    params = params or _params(release)
    cost = engine.charge(params, datasets.info_for(release.dataset))
    if not release.is_dp:
        return {"needed": False}
    ledger = ledger_for(release.agency)
    state: dict[str, Any] = {"needed": True, "dataset": release.ledger_dataset,
                             "epsilon": cost[0], "delta": cost[1]}
    try:
        left = ledger.remaining(release.ledger_dataset)
        state["remaining_epsilon"], state["remaining_delta"] = left.epsilon, left.delta
        ledger.check(release.ledger_dataset, *cost)
        state["ok"] = True
    except BudgetError as exc:
        state["ok"], state["problem"] = False, str(exc)
    return state


def approve_release(release: Release, *, by: User, note: str = "", request: HttpRequest | None = None) -> Release:
    _require(by, "release.approve")
    _same_agency(by, release)
    if by.pk == release.requested_by_id:
        raise WorkflowError(_("A release must be approved by someone other than the person who requested it."))
    if release.status != Status.PREVIEWED:
        raise WorkflowError(_("Only a previewed release can be approved."))
    with transaction.atomic():
        release.status = Status.APPROVED
        release.approved_by, release.approved_at = by, timezone.now()
        release.decision_note = note.strip()[:500]
        release.save()
        record_event(EventTag.RELEASE_APPROVED, request=request, actor=by, obj=release,
                     detail={"requested_by": release.requested_by_id})
    return release


def reject_release(release: Release, *, by: User, note: str = "", request: HttpRequest | None = None) -> Release:
    _require(by, "release.approve")
    _same_agency(by, release)
    if release.status not in {Status.DRAFT, Status.PREVIEWED, Status.APPROVED}:
        raise WorkflowError(_("This release can no longer be rejected."))
    with transaction.atomic():
        release.status = Status.REJECTED
        release.approved_by, release.approved_at = by, timezone.now()
        release.decision_note = note.strip()[:500]
        release.save()
        record_event(EventTag.RELEASE_REJECTED, request=request, actor=by, obj=release)
    return release


def publish_release(release: Release, *, by: User, request: HttpRequest | None = None) -> Release:
    """Produce the output: charge the ledger (refused over budget), draw, verify, store."""
    if not (by.can("release.prepare") or by.can("release.approve")):
        raise PermissionDenied("Your role does not allow publishing releases")
    _same_agency(by, release)
    if release.status != Status.APPROVED:
        raise WorkflowError(_("Only an approved release can be published."))
    params = _params(release)
    info = datasets.info_for(release.dataset)
    selection = datasets.select(release.agency, release.dataset)
    try:
        with transaction.atomic():
            locked = Release.objects.select_for_update().get(pk=release.pk)
            if locked.status != Status.APPROVED:
                raise WorkflowError(_("Only an approved release can be published."))
            output = engine.produce(selection.table, params, info, release.seed,
                                    ledger=ledger_for(release.agency, by.username),
                                    dataset_key=release.ledger_dataset, who=by.username,
                                    what=f"release {release.pk}: {release.method} of {release.dataset}")
            data = engine.to_csv(output.table)
            release.output = data.decode("utf-8")
            release.output_sha256 = engine.digest(data)
            release.output_rows = output.table.num_rows
            release.source_sha256 = engine.digest(engine.to_csv(selection.table))
            release.record = {**output.record, "selection": selection.to_dict(), "parameters": params.to_dict()}
            release.charged_epsilon, release.charged_delta = output.charged
            release.selection = selection.to_dict()
            release.status = Status.RELEASED
            release.published_by, release.published_at = by, timezone.now()
            release.save()
            record_event(EventTag.RELEASE_PUBLISHED, request=request, actor=by, obj=release,
                         detail={"rows": release.output_rows, "sha256": release.output_sha256,
                                 "epsilon": output.charged[0], "delta": output.charged[1],
                                 "included": selection.included})
    except ENGINE_ERRORS as exc:
        record_event(EventTag.RELEASE_REFUSED, request=request, actor=by, obj=release, outcome="failure",
                     detail={"step": "publish", "reason": exc.__class__.__name__})
        raise WorkflowError(str(exc)) from exc
    return release


def reproduce(release: Release, *, by: User, request: HttpRequest | None = None) -> tuple[bool, str]:
    """Re-run a k-anonymous release from its recorded seed; True if byte-identical.

    DP releases are not re-drawn (their noise cannot be seeded): their stored output is
    the release and its digest is checked instead.
    """
    if not (by.can("release.prepare") or by.can("release.approve")):
        raise PermissionDenied("Your role does not allow this")
    _same_agency(by, release)
    if release.status != Status.RELEASED:
        raise WorkflowError(_("Only a released release can be reproduced."))
    if release.method == Method.KANON:
        selection = datasets.select(release.agency, release.dataset)
        output = engine.produce(selection.table, _params(release), datasets.info_for(release.dataset),
                                release.seed, ledger=None, dataset_key=release.ledger_dataset, who=by.username,
                                what="reproduce")
        again = engine.digest(engine.to_csv(output.table))
    else:
        again = engine.digest(release.output.encode("utf-8"))
    same = again == release.output_sha256
    record_event(EventTag.RELEASE_REPRODUCED, request=request, actor=by, obj=release,
                 outcome="success" if same else "failure", detail={"identical": same})
    return same, again


def download(release: Release, *, by: User, request: HttpRequest | None = None, via: str = "web") -> bytes:
    if not (by.can("release.prepare") or by.can("release.approve")):
        raise PermissionDenied("Your role does not allow this")
    _same_agency(by, release)
    if release.status != Status.RELEASED:
        raise WorkflowError(_("Only a released release can be downloaded."))
    data = release.output.encode("utf-8")
    record_event(EventTag.RELEASE_DOWNLOADED, request=request, actor=by, obj=release,
                 detail={"sha256": release.output_sha256, "rows": release.output_rows, "via": via})
    return data


def set_budget(*, by: User, dataset: str, epsilon: float, delta: float,
               request: HttpRequest | None = None) -> Budget:
    """Declare the total privacy budget of one of the agency's datasets (a supervisor)."""
    _require(by, "release.approve")
    if dataset not in Dataset.values:
        raise WorkflowError(_("Choose a dataset."))
    key = datasets.ledger_key(by.agency, dataset)  # type: ignore[arg-type]
    try:
        with transaction.atomic():
            budget = ledger_for(by.agency, by.username).set_budget(key, epsilon, delta)  # type: ignore[arg-type]
            record_event(EventTag.RELEASE_BUDGET_SET, request=request, actor=by,
                         obj=PrivacyBudget.objects.get(dataset=key),
                         detail={"dataset": key, "epsilon": epsilon, "delta": delta})
    except BudgetError as exc:
        raise WorkflowError(str(exc)) from exc
    return budget


def budgets_for(user: User) -> list[dict[str, Any]]:
    rows = []
    for budget in PrivacyBudget.objects.restrict(user, "view").prefetch_related("spends"):
        spent_e = sum(s.epsilon for s in budget.spends.all())
        spent_d = sum(s.delta for s in budget.spends.all())
        rows.append({"dataset": budget.dataset, "epsilon": budget.epsilon, "delta": budget.delta,
                     "spent_epsilon": spent_e, "spent_delta": spent_d, "releases": len(budget.spends.all())})
    return rows

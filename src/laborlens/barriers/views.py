"""Barrier map views: for one case (scoped like the case: 404 outside it) and for the
jurisdiction (counts across the cases the user may see; no identities). Each barrier lists
the partners who can raise it: the user's task force agencies of the right type and the
service directory's organisations offering a matching service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from laborlens.accounts.models import Agency, User
from laborlens.accounts.roles import agency_types
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.barriers.facts import case_inputs
from laborlens.barriers.mapping import Finding, aggregate, compute, load_barriers, partners_for
from laborlens.cases.identity.text import renderer_for_case
from laborlens.cases.models import Case
from laborlens.catalogue import load_catalogue
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404
from laborlens.victims.models import Need, Partner

View = Callable[..., HttpResponse]


def _text(item: dict[str, Any], lang: str) -> str:
    return str(item.get("es") if lang == "es" else item.get("en"))


def _partner_sources(user: User) -> tuple[list[tuple[str, str]], list[tuple[str, list[str]]]]:
    agencies = (Agency.objects.filter(Q(task_forces__in=user.agency.task_forces.all()) | Q(pk=user.agency_id))
                .distinct().values_list("name", "agency_type"))
    directory = Partner.objects.restrict(user, "view").values_list("name", "services")
    return list(agencies), [(name, list(services or [])) for name, services in directory]


def _barrier_rows(user: User, lang: str, findings: list[Finding] | None,
                  totals: dict[str, dict[str, int]] | None) -> list[dict[str, Any]]:
    data = load_barriers()
    catalogue = load_catalogue()
    types = agency_types()
    needs = dict(Need.choices)
    agencies, directory = _partner_sources(user)
    by_id = {finding.barrier: finding for finding in findings or []}
    rows = []
    for barrier in data["barriers"]:
        partners = []
        for partner in partners_for(barrier["id"], agencies, directory, data):
            if partner.kind == "agency":
                kind = types.get(partner.detail)
                detail = (kind.es if lang == "es" else kind.en) if kind else partner.detail
            else:
                detail = ", ".join(str(needs.get(code, code)) for code in partner.detail.split(","))
            partners.append({"name": partner.name, "kind": partner.kind, "detail": detail})
        finding = by_id.get(barrier["id"])
        row: dict[str, Any] = {
            "id": barrier["id"], "label": _text(barrier, lang), "description": _text(barrier["description"], lang),
            "other_partners": _text(barrier["other_partners"], lang), "partners": partners}
        if finding is not None:
            row["indicators"] = [catalogue.items[i].label.get(lang) if i in catalogue.items else i
                                 for i in finding.indicators]
            row["facts"] = [_text(data["facts"][f], lang) for f in finding.facts]
            row["count"] = finding.count
        if totals is not None:
            row.update(totals[barrier["id"]])
        rows.append(row)
    return rows


@require_GET
@permission_required("case_work")
def case_map(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case: Case = get_scoped_or_404(Case.objects.select_related("lead_agency"), user, "view", pk=pk)
    indicators, facts = case_inputs(user, Case.objects.filter(pk=case.pk))[case.pk]
    findings = compute(indicators, facts)
    lang = get_language() or "en"
    record_event(EventTag.BARRIER_CASE_VIEWED, request=request, obj=case,
                 detail={"case": case.number, "barriers": [f.barrier for f in findings if f.present]})
    return render(request, "barriers/case.html", {
        "case": case, "case_title": renderer_for_case(user, case)(case.title), "rows": _barrier_rows(user, lang, findings, None),
        "any": any(f.present for f in findings), "data": load_barriers()})


@require_GET
@permission_required("case_work")
def jurisdiction_map(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    cases = Case.objects.restrict(user, "view")
    if request.GET.get("open") == "1":
        cases = cases.filter(closed_on__isnull=True)
    inputs = case_inputs(user, cases)
    totals = aggregate(compute(indicators, facts) for indicators, facts in inputs.values())
    lang = get_language() or "en"
    record_event(EventTag.BARRIER_JURISDICTION_VIEWED, request=request,
                 detail={"cases": len(inputs), "open_only": request.GET.get("open") == "1"})
    return render(request, "barriers/jurisdiction.html", {
        "rows": _barrier_rows(user, lang, None, totals), "case_count": len(inputs),
        "open_only": request.GET.get("open") == "1", "data": load_barriers()})

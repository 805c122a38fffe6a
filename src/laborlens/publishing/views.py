"""Release pages: list, request, preview, approve or reject, publish, download.

Analysts (``release.prepare``) and supervisors (``release.approve``) of the agency see its
releases; anyone else gets 403, and a release of another agency is a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from laborlens.accounts.models import User
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404
from laborlens.publishing import datasets, services
from laborlens.publishing.forms import BudgetForm, DecisionForm, ReleaseForm
from laborlens.publishing.models import Release, Status


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@permission_required("releases")
def release_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    releases = Release.objects.restrict(user, "view").select_related("requested_by", "approved_by")
    page = Paginator(releases, 25).get_page(request.GET.get("page"))
    services.list_releases(user, request, page=page.number)
    return _no_store(render(request, "publishing/list.html", {
        "page": page, "can_prepare": user.can("release.prepare"), "can_approve": user.can("release.approve"),
        "budgets": services.budgets_for(user), "budget_form": BudgetForm()}))


@require_http_methods(["GET", "POST"])
@permission_required("release.prepare")
def release_new(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = ReleaseForm(request.POST or None, initial={"method": "kanon"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            release = services.request_release(by=user, title=data["title"], purpose=data["purpose"],
                                               dataset=data["dataset"], method=data["method"],
                                               parameters=form.parameters(), request=request)
        except services.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Release requested. Preview it before asking for approval."))
            return redirect("publishing:detail", pk=release.pk)
    return render(request, "publishing/form.html", {"form": form})


@permission_required("releases")
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    release: Release = get_scoped_or_404(Release.objects.select_related("requested_by", "approved_by"),
                                         user, "view", pk=pk)
    services.read_release(user, release, request)
    reasons = {key: str(label) for key, label in datasets.REASONS.items()}
    excluded = [(reasons.get(key, key), count) for key, count in
                (release.selection.get("excluded") or {}).items()] if release.selection else []
    return _no_store(render(request, "publishing/detail.html", {
        "release": release, "preview": release.preview or {}, "utility": (release.preview or {}).get("utility"),
        "budget": (release.preview or {}).get("budget") or {}, "excluded": excluded,
        "can_preview": user.can("release.prepare") and release.status in {Status.DRAFT, Status.PREVIEWED},
        "can_decide": (user.can("release.approve") and user.pk != release.requested_by_id
                       and release.status == Status.PREVIEWED),
        "can_publish": release.status == Status.APPROVED,
        "decision_form": DecisionForm(), "parameters": _shown_parameters(release.parameters),
    }))


def _shown_parameters(parameters: dict[str, Any]) -> list[tuple[str, str]]:
    shown = []
    for key, value in parameters.items():
        if value is None or value == [] or value == "":
            continue
        if key == "years" and isinstance(value, list):
            value = ":".join(str(v) for v in value)
        shown.append((key, ", ".join(map(str, value)) if isinstance(value, list) else str(value)))
    return shown


def _act(request: HttpRequest, pk: int, action: str) -> Release:
    return get_scoped_or_404(Release.objects, request.user, action, pk=pk)  # type: ignore[arg-type]


@require_POST
@permission_required("release.prepare")
def release_preview(request: HttpRequest, pk: int) -> HttpResponse:
    release = _act(request, pk, "prepare")
    try:
        services.preview_release(release, by=request.user, request=request)  # type: ignore[arg-type]
        messages.success(request, _("Preview ready. A supervisor can now approve or reject the release."))
    except services.WorkflowError as error:
        messages.error(request, str(error))
    return redirect("publishing:detail", pk=release.pk)


@require_POST
@permission_required("release.approve")
def release_decide(request: HttpRequest, pk: int) -> HttpResponse:
    release = _act(request, pk, "approve")
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    action = request.POST.get("action")
    try:
        if action == "approve":
            services.approve_release(release, by=request.user, note=note, request=request)  # type: ignore[arg-type]
            messages.success(request, _("Release approved. It can now be published."))
        elif action == "reject":
            services.reject_release(release, by=request.user, note=note, request=request)  # type: ignore[arg-type]
            messages.success(request, _("Release rejected."))
        else:
            messages.error(request, _("Choose approve or reject."))
    except services.WorkflowError as error:
        messages.error(request, str(error))
    return redirect("publishing:detail", pk=release.pk)


@require_POST
@permission_required("releases")
def release_publish(request: HttpRequest, pk: int) -> HttpResponse:
    release = _act(request, pk, "publish")
    try:
        services.publish_release(release, by=request.user, request=request)  # type: ignore[arg-type]
        messages.success(request, _("Release published. The file can now be downloaded."))
    except services.WorkflowError as error:
        messages.error(request, str(error))
    return redirect("publishing:detail", pk=release.pk)


@permission_required("releases")
def release_download(request: HttpRequest, pk: int) -> HttpResponse:
    release = _act(request, pk, "view")
    try:
        data = services.download(release, by=request.user, request=request)  # type: ignore[arg-type]
    except services.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("publishing:detail", pk=release.pk)
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{release.filename}"'
    return _no_store(response)


@require_POST
@permission_required("release.approve")
def budget_set(request: HttpRequest) -> HttpResponse:
    form = BudgetForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.set_budget(by=request.user, dataset=data["dataset"], epsilon=data["epsilon"],  # type: ignore[arg-type]
                                delta=data["delta"], request=request)
            messages.success(request, _("Privacy budget saved."))
        except services.WorkflowError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Check the budget: epsilon from 0 to 100, delta from 0 to 0.01."))
    return redirect("publishing:list")

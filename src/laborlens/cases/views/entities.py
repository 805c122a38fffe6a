"""Entities on a case: businesses, recruiters, places."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases import services
from laborlens.cases.forms import EntityForm
from laborlens.cases.identity.text import may_edit_text, renderer_for_case
from laborlens.cases.models import Entity
from laborlens.cases.views.common import (
    edit_conflict,
    form_page,
    owner_edits,
    scoped_case,
)
from laborlens.core.errors import ConflictError
from laborlens.core.permissions import permission_required
from laborlens.core.querysets import get_scoped_or_404


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def entity_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = scoped_case(request, pk, "change")
    form = EntityForm(request.POST or None, initial={"kind": request.GET.get("kind", "business")})
    back = reverse("cases:detail", args=[case.pk])
    if request.method == "POST":
        if form.is_valid():
            entity = services.save_entity(form.apply(Entity(case=case)), by=request.user, request=request)  # type: ignore[arg-type]
            messages.success(request, _("Entity added."))
            return redirect("cases:entity", pk=entity.pk)
        return form_page(request, title=_("Add an entity"), form=form, case=case, submit=_("Add"), back=back, status=400)
    return form_page(request, title=_("Add an entity"), form=form, case=case, submit=_("Add"), back=back)


@require_GET
@permission_required("case_work")
def entity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entity = get_scoped_or_404(Entity.objects.select_related("case"), request.user, "view", pk=pk)
    record_event(EventTag.CASE_ENTITY_VIEWED, request=request, obj=entity, detail={"kind": entity.kind})
    seen = renderer_for_case(request.user, entity.case)  # type: ignore[arg-type]
    can_change = (Entity.objects.restrict(request.user, "change").filter(pk=entity.pk).exists()
                  and may_edit_text(request.user, request.user.agency_id,  # type: ignore[arg-type,union-attr]
                                    [entity.name, entity.trade_name, entity.notes], seen))
    return render(request, "cases/entity_detail.html", {"entity": entity, "case": entity.case, "can_change": can_change,
                                                        "seen": seen})


@require_http_methods(["GET", "POST"])
@permission_required("cases.change")
def entity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entity = get_scoped_or_404(Entity.objects.select_related("case", "created_by"), request.user, "change", pk=pk)
    owner_edits(request.user, entity, [entity.name, entity.trade_name, entity.notes],  # type: ignore[arg-type]
                ownership=False)
    form = EntityForm(request.POST or None, initial=EntityForm.initial_for(entity))
    back = reverse("cases:entity", args=[entity.pk])
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_entity(form.apply(entity), by=request.user,  # type: ignore[arg-type]
                                     expected_version=form.cleaned_data["version"], request=request)
            except ConflictError:
                edit_conflict(request, entity, form)
                return form_page(request, title=_("Edit entity"), form=form, case=entity.case, submit=_("Save"), back=back, status=409)
            messages.success(request, _("Saved."))
            return redirect(back)
        return form_page(request, title=_("Edit entity"), form=form, case=entity.case, submit=_("Save"), back=back, status=400)
    return form_page(request, title=_("Edit entity"), form=form, case=entity.case, submit=_("Save"), back=back)

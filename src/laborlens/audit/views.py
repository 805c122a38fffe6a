from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from laborlens.audit.events import record_event
from laborlens.audit.models import AuditEvent
from laborlens.audit.tags import EventTag, tag_label
from laborlens.core import listing
from laborlens.core.listing import Column, ListForm, day_range
from laborlens.core.permissions import permission_required


class AuditFilterForm(ListForm):
    SORTS = {
        "-seq": (_("Newest first"), ("-seq",)),
        "seq": (_("Oldest first"), ("seq",)),
    }

    who = forms.CharField(label=_("Who (user name)"), required=False, max_length=150)
    what = forms.ChoiceField(label=_("What"), required=False,
                             choices=lambda: [("", _("Any event"))] + sorted(
                                 ((t.value, tag_label(t.value)) for t in EventTag), key=lambda c: c[1]))
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=80)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False, choices=[
        ("", _("Any")), ("success", _("success")), ("failure", _("failure")),
        ("locked", _("locked")), ("expired", _("expired")), ("denied", _("denied"))])

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("'From' must be on or before 'Until'."))
        return data


def filtered_events(form: AuditFilterForm) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.all()
    if not form.is_valid():
        return events.none()
    data = form.cleaned_data
    if data["who"]:
        events = events.filter(actor_label__iexact=data["who"])
    if data["what"]:
        events = events.filter(tag=data["what"])
    events = events.filter(day_range("created_at", data.get("since"), data.get("until")))
    if data["object_type"]:
        events = events.filter(object_type=data["object_type"].lower())
    if data["object_id"]:
        events = events.filter(object_id=data["object_id"])
    if data["outcome"]:
        events = events.filter(outcome=data["outcome"])
    return events.order_by(*form.ordering())


COLUMNS = [
    Column("#", lambda event: event.seq),
    Column(_("When"), lambda event: event.created_at),
    Column(_("Who"), lambda event: event.actor_label),
    Column(_("What"), lambda event: event.tag),
    Column(_("Object"), lambda event: f"{event.object_type} {event.object_id}".strip()),
    Column(_("Outcome"), lambda event: event.outcome),
    Column("IP", lambda event: event.ip),
]


@permission_required("audit.view")
def event_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    fmt, context = listing.bind(form, request)
    events = filtered_events(form) if request.GET else AuditEvent.objects.order_by("-seq")
    if fmt and form.is_valid():
        rows = list(events[: listing.EXPORT_LIMIT])
        # Downloading the audit log is itself audited, once per download.
        record_event(EventTag.AUDIT_LOG_EXPORTED, request=request,
                     detail=listing.export_detail(form, fmt, len(rows)))
        return listing.export_response(fmt, "audit-trail", COLUMNS, rows)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    # Reading the audit log is itself audited.
    record_event(EventTag.AUDIT_LOG_VIEWED, request=request,
                 detail={k: v for k, v in request.GET.items() if k != "page"})
    status = 400 if request.GET and not form.is_valid() else 200
    return render(request, "audit/event_list.html",
                  {**context, "page": page}, status=status)

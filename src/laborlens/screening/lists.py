"""The screening list's filters, sorts and download columns (core/listing.py; issue 17.7)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from laborlens.core.listing import Column, ListForm, date_field, day_range
from laborlens.screening.models import Screening


class ScreeningFilterForm(ListForm):
    SORTS = {
        "-created": (_("Newest first"), ("-created_at", "-pk")),
        "created": (_("Oldest first"), ("created_at", "pk")),
        "label": (_("Label, A to Z"), ("label", "-created_at", "-pk")),
        "reading": (_("Reading"), ("reading", "-created_at", "-pk")),
    }

    state = forms.ChoiceField(label=_("State"), required=False, choices=[
        ("", _("Any")), ("open", _("In progress")), ("done", _("Finished"))])
    reading = forms.ChoiceField(label=_("Reading"), required=False)
    since = date_field(_("From"))
    until = date_field(_("Until"))
    mine = forms.BooleanField(label=_("Only screenings I ran"), required=False)

    def __init__(self, *args: Any, readings: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reading"].choices = [("", _("Any reading")), *readings]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_dates(data, "since", "until")
        return data

    def apply(self, screenings: QuerySet[Screening], user: Any) -> QuerySet[Screening]:
        data = self.cleaned_data
        if data.get("state") == "open":
            screenings = screenings.filter(completed_at__isnull=True)
        elif data.get("state") == "done":
            screenings = screenings.filter(completed_at__isnull=False)
        if data.get("reading"):
            screenings = screenings.filter(reading=data["reading"])
        screenings = screenings.filter(day_range("created_at", data.get("since"), data.get("until")))
        if data.get("mine"):
            screenings = screenings.filter(created_by=user)
        return screenings.order_by(*self.ordering())


def columns(reading_label: Any, labels: dict[int, str]) -> list[Column]:
    """As the page shows each screening: its label as this user may read it."""
    return [
        Column(_("Label"), lambda s: labels[s.pk]),
        Column(_("State"), lambda s: _("Finished") if s.completed_at else _("In progress")),
        Column(_("Reading"), lambda s: reading_label(s.reading)),
        Column(_("When"), lambda s: s.created_at),
        Column(_("By"), lambda s: s.created_by.username),
    ]

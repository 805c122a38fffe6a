"""The tip queue's filters, sorts, short redacted summaries, priority scale and download
columns (core/listing.py; issue 17.7)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from laborlens.cases.identity.text import redact
from laborlens.cases.models import Person
from laborlens.core.listing import Column, ListForm, date_field, day_range
from laborlens.tips import rules
from laborlens.tips.models import Source, Status, Tip
from laborlens.tips.redact import summary

PRIORITIES = sorted({rule.priority for rule in rules.rules()})


class TipFilterForm(ListForm):
    SORTS = {
        "priority": (_("Most urgent first"), ("priority", "-created_at", "-pk")),
        "-received": (_("Newest first"), ("-created_at", "-pk")),
        "received": (_("Oldest first"), ("created_at", "pk")),
    }

    status = forms.ChoiceField(label=_("Show"), required=False, choices=[
        ("open", _("Open tips")), ("all", _("All tips")), *Status.choices])
    priority = forms.TypedChoiceField(label=_("Priority"), required=False, coerce=int, empty_value=None)
    source = forms.ChoiceField(label=_("Source"), required=False, choices=[("", _("Any source")), *Source.choices])
    since = date_field(_("Received from"))
    until = date_field(_("Received until"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["priority"].choices = [("", gettext("Any priority")),
                                           *[(str(p), gettext("Priority %(p)s") % {"p": p}) for p in PRIORITIES]]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_dates(data, "since", "until")
        return data

    @property
    def chosen_status(self) -> str:
        return (self.cleaned_data.get("status") if getattr(self, "cleaned_data", None) else "") or "open"

    def apply(self, tips: QuerySet[Tip]) -> QuerySet[Tip]:
        data = self.cleaned_data
        if self.chosen_status == "open":
            tips = tips.exclude(status__in=[Status.CLOSED])
        elif self.chosen_status in Status.values:
            tips = tips.filter(status=self.chosen_status)
        if data.get("priority") is not None:
            tips = tips.filter(priority=data["priority"])
        if data.get("source"):
            tips = tips.filter(source=data["source"])
        tips = tips.filter(day_range("created_at", data.get("since"), data.get("until")))
        return tips.order_by(*self.ordering())


def summaries(tips: list[Tip]) -> dict[int, str]:
    """A short line of each tip's text with identities removed, as the share page removes
    them (the linked case's people first, then the tips redaction), and stricter still
    (``tips.redact.summary``)."""
    case_ids = {tip.case_id for tip in tips if tip.case_id}
    people: dict[int, list[Person]] = {}
    for person in Person.objects.filter(case_id__in=case_ids) if case_ids else []:
        people.setdefault(person.case_id, []).append(person)
    return {tip.pk: summary(redact(tip.narrative, people.get(tip.case_id, [])),
                            [tip.business_name, tip.address, tip.contact])
            for tip in tips}


@dataclass(frozen=True)
class Level:
    priority: int
    reasons: list[str]


def priority_scale(lang: str) -> list[Level]:
    """The triage rules by priority (tips/data/tips.json), for the page's explanation."""
    ordered = sorted(rules.rules(), key=lambda rule: rule.priority)
    return [Level(priority, [rule.label(lang) for rule in group])
            for priority, group in groupby(ordered, key=lambda rule: rule.priority)]


def columns(sizes: dict[int, int], reasons: Callable[[Tip], list[str]], texts: dict[int, str]) -> list[Column]:
    return [
        Column(_("Tip code"), lambda tip: tip.code),
        Column(_("Priority"), lambda tip: tip.priority),
        Column(_("Why"), lambda tip: " · ".join(reasons(tip))),
        Column(_("Status"), lambda tip: tip.get_status_display()),
        Column(_("Source"), lambda tip: tip.get_source_display()),
        Column(_("Language"), lambda tip: tip.language.upper()),
        Column(_("Related tips"), lambda tip: sizes.get(tip.pk, 0)),
        Column(_("Received"), lambda tip: tip.created_at),
        Column(_("City or town"), lambda tip: tip.city),
        Column(_("Indicators"), lambda tip: len(tip.indicator_ids)),
        Column(_("Summary (identities removed)"), lambda tip: texts.get(tip.pk, "")),
    ]

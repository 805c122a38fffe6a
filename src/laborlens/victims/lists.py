"""The referral queue's filters, sorts and download columns (core/listing.py; issue 17.7).

The queue shows a victim only by pseudonym (the referral's data travels only with consent,
on the referral's own page); the download holds the same columns as the page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.core.listing import Column, ListForm
from laborlens.victims.models import Need, Referral

INCOMING, OUTGOING = "incoming", "outgoing"
CLOSED = [Referral.Status.DECLINED, Referral.Status.COMPLETED]


class ReferralFilterForm(ListForm):
    SORTS = {
        "follow_up": (_("Follow-up date, soonest first"), ("follow_up_on", "pk")),
        "-follow_up": (_("Follow-up date, latest first"), ("-follow_up_on", "-pk")),
        "-sent": (_("Newest first"), ("-sent_at", "-pk")),
        "sent": (_("Oldest first"), ("sent_at", "pk")),
    }

    show = forms.ChoiceField(label=_("Show"), required=False, choices=[
        ("open", _("Open only")), ("all", _("Open and closed"))])
    direction = forms.ChoiceField(label=_("Direction"), required=False, choices=[
        ("", _("Received and sent")), (INCOMING, _("Received by my organisation")),
        (OUTGOING, _("Sent by my organisation"))])
    need = forms.ChoiceField(label=_("Need"), required=False, choices=[("", _("Any need")), *Need.choices])
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any status")), *Referral.Status.choices])
    due = forms.BooleanField(label=_("Only follow-ups due"), required=False)

    def apply(self, referrals: QuerySet[Referral]) -> QuerySet[Referral]:
        data = self.cleaned_data
        if (data.get("show") or "open") == "open":
            referrals = referrals.exclude(status__in=CLOSED)
        if data.get("need"):
            referrals = referrals.filter(need=data["need"])
        if data.get("status"):
            referrals = referrals.filter(status=data["status"])
        if data.get("due"):
            referrals = referrals.exclude(status__in=CLOSED).filter(follow_up_on__lte=timezone.localdate())
        return referrals.order_by(*self.ordering())

    def directions(self) -> tuple[bool, bool]:
        chosen = self.cleaned_data.get("direction") or ""
        return chosen in {"", INCOMING}, chosen in {"", OUTGOING}


def columns() -> list[Column]:
    """Rows are (direction, referral), as the page lists them under its two headings."""
    return [
        Column(_("Direction"), lambda row: _("Received") if row[0] == INCOMING else _("Sent")),
        Column(_("Pseudonym"), lambda row: row[1].victim.pseudonym),
        Column(_("Need"), lambda row: row[1].get_need_display()),
        Column(_("From"), lambda row: row[1].victim.serving_agency.short_name),
        Column(_("To"), lambda row: row[1].partner.name),
        Column(_("Status"), lambda row: row[1].get_status_display()),
        Column(_("Follow up on"), lambda row: row[1].follow_up_on),
        Column(_("Follow-up due"), lambda row: row[1].follow_up_due),
    ]


def rows(form: ReferralFilterForm, visible: QuerySet[Referral], agency_id: Any,
         limit: int) -> tuple[list[Referral], list[Referral]]:
    """The page's two lists: received by the user's organisation, and sent by it."""
    visible = form.apply(visible)
    want_in, want_out = form.directions()
    incoming = list(visible.filter(partner__agency_id=agency_id)[:limit]) if want_in else []
    outgoing = list(visible.filter(victim__serving_agency_id=agency_id)[:limit]) if want_out else []
    return incoming, outgoing

"""What waits on a user in victim services (``core.work``): referrals received and not yet
answered (the receiving organisation's staff), and consents to renew soon (the serving
agency's staff who may record a new one)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from laborlens.core.work import SHOWN_PER_KIND, WorkGroup, WorkItem
from laborlens.victims.models import Consent, Referral

RENEWAL_WINDOW_DAYS = 14  # as the reminder e-mails (notifications.services.REMINDER_HORIZON_DAYS)


def waiting(user: Any) -> list[WorkGroup]:
    return [_referrals(user), _consents(user)]


def _referrals(user: Any) -> WorkGroup:
    if not user.can("victims.change"):  # answering a referral is a change
        return WorkGroup("referrals_received", "", 0)
    referrals = (Referral.objects.restrict(user, "work")
                 .filter(status__in=[Referral.Status.SENT, Referral.Status.RECEIVED])
                 .select_related("victim__serving_agency").order_by("sent_at", "pk"))
    count = referrals.count()
    items = [WorkItem(referral.get_need_display(), reverse("victims:referral", args=[referral.pk]),
                      _("from %(agency)s") % {"agency": referral.victim.serving_agency.short_name},
                      timezone.localdate(referral.sent_at))
             for referral in referrals[:SHOWN_PER_KIND]] if count else []
    return WorkGroup("referrals_received", _("Referrals waiting for my answer"), count, items,
                     reverse("victims:queue"))


def _consents(user: Any) -> WorkGroup:
    today = timezone.localdate()
    # Renewed already: a later consent to the same agency for the same person outlasts it.
    renewed = Consent.objects.filter(victim_id=OuterRef("victim_id"), recipient_agency_id=OuterRef("recipient_agency_id"),
                                     revoked_at__isnull=True, expires_on__gt=OuterRef("expires_on"))
    consents = (Consent.objects.restrict(user, "change")
                .filter(revoked_at__isnull=True, expires_on__gte=today,
                        expires_on__lte=today + timedelta(days=RENEWAL_WINDOW_DAYS))
                .exclude(Exists(renewed))
                .select_related("victim__person", "recipient_agency").order_by("expires_on", "pk"))
    count = consents.count()
    items = [WorkItem(consent.victim.pseudonym, reverse("victims:detail", args=[consent.victim_id]),
                      _("consent to %(agency)s, ends") % {"agency": consent.recipient_agency.short_name},
                      consent.expires_on)
             for consent in consents[:SHOWN_PER_KIND]] if count else []
    return WorkGroup("consents_renewal", _("Consents to renew soon"), count, items)

"""What waits on a user in screening (``core.work``): screenings sent to them."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from laborlens.core.work import SHOWN_PER_KIND, WorkGroup, WorkItem
from laborlens.screening.models import Screening, ScreeningHandoff


def waiting(user: Any) -> list[WorkGroup]:
    handoffs = (ScreeningHandoff.objects.restrict(user, "handle")
                .filter(screening__in=Screening.objects.restrict(user, "view").values("pk"))
                .select_related("screening", "sent_by").order_by("sent_at", "pk"))
    count = handoffs.count()
    items = [WorkItem(handoff.screening.label, reverse("screening:result", args=[handoff.screening_id]),
                      _("from %(name)s") % {"name": handoff.sent_by.get_full_name() or handoff.sent_by.username},
                      timezone.localdate(handoff.sent_at))
             for handoff in handoffs[:SHOWN_PER_KIND]] if count else []
    return [WorkGroup("screenings_sent", _("Screenings sent to me"), count, items)]

"""What waits on a user in tips (``core.work``): new tips to triage in their agency, and
tips assigned to them that are still open."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from laborlens.core.work import SHOWN_PER_KIND, WorkGroup, WorkItem
from laborlens.tips.models import Status, Tip


def waiting(user: Any) -> list[WorkGroup]:
    tips = (Tip.objects.restrict(user, "change")
            .filter(Q(status=Status.NEW) | Q(assigned_to_id=user.pk, status__in=[Status.TRIAGED, Status.ASSIGNED]))
            .order_by("priority", "created_at", "pk"))
    count = tips.count()
    items = [WorkItem(tip.code, reverse("tips:detail", args=[tip.pk]),
                      f"{tip.get_status_display()} · {_('priority %(n)s') % {'n': tip.priority}}")
             for tip in tips[:SHOWN_PER_KIND]] if count else []
    return [WorkGroup("tips_triage", _("Tips to triage"), count, items, reverse("tips:triage"))]

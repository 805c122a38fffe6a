"""What waits on a user in cases (``core.work``): operation plans waiting for their sign-off.
Tasks, deconfliction notices and intelligence reviews have their own sections of My work."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from laborlens.cases.models import OperationPlan
from laborlens.core.work import SHOWN_PER_KIND, WorkGroup, WorkItem


def waiting(user: Any) -> list[WorkGroup]:
    # The plan page's own rule for who signs off: restrict(user, "supervise").
    plans = (OperationPlan.objects.restrict(user, "supervise").filter(status=OperationPlan.Status.SUBMITTED)
             .select_related("case").order_by("planned_for", "pk"))
    count = plans.count()
    # The case number and date only: a plan's title is free text that may name someone.
    items = [WorkItem(_("Operation plan, case %(number)s") % {"number": plan.case.number},
                      reverse("cases:plan", args=[plan.pk]),
                      _("planned for") if plan.planned_for else "", plan.planned_for)
             for plan in plans[:SHOWN_PER_KIND]] if count else []
    return [WorkGroup("plans_sign_off", _("Plans waiting for my sign-off"), count, items)]

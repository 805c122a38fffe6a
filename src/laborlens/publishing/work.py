"""What waits on a user in publishing (``core.work``): releases previewed and waiting for
approval, to an approver of the agency who did not request them (nobody approves their own)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from laborlens.core.work import SHOWN_PER_KIND, WorkGroup, WorkItem
from laborlens.publishing.models import Release, Status


def waiting(user: Any) -> list[WorkGroup]:
    releases = (Release.objects.restrict(user, "approve").filter(status=Status.PREVIEWED)
                .exclude(requested_by_id=user.pk).order_by("previewed_at", "pk"))
    count = releases.count()
    items = [WorkItem(release.title, reverse("publishing:detail", args=[release.pk]),
                      _("previewed") if release.previewed_at else "",
                      timezone.localdate(release.previewed_at) if release.previewed_at else None)
             for release in releases[:SHOWN_PER_KIND]] if count else []
    return [WorkGroup("releases_approval", _("Releases waiting for my approval"), count, items,
                      reverse("publishing:list"))]

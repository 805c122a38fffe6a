"""An agency's readiness self-assessment, kept per date so that progress can be shown.

Agency-level answers (no people). Seen and recorded only by ``readiness.assess`` holders
(command staff and agency administrators) of the agency assessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.core.querysets import RestrictedQuerySet

if TYPE_CHECKING:
    from laborlens.accounts.models import User
    from laborlens.readiness.scoring import Result


class Assessment(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="readiness_assessments")
    assessed_on = models.DateField(_("assessed on"), default=timezone.localdate)
    answers = models.JSONField(default=dict)
    instrument_version = models.CharField(max_length=20)
    scores = models.JSONField(default=dict)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"readiness assessment {self.pk}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action in {"view", "create"} and user.can("readiness.assess"):
            return Q(agency_id=user.agency_id)
        return None

    def result(self) -> Result:
        """Re-scored from the stored answers with the current instrument."""
        from laborlens.readiness.scoring import score

        return score(self.answers)

    def previous(self) -> Assessment | None:
        earlier: Any = (Assessment.objects.filter(agency_id=self.agency_id)
                        .filter(Q(assessed_on__lt=self.assessed_on) | Q(assessed_on=self.assessed_on, pk__lt=self.pk))
                        .order_by("-assessed_on", "-pk"))
        return earlier.first()

"""Anonymous feedback: a service-quality survey handed by an advocate to a person served,
and a community trust pulse after an outreach event.

What is kept, and what is not (anonymity by construction):

* ``SurveyCode``: a one-time code of an agency, stored only as a keyed digest. It holds no
  link to a victim record, no name and no note; it expires 30 days after it is made and is
  used once. Using it sets ``used`` (no time is kept).
* ``SurveyResponse``: the answers, the agency, the day, the language and the channel
  (online or typed in from paper). No link to the code that was used, no time of day, no
  internet address: an advocate who knows whom they handed a code cannot find that
  person's answers, and the answers reach anyone only as counts with small cells withheld.
* ``TrustPulse``: a shared code for one outreach event (many answers per event).
* ``PulseResponse``: the answers, the pulse, the agency, the day and the language.

Who sees what: codes and pulses are seen by their agency's users with ``victims.change``
(surveys) or ``activities.record`` (pulses); responses are never listed, only counted
(``feedback.tiles``) for users with ``insights.view`` over the agencies they may choose.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.core.querysets import AuditedQuerySet, RestrictedQuerySet

if TYPE_CHECKING:
    from laborlens.accounts.models import User

CODE_DAYS = 30


def _expiry() -> object:
    return timezone.now() + timedelta(days=CODE_DAYS)


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper, typed in by staff")


class SurveyCode(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    digest = models.CharField(max_length=64, unique=True)
    created_on = models.DateField(default=timezone.localdate)
    expires_at = models.DateTimeField(default=_expiry)
    used = models.BooleanField(default=False)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"survey code {self.pk}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if user.can("victims.change"):
            return Q(agency_id=user.agency_id)
        return None

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()


class SurveyResponse(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    answered_on = models.DateField(default=timezone.localdate, db_index=True)
    language = models.CharField(max_length=8)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    questions_version = models.CharField(max_length=20)
    answers = models.JSONField()  # question id -> 1..5, 0 = prefer not to say

    objects = AuditedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"survey response {self.pk}"


class TrustPulse(models.Model):
    # Imported lazily by name: activities owns the event.
    activity = models.ForeignKey("activities.Activity", on_delete=models.PROTECT, related_name="trust_pulses")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    code = models.CharField(max_length=16, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_expiry)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"trust pulse {self.pk}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if user.can("activities.record"):
            return Q(agency_id=user.agency_id)
        return None

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()


class PulseResponse(models.Model):
    pulse = models.ForeignKey(TrustPulse, on_delete=models.PROTECT, related_name="responses")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    answered_on = models.DateField(default=timezone.localdate, db_index=True)
    language = models.CharField(max_length=8)
    questions_version = models.CharField(max_length=20)
    answers = models.JSONField()

    objects = AuditedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"pulse response {self.pk}"

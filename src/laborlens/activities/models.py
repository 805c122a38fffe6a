"""Partner work that is not a case: trainings given and received, partner meetings, joint
operations, outreach events, and the MOUs and information-sharing agreements behind them.

Who sees what:

* an activity or agreement is seen by the users (with ``activities.view``) of every agency
  that took part in it (an activity's ``agencies``, an agreement's ``parties``);
* recording needs ``activities.record``; an activity is changed only by its lead agency;
* agreements are recorded and changed by ``activities.agreements`` holders (command staff
  and agency administrators) of a party agency.

Nothing here identifies a victim, a suspect or a target: these are records of the work
itself, written after the fact (a joint operation's plan lives in the case's operation plan).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency, TaskForce
from laborlens.core.bases import VersionedModel
from laborlens.core.choices import LANGUAGE_CHOICES
from laborlens.core.querysets import RestrictedQuerySet

if TYPE_CHECKING:
    from laborlens.accounts.models import User


class Kind(models.TextChoices):
    TRAINING_GIVEN = "training_given", _("Training given")
    TRAINING_RECEIVED = "training_received", _("Training received")
    PARTNER_MEETING = "partner_meeting", _("Partner meeting")
    JOINT_OPERATION = "joint_operation", _("Joint operation")
    OUTREACH_EVENT = "outreach_event", _("Outreach event")


TRAINING_KINDS = frozenset({Kind.TRAINING_GIVEN, Kind.TRAINING_RECEIVED})


class Audience(models.TextChoices):
    WORKERS = "workers", _("Workers and job seekers")
    COMMUNITY = "community", _("Community members")
    EMPLOYERS = "employers", _("Employers and industry")
    FAITH = "faith", _("Faith communities")
    SCHOOLS = "schools", _("Schools and students")
    HEALTH = "health", _("Health-care workers")
    CONSULATES = "consulates", _("Consulates")
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    SERVICE_PROVIDERS = "service_providers", _("Victim service providers")
    PUBLIC_OFFICIALS = "public_officials", _("Inspectors and public officials")
    OTHER = "other", _("Other")


class Activity(VersionedModel):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200,
                             help_text=_("No names of victims, suspects or targets."))
    held_on = models.DateField(_("held on"), default=timezone.localdate)
    lead_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="led_activities",
                                    verbose_name=_("lead agency"))
    agencies = models.ManyToManyField(Agency, related_name="activities", verbose_name=_("agencies taking part"))
    task_force = models.ForeignKey(TaskForce, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="activities", verbose_name=_("task force"))
    topics = models.JSONField(_("training topics"), default=list, blank=True)
    provider = models.CharField(_("trainer or provider"), max_length=200, blank=True)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, blank=True)
    attendees = models.PositiveIntegerField(_("number of people attending"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name_plural = "activities"
        indexes = [models.Index(fields=["kind", "held_on"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action == "view" and (user.can("activities.view") or user.can("activities.record")):
            return Q(pk__in=Activity.agencies.through.objects.filter(agency_id=user.agency_id)
                     .values("activity_id"))
        if action == "change" and user.can("activities.record"):
            return Q(lead_agency_id=user.agency_id)
        return None


class Agreement(VersionedModel):
    class Kind(models.TextChoices):
        MOU = "mou", _("Memorandum of understanding")
        SHARING = "sharing", _("Information-sharing agreement")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    parties = models.ManyToManyField(Agency, related_name="agreements", verbose_name=_("parties"))
    signed_on = models.DateField(_("signed on"))
    renewal_on = models.DateField(_("renewal due on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True,
                                help_text=_("Leave empty while the agreement is in force."))
    scope = models.TextField(_("scope"), max_length=2000)
    document_reference = models.CharField(_("document reference"), max_length=200, blank=True,
                                          help_text=_("Where the signed document is kept (file number, not the document)."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["renewal_on", "-signed_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        party = Q(pk__in=Agreement.parties.through.objects.filter(agency_id=user.agency_id)
                  .values("agreement_id"))
        if action == "view" and (user.can("activities.view") or user.can("activities.agreements")):
            return party
        if action == "change" and user.can("activities.agreements"):
            return party
        return None

    def is_active(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.signed_on <= on and (self.ended_on is None or self.ended_on > on)

    def renewal_due_within(self, days: int, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        if self.renewal_on is None or not self.is_active(today):
            return False
        return (self.renewal_on - today).days <= days


def active_on(on: date) -> Q:
    """Agreements in force on ``on``."""
    return Q(signed_on__lte=on) & (Q(ended_on__isnull=True) | Q(ended_on__gt=on))

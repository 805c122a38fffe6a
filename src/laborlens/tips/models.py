"""Tips from the public and from partners, their follow-up and their blind-index keys.

Who sees what (``scope_for``): a tip belongs to the agency that receives it; people of that
agency whose role allows ``tips.triage`` view and change it. A partner who submitted a tip
may view it. Everyone else: nothing (404).

Identifying text (the narrative, the tipster's contact, the business name and address,
additions and notes) is encrypted at rest; matching uses keyed blind indexes (``TipKey``,
same kinds and normalisation as ``matching/keys.py``). No IP address is stored anywhere here.
The passphrase is stored as an Argon2 hash.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.core.crypto import EncryptedTextField
from laborlens.core.querysets import RestrictedQuerySet

if TYPE_CHECKING:
    from laborlens.accounts.models import User


class Source(models.TextChoices):
    PUBLIC = "public", _("Member of the public")
    PARTNER = "partner", _("Partner observation")


class Status(models.TextChoices):
    NEW = "new", _("New")
    TRIAGED = "triaged", _("Triaged")
    ASSIGNED = "assigned", _("Assigned")
    SCREENING = "screening", _("Became a screening")
    CASE = "case", _("Linked to a case")
    CLOSED = "closed", _("Closed")


class When(models.TextChoices):
    NOW = "now", _("It is happening now")
    WEEK = "week", _("In the last week")
    MONTH = "month", _("In the last month")
    EARLIER = "earlier", _("Longer ago")
    UNKNOWN = "unknown", _("I don't know")


class Tip(models.Model):
    code = models.CharField(max_length=20, unique=True)
    passphrase_hash = models.CharField(max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="tips",
                               verbose_name=_("receiving agency"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+")
    partner_sector = models.CharField(_("sector"), max_length=20, blank=True)
    language = models.CharField(max_length=2, default="en")
    # The language of the public form the tipster used (core/victim_languages.json): "quc"
    # for a tip sent from the K'iche' page, while ``language`` is what the text reader found.
    page_language = models.CharField(max_length=8, blank=True, default="")
    work_type = models.CharField(_("kind of work"), max_length=40, blank=True)
    when = models.CharField(_("when"), max_length=10, choices=When.choices, default=When.UNKNOWN)
    city = models.CharField(_("city or town"), max_length=100, blank=True)
    observations = models.JSONField(default=list, blank=True)
    # Identifying: ciphertext only in the database.
    narrative = EncryptedTextField(_("what happened"))
    business_name = EncryptedTextField(_("business name"))
    address = EncryptedTextField(_("address"))
    contact = EncryptedTextField(_("contact"))
    # Not identifying: catalogue ids and the triage rule ids, kept in clear for counts.
    indicator_ids = models.JSONField(default=list, blank=True)
    priority = models.PositiveSmallIntegerField(default=9, db_index=True)
    priority_reasons = models.JSONField(default=list, blank=True)
    # The engine's reading of the text (tips/reading.py): readings, federal bases, element
    # statuses and the indicator ids behind them; ids and statuses only, never the text.
    reading = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("assigned to"))
    screening = models.ForeignKey("screening.Screening", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="tips")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "-created_at"]

    def __str__(self) -> str:
        # The code only: str() ends up in logs and error pages.
        return f"Tip {self.code}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        triage = Q(agency_id=user.agency_id) if user.can("tips.triage") else None
        if action == "view":
            own = Q(submitted_by_id=user.pk) if user.can("tips.submit") else None
            if triage is not None and own is not None:
                return triage | own
            return triage if triage is not None else own
        if action == "change":
            return triage
        return None


class TipUpdate(models.Model):
    class Kind(models.TextChoices):
        ADDITION = "addition", _("Added by the tipster")
        QUESTION = "question", _("Question to the tipster")
        NOTE = "note", _("Internal note")

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = EncryptedTextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} on tip {self.tip_id}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        scope = Tip.scope_for(user, action)
        if scope is None:
            return None
        return Q(tip__in=Tip.objects.restrict(user, action).values("pk"))


class TipKey(models.Model):
    """A keyed blind index of one normalised phone, address or business (matching/keys.py)."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="keys")
    kind = models.CharField(max_length=20)
    value = models.CharField(max_length=64)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["kind", "value"])]

    def __str__(self) -> str:
        return f"{self.kind} key on tip {self.tip_id}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if Tip.scope_for(user, action) is None:
            return None
        return Q(tip__in=Tip.objects.restrict(user, action).values("pk"))

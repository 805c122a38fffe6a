"""Releases of de-identified data and the privacy-budget ledger, per agency.

Who sees what: a release belongs to the agency that requested it. Its analysts
(``release.prepare``) and supervisors (``release.approve``) see the agency's releases;
nobody else does, and nobody outside the agency ever does (404). The output is stored
encrypted at rest (``core.crypto``).
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


class Dataset(models.TextChoices):
    CASES = "cases", _("Case records your agency leads (one row per potential victim)")
    VICTIMS = "victims", _("Victim-service records your agency serves (with consent)")
    CTDC = "ctdc", _("CTDC research file (public labour subset)")


class Method(models.TextChoices):
    KANON = "kanon", _("k-anonymous microdata")
    DP_TABLE = "dp_table", _("Differentially private table of counts")
    DP_SYNTH = "dp_synth", _("Differentially private synthetic microdata")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PREVIEWED = "previewed", _("Previewed")
    APPROVED = "approved", _("Approved")
    RELEASED = "released", _("Released")
    REJECTED = "rejected", _("Rejected")


def _release_scope(user: User) -> Q | None:
    if user.can("release.prepare") or user.can("release.approve"):
        return Q(agency_id=user.agency_id)
    return None


class Release(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="releases")
    title = models.CharField(_("title"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=500, blank=True)
    dataset = models.CharField(_("data"), max_length=10, choices=Dataset.choices)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    parameters = models.JSONField(_("parameters"), default=dict)
    seed = models.BigIntegerField(_("seed"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    ledger_dataset = models.CharField(max_length=120)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    # Preview: counts and errors only, never a record (shown to requester and approver).
    preview = models.JSONField(default=dict, blank=True)
    selection = models.JSONField(default=dict, blank=True)
    previewed_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("note"), max_length=500, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True)
    output = EncryptedTextField(_("output (CSV)"))
    output_sha256 = models.CharField(max_length=64, blank=True)
    output_rows = models.PositiveIntegerField(null=True, blank=True)
    record = models.JSONField(default=dict, blank=True)
    charged_epsilon = models.FloatField(default=0.0)
    charged_delta = models.FloatField(default=0.0)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"release {self.pk}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action == "view":
            return _release_scope(user)
        if action == "prepare" and user.can("release.prepare"):
            return Q(agency_id=user.agency_id)
        if action == "approve" and user.can("release.approve"):
            return Q(agency_id=user.agency_id)
        if action == "publish":
            return _release_scope(user)
        return None

    @property
    def is_dp(self) -> bool:
        return self.method in {Method.DP_TABLE, Method.DP_SYNTH}

    @property
    def filename(self) -> str:
        return f"laborlens-release-{self.pk}-{self.method}.csv"


class PrivacyBudget(models.Model):
    """Total (epsilon, delta) a dataset may spend over all its DP releases."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    dataset = models.CharField(max_length=120, unique=True)
    epsilon = models.FloatField()
    delta = models.FloatField(default=0.0)
    set_by = models.CharField(max_length=150)
    set_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["dataset"]

    def __str__(self) -> str:
        return self.dataset

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action == "view":
            return _release_scope(user)
        if action == "change" and user.can("release.approve"):
            return Q(agency_id=user.agency_id)
        return None


class PrivacySpend(models.Model):
    """One charge against a budget; append-only."""

    budget = models.ForeignKey(PrivacyBudget, on_delete=models.PROTECT, related_name="spends")
    epsilon = models.FloatField()
    delta = models.FloatField()
    who = models.CharField(max_length=150)
    what = models.CharField(max_length=300)
    when = models.CharField(max_length=40)  # ISO 8601 from the ledger
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"spend {self.pk} of {self.budget_id}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        scope = _release_scope(user)
        return Q(budget__agency_id=user.agency_id) if scope is not None and action == "view" else None

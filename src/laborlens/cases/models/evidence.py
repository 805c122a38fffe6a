"""Evidence items, their encrypted files and chain of custody (append-only), and the legal
elements each item supports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.cases.models.case import Case, CaseScoped
from laborlens.core.bases import AppendOnly, VersionedModel
from laborlens.core.crypto import EncryptedTextField
from laborlens.core.querysets import RestrictedQuerySet

if TYPE_CHECKING:
    from laborlens.accounts.models import User


class Evidence(CaseScoped, VersionedModel):
    class Kind(models.TextChoices):
        BANK = "bank_records", _("Bank records")
        PHONE = "phone_records", _("Phone records")
        LEASE = "lease", _("Lease")
        CONTRACT = "contract", _("Contract")
        PAY = "pay_records", _("Pay records")
        PHOTO = "photo", _("Photo")
        INTERVIEW = "interview_notes", _("Interview notes")
        SEIZED = "documents_seized", _("Documents seized")
        OTHER = "other", _("Other")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    number = models.CharField(_("item number"), max_length=20)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    source = models.CharField(_("source"), max_length=200, blank=True)
    collected_on = models.DateField(_("collected on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "evidence"
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="cases_evidence_number")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class EvidenceScoped(models.Model):
    class Meta:
        abstract = True

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if Case.scope_for(user, action) is None:
            return None
        return Q(evidence__case__in=Case.objects.restrict(user, action).values("pk"))


class EvidenceFile(EvidenceScoped, AppendOnly):
    """An attachment, stored Fernet-encrypted under MEDIA_ROOT/cases/ with a random name;
    there is no URL for that folder: it is served only by the download view."""

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="files")
    stored_name = models.CharField(max_length=64, unique=True)
    original_name = EncryptedTextField(_("file name"))
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"file {self.pk} of evidence {self.evidence_id}"


class CustodyEvent(EvidenceScoped, AppendOnly):
    class Action(models.TextChoices):
        COLLECTED = "collected", _("Collected")
        TRANSFERRED = "transferred", _("Transferred")
        STORED = "stored", _("Stored")
        CHECKED_OUT = "checked_out", _("Checked out")
        RETURNED = "returned", _("Returned")
        ANALYSED = "analysed", _("Sent for analysis")
        RELEASED = "released", _("Released / disposed")

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="custody")
    at = models.DateTimeField(_("when"))
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    handler = models.CharField(_("handled by"), max_length=200)
    location = models.CharField(_("location"), max_length=200, blank=True)
    notes = models.CharField(_("notes"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%Y-%m-%d}"


class ElementLink(EvidenceScoped):
    """Evidence supporting one element component (e.g. ``means.abuse_of_law_1589a3``), for
    every statute that requires it (see elements.py)."""

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="element_links")
    element = models.CharField(max_length=60)
    note = models.CharField(_("how it supports the element"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["element"]
        constraints = [models.UniqueConstraint(fields=["evidence", "element"], name="cases_link_once")]

    def __str__(self) -> str:
        return self.element

    @property
    def element_info(self) -> Any:
        from laborlens.cases.elements import component

        return component(self.element)

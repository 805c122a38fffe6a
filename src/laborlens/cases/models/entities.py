"""Businesses, places, phones, vehicles and accounts on a case; the keyed blind indexes that match
people and entities across cases; the full-text search documents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.cases.models.case import Case, CaseScoped
from laborlens.cases.models.people import Person
from laborlens.core.bases import VersionedModel
from laborlens.core.crypto import EncryptedJSONField, EncryptedTextField
from laborlens.core.querysets import RestrictedQuerySet


class Entity(CaseScoped, VersionedModel):
    class Kind(models.TextChoices):
        BUSINESS = "business", _("Business")
        LOCATION = "location", _("Location")
        PHONE = "phone", _("Phone")
        VEHICLE = "vehicle", _("Vehicle")
        ACCOUNT = "account", _("Financial account")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="entities")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name or label"), max_length=200)
    trade_name = models.CharField(_("trade name"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    addresses = EncryptedJSONField(_("addresses"))
    phones = EncryptedJSONField(_("phone numbers"))
    identifiers = EncryptedJSONField(_("licence, plate or account numbers"))
    owners = EncryptedJSONField(_("owners"))
    notes = EncryptedTextField(_("notes"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name_plural = "entities"

    def __str__(self) -> str:
        return self.name


class MatchKey(CaseScoped):
    """A keyed blind index of one normalised value (see keys.py); no plaintext."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="match_keys")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, null=True, blank=True, related_name="match_keys")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, null=True, blank=True, related_name="match_keys")
    kind = models.CharField(max_length=20)
    value = models.CharField(max_length=64, db_index=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["kind", "value"])]

    def __str__(self) -> str:
        return f"{self.kind} key on case {self.case_id}"


class SearchDocument(CaseScoped):
    """Non-identifying text of a case, entity or evidence item, full-text indexed
    (SQLite FTS5 table or PostgreSQL GIN index, created in migration 0002)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="search_documents")
    kind = models.CharField(max_length=10)
    object_id = models.PositiveBigIntegerField()
    body = models.TextField()

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="cases_searchdoc_once")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"

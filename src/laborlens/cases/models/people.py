"""People on a case (potential victims, suspects, witnesses; identifying fields encrypted) and the
28 CFR Part 23 reviews of intelligence-only subjects."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.cases.models.case import Case, CaseScoped
from laborlens.cases.models.choices import NibrsEthnicity, NibrsRace, NibrsSex
from laborlens.core.bases import VersionedModel
from laborlens.core.crypto import EncryptedJSONField, EncryptedTextField
from laborlens.core.querysets import RestrictedQuerySet


class Person(CaseScoped, VersionedModel):
    class Role(models.TextChoices):
        VICTIM = "victim", _("Potential victim")
        SUSPECT = "suspect", _("Suspect / controller")
        WITNESS = "witness", _("Witness")

    PREFIX = {"victim": "V", "suspect": "S", "witness": "W"}

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("role in the case"), max_length=10, choices=Role.choices)
    pseudonym = models.CharField(_("pseudonym"), max_length=40)
    # Identifying fields: ciphertext only in the database.
    full_name = EncryptedTextField(_("full name"))
    aliases = EncryptedJSONField(_("aliases"))
    date_of_birth = EncryptedTextField(_("date of birth"))
    phones = EncryptedJSONField(_("phone numbers"))
    emails = EncryptedJSONField(_("e-mail addresses"))
    address = EncryptedTextField(_("address"))
    city = EncryptedTextField(_("city"))
    id_documents = EncryptedJSONField(_("identity documents"))
    notes = EncryptedTextField(_("notes"))
    # Not identifying on their own.
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    is_minor = models.BooleanField(_("minor (under 18)"), default=False)
    # NIBRS demographics (data elements 26-29 victim, 37-39 offender, 47-50 arrestee), each
    # with NIBRS's own "unknown" as an honest answer. Age: exact (low only) or a range
    # (low-high); both empty is "unknown". Not identifying on their own.
    age_low = models.PositiveSmallIntegerField(_("age (or youngest estimate)"), null=True, blank=True)
    age_high = models.PositiveSmallIntegerField(_("oldest estimate"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=NibrsSex.choices, default=NibrsSex.UNKNOWN)
    race = models.CharField(_("race"), max_length=1, choices=NibrsRace.choices, default=NibrsRace.UNKNOWN)
    ethnicity = models.CharField(_("ethnicity"), max_length=1, choices=NibrsEthnicity.choices,
                                 default=NibrsEthnicity.UNKNOWN)
    recorded_by_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    # 28 CFR Part 23: intelligence-only subjects.
    intelligence_only = models.BooleanField(_("intelligence subject only"), default=False)
    justification = EncryptedTextField(_("reasonable-suspicion justification"))
    review_due = models.DateField(_("review date"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["role", "pk"]
        constraints = [models.UniqueConstraint(fields=["case", "pseudonym"], name="cases_pseudonym_unique")]
        # Search matches a pseudonym case-insensitively (search.run): without this, a scan of every person.
        indexes = [models.Index(Upper("pseudonym"), name="cases_person_pseud_upper_idx"),
                   # The dashboard counts potential victims an agency recorded in a period.
                   models.Index(fields=["recorded_by_agency", "role", "created_at"],
                                name="cases_person_agency_role_idx")]

    def __str__(self) -> str:
        # Never the name: str() ends up in logs, the admin and error pages.
        return self.pseudonym


class IntelligenceReview(CaseScoped):
    class Outcome(models.TextChoices):
        REVALIDATED = "revalidated", _("Re-validated")
        PURGED = "purged", _("Purged")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="intelligence_reviews")
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="reviews")
    pseudonym = models.CharField(max_length=40)
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    reason = EncryptedTextField(_("reason"))
    next_review_due = models.DateField(null=True, blank=True)
    # None: purged automatically by `laborlens cases purge-overdue` at the review date.
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.pseudonym} {self.outcome}"

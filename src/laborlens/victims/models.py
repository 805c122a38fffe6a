"""Victim services: a victim record owned by the agency that serves the victim, needs,
consent, a partner directory, referrals, immigration relief and safety.

Who sees what:

* a ``VictimRecord`` is owned by its serving agency (a victim service provider or a
  victim-witness coordinator's agency): its users with ``victims.view`` see all of it;
* members of the case team see the record too, but only the categories of data that a
  valid consent names for their agency (``victims.access.record_categories``); without consent,
  the pseudonym and the service status;
* referrals are seen by the sending (serving) agency and by the receiving organisation,
  which sees only the snapshot of consented data taken when the referral was sent;
* whether a person's identity is shown anywhere is still decided by
  ``identity.access.can_see_identity``.

Identifying and sensitive fields are encrypted at rest (``core.crypto``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.cases.models import Case, Person, may_use_cases, member_cases
from laborlens.core.bases import VersionedModel
from laborlens.core.choices import LANGUAGE_CHOICES
from laborlens.core.crypto import EncryptedJSONField, EncryptedTextField
from laborlens.core.querysets import RestrictedQuerySet

if TYPE_CHECKING:
    from laborlens.accounts.models import User


class Need(models.TextChoices):
    HOUSING = "housing", _("Housing / shelter")
    MEDICAL = "medical", _("Medical care")
    COUNSELLING = "counselling", _("Counselling and support groups")
    ADVOCACY = "advocacy", _("Advocacy")
    LEGAL = "legal", _("Legal help")
    FOOD = "food", _("Food")
    COORDINATION = "coordination", _("Social service coordination")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    CLOTHING = "clothing", _("Clothing")
    INTERPRETER = "interpreter", _("Interpreter")
    IMMIGRATION = "immigration", _("Immigration relief")
    SAFETY = "safety", _("Safety planning")
    EMPLOYMENT = "employment", _("Employment")
    FAMILY = "family", _("Family reunification")
    CHILD_CARE = "child_care", _("Child care")
    TRANSPORT = "transport", _("Transportation")


class Category(models.TextChoices):
    """Categories of data a consent can name."""

    IDENTITY = "identity", _("Identity (name, date of birth, documents)")
    CONTACT = "contact", _("Contact details and safe ways to reach them")
    NEEDS = "needs", _("Needs and services")
    NARRATIVE = "narrative", _("Their account of what happened")
    IMMIGRATION = "immigration", _("Immigration status and relief")
    # Counted, never named, in de-identified statistics the agency publishes (publishing app).
    STATISTICS = "statistics", _("Statistics: counted without identifying details in de-identified releases")


ALL_CATEGORIES = frozenset(Category.values)


def serving_scope(user: User, permission: str) -> Q | None:
    if not user.can(permission):
        return None
    return Q(serving_agency_id=user.agency_id)


class VictimRecord(VersionedModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Receiving services")
        WAITING = "waiting", _("Waiting for services")
        DECLINED = "declined", _("Declined services for now")
        CLOSED = "closed", _("Services ended")

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="victim_record")
    serving_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="victim_records",
                                       verbose_name=_("serving agency"))
    status = models.CharField(_("service status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    identified_on = models.DateField(_("identified on"), default=timezone.localdate)
    preferred_language = models.CharField(_("preferred language"), max_length=8, choices=LANGUAGE_CHOICES,
                                          default="es")
    # Contact (category "contact")
    contact_phone = EncryptedTextField(_("safe phone number"))
    safe_contact = EncryptedTextField(_("safe ways and times to make contact"))
    # Narrative (category "narrative")
    narrative = EncryptedTextField(_("their account, in their words"))
    # Immigration status (category "immigration")
    immigration_status = EncryptedTextField(_("immigration status"))
    # Safety: always seen by the serving agency; the flags are shown to the team.
    family_threatened = models.BooleanField(_("threats against family"), default=False)
    family_abroad = models.BooleanField(_("family abroad at risk"), default=False)
    threat_details = EncryptedTextField(_("details of threats"))
    do_not_contact = models.BooleanField(_("do not contact"), default=False,
                                         help_text=_("No one outside the serving agency may contact this person."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-identified_on", "-pk"]

    def __str__(self) -> str:
        return f"victim record {self.pk}"

    @property
    def pseudonym(self) -> str:
        return self.person.pseudonym

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action == "view":
            owned = serving_scope(user, "victims.view")
            team = Q(person__case__in=member_cases(user)) if may_use_cases(user) else None
            if owned is None:
                return team
            return owned | team if team is not None else owned
        if action == "change":
            return serving_scope(user, "victims.change")
        if action == "relief":
            # Relief is "immigration status and relief" (docs/VICTIM_SERVICES.md): another
            # agency files it only for a case it may change AND under a valid consent
            # naming that agency and the category, like every other victim field.
            owned = serving_scope(user, "victims.change")
            files = (Q(person__case__in=Case.objects.restrict(user, "change").values("pk"))
                     & immigration_consented(user) if user.can("cases.change") else None)
            if owned is None:
                return files
            return owned | files if files is not None else owned
        return None


def immigration_consented(user: User) -> Q:
    """Records whose immigration status and relief the user's agency may handle: it serves
    the victim, or a valid consent shares the category with it."""
    from laborlens.victims.consent import (
        victims_consenting,  # the one rule; identity imports this module
    )

    return Q(pk__in=victims_consenting(user.agency_id, Category.IMMIGRATION)) | Q(serving_agency_id=user.agency_id)


class VictimScoped(models.Model):
    """Owned through the victim record: only the serving agency."""

    class Meta:
        abstract = True

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        permission = "victims.view" if action == "view" else "victims.change"
        if action not in {"view", "change"} or not user.can(permission):
            return None
        return Q(victim__serving_agency_id=user.agency_id)


class NeedItem(VictimScoped, VersionedModel):
    class Urgency(models.TextChoices):
        NOW = "now", _("Immediate (today)")
        SOON = "soon", _("Soon (this week)")
        LATER = "later", _("Later")

    class Status(models.TextChoices):
        IDENTIFIED = "identified", _("Identified")
        REFERRED = "referred", _("Referred")
        MET = "met", _("Being met")
        RESOLVED = "resolved", _("Resolved")
        DECLINED = "declined", _("Declined by the person")

    victim = models.ForeignKey(VictimRecord, on_delete=models.CASCADE, related_name="needs")
    need = models.CharField(_("need"), max_length=20, choices=Need.choices)
    urgency = models.CharField(_("urgency"), max_length=6, choices=Urgency.choices, default=Urgency.SOON)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.IDENTIFIED)
    note = EncryptedTextField(_("note"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["urgency", "need"]
        constraints = [models.UniqueConstraint(fields=["victim", "need"], name="victims_need_once")]

    def __str__(self) -> str:
        return f"{self.need} for victim record {self.victim_id}"


class Consent(VictimScoped):
    """Written, informed, time-limited, naming the recipient and the data; revocable at once."""

    MAX_DAYS = 365

    class Method(models.TextChoices):
        SIGNED = "signed_on_screen", _("Signed on screen (typed name and attestation)")
        UPLOADED = "uploaded", _("Signed paper form, scanned and kept on file")

    victim = models.ForeignKey(VictimRecord, on_delete=models.CASCADE, related_name="consents")
    recipient_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+",
                                         verbose_name=_("recipient agency"))
    categories = models.JSONField(_("categories of data"), default=list)
    purpose = models.CharField(_("purpose"), max_length=300)
    given_on = models.DateField(_("given on"), default=timezone.localdate)
    expires_on = models.DateField(_("expires on"))
    method = models.CharField(_("how it was signed"), max_length=20, choices=Method.choices, default=Method.SIGNED)
    signature = EncryptedTextField(_("signature (typed name)"))
    explained_in = models.CharField(_("explained in"), max_length=8, choices=LANGUAGE_CHOICES, default="es")
    interpreter = models.CharField(_("interpreter (if any)"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-pk"]

    def __str__(self) -> str:
        return f"consent {self.pk}"

    def is_valid(self, today: object = None) -> bool:
        from laborlens.victims.consent import (
            is_valid,  # the one rule (identity imports this module)
        )

        return is_valid(self, today)  # type: ignore[arg-type]

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return str(_("Revoked"))
        if self.expires_on < timezone.localdate():
            return str(_("Expired"))
        return str(_("Valid"))

    @property
    def category_labels(self) -> list[str]:
        labels = dict(Category.choices)
        return [str(labels.get(code, code)) for code in self.categories]


class Partner(models.Model):
    """A directory entry: an agency using LaborLens, or an organisation without users."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    agency = models.OneToOneField(Agency, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="directory_entry", verbose_name=_("LaborLens agency"),
                                  help_text=_("If the organisation uses LaborLens, referrals go to its queue."))
    services = models.JSONField(_("services offered"), default=list)
    languages = models.JSONField(_("languages"), default=list)
    service_area = models.CharField(_("service area"), max_length=200)
    hours = models.CharField(_("hours"), max_length=200, blank=True)
    eligibility = models.CharField(_("eligibility"), max_length=500, blank=True)
    hotline = models.CharField(_("24-hour line"), max_length=40, blank=True)
    phone = models.CharField(_("office phone"), max_length=40, blank=True)
    capacity = models.PositiveIntegerField(_("current capacity (open places)"), null=True, blank=True)
    capacity_updated_at = models.DateTimeField(null=True, blank=True)
    listed_by = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action == "view":
            return Q() if (user.can("victims.view") or user.can("cases.view")) else None
        if action == "change" and user.can("victims.change"):
            return Q(listed_by_id=user.agency_id) | Q(agency_id=user.agency_id)
        return None

    @property
    def service_labels(self) -> list[str]:
        labels = dict(Need.choices)
        return [str(labels.get(code, code)) for code in self.services]

    @property
    def language_labels(self) -> list[str]:
        labels = dict(LANGUAGE_CHOICES)
        return [str(labels.get(code, code)) for code in self.languages]


class Referral(VersionedModel):
    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")

    victim = models.ForeignKey(VictimRecord, on_delete=models.CASCADE, related_name="referrals")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="referrals",
                                verbose_name=_("refer to"))
    need = models.CharField(_("for which need"), max_length=20, choices=Need.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SENT)
    note = models.CharField(_("note to the receiving organisation"), max_length=500, blank=True,
                            help_text=_("No names or contact details here: they travel only with consent."))
    shared_categories = models.JSONField(default=list)
    shared = EncryptedJSONField(_("data shared with consent"))
    follow_up_on = models.DateField(_("follow up on"))
    days_to_referral = models.PositiveIntegerField(default=0)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    received_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(_("reason"), max_length=300, blank=True)
    reminded_on = models.DateField(null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["follow_up_on", "-pk"]

    def __str__(self) -> str:
        return f"referral {self.pk}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        permission = "victims.view" if action == "view" else "victims.change"
        if not user.can(permission):
            return None
        if action in {"view", "change"}:
            return Q(victim__serving_agency_id=user.agency_id) | Q(partner__agency_id=user.agency_id)
        if action == "work":  # the receiving organisation's queue
            return Q(partner__agency_id=user.agency_id)
        return None

    @property
    def open(self) -> bool:
        return self.status not in {self.Status.DECLINED, self.Status.COMPLETED}

    @property
    def follow_up_due(self) -> bool:
        return self.open and self.follow_up_on <= timezone.localdate()


class Relief(VersionedModel):
    class Kind(models.TextChoices):
        CONTINUED_PRESENCE = "cp", _("Continued Presence")
        T_DECLARATION = "t_decl", _("T visa law-enforcement declaration (I-914 Supplement B)")
        U_CERTIFICATION = "u_cert", _("U visa certification (I-918 Supplement B)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        SUBMITTED = "submitted", _("Submitted")
        GRANTED = "granted", _("Granted / signed")
        DENIED = "denied", _("Denied / declined")
        EXPIRED = "expired", _("Expired")
        RENEWAL = "renewal", _("Renewal requested")

    victim = models.ForeignKey(VictimRecord, on_delete=models.CASCADE, related_name="relief")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    requesting_officer = models.CharField(_("requesting or certifying official"), max_length=200)
    federal_partner = models.CharField(_("federal partner"), max_length=200, blank=True,
                                       help_text=_("For Continued Presence: the federal agency that files the request."))
    requested_on = models.DateField(_("requested on"), null=True, blank=True)
    deadline = models.DateField(_("next deadline"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    renewal_due = models.DateField(_("renewal due"), null=True, blank=True)
    decision_note = models.CharField(_("decision note"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "-pk"]
        verbose_name_plural = "relief"

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action not in {"view", "change"}:
            return None
        if action == "change":
            scope = VictimRecord.scope_for(user, "relief")
        else:
            owned = serving_scope(user, "victims.view")
            team = VictimRecord.scope_for(user, "view")
            shared = team & immigration_consented(user) if team is not None else None
            scope = owned | shared if owned is not None and shared is not None else owned or shared
        if scope is None:
            return None
        return Q(victim__in=VictimRecord.objects.filter(scope).values("pk"))

    @property
    def next_date(self) -> object:
        dates = [d for d in (self.deadline, self.renewal_due) if d]
        return min(dates) if dates else None

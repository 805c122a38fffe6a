"""Cases: team, people, entities, evidence mapped to legal elements, operations, tasks.

Who sees what is decided in one place per model, ``scope_for(user, action)``:

* a case is seen by its team (``CaseMember`` rows, read on every request, so adding or
  removing someone takes effect at once) and by supervisors of the lead agency;
* it is changed by team members who are not observers and whose role allows
  ``cases.change``, and by those supervisors;
* everything on a case (people, entities, evidence, plans, reports, tasks, timeline,
  blind-index keys) is scoped through its case;
* whether a person's identity is shown is decided by ``cases.identity.access.can_see_identity``.

Identifying fields of people and entities are encrypted (``core.crypto``); matching and
name search use keyed blind indexes (``MatchKey``, see ``keys.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Upper
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.cases.industries import industry_label
from laborlens.core.crypto import EncryptedJSONField, EncryptedTextField
from laborlens.core.querysets import RestrictedQuerySet

if TYPE_CHECKING:
    from laborlens.accounts.models import User


class Stage(models.TextChoices):
    DISCOVERY = "discovery", _("Discovery")
    SCREENING = "screening", _("Screening")
    INVESTIGATION = "investigation", _("Investigation")
    PROSECUTION = "prosecution", _("Prosecution")
    POST_ADJUDICATION = "post_adjudication", _("Post-adjudication")
    CLOSED = "closed", _("Closed")


STAGE_ORDER = [stage.value for stage in Stage]


class Exploitation(models.TextChoices):
    LABOR = "labor", _("Labor")
    SEX = "sex", _("Sex")
    BOTH = "both", _("Labor and sex")


VISA_CHOICES = [
    ("h2a", _("H-2A (agricultural)")),
    ("h2b", _("H-2B (non-agricultural)")),
    ("j1", _("J-1 (exchange visitor)")),
    ("b2", _("B-2 (tourist; no work allowed)")),
    ("other", _("Other visa")),
    ("none", _("None / U.S. citizen")),
]

CRIME_CHOICES = [
    ("financial", _("Financial crimes")),
    ("drugs", _("Drugs")),
    ("weapons", _("Weapons")),
    ("corruption", _("Corruption")),
    ("organised_crime", _("Organised crime")),
    ("domestic_violence", _("Domestic violence")),
    ("immigration", _("Immigration offences")),
]

LANGUAGE_CHOICES = [
    ("en", "English"), ("es", "Español"), ("pt", "Português"), ("fr", "Français"),
    ("ht", "Kreyòl ayisyen"), ("zh", "中文"), ("vi", "Tiếng Việt"), ("tl", "Tagalog"),
    ("ko", "한국어"), ("th", "ไทย"), ("ru", "Русский"), ("uk", "Українська"), ("ar", "العربية"),
    ("hi", "हिन्दी"), ("ne", "नेपाली"), ("mam", "Mam"), ("quc", "Kʼicheʼ"), ("qu", "Quechua"),
    ("other", _("Other")),
]


def member_cases(user: User, roles: tuple[str, ...] | None = None) -> models.QuerySet:
    """Case ids the user is on now (a subquery, evaluated with the outer query)."""
    memberships = CaseMember.objects.filter(user_id=user.pk)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return memberships.values("case_id")


def on_team_elsewhere(user: User, roles: tuple[str, ...] | None = None) -> Q:
    """For a supervisor (who already sees every case their agency leads): "on the team of
    this case, and the case is led by another agency". The same set as ``member_cases`` once
    OR-ed with the agency's cases, but correlated on the outer row, so PostgreSQL probes the
    (case, user) unique index for the few rows of a page instead of hashing every membership
    of the user first (which cost 100 ms and more at a million cases; BENCHMARKS.md)."""
    memberships = CaseMember.objects.filter(case_id=OuterRef("pk"), user_id=user.pk)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return Q(Exists(memberships.filter(~Q(Exact(OuterRef("lead_agency_id"), user.agency_id)))))


def may_use_cases(user: User) -> bool:
    """Victim advocates use cases they are on (their role has victims.view, not cases.view)."""
    return user.can("cases.view") or user.can("victims.view")


class VersionedModel(models.Model):
    """Optimistic locking: an edit names the version it started from (services.save_versioned)."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class Case(VersionedModel):
    number = models.CharField(_("case number"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    lead_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="led_cases",
                                    verbose_name=_("lead agency"))
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.DISCOVERY)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=200, blank=True)
    industry = models.CharField(_("industry"), max_length=40, blank=True)
    visa_programmes = models.JSONField(_("visa programmes"), default=list, blank=True)
    exploitation = models.CharField(_("type of exploitation"), max_length=10,
                                    choices=Exploitation.choices, default=Exploitation.LABOR)
    co_occurring_crimes = models.JSONField(_("co-occurring crimes"), default=list, blank=True)
    summary = models.TextField(_("summary"), blank=True, max_length=5000)
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    # When the offence happened (NIBRS data element 3, incident date and hour), from the
    # facts of the case: not the date the case was opened. Empty: not known yet.
    incident_date = models.DateField(_("incident date"), null=True, blank=True,
                                     help_text=_("When the trafficking began or was discovered, from the facts (NIBRS incident date)."))
    incident_hour = models.PositiveSmallIntegerField(_("incident hour (0-23)"), null=True, blank=True,
                                                     help_text=_("Leave empty if the hour is not known."))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        # The case list's order (newest first) read straight from an index, for everyone and
        # per lead agency (a supervisor's scope); see BENCHMARKS.md "Scale".
        indexes = [
            models.Index(models.F("opened_on").desc(), models.F("id").desc(), name="cases_case_opened_idx"),
            models.Index(models.F("lead_agency"), models.F("opened_on").desc(), models.F("id").desc(),
                         name="cases_case_agency_opened_idx"),
            # "Recently changed" (the list's -updated sort, keyset keys updated_at, pk).
            models.Index(models.F("updated_at").desc(), models.F("id").desc(), name="cases_case_updated_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        supervises = Q(lead_agency_id=user.agency_id) if user.can("cases.supervise") else None
        roles: tuple[str, ...] | None
        if action in {"view", "export"}:
            if not may_use_cases(user):
                return None
            roles = None
        elif action == "change":
            if not user.can("cases.change"):
                return None
            roles = CaseMember.EDITING_ROLES
        elif action == "manage_team":
            if not user.can("cases.change"):
                return None
            roles = ("lead",)
        elif action == "add_screening":
            # A screening is attached by anyone on the team who runs screenings, the line
            # officer included (their role cannot change the case), but not an observer.
            if not (may_use_cases(user) and user.can("screening.run")):
                return None
            roles = tuple(role for role in CaseMember.Role.values if role != CaseMember.Role.OBSERVER)
        elif action == "supervise":
            return supervises
        else:
            return None
        if supervises is None or user.agency_id is None:
            return Q(pk__in=member_cases(user, roles))
        return supervises | on_team_elsewhere(user, roles)

    @property
    def industry_label(self) -> str:
        return industry_label(self.industry) if self.industry else ""

    @property
    def visa_labels(self) -> list[str]:
        labels = dict(VISA_CHOICES)
        return [str(labels.get(code, code)) for code in self.visa_programmes]

    @property
    def crime_labels(self) -> list[str]:
        labels = dict(CRIME_CHOICES)
        return [str(labels.get(code, code)) for code in self.co_occurring_crimes]


class CaseScoped(models.Model):
    """Anything that belongs to a case is visible exactly when its case is."""

    case_action_map: dict[str, str] = {}

    class Meta:
        abstract = True

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        case_action = cls.case_action_map.get(action, action)
        if Case.scope_for(user, case_action) is None:
            return None
        return Q(case__in=Case.objects.restrict(user, case_action).values("pk"))


class CaseMember(CaseScoped):
    EDITING_ROLES = ("lead", "investigator", "prosecutor", "analyst")

    class Role(models.TextChoices):
        LEAD = "lead", _("Case lead")
        INVESTIGATOR = "investigator", _("Investigator")
        PROSECUTOR = "prosecutor", _("Prosecutor")
        ADVOCATE = "advocate", _("Victim advocate")
        ANALYST = "analyst", _("Analyst")
        OBSERVER = "observer", _("Observer (read only)")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_memberships")
    role = models.CharField(_("role on the case"), max_length=20, choices=Role.choices)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["role", "user__username"]
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="cases_member_once")]
        # "Which cases is this user on": answered from the index alone (the visibility rule).
        indexes = [models.Index(fields=["user", "case"], name="cases_member_user_case_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} on case {self.case_id} as {self.role}"


class NibrsSex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    UNKNOWN = "U", _("Unknown")


class NibrsRace(models.TextChoices):
    WHITE = "W", _("White")
    BLACK = "B", _("Black or African American")
    NATIVE = "I", _("American Indian or Alaska Native")
    ASIAN = "A", _("Asian")
    PACIFIC = "P", _("Native Hawaiian or Other Pacific Islander")
    UNKNOWN = "U", _("Unknown")


class NibrsEthnicity(models.TextChoices):
    HISPANIC = "H", _("Hispanic or Latino")
    NOT_HISPANIC = "N", _("Not Hispanic or Latino")
    UNKNOWN = "U", _("Unknown")


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


class AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError(f"{type(self).__name__} records are append-only")
        super().save(*args, **kwargs)


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


class OperationPlan(CaseScoped, VersionedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for sign-off")
        APPROVED = "approved", _("Signed off")
        RETURNED = "returned", _("Returned for changes")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="operations")
    title = models.CharField(_("title"), max_length=200)
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    potential_victims = models.PositiveIntegerField(_("How many potential victims?"), null=True, blank=True)
    separation = models.TextField(_("How will they be separated from suspects?"), blank=True, max_length=3000)
    housing = models.TextField(_("Where will they be housed?"), blank=True, max_length=3000)
    services = models.TextField(_("Which services will they need?"), blank=True, max_length=3000)
    interpreters = models.TextField(_("Interpreters and languages needed"), blank=True, max_length=3000)
    movement = models.TextField(_("Movement patterns"), blank=True, max_length=3000)
    ownership = models.TextField(_("Who owns the establishment, and what else do they own?"), blank=True, max_length=3000)
    security = models.TextField(_("Security and weapons"), blank=True, max_length=3000)
    informants = models.TextField(_("Informants"), blank=True, max_length=3000)
    advocates = models.TextField(_("Victim advocates present"), blank=True, max_length=3000)
    supervisor_note = models.TextField(_("supervisor's note"), blank=True, max_length=2000)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    QUESTIONS = ("potential_victims", "separation", "housing", "services", "interpreters",
                 "movement", "ownership", "security", "informants", "advocates")

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return self.title


class AfterActionReport(CaseScoped, VersionedModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reports")
    operation = models.ForeignKey(OperationPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports")
    title = models.CharField(_("title"), max_length=200)
    what_happened = models.TextField(_("What happened"), max_length=8000)
    what_worked = models.TextField(_("What worked"), blank=True, max_length=5000)
    what_did_not = models.TextField(_("What did not work"), blank=True, max_length=5000)
    lessons = models.TextField(_("Lessons learned"), blank=True, max_length=5000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    SECTIONS = ("what_happened", "what_worked", "what_did_not", "lessons")

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return self.title


class Task(CaseScoped):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="case_tasks", verbose_name=_("assigned to"))
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def overdue(self) -> bool:
        return self.done_at is None and self.due_on is not None and self.due_on < timezone.localdate()


class TimelineEntry(CaseScoped):
    """What happened on the case, in words free of identities (pseudonyms, item numbers)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(default=timezone.now)
    text = models.CharField(max_length=500)
    is_note = models.BooleanField(default=False)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "timeline entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} case {self.case_id}"


class Dissemination(models.Model):
    """28 CFR 23.20(g): every release outside the agency, with recipient, reason and date."""

    class What(models.TextChoices):
        TEAM = "team", _("Access as a case team member")
        REPORT = "report", _("After-action report, identities removed")
        SUMMARY = "summary", _("Case summary, told outside LaborLens")
        OTHER = "other", _("Other information, told outside LaborLens")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="disseminations")
    recipient_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+",
                                         verbose_name=_("recipient agency"))
    recipient_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                       blank=True, related_name="+", verbose_name=_("recipient person"))
    what = models.CharField(_("what is shared"), max_length=10, choices=What.choices)
    report = models.ForeignKey(AfterActionReport, on_delete=models.SET_NULL, null=True, blank=True, related_name="disseminations")
    reason = models.CharField(_("reason"), max_length=500)
    disseminated_on = models.DateField(_("date"), default=timezone.localdate)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-disseminated_on", "-pk"]

    def __str__(self) -> str:
        return f"case {self.case_id} to agency {self.recipient_agency_id}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action == "view":
            if Case.scope_for(user, "view") is None:
                return None
            return Q(case__in=Case.objects.restrict(user, "view").values("pk"))
        if action == "received" and user.can("cases.view"):
            # What another agency shared with mine: only the redacted report.
            return Q(recipient_agency_id=user.agency_id, what=cls.What.REPORT, report__isnull=False)
        return None


class DeconflictionNotice(models.Model):
    """A possible overlap with another agency's case. Shown to this case's leads and the
    lead agency's supervisors, naming only the other agency and a contact."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notices")
    other_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")  # never displayed
    other_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    contact = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    match_kind = models.CharField(max_length=20)
    fuzzy = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["acknowledged_at", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["case", "other_case", "match_kind"], name="cases_notice_once")]

    def __str__(self) -> str:
        return f"deconfliction notice {self.pk}"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        if action not in {"view", "change"} or not may_use_cases(user):
            return None
        scope = Q(case__in=member_cases(user, ("lead",)))
        if user.can("cases.supervise"):
            scope |= Q(case__lead_agency_id=user.agency_id)
        return scope

    @property
    def kind_label(self) -> str:
        from laborlens.cases.deconfliction import kind_label

        return kind_label(self.match_kind)


class Charge(CaseScoped, VersionedModel):
    """An outcome record: one charge against one defendant, from arrest to disposition.

    The statute is a code from ``elements.statutes()`` (the catalogue's statutes); it is
    kept as text so that the catalogue can grow without a migration. Counted (never
    named) by the metrics dashboard and the funder report."""

    class Disposition(models.TextChoices):
        PENDING = "pending", _("Pending")
        CONVICTED = "convicted", _("Convicted at trial")
        PLEA = "plea", _("Guilty plea")
        ACQUITTED = "acquitted", _("Acquitted")
        DISMISSED = "dismissed", _("Dismissed")

    CONVICTIONS = (Disposition.CONVICTED, Disposition.PLEA)

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="charges")
    defendant = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="charges",
                                  verbose_name=_("defendant"))
    statute = models.CharField(_("statute"), max_length=40)
    arrested_on = models.DateField(_("arrested on"), null=True, blank=True)
    charged_on = models.DateField(_("charged on"), null=True, blank=True)
    prosecution_filed_on = models.DateField(_("prosecution filed on"), null=True, blank=True)
    disposition = models.CharField(_("disposition"), max_length=10, choices=Disposition.choices,
                                   default=Disposition.PENDING)
    disposed_on = models.DateField(_("disposed on"), null=True, blank=True)
    restitution_ordered = models.DecimalField(_("restitution ordered (USD)"), max_digits=12, decimal_places=2,
                                              null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"charge {self.pk} ({self.statute}) on case {self.case_id}"

    @property
    def statute_label(self) -> str:
        from laborlens.cases.elements import statutes

        for item in statutes():
            if item.code == self.statute:
                return f"{item.citation} · {item.title}"
        return self.statute


class Interview(CaseScoped):
    """A victim interview held (not its content: that is evidence). Counted by metrics."""

    class Kind(models.TextChoices):
        FORENSIC = "forensic", _("Forensic interview")
        FOLLOW_UP = "follow_up", _("Follow-up interview")
        TRIAL_PREP = "trial_prep", _("Trial preparation")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interviews")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interviews",
                               verbose_name=_("person interviewed"))
    held_on = models.DateField(_("held on"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.FORENSIC)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="es")
    interpreter_used = models.BooleanField(_("interpreter used"), default=False)
    advocate_present = models.BooleanField(_("victim advocate present"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"interview {self.pk} on case {self.case_id}"

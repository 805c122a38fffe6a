"""The case, its team, and the rule of who sees a case that everything on it follows (``scope_for``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.cases.models.choices import CRIME_CHOICES, VISA_CHOICES, Exploitation, Stage
from laborlens.catalogue.industries import industry_label
from laborlens.core.bases import VersionedModel
from laborlens.core.querysets import RestrictedQuerySet
from laborlens.core.victim_i18n import ui_lang

if TYPE_CHECKING:
    from laborlens.accounts.models import User


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
    """The named set ``case_work`` (accounts/roles.json): victim advocates use the cases they
    are on too (their role has victims.view, not cases.view)."""
    return user.can("case_work")


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
        return industry_label(self.industry, ui_lang()) if self.industry else ""

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

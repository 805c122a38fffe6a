"""What is shared beyond the case: disseminations outside the agency (28 CFR 23.20(g)) and
deconfliction notices about another agency's overlapping case."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.cases.models.case import Case, may_use_cases, member_cases
from laborlens.cases.models.operations import AfterActionReport
from laborlens.core.querysets import RestrictedQuerySet

if TYPE_CHECKING:
    from laborlens.accounts.models import User


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

"""A saved screening: answers given in the field and the engine's reading of them.

Answers (with the officer's notes, which may name people) are encrypted at rest; the
reading and the ids of present indicators stay in clear for counts and trends.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.core.crypto import EncryptedJSONField
from laborlens.core.querysets import RestrictedQuerySet

AGE_GROUPS = [("adult", _("Adult")), ("minor", _("Minor (under 18)")), ("unknown", _("Not known"))]
SETTINGS = [
    ("traffic_stop", _("Traffic stop")),
    ("workplace", _("Workplace or inspection")),
    ("residence", _("Residence")),
    ("call_for_service", _("Call for service")),
    ("interview", _("Planned interview")),
    ("hotline_or_tip", _("Hotline or tip follow-up")),
    ("other", _("Other")),
]
LANGUAGES = [("en", "English"), ("es", "Español")]


class Screening(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="screenings")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="screenings")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    label = models.CharField(
        _("label"), max_length=80,
        help_text=_("A pseudonym or short description, e.g. 'Worker 2, farm on Route 9'. Never a name."),
    )
    age_group = models.CharField(_("age group"), max_length=10, choices=AGE_GROUPS, default="unknown")
    setting = models.CharField(_("where"), max_length=20, choices=SETTINGS, default="other")
    question_language = models.CharField(_("read questions in"), max_length=2, choices=LANGUAGES, default="en")
    answers = EncryptedJSONField(default=dict, blank=True)
    result = EncryptedJSONField(default=dict, blank=True)
    reading = models.CharField(max_length=30, blank=True, db_index=True)
    present_indicators = models.JSONField(default=list, blank=True)
    catalogue_version = models.CharField(max_length=20, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    # Answers given under a question whose "yes" did not mean the indicator (catalogue before
    # 2026.12.0): [{"item", "recorded", "yes_means", "catalogue_version"}]. Never changed
    # silently; an item leaves the list when the officer answers it again.
    answers_to_review = models.JSONField(default=list, blank=True)
    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="screenings")
    # Chosen by the phone that queued the screening offline (a UUID), so that sending it again
    # after a dropped connection finds the first copy instead of creating a second one.
    idempotency_key = models.UUIDField(null=True, blank=True, editable=False)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        # The dashboard counts an agency's screenings in a period.
        indexes = [models.Index(fields=["agency", "created_at"], name="screening_agency_created_idx")]
        constraints = [models.UniqueConstraint(fields=["agency", "idempotency_key"],
                                               name="screening_agency_idempotency_key_uniq")]

    def __str__(self) -> str:
        return f"Screening {self.pk}: {self.label}"

    @classmethod
    def scope_for(cls, user: object, action: str) -> Q | None:
        """The officer who ran it, whoever it was sent to (``ScreeningHandoff``), supervisors
        of the same agency and the team of the case it is attached to may read it. Only the
        officer changes it; the officer or a recipient who has not handled it attaches it."""
        from laborlens.cases.models import Case

        mine = Q(created_by_id=user.pk)  # type: ignore[attr-defined]
        if action == "change":
            return mine
        if action == "attach":  # to a case: its officer, or someone it was sent to and not yet handled
            return mine | _sent_to(user, pending=True)
        if action != "view":
            return None
        scope = mine | _sent_to(user, pending=False)
        if user.can("cases.supervise"):  # type: ignore[attr-defined]
            scope |= Q(agency_id=user.agency_id)  # type: ignore[attr-defined]
        if Case.scope_for(user, "view") is not None:  # type: ignore[arg-type]
            scope |= Q(case__in=Case.objects.restrict(user, "view").values("pk"))
        return scope


def _sent_to(user: object, *, pending: bool) -> Q:
    """Screenings sent to this user, while they work in the screening's agency (a recipient
    who moves to another agency no longer sees them)."""
    handoffs = ScreeningHandoff.objects.filter(recipient_id=user.pk)  # type: ignore[attr-defined]
    if pending:
        handoffs = handoffs.filter(handled_at__isnull=True)
    return Q(pk__in=handoffs.values("screening_id"), agency_id=user.agency_id)  # type: ignore[attr-defined]


class ScreeningHandoff(models.Model):
    """A screening sent by its officer to a named colleague (an investigator or supervisor of
    the same agency), who finds it in "My work" until they attach it to a case or mark it
    handled. The screening itself stays its officer's to answer."""

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="handoffs")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="screenings_received", verbose_name=_("send to"))
    sent_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-pk"]
        # "What was sent to me and is not handled yet" (My work) from the index.
        indexes = [models.Index(fields=["recipient", "handled_at"], name="screening_handoff_inbox_idx")]

    def __str__(self) -> str:
        return f"screening {self.screening_id} sent to user {self.recipient_id}"

    @classmethod
    def scope_for(cls, user: object, action: str) -> Q | None:
        """Its sender and its recipient see it; only the recipient marks it handled."""
        if action == "view":
            return Q(recipient_id=user.pk) | Q(sent_by_id=user.pk)  # type: ignore[attr-defined]
        if action == "handle":
            return Q(recipient_id=user.pk, handled_at__isnull=True,  # type: ignore[attr-defined]
                     screening__agency_id=user.agency_id)  # type: ignore[attr-defined]
        return None

"""What is to be told to whom: an outbox of e-mail notifications and each user's choices.

A ``Notification`` row is written in the same transaction as the event it tells of (a
referral sent, a deconfliction match...), together with the queue task that sends it, so
either both commit or neither does. The row holds a kind and the site path of the object
page, never a name, a case title or any other detail: the mail says what happened in plain
words and links to a page that itself asks the reader to sign in and checks their scope.
The one name a mail may hold is the colleague's who sent something to the reader
(``NAMES_SENDER``), never the name of anyone it concerns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.core.querysets import RestrictedQuerySet

if TYPE_CHECKING:
    from laborlens.accounts.models import User


class Kind(models.TextChoices):
    REFERRAL_RECEIVED = "referral_received", _("A referral was sent to your organisation")
    REFERRAL_ANSWERED = "referral_answered", _("A referral you sent was accepted or declined")
    DECONFLICTION = "deconfliction", _("A case may overlap with another agency's case")
    TASK_DUE = "task_due", _("A task assigned to you is due tomorrow or overdue")
    REMINDER_DUE = "reminder_due", _("A consent renewal, follow-up or deadline is coming up")
    RELEASE_APPROVAL = "release_approval", _("A statistical release is waiting for approval")
    SCREENING_SENT = "screening_sent", _("A screening was sent to you")


# The kinds whose mail names the colleague who acted (a screening comes from a named officer of
# the recipient's own agency, as "My work" shows): that person only, never whom it concerns.
NAMES_SENDER = frozenset({Kind.SCREENING_SENT})


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DIGEST = "digest", _("In one daily summary")


class Preference(models.Model):
    """One user's choice for one kind; without a row the kind is on and sent at once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notification_preferences")
    kind = models.CharField(_("notification"), max_length=30, choices=Kind.choices)
    enabled = models.BooleanField(_("send me this"), default=True)
    delivery = models.CharField(_("when"), max_length=10, choices=Delivery.choices,
                                default=Delivery.IMMEDIATE)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notifications_pref_once")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind} {'on' if self.enabled else 'off'} ({self.delivery})"


class Notification(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        DROPPED = "dropped", _("Not sent")
        FAILED = "failed", _("Failed")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="notifications")
    kind = models.CharField(_("notification"), max_length=30, choices=Kind.choices)
    # The object page, relative to LABORLENS_BASE_URL (e.g. /victims/referrals/12/).
    path = models.CharField(max_length=200)
    # The colleague who acted, for the kinds in NAMES_SENDER (their name is in the mail); empty
    # for the others.
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    # Periodic reminders name what they remind of (e.g. "task:7:overdue:2026-05-01") so that
    # a daily job tells each person once, however often it runs.
    dedupe_key = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "dedupe_key"],
                                               condition=~Q(dedupe_key=""),
                                               name="notifications_once_per_key")]
        indexes = [models.Index(fields=["status", "delivery", "recipient"],
                                name="notifications_pending_idx")]

    def __str__(self) -> str:
        return f"notification {self.pk} ({self.kind}, {self.status})"

    @classmethod
    def scope_for(cls, user: User, action: str) -> Q | None:
        # Everyone sees the notifications addressed to them, and nobody else's.
        return Q(recipient_id=user.pk) if action == "view" else None

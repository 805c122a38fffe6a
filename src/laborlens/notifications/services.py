"""Who is told of what, and the mail that tells them.

The hooks (``referral_sent``, ``referral_answered``, ``deconfliction_match``,
``release_awaits_approval``, ``screening_sent``) are called by the services of the other apps inside the
transaction of the change; the periodic ``queue_due_reminders`` and ``queue_digests`` run on
the queue (``ops/tasks.py``). Every recipient must be active, have an e-mail address, want
this kind, and be able to open the object (the model's ``restrict()``), so nobody is told of
anything outside their scope.

A mail holds the kind in plain words and a link; never a name, a case title or number, a
note, a phone number or any other detail. The page behind the link asks for sign-in and
checks scope again. A screening sent to the reader names the colleague who sent it (the one
name a mail holds: staff of the reader's agency, never whom the screening concerns).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.notifications.models import NAMES_SENDER, Delivery, Kind, Notification, Preference

if TYPE_CHECKING:
    from laborlens.accounts.models import User
    from laborlens.cases.models import DeconflictionNotice
    from laborlens.publishing.models import Release
    from laborlens.screening.models import ScreeningHandoff
    from laborlens.victims.models import Referral

logger = logging.getLogger(__name__)

REMINDER_HORIZON_DAYS = 14
DIGEST_LINKS_PER_KIND = 25

# --- preferences ---------------------------------------------------------------------------


def preferences_of(user: User) -> dict[str, tuple[bool, str]]:
    """Kind -> (enabled, delivery) for every kind, defaults filled in."""
    chosen = {p.kind: (p.enabled, p.delivery) for p in Preference.objects.filter(user=user)}
    return {kind: chosen.get(kind, (True, Delivery.IMMEDIATE.value)) for kind in Kind.values}


def save_preferences(user: User, choices: dict[str, tuple[bool, str]], *, language: str | None = None,
                     request: Any = None) -> None:
    now = timezone.now()
    with transaction.atomic():
        for kind, (enabled, delivery) in choices.items():
            if kind not in Kind.values or delivery not in Delivery.values:
                raise ValueError(f"unknown notification kind or delivery: {kind}, {delivery}")
            Preference.objects.update_or_create(user=user, kind=kind, defaults={
                "enabled": enabled, "delivery": delivery, "updated_at": now})
        if language and language != user.preferred_language:
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
        record_event(EventTag.NOTIFICATION_PREFERENCES_CHANGED, request=request, actor=user, obj=user,
                     detail={"off": sorted(k for k, (on, _d) in choices.items() if not on),
                             "digest": sorted(k for k, (on, d) in choices.items() if on and d == Delivery.DIGEST),
                             "language": user.preferred_language})


# --- writing notifications -----------------------------------------------------------------


def reachable(user: User) -> bool:
    return bool(user.is_active and (user.email or "").strip())


def notify(users: Iterable[User], kind: str, path: str, *, scope_model: type[models.Model], scope_pk: int,
           scope_action: str = "view", actor: User | None = None, dedupe_key: str = "") -> list[Notification]:
    """Queue one notification per user who may open the object; call inside the event's
    transaction (the row and its send task commit with the change, or not at all). The actor
    is told nothing, and is kept on the row (its name goes in the mail) for ``NAMES_SENDER``."""
    if not getattr(settings, "NOTIFICATIONS_ENABLED", False):
        return []
    from laborlens.notifications.tasks import send_notification

    made: list[Notification] = []
    seen: set[int] = set()
    for user in users:
        if user.pk in seen or (actor is not None and user.pk == actor.pk) or not reachable(user):
            continue
        seen.add(user.pk)
        if not scope_model.objects.restrict(user, scope_action).filter(pk=scope_pk).exists():  # type: ignore[attr-defined]
            continue  # outside their scope: they are told nothing
        enabled, delivery = preferences_of(user)[kind]
        if not enabled:
            continue
        if dedupe_key and Notification.objects.filter(recipient=user, dedupe_key=dedupe_key).exists():
            continue
        try:
            with transaction.atomic():
                row = Notification.objects.create(recipient=user, kind=kind, path=path, delivery=delivery,
                                                  dedupe_key=dedupe_key,
                                                  sent_by=actor if kind in NAMES_SENDER else None)
                if delivery == Delivery.IMMEDIATE:
                    send_notification.enqueue(row.pk)
        except IntegrityError:
            continue  # another job wrote the same reminder a moment ago
        made.append(row)
    return made


def _agency_users(agency_id: int | None) -> list[User]:
    from laborlens.accounts.models import User

    if agency_id is None:
        return []
    return list(User.objects.filter(agency_id=agency_id, is_active=True).exclude(email=""))


def referral_sent(referral: Referral, *, by: User) -> list[Notification]:
    """The receiving organisation's service staff (those who work its referral queue)."""
    from laborlens.victims.models import Referral

    return notify(_agency_users(referral.partner.agency_id), Kind.REFERRAL_RECEIVED,
                  reverse("victims:referral", args=[referral.pk]), scope_model=Referral,
                  scope_pk=referral.pk, scope_action="work", actor=by)


def referral_answered(referral: Referral, *, by: User) -> list[Notification]:
    """The person who sent the referral, once it is accepted or declined."""
    from laborlens.victims.models import Referral

    return notify([referral.sent_by], Kind.REFERRAL_ANSWERED, reverse("victims:referral", args=[referral.pk]),
                  scope_model=Referral, scope_pk=referral.pk, actor=by,
                  dedupe_key=f"referral:{referral.pk}:answered")


def deconfliction_match(notice: DeconflictionNotice) -> list[Notification]:
    """Who sees the notice (its case's leads and the lead agency's supervisors), once per
    pair of cases however many of their details matched."""
    from laborlens.cases.models import CaseMember, DeconflictionNotice

    case = notice.case
    leads = [m.user for m in CaseMember.objects.filter(case=case, role=CaseMember.Role.LEAD).select_related("user")]
    supervisors = [u for u in _agency_users(case.lead_agency_id) if u.can("cases.supervise")]
    return notify([*leads, *supervisors], Kind.DECONFLICTION, reverse("cases:detail", args=[case.pk]),
                  scope_model=DeconflictionNotice, scope_pk=notice.pk,
                  dedupe_key=f"deconfliction:{case.pk}:{notice.other_case_id}")


def release_awaits_approval(release: Release, *, by: User) -> list[Notification]:
    """The agency's approvers other than the requester (who may not approve their own)."""
    from laborlens.publishing.models import Release

    approvers = [u for u in _agency_users(release.agency_id)
                 if u.can("release.approve") and u.pk != release.requested_by_id]
    return notify(approvers, Kind.RELEASE_APPROVAL, reverse("publishing:detail", args=[release.pk]),
                  scope_model=Release, scope_pk=release.pk, actor=by, dedupe_key=f"release:{release.pk}:approval")


def screening_sent(handoff: ScreeningHandoff, *, by: User) -> list[Notification]:
    """The colleague a screening was sent to (once per sending: sent again after they handled
    it, they are told again)."""
    from laborlens.screening.models import Screening

    return notify([handoff.recipient], Kind.SCREENING_SENT,
                  reverse("screening:detail", args=[handoff.screening_id]), scope_model=Screening,
                  scope_pk=handoff.screening_id, actor=by, dedupe_key=f"screening_handoff:{handoff.pk}")


def queue_due_reminders(today: date | None = None) -> dict[str, int]:
    """The daily job: tasks due tomorrow or overdue (to the assignee), consents expiring
    within two weeks (to whoever recorded them), referral follow-ups that have come (to the
    sender) and relief deadlines, renewals and expiries within two weeks (to whoever keeps
    the relief record). Each is told once per date."""
    from laborlens.cases.models import Task
    from laborlens.victims.models import Consent, Referral, Relief, VictimRecord

    today = today or timezone.localdate()
    horizon = today + timedelta(days=REMINDER_HORIZON_DAYS)
    counts: Counter[str] = Counter({"tasks": 0, "consents": 0, "referrals": 0, "relief": 0})
    with transaction.atomic():
        for task in (Task.objects.filter(done_at__isnull=True, assignee__isnull=False,
                                         due_on__lte=today + timedelta(days=1)).select_related("assignee")):
            assert task.due_on is not None and task.assignee is not None  # noqa: S101  (filtered above)
            when = "overdue" if task.due_on < today else "due"
            counts["tasks"] += len(notify([task.assignee], Kind.TASK_DUE, reverse("cases:detail", args=[task.case_id]),
                                          scope_model=Task, scope_pk=task.pk,
                                          dedupe_key=f"task:{task.pk}:{when}:{task.due_on.isoformat()}"))
        for consent in (Consent.objects.filter(revoked_at__isnull=True, expires_on__gte=today, expires_on__lte=horizon)
                        .select_related("recorded_by")):
            counts["consents"] += len(notify(
                [consent.recorded_by], Kind.REMINDER_DUE, reverse("victims:detail", args=[consent.victim_id]),
                scope_model=VictimRecord, scope_pk=consent.victim_id,
                dedupe_key=f"consent:{consent.pk}:{consent.expires_on.isoformat()}"))
        for referral in (Referral.objects.exclude(status__in=[Referral.Status.DECLINED, Referral.Status.COMPLETED])
                         .filter(follow_up_on__lte=today).select_related("sent_by")):
            counts["referrals"] += len(notify(
                [referral.sent_by], Kind.REMINDER_DUE, reverse("victims:referral", args=[referral.pk]),
                scope_model=Referral, scope_pk=referral.pk,
                dedupe_key=f"referral:{referral.pk}:follow_up:{referral.follow_up_on.isoformat()}"))
        for relief in (Relief.objects.exclude(status__in=[Relief.Status.DENIED, Relief.Status.EXPIRED])
                       .select_related("created_by")):
            dates = [d for d in (relief.deadline, relief.renewal_due, relief.expires_on) if d and d <= horizon]
            if not dates:
                continue
            counts["relief"] += len(notify(
                [relief.created_by], Kind.REMINDER_DUE, reverse("victims:detail", args=[relief.victim_id]),
                scope_model=VictimRecord, scope_pk=relief.victim_id,
                dedupe_key=f"relief:{relief.pk}:{min(dates).isoformat()}"))
    return dict(counts)


def queue_digests() -> int:
    """The daily job: one digest task per person with notifications kept for the digest."""
    from laborlens.notifications.tasks import send_digest

    users = sorted(set(Notification.objects.filter(status=Notification.Status.PENDING, delivery=Delivery.DIGEST)
                       .values_list("recipient_id", flat=True)))
    with transaction.atomic():
        for user_id in users:
            send_digest.enqueue(user_id)
    return len(users)


# --- the mail ------------------------------------------------------------------------------


def absolute(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def _language(user: User) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return user.preferred_language if user.preferred_language in codes else settings.LANGUAGE_CODE


def _footer() -> str:
    return "\n".join([
        "--",
        _("This e-mail holds no names or case details on purpose: open the link and sign in to see them."),
        _("Choose which e-mails you receive: %(url)s") % {"url": absolute(reverse("notifications:preferences"))},
        _("This mailbox is not read; do not reply."),
    ])


def _sender_name(sender: User | None) -> str:
    return (sender.get_full_name() or sender.username) if sender is not None else ""


def compose(user: User, kind: str, path: str, *, sender: User | None = None) -> EmailMessage:
    """``sender`` (the colleague who acted) is named only for the kinds in ``NAMES_SENDER``."""
    with translation.override(_language(user)):
        label = str(Kind(kind).label)
        sent_by = ([_("Sent by %(name)s.") % {"name": _sender_name(sender)}]
                   if sender is not None and kind in NAMES_SENDER else [])
        body = "\n".join([
            f"{label}.", *sent_by, "",
            _("Open it in LaborLens (you will be asked to sign in):"), absolute(path), "",
            _footer(), ""])
        subject = _("LaborLens: %(what)s") % {"what": label.lower()}
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email])


def compose_digest(user: User, rows: list[Notification]) -> EmailMessage:
    by_kind: dict[str, list[str]] = {}
    for row in rows:
        paths = by_kind.setdefault(row.kind, [])
        if row.path not in paths:
            paths.append(row.path)
    counts = Counter(row.kind for row in rows)
    with translation.override(_language(user)):
        lines = [_("Since your last summary:"), ""]
        for kind in Kind.values:
            if kind not in counts:
                continue
            lines.append(f"{Kind(kind).label}: {counts[kind]}")
            lines.extend(f"  {absolute(path)}" for path in by_kind[kind][:DIGEST_LINKS_PER_KIND])
            if len(by_kind[kind]) > DIGEST_LINKS_PER_KIND:
                lines.append("  " + _("…and more in My work: %(url)s") % {"url": absolute(reverse("cases:my_work"))})
            lines.append("")
        lines.extend([_("Each link asks you to sign in."), "", _footer(), ""])
        subject = _("LaborLens: your daily summary (%(count)d)") % {"count": len(rows)}
    return EmailMessage(subject=subject, body="\n".join(lines), from_email=settings.DEFAULT_FROM_EMAIL,
                        to=[user.email])


def _drop_reason(user: User, kind: str) -> str:
    if not reachable(user):
        return "recipient inactive or without e-mail"
    if not preferences_of(user)[kind][0]:
        return "turned off by the recipient"
    return ""


def _failed(rows: Iterable[Notification], error: Exception, *, last_attempt: bool) -> None:
    message = f"{type(error).__name__}: {error}"[:300]
    for row in rows:
        row.attempts += 1
        row.last_error = message
        row.status = Notification.Status.FAILED if last_attempt else Notification.Status.PENDING
        row.save(update_fields=["attempts", "last_error", "status"])


def deliver(notification_id: int, *, last_attempt: bool = False) -> str:
    """Send one notification (the worker's side). Idempotent: a sent or dropped one is left
    alone. The recipient and their choice are checked again, since they may have changed."""
    row = Notification.objects.select_related("recipient", "sent_by").filter(pk=notification_id).first()
    if row is None or row.status in {Notification.Status.SENT, Notification.Status.DROPPED}:
        return "nothing to do"
    reason = _drop_reason(row.recipient, row.kind)
    if reason:
        row.status, row.last_error = Notification.Status.DROPPED, reason
        row.save(update_fields=["status", "last_error"])
        return "dropped"
    try:
        compose(row.recipient, row.kind, row.path, sender=row.sent_by).send()
    except Exception as error:
        _failed([row], error, last_attempt=last_attempt)
        raise
    row.attempts += 1
    row.status, row.sent_at, row.last_error = Notification.Status.SENT, timezone.now(), ""
    row.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return "sent"


def deliver_digest(user_id: int, *, last_attempt: bool = False) -> int:
    """Send one user's pending digest notifications as one mail; returns how many it held."""
    from laborlens.accounts.models import User

    user = User.objects.filter(pk=user_id).first()
    rows = list(Notification.objects.filter(recipient_id=user_id, status=Notification.Status.PENDING,
                                            delivery=Delivery.DIGEST).order_by("created_at", "pk"))
    if user is None or not rows:
        return 0
    keep = [row for row in rows if not _drop_reason(user, row.kind)]
    for row in rows:
        if row not in keep:
            row.status, row.last_error = Notification.Status.DROPPED, _drop_reason(user, row.kind)
            row.save(update_fields=["status", "last_error"])
    if not keep:
        return 0
    try:
        compose_digest(user, keep).send()
    except Exception as error:
        _failed(keep, error, last_attempt=last_attempt)
        raise
    now = timezone.now()
    for row in keep:
        row.attempts += 1
        row.status, row.sent_at, row.last_error = Notification.Status.SENT, now, ""
        row.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return len(keep)

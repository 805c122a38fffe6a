"""The other apps' events, turned into notifications. Connected in ``AppConfig.ready``, so the
apps that send them (``cases``, ``victims``, ``publishing``, ``screening``) import nothing of
``notifications``; each signal is sent inside the transaction of the change."""

from __future__ import annotations

from typing import Any

from laborlens.cases.signals import deconfliction_match
from laborlens.notifications import services
from laborlens.publishing.signals import release_awaits_approval
from laborlens.screening.signals import screening_sent
from laborlens.victims.signals import referral_answered, referral_sent


def on_referral_sent(sender: Any, *, referral: Any, by: Any, **kwargs: Any) -> None:
    services.referral_sent(referral, by=by)


def on_referral_answered(sender: Any, *, referral: Any, by: Any, **kwargs: Any) -> None:
    services.referral_answered(referral, by=by)


def on_deconfliction_match(sender: Any, *, notice: Any, **kwargs: Any) -> None:
    services.deconfliction_match(notice)


def on_release_awaits_approval(sender: Any, *, release: Any, by: Any, **kwargs: Any) -> None:
    services.release_awaits_approval(release, by=by)


def on_screening_sent(sender: Any, *, handoff: Any, by: Any, **kwargs: Any) -> None:
    services.screening_sent(handoff, by=by)


def connect() -> None:
    # dispatch_uid: connected once however often ready() runs (the tests' app registry reloads).
    referral_sent.connect(on_referral_sent, dispatch_uid="notifications.referral_sent")
    referral_answered.connect(on_referral_answered, dispatch_uid="notifications.referral_answered")
    deconfliction_match.connect(on_deconfliction_match, dispatch_uid="notifications.deconfliction_match")
    release_awaits_approval.connect(on_release_awaits_approval, dispatch_uid="notifications.release_awaits_approval")
    screening_sent.connect(on_screening_sent, dispatch_uid="notifications.screening_sent")

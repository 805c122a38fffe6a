"""Rate limits of the public survey and trust-pulse pages: counted per client in the
shared cache by ``tips.ratelimit.count`` (an HMAC of the address, never stored, expiring
with the window). Override with ``settings.FEEDBACK_RATE_LIMITS``."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from laborlens.tips import ratelimit as shared

# bucket -> (requests allowed, window in seconds)
DEFAULT_LIMITS = {
    "feedback_page": (120, 60),       # any public feedback page
    # Codes tried (survey pages opened, code entries, wrong ones included). A shelter's
    # residents may share one network; guessing stays hopeless: 30 tries in 15 minutes
    # against 31^8 codes.
    "feedback_code": (30, 900),
    "feedback_pulse": (30, 3600),     # trust-pulse answers sent (people at one event may share a network)
    "feedback_survey": (30, 3600),    # survey answers sent
}


def limits() -> dict[str, tuple[int, int]]:
    return {**DEFAULT_LIMITS, **getattr(settings, "FEEDBACK_RATE_LIMITS", {})}


def allow(request: HttpRequest, bucket: str) -> bool:
    allowed, window = limits()[bucket]
    return shared.count(request, bucket, allowed, window)

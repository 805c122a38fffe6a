"""Idle (30 min) and absolute (12 h) session limits, checked on every request."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.bounds import problem_response

AUTH_AT = "laborlens_auth_at"
SEEN_AT = "laborlens_seen_at"
# Touching the session on every request would write to the database each time.
SEEN_RESOLUTION_SECONDS = 15


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            now = time.time()
            auth_at = request.session.get(AUTH_AT, 0)
            seen_at = request.session.get(SEEN_AT, 0)
            expired = None
            if now - auth_at > settings.SESSION_ABSOLUTE_SECONDS:
                expired = EventTag.SESSION_EXPIRED_ABSOLUTE
            elif now - seen_at > settings.SESSION_IDLE_SECONDS:
                expired = EventTag.SESSION_EXPIRED_IDLE
            if expired is not None:
                record_event(expired, request=request, actor=user, outcome="expired")  # type: ignore[arg-type]
                logout(request)
                if request.path.startswith("/api/"):
                    # An API client cannot follow a redirect to a sign-in page: say why instead.
                    refusal = problem_response(401, "Authentication required",
                                               "Your session ended. Sign in again or use an API token.")
                    refusal["WWW-Authenticate"] = "Bearer"
                    return refusal
                messages.info(request, _("Your session ended. Please sign in again."))
                return redirect(settings.LOGIN_URL)
            if now - seen_at > SEEN_RESOLUTION_SECONDS:
                request.session[SEEN_AT] = now
        return self.get_response(request)

"""Fresh re-authentication before sensitive changes (password, roles, agency policy, API
tokens): a password and a one-time code entered within the last ``REAUTH_SECONDS``.

Public so that other apps (e.g. the API token page) need not reach into
``accounts.views``; the re-authentication page itself stays in ``accounts.views``."""

from __future__ import annotations

import time

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

REAUTH_AT = "laborlens_reauth_at"
REAUTH_SECONDS = 300


def recently_authenticated(request: HttpRequest) -> bool:
    return time.time() - request.session.get(REAUTH_AT, 0) < REAUTH_SECONDS


def needs_reauth(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('accounts:reauth')}?next={request.path}")

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from laborlens.accounts.middleware import AUTH_AT, SEEN_AT
from laborlens.accounts.models import User, UserSession
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag


@receiver(user_logged_in)
def on_login(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    now = time.time()
    request.session[AUTH_AT] = now
    request.session[SEEN_AT] = now
    request.session.save()
    UserSession.objects.get_or_create(
        session_key=request.session.session_key, defaults={"user": user}
    )
    record_event(EventTag.LOGIN_SUCCESS, request=request, actor=user)


@receiver(user_logged_out)
def on_logout(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is None:
        return
    UserSession.objects.filter(session_key=request.session.session_key).delete()
    record_event(EventTag.LOGOUT, request=request, actor=user)

"""Reads of sensitive data, in one place.

Every page, form or API response that shows a protected field leaves one read event
naming the object and what was shown, through ``record_read`` (for reads that both a page
and an endpoint offer, through one function per read in the app's services, so that
neither channel can forget it or drift: tests/audit/test_read_parity.py). Requests for objects outside the
user's scope end in ``OutOfScope`` (a 404 to the user, never saying whether the object
exists); ``record_refused`` writes one "refused" event for them, from the middleware
(pages) or the API's exception handler, after the view's own transaction has ended, so
probing is visible to an auditor. Nothing of the object itself is written: only the kind
of object, the path asked for and the method.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core.querysets import OutOfScope


def record_read(tag: EventTag, request: HttpRequest | None, obj: models.Model | None = None, *,
                by: Any = None, via: str = "web", **detail: Any) -> None:
    """One read event. Each read has one function in its app's services that calls this, and
    the page, the API and the CLI call that function, so they leave the same event for the
    same read: the same tag, object and detail, and ``via`` naming any channel but the web
    page ("api", "cli"). ``by`` is the reader when there is no request (the CLI)."""
    if via != "web":
        detail["via"] = via
    record_event(tag, request=request, actor=by, obj=obj, detail=detail)


def record_refused(request: HttpRequest, error: OutOfScope) -> None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return
    record_event(EventTag.SCOPE_REFUSED, request=request, outcome="refused",
                 detail={"model": error.model_label, "method": request.method, "path": request.path})


class OutOfScopeAuditMiddleware:
    """Records the refused attempt and lets Django answer its usual 404."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, OutOfScope):
            record_refused(request, exception)

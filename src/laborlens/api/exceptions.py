"""One error format for the whole API: RFC 9457 problem details."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

from laborlens.audit.reads import record_refused
from laborlens.core.querysets import OutOfScope

PROBLEM_TYPE = "https://laborlens.invalid/problems/"


class Conflict(exceptions.APIException):
    """The object changed since it was read, or its state does not allow this now; nothing
    was changed. Every 409 of the API is this class or a subclass, so it reads the same."""

    status_code = 409
    default_detail = "The object changed or is in a state that does not allow this; nothing was changed."
    default_code = "conflict"


class Unprocessable(exceptions.APIException):
    """Well-formed and schema-valid, but a business rule of the service refuses it (the
    same rule and message as on the page); nothing was changed."""

    status_code = 422
    default_detail = "A rule refused this request; nothing was changed."
    default_code = "unprocessable"


def problem(status_code: int, title: str, detail: str, **extra: Any) -> Response:
    body = {"type": f"{PROBLEM_TYPE}{status_code}", "title": title, "status": status_code,
            "detail": detail, **extra}
    return Response(body, status=status_code, content_type="application/problem+json")


def problem_details_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, OutOfScope) and context.get("request") is not None:
        record_refused(context["request"], exc)  # probing shows in the audit trail
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("Not found.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    title = _title(response.status_code)
    extra: dict[str, Any] = {}
    if isinstance(exc, exceptions.ValidationError):
        detail = "The request has invalid fields; nothing was changed."
        extra["errors"] = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    else:
        detail = str(getattr(exc, "detail", "")) or title
    if isinstance(exc, exceptions.Throttled) and exc.wait:
        extra["retry_after"] = int(exc.wait)
    result = problem(response.status_code, title, detail, **extra)
    for header in ("WWW-Authenticate", "Retry-After", "Allow"):
        if header in response:
            result[header] = response[header]
    return result


def _title(code: int) -> str:
    return {
        400: "Bad request", 401: "Authentication required", 403: "Forbidden",
        404: "Not found", 405: "Method not allowed", 406: "Not acceptable",
        409: "Conflict", 413: "Payload too large", 415: "Unsupported media type",
        422: "Unprocessable content",
        429: "Too many requests",
    }.get(code, "Error")


class RuleRefused(exceptions.ValidationError):
    """Well-formed input that a rule refuses, which the schema cannot express (dates taken
    together, parameters of a method, a scope that is not the caller's): 422, with the same
    ``errors`` object as a 400."""

    status_code = 422

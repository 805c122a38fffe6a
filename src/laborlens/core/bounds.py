"""Bounded input: size and JSON nesting limits checked before anything parses a body.

Python's ``json`` module recurses once per nesting level, so a body of a few kilobytes
nested 1,500 deep raised ``RecursionError`` inside the API parser (a 500). The middleware
here looks at the raw bytes first:

* an API body over ``MAX_API_BODY`` (1 MiB) is refused with 413, before it is read;
* a JSON body nested deeper than ``MAX_JSON_DEPTH`` (32) is refused with 400; the depth is
  found by one iterative scan of the bytes (brackets outside strings), no recursion;
* a web form body over ``MAX_FORM_BODY`` (the 20 MiB upload limit plus room for the form
  fields) is refused with a 413 page; a JSON body sent to a page (the screening autosave)
  gets the same depth guard as the API (Django's own 2.5 MB limit bounds its size).

API refusals are RFC 9457 problem documents, like every other API error.

Public forms (the tip line, the feedback survey and trust pulse) are guarded more tightly
by ``PublicFormGuard``: a per-client rate limit, a body limit of the form's own size, no
file, and no field the form does not have, all before the form is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.translation import gettext as _

MAX_API_BODY = 1024 * 1024
MAX_JSON_DEPTH = 32
MAX_FORM_BODY = 21 * 1024 * 1024
API_PREFIX = "/api/"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

_OPEN = frozenset(b"[{")
_CLOSE = frozenset(b"]}")
_QUOTE = ord('"')
_BACKSLASH = ord("\\")


def json_depth_exceeds(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text ``data`` opens more than ``limit`` arrays/objects at once.

    Brackets inside strings (escapes included) do not count. Malformed JSON is left to
    the parser, which reports it as a 400 in its own words; this only guards its stack.
    """
    depth = 0
    in_string = False
    escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == _BACKSLASH:
                escaped = True
            elif byte == _QUOTE:
                in_string = False
        elif byte == _QUOTE:
            in_string = True
        elif byte in _OPEN:
            depth += 1
            if depth > limit:
                return True
        elif byte in _CLOSE:
            depth -= 1
    return False


def problem_response(status: int, title: str, detail: str) -> JsonResponse:
    body = {"type": f"https://laborlens.invalid/problems/{status}", "title": title,
            "status": status, "detail": detail}
    return JsonResponse(body, status=status, content_type="application/problem+json")


def _content_length(request: HttpRequest) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None


def _is_json(request: HttpRequest) -> bool:
    content_type = (request.META.get("CONTENT_TYPE") or "").split(";", 1)[0].strip().lower()
    return content_type == "application/json" or content_type.endswith("+json")


class BoundedInputMiddleware:
    """Refuse over-large and over-deep bodies before any view or parser sees them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in BODY_METHODS:
            refusal = self._api(request) if request.path.startswith(API_PREFIX) else self._web(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    def _api(self, request: HttpRequest) -> HttpResponse | None:
        length = _content_length(request)
        if length is None:
            return problem_response(400, "Bad request", "The Content-Length header is not a number.")
        if length > MAX_API_BODY:
            return problem_response(413, "Payload too large",
                                    f"Request bodies are limited to {MAX_API_BODY:,} bytes; nothing was changed.")
        if length and _is_json(request) and json_depth_exceeds(request.body):
            return problem_response(400, "Bad request",
                                    f"JSON may be nested at most {MAX_JSON_DEPTH} levels deep; nothing was changed.")
        return None

    def _web(self, request: HttpRequest) -> HttpResponse | None:
        length = _content_length(request)
        if length is None:
            return HttpResponse(_("The request could not be understood. Nothing was changed."), status=400,
                                content_type="text/plain; charset=utf-8")
        if length > MAX_FORM_BODY:
            page = render_to_string("errors/413.html", {"limit_mb": MAX_FORM_BODY // (1024 * 1024)})
            return HttpResponse(page, status=413)
        # Pages that take JSON (the screening autosave) get the same depth guard.
        if length and _is_json(request) and json_depth_exceeds(request.body):
            return problem_response(400, "Bad request",
                                    f"JSON may be nested at most {MAX_JSON_DEPTH} levels deep; nothing was changed.")
        return None


FORM_SYSTEM_FIELDS = frozenset({"csrfmiddlewaretoken"})


@dataclass(frozen=True)
class PublicFormGuard:
    """The checks every public (no sign-in) form makes before it reads a field.

    Each app gives its own rate-limit counter and bucket names, its body limit, its pages
    for "too many" (429) and for a refusal (``problem(request, message, status)``), and its
    words for a body that is too large. Calling the guard counts the request against
    ``page_bucket``; a POST is also counted against ``bucket`` (when given), refused with
    413 over ``max_bytes`` (or an unreadable Content-Length), 400 with any file, and 400
    with a field outside ``allowed`` (the CSRF token aside). ``None`` lets the request on.
    """

    allow: Callable[[HttpRequest, str], bool]
    page_bucket: str
    max_bytes: int
    too_many: Callable[[HttpRequest], HttpResponse]
    problem: Callable[[HttpRequest, str, int], HttpResponse]
    too_large_message: str | Promise

    def __call__(self, request: HttpRequest, allowed: Iterable[str], bucket: str | None) -> HttpResponse | None:
        if not self.allow(request, self.page_bucket):
            return self.too_many(request)
        if request.method != "POST":
            return None
        if bucket and not self.allow(request, bucket):
            return self.too_many(request)
        length = _content_length(request)
        if length is None:
            length = self.max_bytes + 1
        if length > self.max_bytes or request.FILES:
            return self.problem(request, str(self.too_large_message), 413 if length > self.max_bytes else 400)
        if set(request.POST) - set(allowed) - FORM_SYSTEM_FIELDS:
            return self.problem(request, _("The form held fields it does not have. Please reload the page and try again."),
                                400)
        return None

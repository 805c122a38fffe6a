from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from laborlens.core.permissions import mfa_required


@require_GET
@mfa_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@require_GET
def health(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


ERROR_TITLES = {400: "Bad request", 403: "Forbidden", 404: "Not found", 500: "Server error"}


def _error(request: HttpRequest, status: int) -> HttpResponse:
    # API clients get the same problem-details format as the API's own errors.
    if request.path.startswith("/api/"):
        body = {"type": f"https://laborlens.invalid/problems/{status}", "title": ERROR_TITLES[status],
                "status": status, "detail": ERROR_TITLES[status] + "."}
        return JsonResponse(body, status=status, content_type="application/problem+json")
    return render(request, f"errors/{status}.html", status=status)


def error_404(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, 404)


def error_403(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, 403)


def error_400(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, 400)


def error_500(request: HttpRequest) -> HttpResponse:
    return _error(request, 500)

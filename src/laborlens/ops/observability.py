"""Health probes, request ids, JSON logs and Prometheus metrics (issue 16, item 5).

``ProbeMiddleware`` sits first in MIDDLEWARE. It answers three paths itself, before any
host validation, HTTPS redirect, session or database work:

* ``GET /health/live``  — the process answers (no dependency is touched): 200.
* ``GET /health/ready`` — the database and the shared cache answer: 200, else 503 naming
  the check that failed. Load balancers and orchestrators probe by IP address and over plain
  HTTP inside the network, so these two paths skip ALLOWED_HOSTS and the SSL redirect. They
  reveal nothing but "ok"/"fail" per dependency and accept no input.
* ``GET /internal/metrics`` — Prometheus text format, only for a request carrying
  ``Authorization: Bearer $LABORLENS_METRICS_TOKEN`` or coming from an address inside
  ``LABORLENS_METRICS_NETWORKS`` (CIDRs). With neither configured it is a 404.

Every other request gets an id: the caller's ``X-Request-ID`` when it is a short token of
safe characters, else a new random one. It is returned in ``X-Request-ID`` and put on every
log record written while the request runs (``JsonFormatter`` writes one JSON object per line).
"""

from __future__ import annotations

import contextvars
import hmac
import ipaddress
import json
import logging
import re
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
LIVE, READY, METRICS = "/health/live", "/health/ready", "/internal/metrics"

logger = logging.getLogger("laborlens.request")


# --- logging -------------------------------------------------------------------------------

class RequestIdFilter(logging.Filter):
    """Put the current request's id (or "") on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


RESERVED = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, extras, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or request_id_var.get(),
        }
        for key, value in vars(record).items():
            if key not in RESERVED and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool | None) else str(value)
        if record.exc_info:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


# --- metrics -------------------------------------------------------------------------------

def _metrics() -> tuple[Any, Any]:
    from prometheus_client import Counter, Histogram

    global _REQUESTS, _LATENCY
    if _REQUESTS is None:
        _REQUESTS = Counter("laborlens_http_requests_total", "HTTP requests answered",
                            ["method", "route", "status"])
        _LATENCY = Histogram("laborlens_http_request_duration_seconds",
                             "Time to answer an HTTP request", ["method", "route"],
                             buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
    return _REQUESTS, _LATENCY


_REQUESTS: Any = None
_LATENCY: Any = None


class QueueCollector:
    """Queue depth read from the task table at scrape time (shared by every process)."""

    def describe(self) -> list[Any]:
        return []  # registering must not query the database

    def collect(self) -> Iterator[Any]:
        from django.db.models import Count
        from django_tasks_db.models import DBTaskResult
        from prometheus_client.core import GaugeMetricFamily

        family = GaugeMetricFamily("laborlens_queue_tasks", "Tasks in the queue by status",
                                   labels=["status"])
        counts = dict.fromkeys(("READY", "RUNNING", "FAILED", "SUCCESSFUL"), 0)
        for row in DBTaskResult.objects.values("status").annotate(n=Count("id")):
            counts[str(row["status"])] = row["n"]
        for status, count in sorted(counts.items()):
            family.add_metric([status], count)
        yield family


_QUEUE_REGISTERED = False


def render_metrics() -> tuple[bytes, str]:
    import os

    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest

    global _QUEUE_REGISTERED
    _metrics()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # gunicorn with several workers: add up what every worker process wrote.
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(QueueCollector())  # type: ignore[arg-type]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    if not _QUEUE_REGISTERED:
        REGISTRY.register(QueueCollector())  # type: ignore[arg-type]
        _QUEUE_REGISTERED = True
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def metrics_allowed(request: HttpRequest) -> bool:
    token = getattr(settings, "METRICS_TOKEN", "")
    networks = getattr(settings, "METRICS_NETWORKS", [])
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if token and header.startswith("Bearer ") and hmac.compare_digest(
            header[7:].strip().encode(), token.encode()):
        return True
    if networks:
        try:
            address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
        except ValueError:
            return False
        return any(address in ipaddress.ip_network(net, strict=False) for net in networks)
    return False


# --- probes --------------------------------------------------------------------------------

def readiness() -> dict[str, str]:
    from django.core.cache import cache
    from django.db import connection

    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # any failure means not ready
        logger.exception("readiness: database check failed")
        checks["database"] = "fail"
    try:
        key = f"health-ready:{uuid.uuid4().hex}"
        cache.set(key, "1", timeout=10)
        checks["cache"] = "ok" if cache.get(key) == "1" else "fail"
        cache.delete(key)
    except Exception:
        logger.exception("readiness: cache check failed")
        checks["cache"] = "fail"
    return checks


def _probe_response(request: HttpRequest) -> HttpResponse | None:
    path = request.path_info.rstrip("/") or "/"
    if path not in (LIVE, READY, METRICS):
        return None
    if request.method not in ("GET", "HEAD"):
        response: HttpResponse = JsonResponse({"detail": "method not allowed"}, status=405)
        response["Allow"] = "GET, HEAD"
    elif path == LIVE:
        response = JsonResponse({"status": "ok"})
    elif path == READY:
        checks = readiness()
        healthy = all(value == "ok" for value in checks.values())
        response = JsonResponse({"status": "ok" if healthy else "fail", "checks": checks},
                                status=200 if healthy else 503)
    elif not metrics_allowed(request):
        response = HttpResponse(b"Not found", status=404, content_type="text/plain")
    else:
        body, content_type = render_metrics()
        response = HttpResponse(body, content_type=content_type)
    response["Cache-Control"] = "no-store"
    return response


class ProbeMiddleware:
    """First in MIDDLEWARE: probes and metrics, request ids, request counts and latency."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            probe = _probe_response(request)
            if probe is not None:
                probe["X-Request-ID"] = request_id
                return probe
            response = self.get_response(request)
            route = "unmatched"
            match = getattr(request, "resolver_match", None)
            if match is not None:
                route = match.route or match.view_name or "unmatched"
            requests, latency = _metrics()
            requests.labels(request.method, route, str(response.status_code)).inc()
            latency.labels(request.method, route).observe(time.perf_counter() - started)
            response["X-Request-ID"] = request_id
            return response
        finally:
            request_id_var.reset(token)

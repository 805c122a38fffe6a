"""Health probes, request ids, JSON logs and the metrics endpoint (issue 16, item 5)."""

from __future__ import annotations

import json
import logging
import re

import pytest
from django.test import Client, override_settings

from laborlens.ops.observability import JsonFormatter, RequestIdFilter, request_id_var

pytestmark = pytest.mark.django_db

PRODUCTION = {"ALLOWED_HOSTS": ["laborlens.example.org"], "SECURE_SSL_REDIRECT": True}


@override_settings(**PRODUCTION)
def test_probes_answer_by_ip_over_plain_http():
    client = Client()
    live = client.get("/health/live", HTTP_HOST="10.0.0.12:8000")
    ready = client.get("/health/ready", HTTP_HOST="10.0.0.12")
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


@override_settings(**PRODUCTION)
def test_other_paths_still_refuse_an_unknown_host_and_redirect_to_https():
    client = Client()
    assert client.get("/health/", HTTP_HOST="10.0.0.12").status_code == 400
    assert client.get("/health/live/x", HTTP_HOST="10.0.0.12").status_code == 400
    redirect = client.get("/health/", HTTP_HOST="laborlens.example.org")
    assert redirect.status_code == 301 and redirect["Location"].startswith("https://")


def test_probes_take_no_input():
    assert Client().post("/health/ready").status_code == 405


def test_ready_fails_when_the_cache_does_not_answer():
    broken = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": "redis://127.0.0.1:1/0",
                          "OPTIONS": {"socket_connect_timeout": 0.5}}}
    from django.core.cache import caches

    with override_settings(CACHES=broken):
        caches._settings = None  # noqa: SLF001 - reread CACHES
        del caches.settings
        try:
            response = Client().get("/health/ready")
        finally:
            caches.close_all()
    del caches.settings
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "fail"}


def test_request_id_is_kept_when_safe_and_replaced_when_not():
    client = Client()
    kept = client.get("/health/live", HTTP_X_REQUEST_ID="abc-123")
    assert kept["X-Request-ID"] == "abc-123"
    replaced = client.get("/accounts/login/", HTTP_X_REQUEST_ID="bad id\nInjected: 1")
    assert replaced["X-Request-ID"] != "bad id\nInjected: 1" and len(replaced["X-Request-ID"]) == 32


def test_json_log_lines_carry_the_request_id():
    record = logging.makeLogRecord({"name": "laborlens.x", "levelname": "WARNING",
                                    "msg": "case %s opened", "args": (7,), "case": 7})
    token = request_id_var.set("req-42")
    try:
        RequestIdFilter().filter(record)
        line = json.loads(JsonFormatter().format(record))
    finally:
        request_id_var.reset(token)
    assert line["request_id"] == "req-42" and line["message"] == "case 7 opened"
    assert line["level"] == "WARNING" and line["case"] == 7


def test_metrics_are_hidden_without_token_or_network():
    assert Client().get("/internal/metrics").status_code == 404
    with override_settings(METRICS_TOKEN="s3cret-token-for-prometheus"):
        assert Client().get("/internal/metrics").status_code == 404
        wrong = Client().get("/internal/metrics", HTTP_AUTHORIZATION="Bearer nope")
        assert wrong.status_code == 404


@override_settings(METRICS_TOKEN="s3cret-token-for-prometheus")
def test_metrics_show_requests_latency_and_queue_depth():
    from laborlens.ops.tasks import victim_reminders

    victim_reminders.enqueue()
    client = Client()
    client.get("/accounts/login/")
    body = client.get("/internal/metrics",
                      HTTP_AUTHORIZATION="Bearer s3cret-token-for-prometheus").content.decode()
    assert re.search(r'laborlens_http_requests_total\{method="GET",route="accounts/login/",status="\d+"\} [1-9]', body)
    assert "laborlens_http_request_duration_seconds_bucket" in body
    assert 'laborlens_queue_tasks{status="READY"} 1.0' in body


@override_settings(METRICS_NETWORKS=["10.0.0.0/8"])
def test_metrics_open_to_a_configured_network():
    assert Client(REMOTE_ADDR="10.1.2.3").get("/internal/metrics").status_code == 200
    assert Client(REMOTE_ADDR="192.0.2.1").get("/internal/metrics").status_code == 404

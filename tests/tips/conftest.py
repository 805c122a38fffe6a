"""Tip test helpers: a valid public submission (a form token from a few seconds ago) and
a clean rate-limit cache for every test."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from laborlens.tips.forms import form_token

SPANISH_TIP = ("Trabajo en la limpieza de oficinas de Sunrise Cleaning. Nos quitaron los pasaportes al llegar "
               "y debemos 6.000 dólares al reclutador. El patrón llama desde el 202-555-0171.")
ENGLISH_TIP = ("The crew boss at Sunrise Cleaning took our passports and we owe the recruiter $8,000. "
               "Call the boss at (202) 555-0171.")


@pytest.fixture(autouse=True)
def _clean_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()  # no rate-limit counts leak into other apps' tests in this process


def tip_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "observations": ["documents_taken"],
        "narrative": ENGLISH_TIP,
        "work_type": "janitorial_services",
        "business_name": "Sunrise Cleaning LLC",
        "address": "415 Mill Street",
        "city": "Riverton",
        "when": "week",
        "contact": "",
        "website": "",
        "started": form_token(time.time() - 30),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def post_tip(client: Client | None = None, **overrides: Any) -> Any:
    return (client or Client()).post("/tips/report/", tip_data(**overrides))

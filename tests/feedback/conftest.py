"""Feedback helpers: a clean rate-limit cache per test, a full set of answers, a survey
code made through the advocate's page and an outreach event with its trust pulse."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache

from laborlens.activities.models import Activity, Kind
from laborlens.feedback.questions import load_questions
from tests.conftest import signed_in


@pytest.fixture(autouse=True)
def _clean_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def answers(kind: str = "survey", value: int = 5, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {q.id: str(value) for q in load_questions().questions(kind)}
    data.update({k: str(v) for k, v in overrides.items() if v is not None})
    return {k: v for k, v in data.items() if k not in {k2 for k2, v2 in overrides.items() if v2 is None}}


def new_code(user: Any, language: str = "en") -> str:
    """A survey code made on the advocate's page, as printed (XXXX-XXXX)."""
    response = signed_in(user).post("/feedback/surveys/new/", {"language": language})
    assert response.status_code == 201, response.status_code
    return re.search(r'data-testid="survey-code">([A-Z0-9-]+)<', response.content.decode()).group(1)


def outreach(world: Any, agency: Any = None, kind: str = Kind.OUTREACH_EVENT) -> Activity:
    agency = agency or world.agency_a
    activity = Activity.objects.create(kind=kind, title="Farmworker rights fair", lead_agency=agency,
                                       recorded_by=world.supervisor)
    activity.agencies.set([agency])
    return activity

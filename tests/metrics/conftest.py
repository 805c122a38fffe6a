from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from laborlens.accounts.models import TaskForce
from laborlens.demo import load_demo
from laborlens.metrics.figures import Filters


@pytest.fixture
def demo(db, settings):
    settings.DEMO_MODE = True
    return load_demo()


@pytest.fixture
def wide(demo):
    """The whole task force over the last two years: every demo record falls inside."""
    task_force = TaskForce.objects.get()
    ids = tuple(sorted(task_force.agencies.values_list("pk", flat=True)))
    today = timezone.localdate()
    return Filters(start=today - timedelta(days=730), end=today, agency_ids=ids, scope_label=task_force.name)

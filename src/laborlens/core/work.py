"""What waits on a user, gathered for "My work" (``cases:my_work``).

Each app that can make someone wait says what waits on whom in its own ``work.py``: a
function ``waiting(user) -> list[WorkGroup]`` whose queries go through the models'
``restrict(user, action)``, so nobody is shown an item outside their scope. The list of
those functions is written here as dotted paths (as Django lists middleware), so the page
that shows them imports no other app and no app imports the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from laborlens.accounts.models import User

# In the order "My work" shows them.
SOURCES = (
    "laborlens.screening.work.waiting",
    "laborlens.cases.work.waiting",
    "laborlens.victims.work.waiting",
    "laborlens.tips.work.waiting",
    "laborlens.publishing.work.waiting",
)
SHOWN_PER_KIND = 20


@dataclass(frozen=True)
class WorkItem:
    """``when`` (a date) is shown in the page's date format, after ``meta``."""

    text: str
    url: str
    meta: str = ""
    when: date | None = None


@dataclass(frozen=True)
class WorkGroup:
    """One kind of waiting item: ``count`` is how many wait (``items`` shows the first
    SHOWN_PER_KIND); ``more_url`` is where all of them are listed, when there is such a page."""

    kind: str
    heading: str
    count: int
    items: list[WorkItem] = field(default_factory=list)
    more_url: str = ""


def waiting_for(user: User) -> list[WorkGroup]:
    """Every kind that has something waiting on ``user`` (kinds with nothing are left out)."""
    groups: list[WorkGroup] = []
    for path in SOURCES:
        source: Callable[[User], list[WorkGroup]] = import_string(path)
        groups.extend(group for group in source(user) if group.count)
    return groups

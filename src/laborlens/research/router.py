"""Send the research app to the ``research`` database alias when it is configured
(``RESEARCH_DATABASE_URL``), else to ``default``; nothing else ever goes there, and no
relation may cross between the research store and anything else."""

from __future__ import annotations

from typing import Any

from django.conf import settings

APP_LABEL = "research"
ALIAS = "research"


def research_alias(databases: Any = None) -> str:
    return ALIAS if ALIAS in (settings.DATABASES if databases is None else databases) else "default"


class ResearchRouter:
    def __init__(self, databases: Any = None) -> None:
        self.databases = databases  # None: settings.DATABASES (tests pass their own)

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        return research_alias(self.databases) if model._meta.app_label == APP_LABEL else None

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        return research_alias(self.databases) if model._meta.app_label == APP_LABEL else None

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        inside = {obj._meta.app_label == APP_LABEL for obj in (obj1, obj2)}
        if inside == {True}:
            return True
        if True in inside:
            return False  # research records never point at (or from) case records
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        if app_label == APP_LABEL:
            return db == research_alias(self.databases)
        if db == ALIAS:
            return False
        return None

"""Roles, agency types and the permissions each role carries, loaded from roles.json.

Kept as data so that a reviewer can read in one file who may do what.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

ROLES_FILE = Path(__file__).with_name("roles.json")


@dataclass(frozen=True)
class Role:
    id: str
    en: str
    es: str
    permissions: frozenset[str]


@dataclass(frozen=True)
class AgencyType:
    id: str
    en: str
    es: str
    law_enforcement: bool


@cache
def _load() -> dict[str, object]:
    data: dict[str, object] = json.loads(ROLES_FILE.read_text(encoding="utf-8"))
    return data


@cache
def roles() -> dict[str, Role]:
    raw = cast(list[dict[str, Any]], _load()["roles"])
    return {
        item["id"]: Role(item["id"], item["en"], item["es"], frozenset(item["permissions"]))
        for item in raw
    }


@cache
def agency_types() -> dict[str, AgencyType]:
    raw = cast(list[dict[str, Any]], _load()["agency_types"])
    return {
        item["id"]: AgencyType(item["id"], item["en"], item["es"], bool(item["law_enforcement"]))
        for item in raw
    }


def role_choices() -> list[tuple[str, str]]:
    return [(role.id, role.en) for role in roles().values()]


def agency_type_choices() -> list[tuple[str, str]]:
    return [(kind.id, kind.en) for kind in agency_types().values()]


@cache
def permission_sets() -> dict[str, frozenset[str]]:
    """Named sets of permissions: a page that any of several roles' permissions opens names one."""
    raw = cast(dict[str, list[str]], _load()["permission_sets"])
    return {name: frozenset(members) for name, members in raw.items()}


def grants(held: frozenset[str], permission: str) -> bool:
    """A permission, or a named set of them (any member), is among those held."""
    return permission in held or not held.isdisjoint(permission_sets().get(permission, ()))


def permissions_for(role_id: str) -> frozenset[str]:
    role = roles().get(role_id)
    return role.permissions if role else frozenset()

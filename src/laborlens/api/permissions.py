from __future__ import annotations

from typing import Any

from rest_framework import permissions
from rest_framework.request import Request

from laborlens.api.models import ApiToken


class RolePermission(permissions.BasePermission):
    """The view's ``required_permission`` (a role permission) and, for tokens, the scope."""

    message = "Your role or token does not allow this action."

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        if isinstance(request.auth, ApiToken):
            needed = "read" if request.method in permissions.SAFE_METHODS else "write"
            if needed not in request.auth.scopes:
                return False
        required = getattr(view, "required_permission", None)
        if required is None:
            return True
        if isinstance(required, dict):
            required = required.get(request.method, required.get("*"))
        return required is None or user.can(required)

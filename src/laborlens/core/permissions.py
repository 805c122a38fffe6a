"""View decorators: signed in with MFA, and holding a role permission.

Object scope is not checked here; views fetch objects through ``restrict()``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def mfa_required(view: View) -> View:
    """Signed in *and* verified with a second factor; anything less goes to login."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or not user.is_verified():  # type: ignore[union-attr]
            return redirect_to_login(request.path)
        return view(request, *args, **kwargs)

    return wrapper


def permission_required(permission: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @mfa_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.can(permission):  # type: ignore[union-attr]
                raise PermissionDenied(f"Your role does not allow {permission}")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator

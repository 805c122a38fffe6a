from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from laborlens.core.navigation import items_for


def site(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    nav = items_for(user) if user is not None and user.is_authenticated else []
    return {"demo_mode": settings.DEMO_MODE, "hotline": "1-888-373-7888", "nav_items": nav}

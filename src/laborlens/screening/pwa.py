"""The installable field app: web app manifest, service worker, and the pages and data it
keeps for use with no connection (issue 17, part 1).

What the service worker may keep on a phone is a fixed list, none of it about a person: the
app's static files, the field screening page (questions only; answers live in the encrypted
device vault), the indicator catalogue as JSON and the officer's guide. Every other page is
left to the network and never cached."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from laborlens.core.permissions import permission_required
from laborlens.screening import federal, services
from laborlens.screening.field import field_catalogue
from laborlens.screening.models import AGE_GROUPS, LANGUAGES, SETTINGS

SW_SOURCE = Path(__file__).with_name("sw.js")
# The app shell: everything the field page and the guide load, and the icons.
SHELL = ("laborlens/app.css", "laborlens/app.js", "laborlens/vault.js", "laborlens/reading.js",
         "laborlens/field.js", "laborlens/favicon.svg", "laborlens/icons/icon.svg",
         "laborlens/icons/icon-192.png", "laborlens/icons/icon-512.png")
THEME = "#0b4f6c"


def _pages() -> list[str]:
    return [reverse("screening:field"), reverse("screening:field_catalogue"), reverse("screening:guide")]


@functools.lru_cache(maxsize=1)
def _worker_source() -> str:
    shell = [static(path) for path in SHELL]
    # The cache is named after what it holds, so a deploy that changes any of it replaces it.
    digest = hashlib.sha256(SW_SOURCE.read_bytes())
    for path in SHELL:
        found = finders.find(path)
        digest.update(Path(str(found)).read_bytes() if found else path.encode())
    digest.update(services.catalogue().version.encode())
    config = {"version": digest.hexdigest()[:16], "shell": shell, "pages": _pages(),
              "keyUrl": reverse("accounts:device_key")}
    return f"const CONFIG = {json.dumps(config)};\n" + SW_SOURCE.read_text(encoding="utf-8")


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the site root so that it may control every page (it intercepts only the
    few listed in CONFIG.pages and the app shell)."""
    response = HttpResponse(_worker_source(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    """Public (browsers fetch it without cookies); it names no one."""
    body = {
        "name": _("LaborLens field screening"),
        "short_name": "LaborLens",
        "description": _("Screen for labor trafficking in the field, with or without a connection."),
        "id": reverse("screening:field"),
        "start_url": reverse("screening:field"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME,
        "icons": [
            {"src": static("laborlens/icons/icon-192.png"), "sizes": "192x192", "type": "image/png",
             "purpose": "any maskable"},
            {"src": static("laborlens/icons/icon-512.png"), "sizes": "512x512", "type": "image/png",
             "purpose": "any maskable"},
            {"src": static("laborlens/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/manifest+json")


@require_GET
@permission_required("screening.run")
def field(request: HttpRequest) -> HttpResponse:
    """The offline screening page. The service worker keeps a copy, so it must hold nothing
    about a person or a case: the questions, and the form the phone fills in itself."""
    lang = "es" if (request.LANGUAGE_CODE or "en").startswith("es") else "en"
    cat = services.catalogue()
    items = [cat.items[item_id] for item_id in cat.short_form]
    context: dict[str, Any] = {
        "items": items, "ui_lang": lang, "age_groups": AGE_GROUPS, "settings_choices": SETTINGS,
        "languages": LANGUAGES,
        # Pending messages are left for the next page: this one is cached and must not keep them.
        "messages": [],
    }
    return render(request, "screening/field.html", context)


@require_GET
@permission_required("screening.run")
def field_catalogue_json(request: HttpRequest) -> JsonResponse:
    jurisdiction = federal.check_jurisdiction(getattr(settings, "SCREENING_JURISDICTION", None))
    return JsonResponse(field_catalogue(services.catalogue(), jurisdiction))


@require_GET
@permission_required("screening.run")
def field_token(request: HttpRequest) -> JsonResponse:
    """A fresh CSRF token for sending the queue: the cached page's own may be from an older
    session."""
    return JsonResponse({"csrf": get_token(request)})

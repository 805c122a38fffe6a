"""Victim-facing pages in the victim's own language.

One line opts a page in::

    @victim_languages
    def my_public_view(request): ...

The page is then rendered in the language chosen by ``?lang=<code>`` (remembered in a
cookie read only by such pages), else that cookie, else the browser's Accept-Language if it
names a victim language, else the interface language (English/Spanish). ``base.html``
shows the victim language picker instead of the interface one, sets ``<html lang dir>``,
and a machine-drafted language shows the "not yet reviewed" note. ``{% translate %}`` in
the templates reads the language's ``victim`` catalogue, falling back (for example K'iche'
to Spanish to English) for any missing string; wording from data files goes through
``data_text(en, es)``.
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import trans_real

from laborlens.core import victim_languages as vl

COOKIE = "laborlens_victim_language"
COOKIE_AGE = 365 * 24 * 3600


class VictimTranslation(gettext_module.NullTranslations):
    """A gettext translation object for one victim language: its ``victim`` catalogue, then
    its fallback chain (Spanish through Django's own catalogue), then the English msgid."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def to_language(self) -> str:
        return self.code

    def gettext(self, message: str) -> str:
        return text_in(self.code, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def text_in(code: str, en: str, es: str | None = None) -> str:
    """``en`` in language ``code`` (``es``: the Spanish wording a data file already holds)."""
    for step in vl.fallback_chain(code):
        if step == "en":
            return en
        if step == "es":
            if es is not None:
                return es
            spanish = trans_real.translation("es").gettext(en)
            if spanish != en:
                return spanish
            continue
        found = vl.translations(step).get(en)
        if found:
            return found
    return en


def current_code() -> str:
    """The victim language of the page being rendered (en/es on any other page)."""
    code = translation.get_language() or "en"
    if vl.get(code) is not None:
        return code
    return "es" if code.startswith("es") else "en"


def ui_lang() -> str:
    """The page's interface language, "es" or "en" (the two every page is written in)."""
    return "es" if (translation.get_language() or "en").startswith("es") else "en"


def data_text(en: str, es: str | None = None) -> str:
    """Wording from a data file, in the page's language."""
    return text_in(current_code(), en, es)


def _choose(request: HttpRequest) -> tuple[str, bool]:
    asked = request.GET.get("lang", "")
    if isinstance(asked, str) and vl.get(asked) is not None:
        return asked.lower(), True
    held = request.COOKIES.get(COOKIE, "")
    if vl.get(held) is not None:
        return held.lower(), False
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for accepted, _quality in trans_real.parse_accept_lang_header(header[:500]):
        accepted = accepted.lower()
        for candidate in (accepted, accepted.split("-")[0], "zh-hans" if accepted.startswith("zh") else ""):
            if candidate and vl.get(candidate) is not None and vl.get(candidate).own_catalogue:  # type: ignore[union-attr]
                return candidate, False
        if accepted.split("-")[0] in {"en", "es"}:
            break
    return ("es" if (translation.get_language() or "en").startswith("es") else "en"), False


def _activate(code: str) -> None:
    lang = vl.get(code)
    if lang is None or not lang.own_catalogue:
        translation.activate(code)
        return
    # Django keeps the active translation object per thread; a victim language is not one
    # of settings.LANGUAGES (the officer interface), so it is set here directly.
    trans_real._active.value = VictimTranslation(code)


View = Callable[..., HttpResponse]


def victim_languages(view: View) -> View:
    """Render this view in the victim's chosen language (see the module docstring)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        code, asked = _choose(request)
        request.victim_language = vl.get(code)
        previous = translation.get_language()
        _activate(code)
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        finally:
            translation.activate(previous or settings.LANGUAGE_CODE)
        response.headers["Content-Language"] = code
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        if asked:
            response.set_cookie(COOKIE, code, max_age=COOKIE_AGE, secure=settings.LANGUAGE_COOKIE_SECURE,
                                httponly=True, samesite="Lax")
        return response

    return wrapper


def page_context(request: HttpRequest) -> dict[str, Any]:
    """For base.html: the picker, ``<html dir>`` and the unreviewed note (context processor)."""
    lang = getattr(request, "victim_language", None)
    if lang is None:
        return {"html_dir": "ltr"}
    unreviewed = lang.own_catalogue and vl.status(lang.code).state != vl.REVIEWED
    return {
        "html_dir": lang.dir,
        "victim_language": lang,
        "victim_language_choices": vl.languages(),
        "victim_unreviewed": unreviewed,
        "victim_note_en": vl.UNREVIEWED_NOTE,
    }

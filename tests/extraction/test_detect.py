"""Language detection: offline, deterministic, good on short texts."""

from __future__ import annotations

import pytest

from laborlens.extraction.detect import LanguageError, detect_language, resolve_language


@pytest.mark.parametrize(("text", "lang"), [
    ("no nos quitaron nada", "es"),
    ("Me pegó", "es"),
    ("Trabajo 14 horas", "es"),
    ("Sin papeles", "es"),
    ("¿Dónde está mi pasaporte?", "es"),
    ("they took our passports", "en"),
    ("He hit me", "en"),
    ("We work in the fields", "en"),
    ("the boss keeps our pay", "en"),
    ("they have no papers", "en"),
])
def test_short_texts(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_same_answer_every_time() -> None:
    text = "trabajo en el campo"
    assert {detect_language(text) for _ in range(20)} == {"es"}


def test_text_without_letters_gets_the_default() -> None:
    assert detect_language("1234 $$ !!") == "en"


def test_resolve_language() -> None:
    assert resolve_language("hola, nos pagan poco", "auto") == "es"
    assert resolve_language("anything", "en") == "en"
    with pytest.raises(LanguageError):
        resolve_language("anything", "pt")

"""Language detection for narratives: English or Spanish, offline and deterministic.

Uses langdetect 1.0.9 (Apache-2.0; a port of Google's language-detection). Its n-gram
profiles ship inside the package (about 2 MB installed), so nothing is downloaded at run
time. lingua-language-detector 2.2.0 was considered: more accurate on very short texts,
but its wheel is one 306 MB shared library holding all 75 languages, too heavy for two.

Only the English and Spanish profiles are loaded, so the detector chooses between the two
languages we support instead of answering "pt" or "ca" on a short Spanish tip, and its
random sampling is seeded so the same text always gets the same answer. A small cue list
(Spanish-only letters and function words) settles texts too short for n-grams.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

SUPPORTED = ("en", "es")
DEFAULT_LANGUAGE = "en"  # for text with no letters at all: the catalogue's first language
_SEED = 0

_SPANISH_MARKS = re.compile(r"[ñ¿¡áéíóú]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Frequent function words of one language only ("no", "me" are both: left out) (checked on very short texts).
_CUES = {
    "es": {"el", "la", "los", "las", "de", "que", "y", "en", "nos", "mi", "con", "por",
           "para", "una", "un", "del", "se", "lo", "su", "al", "es", "pero", "nunca"},
    "en": {"the", "and", "of", "to", "my", "we", "he", "she", "they", "our", "was", "were",
           "is", "it", "with", "for", "never", "not", "us", "his", "her", "i"},
}
_SHORT_TEXT_WORDS = 4


class LanguageError(ValueError):
    """The requested language is not one we extract from."""


@lru_cache(maxsize=1)
def _factory() -> object:
    """A langdetect factory holding only the English and Spanish profiles."""
    import langdetect
    from langdetect.detector_factory import DetectorFactory

    profiles = Path(langdetect.__file__).parent / "profiles"
    factory = DetectorFactory()
    factory.load_json_profile([(profiles / code).read_text(encoding="utf-8") for code in SUPPORTED])
    factory.set_seed(_SEED)
    return factory


def _cue_vote(words: list[str]) -> str | None:
    """The language whose function words outnumber the other's, if any."""
    es = sum(word in _CUES["es"] for word in words)
    en = sum(word in _CUES["en"] for word in words)
    if es != en:
        return "es" if es > en else "en"
    return None


def _clear_cue_vote(words: list[str]) -> str | None:
    """A language whose function words outnumber the other's by four to one (at least 6 of
    them): clear enough to skip the n-gram detector, which is most of the time of an
    extraction. Mixed (code-switched) text falls through to it."""
    es = sum(word in _CUES["es"] for word in words)
    en = sum(word in _CUES["en"] for word in words)
    if max(es, en) >= 6 and max(es, en) >= 4 * min(es, en):
        return "es" if es > en else "en"
    return None


def _ngram_vote(text: str) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()  # type: ignore[attr-defined]
    detector.append(text)
    try:
        code: str = detector.detect()
    except LangDetectException:  # no usable features (digits, symbols only)
        return None
    return code if code in SUPPORTED else None


def detect_language(text: str) -> str:
    """'en' or 'es' for the text (never raises; letterless text gets the default)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return DEFAULT_LANGUAGE
    if _SPANISH_MARKS.search(text) and len(words) <= _SHORT_TEXT_WORDS:
        return "es"
    if len(words) <= _SHORT_TEXT_WORDS:
        vote = _cue_vote(words)
        if vote:
            return vote
    clear = _clear_cue_vote(words)
    if clear:
        return clear
    return _ngram_vote(text) or _cue_vote(words) or DEFAULT_LANGUAGE


def resolve_language(text: str, lang: str) -> str:
    """The language to use: the given one, or the detected one for 'auto'."""
    if lang == "auto":
        return detect_language(text)
    if lang not in SUPPORTED:
        raise LanguageError(f"unsupported language {lang!r}: use auto, en or es")
    return lang


def sentence_language(sentence: str) -> str | None:
    """The language of one sentence by its function words alone (cheap; None if unclear)."""
    return _cue_vote([w.lower() for w in _WORD.findall(sentence)])

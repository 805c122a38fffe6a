"""Narrative indicator extraction (pure Python, no Django).

    from laborlens.extraction import extract, to_answers
    found = extract("They took our passports and we owe the recruiter $8,000.")
    answers = to_answers(found)      # pre-fills a screening, every answer unconfirmed
"""

from laborlens.extraction.detect import LanguageError, detect_language
from laborlens.extraction.matcher import Extraction, FoundIndicator, Span, extract, to_answers

__all__ = ["Extraction", "FoundIndicator", "LanguageError", "Span", "detect_language", "extract", "to_answers"]

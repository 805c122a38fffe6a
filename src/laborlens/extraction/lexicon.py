"""Tokens and stems for English and Spanish, so rules match words, not spellings.

snowballstemmer 3.1.1 (BSD-3-Clause, pure Python, the Snowball algorithms of Porter et
al.) reduces "beat/beats/beating", "threatens/threatened", "amenazó/amenazan/amenazaba"
to one stem. Text is folded first (accents, curly quotes) so "amenazó" and a tipster's
"amenazo" are the same word. A few spellings a tip gets wrong are mended before stemming:
a possessive without its apostrophe ("the bosss", "bosses" for "boss's") and
letters repeated for emphasis ("sooo").

Each narrative is read with both languages' stemmers (code-switched tips are common), and
each language's rules look only at that language's stems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

LANGUAGES = ("en", "es")
_STEMMER_NAMES = {"en": "english", "es": "spanish"}
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+(?:[.,:]\d+)*", re.UNICODE)
_TRIPLED = re.compile(r"(.)\1\1+")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str  # folded, lower case
    stems: tuple[str, str]  # (english stem, spanish stem)


@lru_cache(maxsize=2)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMER_NAMES[lang])


def normalise(word: str) -> str:
    """Lower case, no possessive "'s", no letters tripled for emphasis ("bosss" -> "boss")."""
    word = word.lower()
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word and not word.endswith("n't"):
        word = word.split("'")[0]
    return _TRIPLED.sub(r"\1\1", word)


@lru_cache(maxsize=100_000)
def stem(word: str, lang: str) -> str:
    """The stem of one folded word in ``lang`` ("en" or "es")."""
    base = normalise(word)
    if base.isdigit():
        return base
    return str(_stemmer(lang).stemWord(base))


@lru_cache(maxsize=100_000)
def _both(word: str) -> tuple[str, str]:
    return stem(word, "en"), stem(word, "es")


@lru_cache(maxsize=8)  # the matcher and the learned layer tokenise the same text
def _tokens(folded: str) -> tuple[Token, ...]:
    return tuple(Token(m.start(), m.end(), m.group().lower(), _both(m.group().lower()))
            for m in _TOKEN.finditer(folded))


def tokens(folded: str) -> list[Token]:
    """Word and number tokens of already folded text, with both stems."""
    return list(_tokens(folded))

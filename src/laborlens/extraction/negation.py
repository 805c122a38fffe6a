"""Negation scope for pattern matches: "he never took my passport" is not evidence.

A match is negated when a negation cue stands in the few tokens before it, inside the same
clause (a comma or a clause word such as "but" / "pero" closes the scope), or inside the
match itself for patterns whose own wording carries no negation. This is the NegEx idea
(Chapman et al., 2001) cut down to what tips need; cues and scope words are data in each
language's pattern file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Words, plus punctuation that closes a clause (a negation does not reach past it).
_TOKEN = re.compile(r"[\w']+|[,;:()\[\]\"“”—–]")
_CLOSING_PUNCTUATION = frozenset(",;:()[]\"“”—–")


@dataclass(frozen=True)
class NegationRules:
    cues: frozenset[str]
    cue_suffixes: tuple[str, ...]
    boundaries: frozenset[str]
    window_tokens: int

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NegationRules:
        return cls(
            cues=frozenset(data["cues"]),
            cue_suffixes=tuple(data.get("cue_suffixes", ())),
            boundaries=frozenset(data.get("boundaries", ())),
            window_tokens=int(data.get("window_tokens", 6)),
        )

    def is_cue(self, token: str) -> bool:
        return token in self.cues or any(token.endswith(s) for s in self.cue_suffixes)


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def negated_before(prefix: str, rules: NegationRules) -> bool:
    """True if the clause ending at the end of ``prefix`` negates what follows it."""
    tokens = _tokens(prefix)[-rules.window_tokens:]
    for token in reversed(tokens):
        if token in _CLOSING_PUNCTUATION or token in rules.boundaries:
            return False
        if rules.is_cue(token):
            return True
    return False


def negated_inside(matched: str, rules: NegationRules) -> bool:
    """True if the matched words themselves contain a negation cue."""
    return any(rules.is_cue(token) for token in _tokens(matched))


def is_negated(text: str, start: int, end: int, sentence_start: int, rules: NegationRules,
               *, wording_is_negative: bool) -> bool:
    """Whether the match text[start:end] is negated within its sentence.

    ``wording_is_negative`` is set for patterns such as "not allowed to leave", whose own
    negation is the evidence: only a negation before them counts (double negation).
    """
    if negated_before(text[sentence_start:start], rules):
        return True
    return not wording_is_negative and negated_inside(text[start:end], rules)

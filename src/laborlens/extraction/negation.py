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
    # Words that open a condition or a "whoever" clause ("if we don't finish", "el que no esté"):
    # a negation right after one belongs to that clause, not to the verb that follows it
    # ("el que no esté pierde la cama": losing the bed is not negated).
    condition_openers: frozenset[str] = frozenset()
    clitics: frozenset[str] = frozenset()
    # Verbs of denial ("denied that anyone holds her passport", "negó que alguien le guarde el sueldo")
    # reach the whole clause they open, up to a boundary, not only the window.
    denial_verbs: frozenset[str] = frozenset()
    denial_window_tokens: int = 16

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NegationRules:
        return cls(
            cues=frozenset(data["cues"]),
            cue_suffixes=tuple(data.get("cue_suffixes", ())),
            boundaries=frozenset(data.get("boundaries", ())),
            window_tokens=int(data.get("window_tokens", 6)),
            condition_openers=frozenset(data.get("condition_openers", ())),
            clitics=frozenset(data.get("clitics", ())),
            denial_verbs=frozenset(data.get("denial_verbs", ())),
            denial_window_tokens=int(data.get("denial_window_tokens", 16)),
        )

    def is_cue(self, token: str) -> bool:
        return token in self.cues or any(token.endswith(s) for s in self.cue_suffixes)


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def negated_before(prefix: str, rules: NegationRules) -> bool:
    """True if the clause ending at the end of ``prefix`` negates what follows it."""
    every = _tokens(prefix)
    tokens = every[-rules.window_tokens:]
    offset = len(every) - len(tokens)
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token in _CLOSING_PUNCTUATION or token in rules.boundaries:
            return False
        if rules.is_cue(token):
            return not _in_condition(every, offset + index, rules)
    return bool(rules.denial_verbs) and _denied_clause(every, rules)


def _denied_clause(tokens: list[str], rules: NegationRules) -> bool:
    """A verb of denial further back than the window, with no boundary or clause punctuation between."""
    for token in reversed(tokens[-rules.denial_window_tokens:]):
        if token in _CLOSING_PUNCTUATION or token in rules.boundaries:
            return False
        if token in rules.denial_verbs:
            return True
    return False


# A negated list ("No threats, debts or held documents", "no se reportaron amenazas, deudas ni represalias"): the
# cue reaches past commas to every item of the list it opens, when the items are short (at most two words) and the
# match is itself an item (right after a comma or a coordinator), so "no pay, they keep our passports" is not negated.
# An item is a noun phrase, not a clause: no pronoun, clitic, auxiliary or preposition in it ("nadie me amenazó,
# tengo mis papeles" and "is not in debt, can move out" are two clauses), and the match is as short as an item.
_LIST_SEPARATORS = frozenset({",", "or", "and", "nor", "ni", "o", "y", "u", "e"})
_NOT_IN_AN_ITEM = frozenset({"me", "te", "le", "les", "lo", "la", "los", "las", "nos", "se", "i", "he", "she", "they",
                             "we", "you", "it", "is", "are", "was", "were", "be", "been", "can", "could", "will", "would",
                             "has", "have", "had", "do", "does", "did", "in", "on", "at", "to", "for", "from", "of",
                             "with", "by", "en", "de", "con", "por", "para", "a", "al", "del", "hay", "es", "son", "esta"})
_LIST_ITEM_WORDS = 2
_LIST_WINDOW = 14


_ENDS_WITH_SEPARATOR = re.compile(r"(?:,|(?<![\w'])(?:or|and|nor|ni|o|y|u|e))\s*$", re.IGNORECASE)


def negated_list(prefix: str, matched: str, rules: NegationRules) -> bool:
    """True if ``matched``, which follows ``prefix``, is an item of a list a negation cue opens."""
    if not _ENDS_WITH_SEPARATOR.search(prefix):  # most matches: no need to read the clause at all
        return False
    item = _tokens(matched)
    if len(item) > _LIST_ITEM_WORDS or _NOT_IN_AN_ITEM & set(item):
        return False
    tokens = _tokens(prefix)[-_LIST_WINDOW:]
    for cue in range(len(tokens) - 1, -1, -1):
        token = tokens[cue]
        if token in rules.boundaries or token in _CLOSING_PUNCTUATION - {","}:
            return False
        if rules.is_cue(token):
            if _in_condition(tokens, cue, rules):
                return False
            items: list[int] = []
            size = commas = 0
            for t in tokens[cue + 1:]:
                if t in _NOT_IN_AN_ITEM and items:  # the first item may carry its verb: "no se reportaron amenazas,"
                    return False
                if t in _LIST_SEPARATORS:
                    commas += t == ","
                    items.append(size)
                    size = 0
                else:
                    size += 1
            return commas > 0 and 0 < items[0] <= _LIST_ITEM_WORDS + 1 and all(n <= _LIST_ITEM_WORDS for n in items[1:])
    return False


def _in_condition(tokens: list[str], cue: int, rules: NegationRules) -> bool:
    """A cue opening its own clause: a condition word at most two tokens before it, and a
    word of that clause (not a clitic pronoun) between it and the match."""
    before = tokens[max(0, cue - 2):cue]
    # an opener across a clause word or a comma is another clause's ("in debt to anyone and nobody has threatened him")
    cut = max((i + 1 for i, t in enumerate(before) if t in rules.boundaries or t in _CLOSING_PUNCTUATION), default=0)
    before = [t.strip("'") for t in before[cut:]]  # a quote opens the condition: "'si no te gusta, ..."
    opened = any(t in rules.condition_openers for t in before) or " ".join(before) in rules.condition_openers
    between = [t for t in tokens[cue + 1:] if t not in rules.clitics]
    return opened and bool(between)


def negated_inside(matched: str, rules: NegationRules) -> bool:
    """True if the matched words themselves contain a negation cue."""
    return any(rules.is_cue(token) for token in _tokens(matched))


# A question the text answers "no" ("¿Que si alguien me tiene los papeles? No, ...", "Debts? None."):
# what the question asks is what the answer denies.
_ANSWERED_NO = re.compile(r"[^.!?\n]{0,80}\?\s*(?:no|nope|nah|never|none|nobody|nada|ninguna|ninguno|nunca|nadie|jamas|"
                          r"para nada|not at all)(?![\w'])", re.IGNORECASE)


# A sentence whose subject is nobody and whose verb is telling ("None reported being threatened, hit, or told they
# would be reported to immigration", "Ninguno refirió que le quitaran los papeles"): everything reported is denied,
# however long the list, up to a "but".
_NOBODY_REPORTED = re.compile(
    r"^\W*(?:(?:none|nobody|no one|noone|not one|neither)(?: of (?:them|us|those|the \w+))?|(?:ninguno|ninguna|nadie|ni uno)"
    r"(?: de (?:ellos|ellas|los \w+|las \w+))?)(?: \w+){0,2}? (?:reported|report|said|says|mentioned|described|stated|"
    r"complained(?: of| about)?|claimed|alleged|indicated|refiri\w*|report\w*|dij\w*|mencion\w*|se quej\w*|manifest\w*|"
    r"declar\w*|describi\w*|indic\w*)(?![\w'])", re.IGNORECASE)
_BUT = re.compile(r"(?<![\w'])(?:but|however|although|pero|sin embargo|aunque)(?![\w'])|;|,? (?:and|y) (?:both|all|they|he|she|we|i|each|"
                  r"everyone|the \w+|todos|ambos|ellos|ellas|el|ella|dijeron|dicen|dijo|dice)(?![\w'])", re.IGNORECASE)


# A question reported, not asked ("Se le preguntó si alguien le guarda sus papeles: dijo que no", "asked whether the
# owner holds his passport, he said no"): what it asks is not told, and the answer after it denies it.
_ASKED_IF = re.compile(r"(?<![\w'])(?:ask|asks|asked|asking|wanted to know|wants to know|want to know|wondered|"
                       r"quer\w* saber|pregunt\w*)(?: \w+){0,3}? (?:if|whether|si)(?![\w'])", re.IGNORECASE)
_SUBJECT = r"(?:(?:he|she|they|i|we|el|ella|ellos|ellas)\s+)?"
_SAID = r"(?:said|says|answered|replied|dijo|dijeron|dice|dicen|contesto|contestaron|respondio|respondieron)(?: que)?\s+"
_DENIAL = r"(?:no|nope|never|none|nobody|nada|nunca|nadie|ninguno|ninguna)(?![\w'])"
# the answer right after the question's own words: "...: dijo que no", "..., he said no", "...? No"
_THEN_NO = re.compile(r"[^.!?\n:;]{0,40}?(?:[:,;?]\s*" + _SUBJECT + r"(?:" + _SAID + r")?|(?<![\w'])(?:and|y)\s+" + _SUBJECT
                      + _SAID + ")" + _DENIAL, re.IGNORECASE)
_ANSWER_MARK = re.compile(r"[:?]")
_QUESTION_HEAD = re.compile(r"\W*(?:si|whether)(?![\w'])", re.IGNORECASE)


def asked_and_denied(text: str, start: int, end: int, sentence_start: int) -> bool:
    """True if the match sits inside a reported question ("asked if ...") that is answered no right after it."""
    asked = list(_ASKED_IF.finditer(text, sentence_start, end))
    # the last "asked if" before the match, or an interview's next question: "Si le debe dinero: no."
    opener = asked[-1] if asked else _QUESTION_HEAD.match(text, sentence_start)
    if opener is None or _ANSWER_MARK.search(text, opener.end(), start):
        return False  # no question, or it was answered before the match
    return _THEN_NO.match(text, end) is not None


def nobody_reported(prefix: str) -> bool:
    """True if the sentence up to the match opens with nobody reporting, and no "but" turns it."""
    head = _NOBODY_REPORTED.match(prefix)
    return head is not None and not _BUT.search(prefix, head.end())


def is_negated(text: str, start: int, end: int, sentence_start: int, rules: NegationRules,
               *, wording_is_negative: bool) -> bool:
    """Whether the match text[start:end] is negated within its sentence.

    ``wording_is_negative`` is set for patterns such as "not allowed to leave", whose own
    negation is the evidence: only a negation before them counts (double negation). A
    question answered "no" negates what it asks.
    """
    if negated_before(text[sentence_start:start], rules) or nobody_reported(text[sentence_start:start]):
        return True
    if not wording_is_negative and negated_list(text[sentence_start:start], text[start:end], rules):
        return True
    if not wording_is_negative and (_ANSWERED_NO.match(text, end) or asked_and_denied(text, start, end, sentence_start)):
        return True
    return not wording_is_negative and negated_inside(text[start:end], rules)

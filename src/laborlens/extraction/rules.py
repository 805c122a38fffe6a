"""Stem-sequence rules: word patterns that match every form of their words.

A rule in patterns/rules.json is a sequence of elements matched in order within one
sentence, with at most ``gap`` other tokens between two elements:

    {"id": "en.violence.hit", "indicator": "cd_violence_on_victim", "lang": "en",
     "seq": ["{BOSS}", "hit|beat|punch|slap|kick"], "gap": 3, "weight": 0.8}

An element is alternatives separated by "|". Each alternative is a word, stemmed with
the rule's language at load time ("beats", "beating" and "beat" all match "beat"), or
``=word`` (this exact folded word), ``word*`` (any word starting so), ``#num`` (any
number), ``#count`` (a number that counts people or things, not money, a time, an age, a
measure, a rate or a year: "12 in one trailer", not "$50 per bed", "3am" or "52 años") or ``{MACRO}`` (the alternatives of a macro of that language). Every form of
"amenazar" matches "amenazó|amenaza" because both stem to "amenaz".

``vetoes`` name sentences where an indicator's evidence has an innocent reading ("a
yard locked against theft", "she keeps her own passport"): a hit for that indicator in
such a sentence is dropped unless the sentence also matches one of the veto's
``unless`` patterns (plain regular expressions over the folded sentence).
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from laborlens.extraction.lexicon import LANGUAGES, Token, stem

RULES_FILE = Path(__file__).resolve().parent / "patterns" / "rules.json"
DEFAULT_GAP = 3
_MACRO = re.compile(r"^\{([A-Z][A-Z0-9_]*)\}$")


@dataclass(frozen=True)
class Element:
    stems: frozenset[str]
    words: frozenset[str]
    prefixes: tuple[str, ...]
    number: bool
    prefix_re: re.Pattern[str] | None = None  # the prefixes as one anchored alternation
    count: bool = False  # "#count": a number that counts people or things (not money, a time, an age, a rate...)

    def matches(self, token: Token, lang_index: int) -> bool:
        return (token.stems[lang_index] in self.stems or token.word in self.words
                or (self.number and token.word[:1].isdigit())
                or (self.count and token.word[:1].isdigit() and not token.money and not token.clock
                    and not token.measure)
                or (self.prefix_re is not None and self.prefix_re.match(token.word) is not None))


@dataclass(frozen=True)
class Rule:
    id: str
    indicator: str
    lang: str
    elements: tuple[Element, ...]
    gap: int
    weight: float
    negated_form: bool
    fixed: bool = False  # True: the indicator as named, never moved to its recruitment/destination twin


@dataclass(frozen=True)
class Veto:
    indicator: str
    when: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]

    def applies(self, sentence: str, unless_in: str | None = None) -> bool:
        """Whether the veto holds for a sentence; ``unless_in`` is the text the exceptions are read in
        (the sentence with refuted allegations blanked), when it differs."""
        text = sentence if unless_in is None else unless_in
        return any(p.search(sentence) for p in self.when) and not any(p.search(text) for p in self.unless)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    by_first_stem: Mapping[tuple[int, str], tuple[Rule, ...]]  # (language index, stem)
    by_first_word: Mapping[str, tuple[Rule, ...]]
    scan_always: Mapping[str, tuple[Rule, ...]]  # first element a prefix (by its first letter) or "#" a number
    vetoes: Mapping[str, tuple[Veto, ...]]
    # A rule word of TYPO_MIN_LENGTH letters or more with one letter dropped or two swapped
    # (never the first two letters) -> that word; see spelled().
    typos: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # (word, stems) of a token -> the rules whose first element it matches (_first_matched)
    first_matched: dict[tuple[str, tuple[str, str], bool, bool, bool], tuple[Rule, ...]] = dataclasses.field(
        default_factory=dict, compare=False, repr=False)


TYPO_MIN_LENGTH = 8


def fold_word(word: str) -> str:
    """A rule word as a folded token reads it (no accents)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _typo_forms(word: str) -> set[str]:
    """``word`` with one letter dropped or two neighbours swapped, the first two letters
    kept (a drop there makes other words: "threats" -> "treats") and the last one too
    (a drop there is another form of it: "dollars" -> "dollar")."""
    forms = {word[:i] + word[i + 1:] for i in range(2, len(word) - 1)}
    forms |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(2, len(word) - 1)}
    forms.discard(word)
    return forms


def _typo_map(words: set[str]) -> dict[str, str]:
    """{misspelling: rule word} for the long rule words; a misspelling of two different
    words, or one that is itself a rule word, is left alone."""
    out: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word in sorted(w for w in words if len(w) >= TYPO_MIN_LENGTH and w.isalpha()):
        for form in _typo_forms(word):
            if form in out and out[form] != word:
                ambiguous.add(form)
            out[form] = word
    # A form that stems like some rule word is a real form of that word ("dollar",
    # "cambia", "quiera"), not a misspelling.
    known = {stem(w, lang) for w in words for lang in LANGUAGES}
    return {k: v for k, v in out.items() if k not in ambiguous and k not in words
            and stem(k, "en") not in known and stem(k, "es") not in known}


def spelled(toks: list[Token], rules: RuleSet) -> list[Token]:
    """The tokens with a misspelt rule word read as that word ("pasport" -> "passport",
    "amenazaorn" -> "amenazaron"); offsets are kept, so spans still point at the text."""
    if not rules.typos:
        return toks
    out = toks
    for i, tok in enumerate(toks):
        word = rules.typos.get(tok.word)
        if word is not None:
            if out is toks:
                out = list(toks)
            out[i] = Token(tok.start, tok.end, word, (stem(word, "en"), stem(word, "es")), tok.money, tok.clock, tok.measure)
    return out


def _plain_words(raw: str, lang: str, macros: Mapping[str, Mapping[str, str]]) -> set[str]:
    """The plain words (not =exact, prefix* or #num) an element names."""
    out = set()
    for part in raw.split("|"):
        macro = _MACRO.match(part)
        for alt in macros[lang][macro.group(1)].split("|") if macro else [part]:
            alt = alt.strip().lower()
            if alt and alt[0] not in "=#" and not alt.endswith("*"):
                out.update(alt.split())
    return out


def _element(raw: str, lang: str, macros: Mapping[str, Mapping[str, str]]) -> Element:
    alternatives: list[str] = []
    for part in raw.split("|"):
        macro = _MACRO.match(part)
        if macro is None and part.strip().startswith("{"):  # a misspelt macro would match no word, silently
            raise ValueError(f"rules.json: {part!r} is not a macro name ({{NAME}}, capitals, digits and _)")
        alternatives.extend(macros[lang][macro.group(1)].split("|") if macro else [part])
    stems, words, prefixes, number, count = set(), set(), [], False, False
    for alt in (a.strip().lower() for a in alternatives):
        if not alt:
            continue
        if alt == "#num":
            number = True
        elif alt == "#count":
            count = True
        elif alt.startswith("="):
            words.add(alt[1:])
        elif alt.endswith("*"):
            prefixes.append(alt[:-1])
        else:
            stems.add(stem(alt, lang))
    prefix_re = re.compile("|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))) if prefixes else None
    return Element(frozenset(stems), frozenset(words), tuple(prefixes), number, prefix_re, count)


def _regexes(raw: list[str] | str) -> tuple[re.Pattern[str], ...]:
    items = [raw] if isinstance(raw, str) else raw
    return tuple(re.compile(rx, re.IGNORECASE) for rx in items)


@lru_cache(maxsize=1)
def rule_set() -> RuleSet:
    data: dict[str, Any] = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    macros = data.get("macros", {})
    rules = []
    words: set[str] = set()
    for raw in data["rules"]:
        langs = LANGUAGES if raw.get("lang", "both") == "both" else (raw["lang"],)
        for lang in langs:
            for e in raw["seq"]:
                words |= _plain_words(e, lang, macros)
            rules.append(Rule(f"{raw['id']}" if len(langs) == 1 else f"{raw['id']}.{lang}",
                              raw["indicator"], lang,
                              tuple(_element(e, lang, macros) for e in raw["seq"]),
                              int(raw.get("gap", DEFAULT_GAP)), float(raw.get("weight", 0.8)),
                              bool(raw.get("negated_form", False)), bool(raw.get("fixed", False))))
    by_stem: dict[tuple[int, str], list[Rule]] = {}
    by_word: dict[str, list[Rule]] = {}
    scan: dict[str, list[Rule]] = {}
    for rule in rules:
        first, index = rule.elements[0], LANGUAGES.index(rule.lang)
        if first.number or first.count:
            scan.setdefault("#", []).append(rule)
        for letter in {p[:1] for p in first.prefixes}:
            scan.setdefault(letter, []).append(rule)
        for s in first.stems:
            by_stem.setdefault((index, s), []).append(rule)
        for w in first.words:
            by_word.setdefault(w, []).append(rule)
    vetoes: dict[str, list[Veto]] = {}
    for raw in data.get("vetoes", ()):
        vetoes.setdefault(raw["indicator"], []).append(
            Veto(raw["indicator"], _regexes(raw["when"]), _regexes(raw.get("unless", []))))
    return RuleSet(tuple(rules), {k: tuple(v) for k, v in by_stem.items()},
                   {k: tuple(v) for k, v in by_word.items()}, {k: tuple(v) for k, v in scan.items()},
                   {k: tuple(v) for k, v in vetoes.items()}, _typo_map({fold_word(w) for w in words}))


@dataclass(frozen=True)
class RuleMatch:
    rule: Rule
    start: int  # character offsets
    end: int


def _match_from(rule: Rule, toks: list[Token], i: int, stop: int) -> int | None:
    """Index of the last token of a match of ``rule`` starting at token i, or None."""
    index = LANGUAGES.index(rule.lang)
    position = i
    for element in rule.elements[1:]:
        for j in range(position + 1, min(position + 1 + rule.gap + 1, stop)):
            if element.matches(toks[j], index):
                position = j
                break
        else:
            return None
    return position


FIRST_MATCHED_WORDS = 100_000


def _first_matched(tok: Token, rules: RuleSet) -> tuple[Rule, ...]:
    """The rules whose first element matches the token, each once, in a fixed order (by
    stem, by exact word, then the prefix and number rules). It depends only on the token's
    word and stems, so it is worked out once per distinct word."""
    key = (tok.word, tok.stems, tok.money, tok.clock, tok.measure)
    cached = rules.first_matched.get(key)
    if cached is not None:
        return cached
    candidates = [*rules.by_first_stem.get((0, tok.stems[0]), ()),
                  *rules.by_first_stem.get((1, tok.stems[1]), ()),
                  *rules.by_first_word.get(tok.word, ())]
    scan = [*rules.scan_always.get(tok.word[:1], ()),
            *(rules.scan_always.get("#", ()) if tok.word[:1].isdigit() else ())]
    candidates.extend(r for r in scan if r.elements[0].matches(tok, LANGUAGES.index(r.lang)))
    seen: set[str] = set()
    unique = []
    for rule in candidates:
        if rule.id not in seen:
            seen.add(rule.id)
            unique.append(rule)
    if len(rules.first_matched) >= FIRST_MATCHED_WORDS:  # a bound on memory in a long-running process
        rules.first_matched.clear()
    rules.first_matched[key] = result = tuple(unique)
    return result


def match_sentence(toks: list[Token], start: int, stop: int, rules: RuleSet) -> list[RuleMatch]:
    """Every rule match among toks[start:stop] (one sentence)."""
    found = []
    for i in range(start, stop):
        tok = toks[i]
        for rule in _first_matched(tok, rules):
            last = _match_from(rule, toks, i, stop)
            if last is not None:
                found.append(RuleMatch(rule, tok.start, toks[last].end))
    return found
